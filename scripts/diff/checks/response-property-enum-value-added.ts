import { propertySchemaCheck, enumValues } from '../check.ts';
import { enumAdded } from '../compare.ts';

/** The enum widened: exhaustive switches in client code meet a value they do not know. */
export default propertySchemaCheck({
  id: 'response-property-enum-value-added',
  level: 'warning',
  side: 'response',
  compare: (b, r) => enumValues(enumAdded(b, r)),
});
