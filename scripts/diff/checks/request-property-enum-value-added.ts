import { propertySchemaCheck, enumValues } from '../check.ts';
import { enumAdded } from '../compare.ts';

/** The property accepts a new value. */
export default propertySchemaCheck({
  id: 'request-property-enum-value-added',
  level: 'info',
  side: 'request',
  compare: (b, r) => enumValues(enumAdded(b, r)),
});
