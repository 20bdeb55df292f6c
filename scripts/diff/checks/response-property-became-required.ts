import { propertyCheck, both } from '../check.ts';

/** The field is now always present. */
export default propertyCheck({
  id: 'response-property-became-required',
  level: 'info',
  side: 'response',
  when: (n) => both(n) && !n.requiredBase && n.requiredRevision,
});
