import { parameterSchemaCheck, enumValues } from '../check.ts';
import { enumRemoved } from '../compare.ts';

/** A value callers may send is no longer accepted. */
export default parameterSchemaCheck({
  id: 'request-parameter-enum-value-removed',
  level: 'breaking',
  compare: (b, r) => enumValues(enumRemoved(b, r)),
});
