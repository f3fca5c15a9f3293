// No change is acknowledged before it is on stable storage. The store commits at once but
// flushes the WAL in groups (store/durability.ts); every answer to a state-changing request
// waits for the flush that covers its commit. A failed flush drops the connection instead of
// answering, so the client retries (idempotently) rather than trusting a change that may be lost.
import type { RequestHandler } from 'express';
import type { Store } from '../../store/types.js';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function durableAnswers(store: Store): RequestHandler {
  return (req, res, next) => {
    if (!CHANGES.has(req.method)) return next();
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    res.end = ((...args: unknown[]) => {
      store.durable().then(
        () => end(...args),
        (e: unknown) => {
          console.error('flush failed; the change is not acknowledged:', e);
          res.destroy();
        },
      );
      return res;
    }) as typeof res.end;
    next();
  };
}
