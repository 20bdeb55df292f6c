import { parameterSchemaCheck, show } from '../check.ts';
import { defaultChange } from '../compare.ts';

/** Callers that leave the parameter out now get different behaviour. */
export default parameterSchemaCheck({
  id: 'request-parameter-default-changed',
  level: 'warning',
  compare: (b, r) => {
    const c = defaultChange(b, r);
    return c && { from: show(c.from), to: show(c.to) };
  },
});
