/** Worker-thread entry for batch builds: receives BuildJobs, answers BuildOutcomes. */
import { parentPort } from 'node:worker_threads';
import { buildOne, type BuildJob } from './build-one.ts';

if (parentPort) {
  const port = parentPort;
  port.on('message', (msg: { id: number; job: BuildJob } | 'exit') => {
    if (msg === 'exit') {
      port.close();
      return;
    }
    void buildOne(msg.job).then((outcome) => port.postMessage({ id: msg.id, outcome }));
  });
  port.postMessage('ready');
}
