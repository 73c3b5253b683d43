import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { DayGroup, predictGroups } from './churn-score';

const TASK = 'predict-groups';

/**
 * predictGroups on a thread of its own. The fit and the predictions are seconds of arithmetic on a million
 * customers, tens of seconds on a busy machine; on the worker's event loop they would stop BullMQ renewing the
 * locks of every job the worker runs, which then counts them stalled and starts them again. Compiled code starts
 * this very file as the thread; as TypeScript (the unit tests) there is no thread to start, and it runs in place.
 */
export function predictGroupsOffThread(groups: readonly DayGroup[]): Promise<ReturnType<typeof predictGroups>> {
  if (!__filename.endsWith('.js')) return Promise.resolve(predictGroups(groups));
  return new Promise((resolve, reject) => {
    const thread = new Worker(__filename, { workerData: { task: TASK, groups } });
    thread.once('message', resolve);
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`the prediction thread exited with code ${code} before answering`)));
  });
}

if (!isMainThread && workerData?.task === TASK) parentPort!.postMessage(predictGroups(workerData.groups));
