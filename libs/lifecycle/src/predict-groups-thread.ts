import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { DayGroup, GroupPrediction, predictGroups } from './churn-score';

const TASK = 'predict-groups';

/**
 * predictGroups on a thread of its own. The fit and the predictions are seconds of arithmetic on a million
 * customers, tens of seconds on a busy machine; on the worker's event loop they would stop BullMQ renewing the
 * locks of every job the worker runs, which then counts them stalled and starts them again. Compiled code starts
 * this very file as the thread; as TypeScript (the unit tests) there is no thread to start, and it runs in place.
 * Groups and figures cross as flat buffers, moved rather than copied: half a million objects cloned each way
 * took seconds.
 */
export function predictGroupsOffThread(groups: readonly DayGroup[]): Promise<ReturnType<typeof predictGroups>> {
  if (!__filename.endsWith('.js')) return Promise.resolve(predictGroups(groups));
  const packed = packGroups(groups);
  return new Promise((resolve, reject) => {
    const thread = new Worker(__filename, { workerData: { task: TASK, groups: packed }, transferList: [packed.buffer] });
    thread.once('message', ({ fit, figures }) => resolve({ fit, predictions: unpackFigures(groups, figures) }));
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`the prediction thread exited with code ${code} before answering`)));
  });
}

/** x, tₓ and T in days, and the count: four numbers a group. */
export function packGroups(groups: readonly DayGroup[]): Float64Array<ArrayBuffer> {
  const out = new Float64Array(groups.length * 4);
  groups.forEach((g, i) => {
    out[i * 4] = g.x;
    out[i * 4 + 1] = g.txDays;
    out[i * 4 + 2] = g.tDays;
    out[i * 4 + 3] = g.count;
  });
  return out;
}

export function unpackGroups(packed: Float64Array): DayGroup[] {
  return Array.from({ length: packed.length / 4 }, (_, i) => ({ x: packed[i * 4], txDays: packed[i * 4 + 1], tDays: packed[i * 4 + 2], count: packed[i * 4 + 3] }));
}

/** Each group's P(alive), expected trips and model window (NaN without one): four numbers a group, in the groups' order. */
export function packFigures(predictions: readonly GroupPrediction[]): Float64Array<ArrayBuffer> {
  const out = new Float64Array(predictions.length * 4);
  predictions.forEach((p, i) => {
    out[i * 4] = p.pAlive;
    out[i * 4 + 1] = p.expectedTrips52w;
    out[i * 4 + 2] = p.window?.fromDays ?? NaN;
    out[i * 4 + 3] = p.window?.toDays ?? NaN;
  });
  return out;
}

export function unpackFigures(groups: readonly DayGroup[], figures: Float64Array): GroupPrediction[] {
  return groups.map((g, i) => {
    const fromDays = figures[i * 4 + 2];
    const window = Number.isNaN(fromDays) ? null : { fromDays, toDays: figures[i * 4 + 3] };
    // Fields spelled out: a spread over half a million groups costs seconds in allocation.
    return { x: g.x, txDays: g.txDays, tDays: g.tDays, count: g.count, pAlive: figures[i * 4], expectedTrips52w: figures[i * 4 + 1], window };
  });
}

if (!isMainThread && workerData?.task === TASK) {
  const { fit, predictions } = predictGroups(unpackGroups(workerData.groups));
  const figures = packFigures(predictions);
  parentPort!.postMessage({ fit, figures }, [figures.buffer]);
}
