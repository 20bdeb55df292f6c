/**
 * operationIds from section titles, so they read well and only change when the manual renames
 * the operation: "Creating a Service Mesh" -> CreateServiceMesh, "Querying a Service Mesh" ->
 * GetServiceMesh, "Querying the Service Mesh List" -> ListServiceMeshes.
 *
 * The title's leading gerund gives the verb ("Querying" a single resource reads as Get, a "… List"
 * as List); the rest, without articles, gives the resource.
 */
import { pascal } from '../../openapi/context.ts';

const VERBS: Record<string, string> = {
  creating: 'Create',
  adding: 'Create',
  deleting: 'Delete',
  removing: 'Delete',
  querying: 'Get',
  obtaining: 'Get',
  viewing: 'Get',
  listing: 'List',
  updating: 'Update',
  modifying: 'Update',
  changing: 'Update',
  upgrading: 'Upgrade',
};

export function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

export function operationIdFromTitle(title: string): string {
  const words = title.replace(/[^A-Za-z0-9 ]+/g, ' ').trim().split(/\s+/);
  const gerund = words[0]?.toLowerCase() ?? '';
  let verb = VERBS[gerund];
  let rest = words.slice(1).filter((w) => !/^(a|an|the|of|for)$/i.test(w));
  if (!verb) {
    // Not a known gerund: "Batch Deleting …" and friends keep their words as they are.
    return pascal(title);
  }
  if (rest.length > 1 && /^list$/i.test(rest[rest.length - 1])) {
    verb = 'List';
    rest = rest.slice(0, -1);
    rest[rest.length - 1] = plural(rest[rest.length - 1]);
  }
  return verb + pascal(rest.join(' '));
}
