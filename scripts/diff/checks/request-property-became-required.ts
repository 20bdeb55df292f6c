import { propertyCheck, both } from '../check.ts';

/** Callers that leave the property out are now rejected. */
export default propertyCheck({
  id: 'request-property-became-required',
  level: 'breaking',
  side: 'request',
  when: (n) => both(n) && !n.requiredBase && n.requiredRevision,
});
