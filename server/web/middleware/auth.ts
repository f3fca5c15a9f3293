// Who is acting, and whether the request may act at all: sessions (cookie → SQLite), the
// loopback demo, and CSRF. Routes read `authOf(res)`; nothing else knows about cookies.
//
// Sessions: the cookie holds 32 random bytes; the database keeps only their SHA-256, so a copy of
// the database cannot be replayed as a cookie. A session ends after `sessionHours` without a
// request (last_seen is written at most once a minute, so reads stay reads).
//
// CSRF: every POST/PUT/PATCH/DELETE must carry a token in the X-CSRF-Token header or a `_csrf`
// form field: the session's own token when signed in, otherwise the token of the `tadqiq_csrf`
// cookie (double submit, for the login form and the demo). A cross-site request cannot read
// either. Requests a browser marks `Sec-Fetch-Site: cross-site` are refused outright, and
// multipart uploads (whose body is parsed later, by the route) must come from this origin.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseCookie } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { Session, Store, User } from '../../store/types.js';
import { HttpError } from './errors.js';

export const SESSION_COOKIE = 'tadqiq_session';
export const CSRF_COOKIE = 'tadqiq_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
/** In demo mode the reviewer still types a name; it is sent in this header (percent-encoded). */
export const REVIEWER_HEADER = 'X-Tadqiq-Reviewer';
export const DEMO_USERNAME = 'demo';
export const DEFAULT_REVIEWER = 'reviewer';
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TOUCH_EVERY_MS = 60_000;

export interface AuthOptions {
  /** The server listens on loopback only and the demo is allowed: no login while no account can sign in. */
  demo: boolean;
  secureCookies: 'auto' | boolean;
  sessionHours: number;
}

export interface Auth {
  /** Undefined: nobody is signed in (and this is not the demo). */
  user?: User;
  session?: Session;
  demo: boolean;
  /** The name written as the author of changes. */
  name: string;
  csrfToken: string;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = (bytes = 32) => randomBytes(bytes).toString('base64url');

export function authOf(res: Response): Auth {
  const a = res.locals['auth'] as Auth | undefined;
  if (!a) throw new Error('the authenticate middleware has not run');
  return a;
}

/** The signed-in (or demo) user; 401 when there is none. */
export function userOf(res: Response): User {
  const a = authOf(res);
  if (!a.user) throw new HttpError(401, 'Sign in first.', [], 'signed-out');
  return a.user;
}

const Name = z.string().trim().min(1).max(80);

/** The demo's typed reviewer name (header, or the body's `author` from older scripts). */
function demoName(req: Request): string {
  const header = req.get(REVIEWER_HEADER);
  let raw: unknown = DEFAULT_REVIEWER;
  if (header !== undefined) {
    try {
      raw = decodeURIComponent(header);
    } catch {
      throw new HttpError(400, 'Invalid reviewer name.', [{ field: 'reviewer', message: 'the header is not percent-encoded UTF-8' }]);
    }
  } else if (req.body && typeof req.body === 'object' && (req.body as { author?: unknown }).author !== undefined) {
    raw = (req.body as { author?: unknown }).author;
  }
  const name = Name.safeParse(raw);
  if (!name.success) throw new HttpError(400, 'Invalid reviewer name.', [{ field: 'author', message: 'must be 1–80 characters' }]);
  return name.data;
}

export function cookieOptions(req: Request, opts: AuthOptions, maxAgeMs?: number) {
  return {
    httpOnly: true,
    // Lax, not Strict: a reviewer following a link to a document from mail arrives signed in.
    // Changes need the CSRF token anyway.
    sameSite: 'lax' as const,
    secure: opts.secureCookies === 'auto' ? req.secure : opts.secureCookies,
    path: '/',
    ...(maxAgeMs !== undefined ? { maxAge: maxAgeMs } : {}),
  };
}

export function authenticate(store: Store, opts: AuthOptions): RequestHandler {
  let demoUser: User | undefined;
  const demoAccount = async (): Promise<User> => {
    if (demoUser) return demoUser;
    const found = await store.users.byName(DEMO_USERNAME);
    // Admin, so the demo can do everything the app offers; it has no password, so once real
    // accounts exist nobody can sign in as it.
    demoUser = found ?? (await store.users.create({ username: DEMO_USERNAME, role: 'admin', passwordHash: null }));
    return demoUser;
  };
  return async (req, res, next) => {
    const cookies = parseCookie(req.headers.cookie ?? '');
    let csrf = cookies[CSRF_COOKIE];
    if (!csrf || !/^[A-Za-z0-9_-]{43}$/.test(csrf)) {
      csrf = token();
      res.cookie(CSRF_COOKIE, csrf, cookieOptions(req, opts));
      // The token is checked against this request's cookie below; a first request has none yet.
      (req as Request & { freshCsrf?: boolean }).freshCsrf = true;
    }
    const raw = cookies[SESSION_COOKIE];
    if (raw && /^[A-Za-z0-9_-]{43}$/.test(raw)) {
      const idHash = sha256(raw);
      const found = await store.sessions.get(idHash);
      const now = Date.now();
      if (found && Date.parse(found.session.expiresAt) > now && !found.user.disabled) {
        if (now - Date.parse(found.session.lastSeenAt) > TOUCH_EVERY_MS) {
          await store.sessions.touch(idHash, new Date(now).toISOString(), new Date(now + opts.sessionHours * 3600_000).toISOString());
        }
        res.locals['auth'] = { user: found.user, session: found.session, demo: false, name: found.user.username, csrfToken: found.session.csrfToken } satisfies Auth;
        return next();
      }
      if (found) await store.sessions.remove(idHash);
      res.clearCookie(SESSION_COOKIE, cookieOptions(req, opts));
    }
    if (opts.demo && (await store.users.countSignIn()) === 0) {
      res.locals['auth'] = { user: await demoAccount(), demo: true, name: demoName(req), csrfToken: csrf } satisfies Auth;
    } else {
      res.locals['auth'] = { demo: false, name: '', csrfToken: csrf } satisfies Auth;
    }
    next();
  };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Refuses state-changing requests without this session's CSRF token. */
export const csrfProtection: RequestHandler = (req, res, next) => {
  if (!CHANGES.has(req.method)) return next();
  if (req.get('Sec-Fetch-Site') === 'cross-site') throw new HttpError(403, 'Cross-site requests may not change anything.', [], 'csrf');
  const auth = authOf(res);
  if (req.is('multipart/form-data')) {
    // The route checks the form's _csrf after parsing the upload; meanwhile the browser must say
    // it comes from this origin.
    const origin = req.get('Origin');
    if (origin !== `${req.protocol}://${req.get('host')}`) throw new HttpError(403, 'The upload did not come from this site; reload the page.', [], 'csrf');
    return next();
  }
  verifyCsrf(req, auth);
  next();
};

/** Throws 403 unless the request carries the token (header, or `_csrf` in a form or JSON body). */
export function verifyCsrf(req: Request, auth: Auth): void {
  const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>)['_csrf'] : undefined;
  const sent = req.get(CSRF_HEADER) ?? (typeof body === 'string' ? body : undefined);
  // A cookie token minted by this very request cannot have been sent by the client (a session's
  // token does not depend on that cookie).
  const fresh = !auth.session && (req as Request & { freshCsrf?: boolean }).freshCsrf === true;
  if (!sent || fresh || !sameToken(sent, auth.csrfToken)) {
    throw new HttpError(403, 'The security token is missing or out of date; reload the page.', [], 'csrf');
  }
}

/** Starts a session for `user` (after a good password) and sets its cookie. */
export async function startSession(store: Store, req: Request, res: Response, user: User, opts: AuthOptions): Promise<Session> {
  const raw = token();
  const now = new Date();
  const session: Session = {
    idHash: sha256(raw),
    userId: user.id,
    csrfToken: token(),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + opts.sessionHours * 3600_000).toISOString(),
  };
  await store.sessions.create(session);
  await store.sessions.purgeExpired(now.toISOString());
  // No maxAge: the cookie ends with the browser; the server ends the session when idle.
  res.cookie(SESSION_COOKIE, raw, cookieOptions(req, opts));
  return session;
}

export async function endSession(store: Store, req: Request, res: Response, opts: AuthOptions): Promise<void> {
  const a = authOf(res);
  if (a.session) await store.sessions.remove(a.session.idHash);
  res.clearCookie(SESSION_COOKIE, cookieOptions(req, opts));
}

/** Pages and API calls that need somebody signed in: 401 JSON for the API, the login page otherwise. */
export const requireUser: RequestHandler = (req, res, next) => {
  const a = authOf(res);
  if (a.user) return next();
  if (req.path.startsWith('/api/') || req.method !== 'GET') throw new HttpError(401, 'Sign in first.', [], 'signed-out');
  res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
};
