import { propertySchemaCheck, enumValues } from '../check.ts';
import { enumDropped } from '../compare.ts';

/** The property accepts any value of its type now: every request that was valid stays valid. */
export default propertySchemaCheck({
  id: 'request-property-enum-removed',
  level: 'info',
  side: 'request',
  compare: (b, r) => enumValues(enumDropped(b, r)),
});
