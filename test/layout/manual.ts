/**
 * A vendor-neutral manual for testing the layout stage on its own: a generated Api laid out as
 * ManualLayout blocks (title page, table of contents, chapters, operation sections with parameter
 * tables whose child rows are indented, JSON samples, error tables), with odd/even running headers
 * that name the chapter and footers with page numbers. It follows no vendor's wording: what the
 * layout stage must give back is exactly these blocks, whatever the typesetter did to them.
 */
import type { Api, Field, TypeRef } from '../harness/model.ts';
import type { ManualBlock, ManualLayout, TableRow } from '../harness/layout.ts';

function typeName(t: TypeRef): string {
  switch (t.kind) {
    case 'primitive':
      return t.name[0].toUpperCase() + t.name.slice(1);
    case 'json':
      return 'String';
    case 'object':
      return t.struct ?? 'Object';
    case 'map':
      return 'Map';
    case 'array':
      return t.items ? `Array of ${t.items.kind === 'object' ? (t.items.struct ?? 'Object') : typeName(t.items)}` : 'Array';
  }
}

function rows(fields: Field[], level: number, request: boolean, out: TableRow[]): TableRow[] {
  for (const f of fields) {
    const desc = [...f.description];
    if (f.enum) desc.push(`Valid values: ${f.enum.map((e) => e.value).join(', ')}.`);
    if (f.default !== undefined) desc.push(`Default value: ${f.default}.`);
    const cells = request ? [[f.name], [typeName(f.type)], [f.required ? 'Yes' : 'No'], [f.example ?? ''], desc] : [[f.name], [typeName(f.type)], [f.example ?? ''], desc];
    out.push({ level, cells: cells.map((c) => c.filter((p) => p !== '')) });
    const inner = f.type.kind === 'array' ? f.type.items : f.type;
    if (inner?.kind === 'object') rows(inner.fields, level + 1, request, out);
  }
  return out;
}

function sample(fields: Field[], depth = 0): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const f of fields) {
    const t = f.type;
    if (t.kind === 'object') o[f.name] = sample(t.fields, depth + 1);
    else if (t.kind === 'array') o[f.name] = t.items?.kind === 'object' ? [sample(t.items.fields, depth + 1)] : [f.example ?? 'x'];
    else o[f.name] = f.example ?? '';
  }
  return o;
}

export function genericManual(api: Api): ManualLayout {
  const blocks: ManualBlock[] = [];
  const title = `${api.product.name} API Reference`;
  blocks.push({ kind: 'title', lines: [api.product.name, 'API Reference', `Document version ${api.documentVersion}`] });
  const toc: { level: number; text: string }[] = [];
  const chapters = api.groups.map((g, i) => ({ n: i + 1, g }));
  for (const c of chapters) {
    toc.push({ level: 1, text: `${c.n}. ${c.g}` });
    api.operations.filter((o) => o.group === c.g).forEach((o, k) => toc.push({ level: 2, text: `${c.n}.${k + 1}. ${o.name}` }));
  }
  blocks.push({ kind: 'toc', title: 'Contents', entries: toc });
  for (const c of chapters) {
    blocks.push({ kind: 'heading', level: 1, number: `${c.n}.`, text: c.g, chapter: true });
    api.operations
      .filter((o) => o.group === c.g)
      .forEach((o, k) => {
        blocks.push({ kind: 'heading', level: 2, number: `${c.n}.${k + 1}.`, text: o.name });
        blocks.push({ kind: 'paragraph', text: o.summary });
        for (const d of o.description) blocks.push({ kind: 'paragraph', text: d });
        blocks.push({ kind: 'heading', level: 3, text: 'Request parameters' });
        blocks.push({ kind: 'table', header: ['Parameter', 'Type', 'Required', 'Example', 'Description'], widths: [22, 12, 9, 20, 37], rows: rows(o.params, 0, true, []) });
        blocks.push({ kind: 'heading', level: 3, text: 'Response parameters' });
        blocks.push({ kind: 'table', header: ['Parameter', 'Type', 'Example', 'Description'], widths: [25, 14, 22, 39], rows: rows(o.responses[0].fields, 0, false, []) });
        blocks.push({ kind: 'heading', level: 3, text: 'Sample response' });
        blocks.push({ kind: 'code', lines: JSON.stringify(sample(o.responses[0].fields), null, 2).split('\n') });
        if (o.errors.length) {
          blocks.push({ kind: 'heading', level: 3, text: 'Error codes' });
          blocks.push({ kind: 'table', header: ['HTTP status code', 'Error code', 'Error message'], widths: [20, 35, 45], rows: o.errors.map((e) => ({ level: 0, cells: [[String(e.status)], [e.code], [e.message]] })) });
        }
      });
  }
  return {
    blocks,
    furniture(page, chapter) {
      const odd = page % 2 === 1;
      const head = chapter ? `${title}·${chapter}` : title;
      return odd
        ? { header: { right: head }, footer: { left: `Version ${api.documentVersion}`, right: String(page) } }
        : { header: { left: head }, footer: { left: String(page), right: `Version ${api.documentVersion}` } };
    },
  };
}
