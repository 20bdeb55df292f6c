import { propertyCheck } from '../check.ts';

/** A new optional request property. */
export default propertyCheck({
  id: 'request-property-added',
  level: 'info',
  side: 'request',
  when: (n) => !n.base && !!n.revision && !n.requiredRevision,
});
