import { propertySchemaCheck } from '../check.ts';
import { typeChange } from '../compare.ts';

/** Code reading the field gets a different type. */
export default propertySchemaCheck({
  id: 'response-property-type-changed',
  level: 'breaking',
  side: 'response',
  compare: typeChange,
});
