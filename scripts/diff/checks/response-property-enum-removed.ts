import { propertySchemaCheck, enumValues } from '../check.ts';
import { enumDropped } from '../compare.ts';

/**
 * The field may now hold any value of its type: the generated union of literals becomes the plain
 * type, so code that passes the value on where the union is expected — typically into a request
 * parameter generated from the same enum — or switches over it exhaustively stops compiling.
 * Unlike one new value (response-property-enum-value-added, a warning) no typed use survives.
 */
export default propertySchemaCheck({
  id: 'response-property-enum-removed',
  level: 'breaking',
  side: 'response',
  compare: (b, r) => enumValues(enumDropped(b, r)),
});
