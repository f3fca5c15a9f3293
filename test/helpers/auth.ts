// Accounts for tests: create users in the store, sign in through the real login form, and send
// requests with the session cookie and CSRF token like the browser does.
import { hashPassword } from '../../server/auth/password.js';
import type { Role } from '../../server/store/types.js';
import type { TestServer } from './server.js';

export const PASSWORD = 'correct horse battery';

/** Creates the account directly in the store (scrypt hashing included). */
export async function addUser(srv: TestServer, username: string, role: Role, password = PASSWORD) {
  return srv.store.users.create({ username, role, passwordHash: await hashPassword(password) });
}

export interface Client {
  cookie: string;
  csrf: string;
  /** fetch against the server with the cookie, and the CSRF token on changes. */
  fetch(path: string, init?: RequestInit & { json?: unknown; noCsrf?: boolean }): Promise<Response>;
}

const cookiesOf = (res: Response, jar: Map<string, string>) => {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    const name = pair!.slice(0, i);
    const value = pair!.slice(i + 1);
    if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
    else jar.set(name, value);
  }
};

/** A client with no session: it holds the anonymous CSRF cookie (as a browser on the login page). */
export async function anonymous(srv: TestServer): Promise<Client> {
  const jar = new Map<string, string>();
  const res = await fetch(`${srv.url}/api/session`);
  cookiesOf(res, jar);
  const body = (await res.json()) as { csrfToken: string };
  const client: Client = {
    get cookie() {
      return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    },
    csrf: body.csrfToken,
    async fetch(path, init = {}) {
      const { json, noCsrf, ...rest } = init;
      const headers = new Headers(rest.headers);
      headers.set('Cookie', client.cookie);
      const method = (rest.method ?? 'GET').toUpperCase();
      if (!noCsrf && method !== 'GET' && !headers.has('X-CSRF-Token')) headers.set('X-CSRF-Token', client.csrf);
      if (json !== undefined) headers.set('Content-Type', 'application/json');
      const res = await fetch(`${srv.url}${path}`, { ...rest, headers, redirect: 'manual', ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
      cookiesOf(res, jar);
      return res;
    },
  };
  return client;
}

/** Signs in through POST /login (JSON) and returns the signed-in client. */
export async function login(srv: TestServer, username: string, password = PASSWORD): Promise<Client> {
  const c = await anonymous(srv);
  const res = await c.fetch('/login', { method: 'POST', json: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  c.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return c;
}
