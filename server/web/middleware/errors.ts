// Turns errors into answers: bad input → 400 with the message (and field errors), unknown
// things → 404, anything else → 500 with no stack trace sent to the client.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { InputError } from '../../core/types.js';
import type { FieldError } from '../../review/validate.js';
import { VersionConflict } from '../../store/conflict.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldError[] = [],
    /** A machine-readable reason the client acts on: 'signed-out', 'csrf', 'forbidden', 'conflict'. */
    readonly code?: string,
    /** Extra answer fields (a conflict's current state). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, `${what} not found`);

function wantsJson(req: Parameters<RequestHandler>[0]): boolean {
  return req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json';
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  let status = 500;
  let message = 'Internal error; the server log has the details.';
  let fields: FieldError[] = [];
  let extra: Record<string, unknown> = {};
  if (err instanceof HttpError) {
    ({ status, message, fields } = err);
    extra = { ...(err.code ? { code: err.code } : {}), ...err.extra };
  } else if (err instanceof VersionConflict) {
    // Never a silent overwrite: the client gets what is stored now and decides.
    status = 409;
    message = 'Someone changed this in the meantime; nothing was overwritten. Here is the current version.';
    extra = { code: 'conflict', current: err.current, expectedVersion: err.expected, version: err.actual };
  } else if (err instanceof InputError) {
    status = 400;
    message = err.message;
  } else if (err && typeof err === 'object' && 'type' in err && (err as { type: string }).type === 'entity.parse.failed') {
    status = 400;
    message = 'The request body is not valid JSON.';
  } else if (err && typeof err === 'object' && 'type' in err && (err as { type: string }).type === 'entity.too.large') {
    status = 413;
    message = 'The request body is too large.';
  } else if (err && typeof err === 'object' && typeof (err as { status?: unknown }).status === 'number' && (err as { status: number }).status < 500) {
    // http-errors from Express's own middleware (static files, body parser).
    status = (err as { status: number }).status;
    message = status === 404 ? `"${req.path}" not found` : (err as Error).message;
  } else if (err && typeof err === 'object' && (err as { statusCode?: unknown }).statusCode === 429) {
    status = 429;
    message = (err as Error).message;
  } else {
    console.error(err);
  }
  if (res.headersSent) return;
  res.status(status);
  if (wantsJson(req)) res.json({ error: message, ...(fields.length ? { fields } : {}), ...extra });
  else res.render('error', { status, message, fields });
};
