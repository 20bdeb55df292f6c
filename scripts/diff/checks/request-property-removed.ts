import { propertyCheck } from '../check.ts';

/** A request body (or JSON parameter) property is gone: typed clients setting it stop compiling. */
export default propertyCheck({
  id: 'request-property-removed',
  level: 'breaking',
  side: 'request',
  when: (n) => !!n.base && !n.revision,
});
