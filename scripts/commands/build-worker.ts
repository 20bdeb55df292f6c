/**
 * Worker-thread entry for batch builds. Takes documents from the shared queue (an atomic counter
 * over workerData.jobs) until it is empty, announcing each before building it (so a crash fails
 * only that document) and posting each outcome; then exits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildOne, type BuildJob } from './build-one.ts';

async function work(port: NonNullable<typeof parentPort>, jobs: BuildJob[], counter: Int32Array): Promise<void> {
  for (let i = Atomics.add(counter, 0, 1); i < jobs.length; i = Atomics.add(counter, 0, 1)) {
    port.postMessage({ started: i });
    port.postMessage({ id: i, outcome: await buildOne(jobs[i]) });
  }
  port.close();
}

// A function rather than top-level await: the module is also bundled as CommonJS (scripts/dev/bundle.ts).
if (parentPort && workerData) {
  const { jobs, counter } = workerData as { jobs: BuildJob[]; counter: Int32Array };
  void work(parentPort, jobs, counter);
}
