import { parameterSchemaCheck, enumValues } from '../check.ts';
import { enumDropped } from '../compare.ts';

/** The parameter accepts any value of its type now: every request that was valid stays valid. */
export default parameterSchemaCheck({
  id: 'request-parameter-enum-removed',
  level: 'info',
  compare: (b, r) => enumValues(enumDropped(b, r)),
});
