// Runs batch jobs on worker threads (one per core by default) or in-process, and hands the
// results back in job order, so output is the same whatever the number of workers. Jobs are
// pulled from the iterator only as workers free up: a huge corpus is never held in memory.
import { Worker } from 'node:worker_threads';
import { InputError } from '../core/types.js';
import { scoreGroup, type BatchOptions, type GroupResult } from './batch.js';
import { resolveJob, type JobRef } from './batch-jobs.js';

export interface RunOptions {
  /** Worker threads; 0 runs every job on the calling thread. */
  workers: number;
  /** Old-generation heap limit of each worker in MB (V8's default when absent). */
  workerHeapMb?: number;
  /** Called once per job, in job order. */
  onResult: (r: GroupResult) => void | Promise<void>;
}

function rebuildError(e: { message: string; input: boolean; stack?: string }): Error {
  const err = e.input ? new InputError('') : new Error('');
  err.message = e.message;
  if (!e.input && e.stack) err.stack = e.stack;
  return err;
}

export async function runJobs(refs: Iterable<JobRef>, options: BatchOptions, run: RunOptions): Promise<void> {
  if (run.workers <= 0) {
    for (const ref of refs) await run.onResult(scoreGroup(resolveJob(ref), options));
    return;
  }
  const entry = new URL('./batch-worker.ts', import.meta.url).href;
  const resourceLimits = run.workerHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: run.workerHeapMb } } : {};
  const workers = Array.from({ length: run.workers }, () => new Worker(new URL('./batch-worker-boot.mjs', import.meta.url), { workerData: { entry, options }, ...resourceLimits }));
  const iterator = refs[Symbol.iterator]();
  const done = new Map<number, GroupResult>();
  let nextToEmit = 0;
  let dispatched = 0;
  let exhausted = false;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      let emitting = Promise.resolve();
      let inFlight = 0;
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      const feed = (w: Worker) => {
        if (failed || exhausted) return;
        let it: IteratorResult<JobRef>;
        try {
          it = iterator.next();
        } catch (e) {
          return fail(e as Error);
        }
        if (it.done) {
          exhausted = true;
          if (inFlight === 0) emitting.then(resolve, fail);
          return;
        }
        inFlight++;
        w.postMessage({ id: dispatched++, ref: it.value });
      };
      for (const w of workers) {
        w.on('message', (msg: { id: number; result?: GroupResult; error?: { message: string; input: boolean; stack?: string } }) => {
          inFlight--;
          if (msg.error) return fail(rebuildError(msg.error));
          done.set(msg.id, msg.result!);
          // Emit in order; a slow job holds back only the output, not the other workers.
          emitting = emitting.then(async () => {
            while (done.has(nextToEmit)) {
              const r = done.get(nextToEmit)!;
              done.delete(nextToEmit++);
              await run.onResult(r);
            }
          });
          emitting.catch(fail);
          feed(w);
          if (exhausted && inFlight === 0) emitting.then(resolve, fail);
        });
        w.on('error', (e: Error & { code?: string }) =>
          fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error(`a document needed more memory than a scoring worker may use (${run.workerHeapMb ?? 'default'} MB): give --worker-heap-mb a larger value, or --workers 0`) : e),
        );
        w.on('exit', (code) => {
          if (code !== 0 && !failed) fail(new Error(`a scoring worker stopped with code ${code}`));
        });
      }
      // Two jobs per worker keep every core busy while results travel back.
      for (let round = 0; round < 2; round++) for (const w of workers) feed(w);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
