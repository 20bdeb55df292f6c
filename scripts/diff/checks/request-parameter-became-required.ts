import { parameterCheck } from '../check.ts';

export default parameterCheck({
  id: 'request-parameter-became-required',
  level: 'breaking',
  when: (b, r) => !b.required && r.required,
});
