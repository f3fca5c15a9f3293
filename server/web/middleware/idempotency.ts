// Replays the answer to a change that carries an Idempotency-Key it has seen before. The
// browser's offline queue retries a change whose answer it never received; without this a
// retried "add 12 s to bead 4" would add 24 s. Only successful answers are kept, so a change
// refused with 400 can be corrected and sent again under the same key.
import type { RequestHandler } from 'express';
import type { RequestLogRepository } from '../../store/types.js';
import { HttpError } from './errors.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY = /^[A-Za-z0-9_-]{8,100}$/;
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function idempotency(log: RequestLogRepository): RequestHandler {
  // A retry that arrives while the first attempt is still running waits for it.
  const inFlight = new Map<string, Promise<void>>();
  return async (req, res, next) => {
    const key = req.get(IDEMPOTENCY_HEADER);
    if (key === undefined || !CHANGES.has(req.method)) return next();
    if (!KEY.test(key)) throw new HttpError(400, `${IDEMPOTENCY_HEADER} must be 8–100 letters, digits, "-" or "_".`);
    const running = inFlight.get(key);
    if (running) await running;
    const seen = await log.get(key);
    if (seen) {
      if (seen.method !== req.method || seen.path !== req.originalUrl) {
        throw new HttpError(422, `${IDEMPOTENCY_HEADER} "${key}" was already used for ${seen.method} ${seen.path}.`);
      }
      res.set('Idempotent-Replayed', 'true').status(seen.status);
      if (seen.body === undefined) res.end();
      else res.json(seen.body);
      return;
    }
    let body: unknown;
    let recorded = false;
    let done!: () => void;
    inFlight.set(key, new Promise<void>((resolve) => (done = resolve)));
    // Recorded when the answer is produced, not when it reaches the client: a client that lost
    // the connection is exactly the one that will retry.
    const record = () => {
      if (recorded) return;
      recorded = true;
      const documentId = /\/documents\/([^/?]+)/.exec(req.originalUrl)?.[1];
      const saved =
        res.statusCode < 400
          ? log.put(key, documentId ? decodeURIComponent(documentId) : undefined, req.method, req.originalUrl, { status: res.statusCode, body })
          : Promise.resolve();
      saved
        .catch((e: unknown) => console.error('idempotency log:', e))
        .finally(() => {
          inFlight.delete(key);
          done();
        });
    };
    const json = res.json.bind(res);
    res.json = (b: unknown) => {
      body = b;
      return json(b);
    };
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    res.end = ((...args: unknown[]) => {
      record();
      return end(...args);
    }) as typeof res.end;
    // A client that hangs up before the answer must not leave its key locked.
    res.on('close', () => {
      if (recorded) return;
      inFlight.delete(key);
      done();
    });
    next();
  };
}
