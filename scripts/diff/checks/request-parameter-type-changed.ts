import { parameterSchemaCheck } from '../check.ts';
import { typeChange } from '../compare.ts';

/** String -> Long and the like: values the client sends no longer validate, client types change. */
export default parameterSchemaCheck({
  id: 'request-parameter-type-changed',
  level: 'breaking',
  compare: typeChange,
});
