/**
 * A minimal template filler for templates/docs/*.md: `{{name}}` is replaced by a value the caller
 * has already escaped for its context. Unknown placeholders are an error, so a template typo
 * cannot silently produce a half-filled document. A line holding only an empty placeholder is
 * dropped together with the blank line after it.
 */
export function fill(template: string, values: Record<string, string>, name = 'template'): string {
  const pruned = template.replace(/^\{\{([A-Za-z][A-Za-z0-9]*)\}\}\n(\n|$)/gm, (whole, key: string) => (values[key] === '' ? '' : whole));
  return pruned.replace(/\{\{([A-Za-z][A-Za-z0-9]*)\}\}/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`${name}: no value for {{${key}}}`);
    return values[key];
  });
}
