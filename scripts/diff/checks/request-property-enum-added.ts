import { propertySchemaCheck, enumValues } from '../check.ts';
import { enumIntroduced } from '../compare.ts';

/** The property now takes only listed values: other values callers sent are rejected. */
export default propertySchemaCheck({
  id: 'request-property-enum-added',
  level: 'breaking',
  side: 'request',
  compare: (b, r) => enumValues(enumIntroduced(b, r)),
});
