import { propertySchemaCheck, enumValues } from '../check.ts';
import { enumRemoved } from '../compare.ts';

/** The field no longer takes a value: client code handling it is dead but harmless. */
export default propertySchemaCheck({
  id: 'response-property-enum-value-removed',
  level: 'info',
  side: 'response',
  compare: (b, r) => enumValues(enumRemoved(b, r)),
});
