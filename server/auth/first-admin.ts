// The first start of a server that others can reach: with no account that can sign in, an admin
// is created, with TADQIQ_ADMIN_PASSWORD or a generated one-time password the caller prints once.
// In the loopback demo nothing is created (the demo needs no login until an account exists),
// unless TADQIQ_ADMIN_PASSWORD asks for one.
import type { Store } from '../store/types.js';
import { generatePassword, hashPassword, passwordProblem } from './password.js';

export async function ensureFirstAdmin(
  store: Store,
  opts: { demo: boolean; env: NodeJS.ProcessEnv },
): Promise<{ username: string; password?: string } | undefined> {
  if ((await store.users.countSignIn()) > 0) return undefined;
  const given = opts.env['TADQIQ_ADMIN_PASSWORD'];
  if (opts.demo && !given) return undefined;
  const username = opts.env['TADQIQ_ADMIN_USER']?.trim() || 'admin';
  if (given) {
    const problem = passwordProblem(given, username);
    if (problem) throw new Error(`TADQIQ_ADMIN_PASSWORD ${problem}`);
  }
  const password = given ?? generatePassword();
  const hash = await hashPassword(password);
  const existing = await store.users.byName(username);
  if (existing) await store.users.update(existing.id, { role: 'admin', passwordHash: hash, mustChangePassword: !given, disabled: false });
  else await store.users.create({ username, role: 'admin', passwordHash: hash, mustChangePassword: !given });
  return given ? { username } : { username, password };
}
