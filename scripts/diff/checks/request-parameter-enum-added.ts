import { parameterSchemaCheck, enumValues } from '../check.ts';
import { enumIntroduced } from '../compare.ts';

/**
 * The parameter now takes only listed values: any other value callers sent is rejected, and the
 * generated parameter type narrows from the base type to a union of literals (a plain `string`
 * variable no longer type-checks).
 */
export default parameterSchemaCheck({
  id: 'request-parameter-enum-added',
  level: 'breaking',
  compare: (b, r) => enumValues(enumIntroduced(b, r)),
});
