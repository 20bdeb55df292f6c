import { parameterCheck } from '../check.ts';

export default parameterCheck({
  id: 'request-parameter-became-optional',
  level: 'info',
  when: (b, r) => b.required && !r.required,
});
