import { propertySchemaCheck } from '../check.ts';
import { formatChange } from '../compare.ts';

/** Same type, different format: parsing of the value may change. */
export default propertySchemaCheck({
  id: 'response-property-format-changed',
  level: 'warning',
  side: 'response',
  compare: formatChange,
});
