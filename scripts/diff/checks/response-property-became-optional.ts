import { propertyCheck, both } from '../check.ts';

/** Code that relied on the field being present may now read undefined. */
export default propertyCheck({
  id: 'response-property-became-optional',
  level: 'breaking',
  side: 'response',
  when: (n) => both(n) && n.requiredBase && !n.requiredRevision,
});
