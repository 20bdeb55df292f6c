import { parameterCheck } from '../check.ts';

/** JSON string vs Name.1/Name.2 lists vs flat keys: the same value goes on the wire differently. */
export default parameterCheck({
  id: 'request-parameter-serialization-changed',
  level: 'breaking',
  when: (b, r) => b.serialization !== r.serialization,
  params: (b, r) => ({ from: b.serialization || '(default)', to: r.serialization || '(default)' }),
});
