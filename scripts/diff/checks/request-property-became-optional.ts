import { propertyCheck, both } from '../check.ts';

/** Callers may now leave the property out. */
export default propertyCheck({
  id: 'request-property-became-optional',
  level: 'info',
  side: 'request',
  when: (n) => both(n) && n.requiredBase && !n.requiredRevision,
});
