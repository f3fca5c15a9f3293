// Accounts from a shell (works while the server runs: SQLite serialises the writes).
//   npm run user -- add NAME [--role admin|reviewer|viewer] [--password-stdin]
//   npm run user -- passwd NAME [--password-stdin]
//   npm run user -- role NAME admin|reviewer|viewer
//   npm run user -- disable|enable NAME
//   npm run user -- assign NAME DOCUMENT-ID… | unassign NAME DOCUMENT-ID…
//   npm run user -- list
// Without --password-stdin a one-time password is generated and printed once; the user chooses
// their own at first sign-in. Exit codes: 0 done, 2 bad input, 1 failure.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { generatePassword, hashPassword, passwordProblem } from '../server/auth/password.js';
import { loadConfig } from '../server/config.js';
import { InputError } from '../server/core/types.js';
import { openStore } from '../server/store/index.js';
import { ROLES, type Role } from '../server/store/types.js';
import { runMain } from './cli-common.js';

const USAGE = 'usage: npm run user -- add|passwd|role|disable|enable|assign|unassign|list …  (see scripts/user.ts)';

function role(raw: string | undefined): Role {
  if (!raw || !(ROLES as readonly string[]).includes(raw)) throw new InputError(`role must be one of ${ROLES.join(', ')}, not "${raw ?? ''}"`, { field: 'role' });
  return raw as Role;
}

async function readPassword(stdin: boolean, username: string): Promise<{ password: string; generated: boolean }> {
  if (!stdin) return { password: generatePassword(), generated: true };
  const password = fs.readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  const problem = passwordProblem(password, username);
  if (problem) throw new InputError(`the password ${problem}`, { field: 'password' });
  return { password, generated: false };
}

runMain(async (argv) => {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { role: { type: 'string' }, 'password-stdin': { type: 'boolean' } } });
  const [command, name, ...rest] = positionals;
  if (!command) throw new InputError(USAGE);
  const store = openStore(loadConfig().dbFile);
  try {
    if (command === 'list') {
      for (const u of await store.users.list()) {
        const docs = (await store.assignments.forUser(u.id)).map((a) => a.documentId);
        console.log(`${u.username}\t${u.role}${u.disabled ? '\tdisabled' : ''}${u.hasPassword ? '' : '\t(no password)'}${docs.length ? `\t${docs.join(',')}` : ''}`);
      }
      return 0;
    }
    if (!name) throw new InputError(`${command}: name the user. ${USAGE}`);
    if (command === 'add') {
      const { password, generated } = await readPassword(values['password-stdin'] === true, name);
      const u = await store.users.create({ username: name, role: role(values.role ?? 'reviewer'), passwordHash: await hashPassword(password), mustChangePassword: generated });
      console.log(`added ${u.username} (${u.role})`);
      if (generated) console.log(`one-time password (shown only now): ${password}`);
      return 0;
    }
    const user = await store.users.byName(name);
    if (!user) throw new InputError(`no user "${name}"`, { field: 'username' });
    switch (command) {
      case 'passwd': {
        const { password, generated } = await readPassword(values['password-stdin'] === true, user.username);
        await store.users.update(user.id, { passwordHash: await hashPassword(password), mustChangePassword: generated });
        const out = await store.sessions.removeForUser(user.id);
        console.log(`password of ${user.username} changed; ${out} session(s) signed out`);
        if (generated) console.log(`one-time password (shown only now): ${password}`);
        return 0;
      }
      case 'role':
        await store.users.update(user.id, { role: role(rest[0]) });
        await store.sessions.removeForUser(user.id);
        console.log(`${user.username} is now ${rest[0]}`);
        return 0;
      case 'disable':
      case 'enable':
        await store.users.update(user.id, { disabled: command === 'disable' });
        if (command === 'disable') await store.sessions.removeForUser(user.id);
        console.log(`${user.username} ${command}d`);
        return 0;
      case 'assign':
      case 'unassign': {
        if (rest.length === 0) throw new InputError(`${command}: name at least one document id`);
        const known = new Set((await store.documents.list()).map((d) => d.id));
        for (const d of rest) if (!known.has(d)) throw new InputError(`no document "${d}"`, { field: 'document' });
        for (const d of rest) {
          if (command === 'assign') await store.assignments.assign(d, user.id, 'npm run user');
          else await store.assignments.unassign(d, user.id);
        }
        console.log(`${user.username}: ${command}ed ${rest.length} document(s)`);
        return 0;
      }
      default:
        throw new InputError(`unknown command "${command}". ${USAGE}`);
    }
  } finally {
    store.close();
  }
});
