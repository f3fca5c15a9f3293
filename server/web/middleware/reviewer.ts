// Who is acting. Today a reviewer types a name in the page and the browser sends it with every
// change (percent-encoded, since names may be Arabic); accounts will replace this middleware and
// nothing else: routes only ever read `reviewerOf(res)`.
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { HttpError } from './errors.js';

export const REVIEWER_HEADER = 'X-Tadqiq-Reviewer';
export const DEFAULT_REVIEWER = 'reviewer';

const Name = z.string().trim().min(1).max(80);

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'Invalid reviewer name.', [{ field: 'reviewer', message: 'the header is not percent-encoded UTF-8' }]);
  }
}

export const reviewerIdentity: RequestHandler = (req, res, next) => {
  const header = req.get(REVIEWER_HEADER);
  // Older clients and scripts name the author in the body.
  const body = req.body && typeof req.body === 'object' ? (req.body as { author?: unknown }).author : undefined;
  const raw = header !== undefined ? decode(header) : (body ?? DEFAULT_REVIEWER);
  const name = Name.safeParse(raw);
  if (!name.success) throw new HttpError(400, 'Invalid reviewer name.', [{ field: 'author', message: 'must be 1–80 characters' }]);
  res.locals['reviewer'] = name.data;
  next();
};

export function reviewerOf(res: Response): string {
  const r = res.locals['reviewer'];
  if (typeof r !== 'string') throw new Error('reviewerIdentity middleware has not run');
  return r;
}
