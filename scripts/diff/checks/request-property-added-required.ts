import { propertyCheck } from '../check.ts';

/** Existing callers do not send the new property. */
export default propertyCheck({
  id: 'request-property-added-required',
  level: 'breaking',
  side: 'request',
  when: (n) => !n.base && !!n.revision && n.requiredRevision,
});
