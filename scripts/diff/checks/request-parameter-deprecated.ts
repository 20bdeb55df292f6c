import { parameterCheck } from '../check.ts';

export default parameterCheck({
  id: 'request-parameter-deprecated',
  level: 'warning',
  when: (b, r) => !b.deprecated && r.deprecated,
});
