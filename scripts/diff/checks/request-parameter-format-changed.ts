import { parameterSchemaCheck } from '../check.ts';
import { formatChange } from '../compare.ts';

/** Same type, different format (int32 -> int64, date -> date-time): serialisation may differ. */
export default parameterSchemaCheck({
  id: 'request-parameter-format-changed',
  level: 'warning',
  compare: formatChange,
});
