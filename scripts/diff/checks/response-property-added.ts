import { propertyCheck } from '../check.ts';

/** A new field in the response: harmless for clients. */
export default propertyCheck({
  id: 'response-property-added',
  level: 'info',
  side: 'response',
  when: (n) => !n.base && !!n.revision,
});
