// Accounts and assignments, for admins: a page of plain forms (no script), each answered by a
// redirect back to it with what happened. `npm run user` does the same from a shell.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { can, denial } from '../../auth/permissions.js';
import { generatePassword, hashPassword, MAX_PASSWORD, passwordProblem } from '../../auth/password.js';
import { InputError } from '../../core/types.js';
import { ROLES, type Role, type Store } from '../../store/types.js';
import { authOf, DEMO_USERNAME, userOf } from '../middleware/auth.js';
import { HttpError, notFound } from '../middleware/errors.js';

const Username = z
  .string()
  .trim()
  .min(2, 'must have at least 2 characters')
  .max(40, 'must have at most 40 characters')
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, ".", "_" or "-" only');
const RoleField = z.enum(ROLES as unknown as [Role, ...Role[]]);

const CreateBody = z.object({ username: Username, role: RoleField, password: z.string().max(MAX_PASSWORD).optional(), _csrf: z.string().optional() });
const ChangeBody = z.object({
  role: RoleField.optional(),
  disabled: z.enum(['0', '1']).optional(),
  resetPassword: z.literal('1').optional(),
  _csrf: z.string().optional(),
});
const AssignBody = z.object({ documents: z.union([z.string(), z.array(z.string())]).optional(), _csrf: z.string().optional() });

function parse<T>(schema: z.ZodType<T>, req: Request): T {
  const r = schema.safeParse(req.body ?? {});
  if (!r.success) throw new HttpError(400, 'Invalid form.', r.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })));
  return r.data;
}

export function userRoutes(store: Store): Router {
  const r = Router();
  const admin = (res: Response) => {
    const u = userOf(res);
    if (!can(u, 'manage-users')) throw new HttpError(403, denial(u, 'manage-users'), [], 'forbidden');
    return u;
  };

  const page = async (res: Response, status = 200, flash: Record<string, string> = {}) => {
    const [users, docs] = await Promise.all([store.users.list(), store.documents.list()]);
    const assigned = new Map<number, Set<string>>();
    for (const u of users) assigned.set(u.id, new Set((await store.assignments.forUser(u.id)).map((a) => a.documentId)));
    res.status(status).render('users', { users, docs, assigned, roles: ROLES, csrfToken: authOf(res).csrfToken, demoName: DEMO_USERNAME, ...flash });
  };

  r.get('/admin/users', async (_req, res) => {
    admin(res);
    await page(res);
  });

  r.post('/admin/users', async (req, res) => {
    admin(res);
    const body = parse(CreateBody, req);
    const given = body.password?.trim() ? body.password : undefined;
    const password = given ?? generatePassword();
    const problem = passwordProblem(password, body.username);
    if (problem) throw new HttpError(400, 'Invalid form.', [{ field: 'password', message: problem }]);
    try {
      await store.users.create({ username: body.username, role: body.role, passwordHash: await hashPassword(password), mustChangePassword: !given });
    } catch (e) {
      if (e instanceof InputError) throw new HttpError(400, 'Invalid form.', [{ field: 'username', message: e.message }]);
      throw e;
    }
    // A generated password is shown this once, to hand over; the user changes it at first sign-in.
    await page(res, 201, given ? { done: `Created ${body.username}.` } : { done: `Created ${body.username}.`, oneTime: password, oneTimeUser: body.username });
  });

  r.post('/admin/users/:id', async (req, res) => {
    const me = admin(res);
    const id = Number(req.params.id);
    const user = Number.isInteger(id) ? await store.users.get(id) : undefined;
    if (!user) throw notFound(`user ${req.params.id}`);
    const body = parse(ChangeBody, req);
    // An admin cannot lock themselves out (the last way back would be the shell).
    if (user.id === me.id && (body.disabled === '1' || (body.role && body.role !== 'admin'))) {
      throw new HttpError(400, 'You cannot demote or disable your own account.', [{ field: 'role', message: 'ask another admin' }]);
    }
    let oneTime: string | undefined;
    if (body.resetPassword) oneTime = generatePassword();
    await store.users.update(user.id, {
      ...(body.role ? { role: body.role } : {}),
      ...(body.disabled ? { disabled: body.disabled === '1' } : {}),
      ...(oneTime ? { passwordHash: await hashPassword(oneTime), mustChangePassword: true } : {}),
    });
    if (oneTime || body.disabled === '1' || body.role) await store.sessions.removeForUser(user.id);
    await page(res, 200, oneTime ? { done: `New password for ${user.username}.`, oneTime, oneTimeUser: user.username } : { done: `Updated ${user.username}.` });
  });

  r.post('/admin/users/:id/assignments', async (req, res) => {
    const me = admin(res);
    const id = Number(req.params.id);
    const user = Number.isInteger(id) ? await store.users.get(id) : undefined;
    if (!user) throw notFound(`user ${req.params.id}`);
    const body = parse(AssignBody, req);
    const wanted = body.documents === undefined ? [] : Array.isArray(body.documents) ? body.documents : [body.documents];
    const known = new Set((await store.documents.list()).map((d) => d.id));
    const bad = wanted.find((d) => !known.has(d));
    if (bad !== undefined) throw new HttpError(400, 'Invalid form.', [{ field: 'documents', message: `no document "${bad}"` }]);
    const { added, removed } = await store.assignments.setForUser(user.id, wanted, me.username);
    await page(res, 200, { done: `${user.username}: ${added} assignment(s) added, ${removed} removed.` });
  });

  return r;
}
