import { parameterSchemaCheck, enumValues } from '../check.ts';
import { enumAdded } from '../compare.ts';

/** A new value may be sent. */
export default parameterSchemaCheck({
  id: 'request-parameter-enum-value-added',
  level: 'info',
  compare: (b, r) => enumValues(enumAdded(b, r)),
});
