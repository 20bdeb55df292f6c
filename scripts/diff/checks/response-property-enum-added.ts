import { propertySchemaCheck, enumValues } from '../check.ts';
import { enumIntroduced } from '../compare.ts';

/**
 * The API now promises a closed set of values: the generated type narrows to a union of literals,
 * which code reading the field as its base type still accepts.
 */
export default propertySchemaCheck({
  id: 'response-property-enum-added',
  level: 'info',
  side: 'response',
  compare: (b, r) => enumValues(enumIntroduced(b, r)),
});
