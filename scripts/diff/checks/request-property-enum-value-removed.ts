import { propertySchemaCheck, enumValues } from '../check.ts';
import { enumRemoved } from '../compare.ts';

/** A value callers may send in the property is no longer accepted. */
export default propertySchemaCheck({
  id: 'request-property-enum-value-removed',
  level: 'breaking',
  side: 'request',
  compare: (b, r) => enumValues(enumRemoved(b, r)),
});
