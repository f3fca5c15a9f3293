// Signing in and out, the current session for scripts and the page's outbox, and changing one's
// own password. Failed sign-ins are rate limited per address and username.
import { Router, type Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { burnPasswordCheck, hashPassword, MAX_PASSWORD, passwordProblem, verifyPassword } from '../../auth/password.js';
import type { Store } from '../../store/types.js';
import { authOf, endSession, startSession, userOf, verifyCsrf, type AuthOptions } from '../middleware/auth.js';
import { HttpError } from '../middleware/errors.js';

const LoginBody = z.object({
  username: z.string().trim().min(1, 'enter your username').max(80),
  password: z.string().min(1, 'enter your password').max(MAX_PASSWORD),
  next: z.string().max(2000).optional(),
  _csrf: z.string().optional(),
});

/** Only a path on this site: `//evil.example` and `/\evil` would leave it. */
export function safeNext(raw: unknown): string {
  return typeof raw === 'string' && /^\/(?![/\\])[^\s]*$/.test(raw) ? raw : '/';
}

export interface AuthRouteOptions extends AuthOptions {
  /** Failed sign-ins allowed per address and username in 15 minutes. */
  loginLimit: number;
}

export function authRoutes(store: Store, opts: AuthRouteOptions): Router {
  const r = Router();
  const limiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: opts.loginLimit,
    // Only failures count, so a team behind one address can still sign in.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req: Request) => `${ipKeyGenerator(req.ip ?? '')}\u0000${String((req.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
    handler: (req, res) => {
      res.status(429);
      const message = 'Too many failed sign-ins; wait 15 minutes and try again.';
      if (req.is('application/json')) res.json({ error: message });
      else res.render('login', { error: message, next: safeNext((req.body as { next?: unknown })?.next), username: '', csrfToken: authOf(res).csrfToken });
    },
  });

  r.get('/login', (req, res) => {
    const a = authOf(res);
    if (a.user && !a.demo) return res.redirect(303, safeNext(req.query['next']));
    res.render('login', { next: safeNext(req.query['next']), username: '', csrfToken: a.csrfToken, demo: a.demo });
  });

  r.post('/login', limiter, async (req, res) => {
    const a = authOf(res);
    const json = req.is('application/json');
    const parsed = LoginBody.safeParse(req.body ?? {});
    const fail = (status: number, message: string, fields: Array<{ field: string; message: string }> = []) => {
      if (json) throw new HttpError(status, message, fields);
      res.status(status).render('login', { error: message, next: safeNext((req.body as { next?: unknown })?.next), username: typeof req.body?.username === 'string' ? req.body.username.slice(0, 80) : '', csrfToken: a.csrfToken });
    };
    if (!parsed.success) return fail(400, 'Enter your username and password.', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
    const { username, password } = parsed.data;
    const user = await store.users.byName(username);
    const hash = user ? await store.users.passwordHash(user.id) : undefined;
    // The same work whether or not the account exists: the answer's timing says nothing.
    const ok = hash && !user!.disabled ? await verifyPassword(password, hash) : (await burnPasswordCheck(password), false);
    if (!ok || !user) return fail(401, 'Wrong username or password.');
    const session = await startSession(store, req, res, user, opts);
    if (json) {
      // Scripts (the load and kill tests) take the token from here instead of a page.
      res.json({ user: publicUser(user), csrfToken: session.csrfToken });
      return;
    }
    res.redirect(303, user.mustChangePassword ? '/account' : safeNext(parsed.data.next));
  });

  r.post('/logout', async (req, res) => {
    await endSession(store, req, res, opts);
    if (req.is('application/json')) res.status(204).end();
    else res.redirect(303, '/login');
  });

  // What the page's outbox asks after a 403 'csrf': the current token (and who is signed in).
  r.get('/api/session', (_req, res) => {
    const a = authOf(res);
    res.set('Cache-Control', 'no-store');
    res.json({ user: a.user ? publicUser(a.user) : null, demo: a.demo, csrfToken: a.csrfToken });
  });

  r.get('/account', (_req, res) => {
    const a = authOf(res);
    const user = userOf(res);
    res.render('account', { user, demo: a.demo, csrfToken: a.csrfToken });
  });

  const PasswordBody = z.object({ current: z.string().max(MAX_PASSWORD), password: z.string().max(MAX_PASSWORD), confirm: z.string().max(MAX_PASSWORD), _csrf: z.string().optional() });
  r.post('/account/password', async (req, res) => {
    const a = authOf(res);
    const user = userOf(res);
    verifyCsrf(req, a);
    const render = (status: number, error?: string, done?: string) => res.status(status).render('account', { user, demo: a.demo, csrfToken: a.csrfToken, error, done });
    if (a.demo) return render(400, 'The demo account has no password; create accounts with npm run user.');
    const body = PasswordBody.safeParse(req.body ?? {});
    if (!body.success) return render(400, 'Fill in all three fields.');
    const hash = await store.users.passwordHash(user.id);
    if (!hash || !(await verifyPassword(body.data.current, hash))) return render(400, 'The current password is wrong.');
    if (body.data.password !== body.data.confirm) return render(400, 'The new passwords differ.');
    const problem = passwordProblem(body.data.password, user.username);
    if (problem) return render(400, `The new password ${problem}.`);
    await store.users.update(user.id, { passwordHash: await hashPassword(body.data.password), mustChangePassword: false });
    // Everyone else holding this account's sessions (a stolen cookie) is signed out.
    await store.sessions.removeForUser(user.id, a.session?.idHash);
    render(200, undefined, 'Password changed; your other sessions were signed out.');
  });

  return r;
}

export const publicUser = (u: { id: number; username: string; role: string }) => ({ id: u.id, username: u.username, role: u.role });
