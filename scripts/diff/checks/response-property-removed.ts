import { propertyCheck } from '../check.ts';

/** Code reading the field gets undefined; typed clients stop compiling. */
export default propertyCheck({
  id: 'response-property-removed',
  level: 'breaking',
  side: 'response',
  when: (n) => !!n.base && !n.revision,
});
