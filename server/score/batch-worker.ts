// A batch-scoring worker thread: receives jobs, scores them with the options it was started
// with, and answers each with its result or the error that stopped it.
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../core/types.js';
import { scoreGroup, type BatchOptions } from './batch.js';
import { resolveJob, type JobRef } from './batch-jobs.js';

const options = (workerData as { options: BatchOptions }).options;

parentPort!.on('message', (msg: { id: number; ref: JobRef }) => {
  try {
    parentPort!.postMessage({ id: msg.id, result: scoreGroup(resolveJob(msg.ref), options) });
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ id: msg.id, error: { message: err.message, input: e instanceof InputError, stack: err.stack } });
  }
});
