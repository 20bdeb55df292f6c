import { propertySchemaCheck } from '../check.ts';
import { typeChange } from '../compare.ts';

/** The property must be sent as a different type. */
export default propertySchemaCheck({
  id: 'request-property-type-changed',
  level: 'breaking',
  side: 'request',
  compare: typeChange,
});
