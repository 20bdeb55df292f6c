import { parameterSchemaCheck } from '../check.ts';
import { tightened } from '../compare.ts';

/** Length, range or pattern limits now reject values the base accepted. */
export default parameterSchemaCheck({
  id: 'request-parameter-constraint-tightened',
  level: 'breaking',
  compare: (b, r) => {
    const t = tightened(b, r);
    return t.length ? { what: t.join(', ') } : undefined;
  },
});
