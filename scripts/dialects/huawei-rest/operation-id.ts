/**
 * operationIds that read like SDK methods, from what the URI says (the manual gives none):
 *
 * - the verb from the method and the URI's shape: GET on a collection -> List, GET on an item
 *   ({id} last) -> Show, POST on a collection -> Create, POST on an item's action segment
 *   ("/clusters/{cluster_id}/restart") -> that verb, PUT / PATCH on an item -> Update, DELETE ->
 *   Delete; a batch segment ("batch-create", "batch/delete", "action" with "… in Batches" in the
 *   title) -> Batch + verb on the plural;
 * - the noun from the resource segment, singular for one item and plural for lists, prefixed by its
 *   parent resource when it is nested under an item ("/clusters/{cluster_id}/subnets" ->
 *   ListClusterSubnets); capitalised words the section title puts before the resource word refine
 *   it ("Creating a Service Mesh" on /meshes -> CreateServiceMesh).
 *
 * The same method, path and title always give the same id; uniqueness is settled by the caller.
 */

export function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

export function singular(word: string): string {
  if (/ies$/i.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/i.test(word)) return word;
  if (/(xes|zes|ches|shes|sses)$/i.test(word)) return word.slice(0, -2);
  if (/s$/i.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

function words(segment: string): string[] {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase());
}

const pascalWords = (ws: string[]) => ws.join('');

/** Segment words that are verbs of an action on a resource. */
const ACTION_VERBS = new Set([
  'restart', 'start', 'stop', 'reboot', 'resize', 'upgrade', 'downgrade', 'migrate', 'rollback', 'enable', 'disable', 'reset',
  'sync', 'synchronize', 'retry', 'cancel', 'check', 'validate', 'verify', 'export', 'import', 'attach', 'detach', 'bind',
  'unbind', 'install', 'uninstall', 'extend', 'expand', 'shrink', 'renew', 'apply', 'approve', 'reject', 'publish',
  'unpublish', 'clone', 'copy', 'move', 'switch', 'lock', 'unlock', 'freeze', 'unfreeze', 'activate', 'deactivate',
  'refresh', 'recover', 'restore', 'backup', 'scale', 'suspend', 'resume', 'pause', 'run', 'execute', 'trigger', 'test',
  'search', 'count', 'query', 'create', 'delete', 'update', 'add', 'remove', 'tag', 'untag', 'login', 'logout', 'authorize',
  'batch', 'action', 'actions', 'operate', 'operation', 'modify', 'set', 'change', 'repair', 'rebuild', 'deploy',
]);

/** Title gerunds -> verbs ("Restarting" -> Restart); also the verb a title gives an "action" segment. */
const GERUNDS: Record<string, string> = {
  creating: 'Create', adding: 'Create', deleting: 'Delete', removing: 'Remove', querying: 'Show', obtaining: 'Show', viewing: 'Show',
  listing: 'List', updating: 'Update', modifying: 'Update', changing: 'Update', upgrading: 'Upgrade', restarting: 'Restart',
  starting: 'Start', stopping: 'Stop', resizing: 'Resize', migrating: 'Migrate', enabling: 'Enable', disabling: 'Disable',
  tagging: 'Tag', untagging: 'Untag', exporting: 'Export', importing: 'Import', rolling: 'Rollback', resetting: 'Reset',
  binding: 'Bind', unbinding: 'Unbind', attaching: 'Attach', detaching: 'Detach', checking: 'Check', cancelling: 'Cancel',
  canceling: 'Cancel', expanding: 'Expand', renewing: 'Renew',
};

const TITLE_STOP = new Set(['a', 'an', 'the', 'of', 'for', 'in', 'to', 'and', 'all', 'details', 'detail', 'specified', 'existing', 'new', 'single', 'list', 'batches', 'batch', 'information', 'info']);

export interface DerivedId {
  id: string;
  /** The noun came from the URI alone (the title does not name the resource). */
  fromUriOnly: boolean;
}

/** Words the title puts before the resource word ("Creating a Service Mesh", resource "meshes" -> ["Service"]). */
function titleQualifier(title: string, resourceWord: string): string[] | undefined {
  const ws = title.replace(/[^A-Za-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean);
  const target = singular(resourceWord.toLowerCase());
  let j = -1;
  ws.forEach((w, k) => {
    if (singular(w.toLowerCase()) === target) j = k;
  });
  if (j < 0) return undefined;
  const out: string[] = [];
  for (let k = j - 1; k >= 1 && out.length < 2; k--) {
    const w = ws[k];
    if (!/^[A-Z]/.test(w) || TITLE_STOP.has(w.toLowerCase()) || GERUNDS[w.toLowerCase()]) break;
    out.unshift(w[0].toUpperCase() + w.slice(1));
  }
  return out;
}

const isParam = (seg: string | undefined) => !!seg && /^\{[^}]+\}$/.test(seg);

export function operationIdFor(method: string, path: string, title: string): DerivedId {
  const segs = path.split('/').filter(Boolean);
  // Skip the version and the scope ("/v1/{project_id}") before the first resource.
  let k = 0;
  while (k < segs.length && (/^v\d+(?:\.\d+)?$/i.test(segs[k]) || isParam(segs[k]))) k++;
  const rest = segs.slice(k);
  const m = method.toLowerCase();
  const gerundVerb = GERUNDS[title.trim().split(/\s+/)[0]?.toLowerCase() ?? ''];
  const batchTitle = /\bin batch(?:es)?\b|\bbatch\b/i.test(title);
  const lastIsItem = isParam(rest[rest.length - 1]);

  // Index of the resource segment, and an action segment after it.
  let r = lastIsItem ? rest.length - 2 : rest.length - 1;
  let actionSeg: string | undefined;
  if (!lastIsItem && r >= 0) {
    const segWords = words(rest[r]).map((w) => w.toLowerCase());
    if (segWords.some((w) => ACTION_VERBS.has(w)) && r > 0) {
      actionSeg = rest[r];
      r = isParam(rest[r - 1]) ? r - 2 : r - 1;
    }
  }
  while (r >= 0 && isParam(rest[r])) r--;
  if (r < 0) {
    const v = actionSeg ? pascalWords(words(actionSeg)) : gerundVerb ?? pascalWords(words(m));
    return { id: v || 'Call', fromUriOnly: true };
  }
  const actionOnItem = actionSeg !== undefined && isParam(rest[r + 1]);

  let verb: string;
  let pluralNoun: boolean;
  if (actionSeg) {
    const aw = words(actionSeg);
    const batch = aw.some((w) => w.toLowerCase() === 'batch') || (batchTitle && aw.some((w) => /^actions?$/i.test(w)));
    const own = aw.filter((w) => !/^(batch|action|actions)$/i.test(w));
    const v = own.length ? pascalWords(own) : gerundVerb && gerundVerb !== 'Show' ? gerundVerb : m === 'delete' ? 'Delete' : 'Create';
    verb = batch ? `Batch${v}` : v;
    pluralNoun = batch || !actionOnItem;
  } else if (m === 'get') {
    const w = words(rest[r]);
    const lastWord = w[w.length - 1] ?? '';
    const pluralWord = singular(lastWord) !== lastWord;
    verb = lastIsItem || !pluralWord ? 'Show' : 'List';
    pluralNoun = verb === 'List';
  } else if (m === 'post') {
    verb = batchTitle && !lastIsItem ? `Batch${gerundVerb && gerundVerb !== 'Show' ? gerundVerb : 'Create'}` : 'Create';
    pluralNoun = verb.startsWith('Batch');
  } else if (m === 'put' || m === 'patch') {
    verb = 'Update';
    pluralNoun = !lastIsItem && batchTitle;
  } else if (m === 'delete') {
    verb = !lastIsItem && batchTitle ? 'BatchDelete' : 'Delete';
    pluralNoun = !lastIsItem && batchTitle;
  } else {
    verb = pascalWords(words(m));
    pluralNoun = false;
  }

  let nounWords = words(rest[r]);
  // The resource it belongs to: the static segment before it (its item or its collection).
  let p = r - 1;
  while (p >= 0 && isParam(rest[p])) p--;
  const parent = p >= 0 ? words(rest[p]) : [];
  const qualifier = titleQualifier(title, nounWords[nounWords.length - 1]);
  if (qualifier?.length) {
    const already = new Set([...nounWords, ...parent].map((w) => singular(w.toLowerCase())));
    nounWords = [...qualifier.filter((w) => !already.has(singular(w.toLowerCase()))), ...nounWords];
  }
  const last = nounWords.length - 1;
  nounWords[last] = pluralNoun ? plural(singular(nounWords[last])) : singular(nounWords[last]);
  if (parent.length) parent[parent.length - 1] = singular(parent[parent.length - 1]);
  return { id: `${verb}${pascalWords(parent)}${pascalWords(nounWords)}`, fromUriOnly: qualifier === undefined };
}
