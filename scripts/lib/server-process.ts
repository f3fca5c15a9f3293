// What the kill and load tests share: a fresh database with the bundled corpora and one
// reviewer account, the real server (`server/main.ts`) as a child process on a loopback port,
// and a signed-in session (cookie + CSRF token) to drive it with.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from '../../server/auth/password.js';
import { ROOT } from '../../server/config.js';
import { readCorpora } from '../../server/ingest/corpus.js';
import { importCorpora } from '../../server/store/import-corpus.js';
import { openStore } from '../../server/store/index.js';

export const DOC = 'mali-minusma.generic-nmt-2023';
export const USER = 'load-reviewer';
export const PASSWORD = 'load test password 1';

export async function prepareDatabase(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-bench-'))): Promise<{ dir: string; dbFile: string }> {
  const dbFile = path.join(dir, 'tadqiq.sqlite');
  const store = openStore(dbFile);
  await importCorpora(store, readCorpora(path.join(ROOT, 'corpora')).corpora);
  const user = await store.users.create({ username: USER, role: 'reviewer', passwordHash: await hashPassword(PASSWORD) });
  await store.assignments.assign(DOC, user.id, 'bench');
  store.close();
  return { dir, dbFile };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/** Starts `npm start`'s entry point on loopback, without the demo (so the session is real). */
export async function startServerProcess(dbFile: string, port: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), TADQIQ_DB: dbFile, TADQIQ_DEMO: '0', TADQIQ_ADMIN_PASSWORD: 'bench admin password 1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${log}`);
    try {
      const r = await fetch(`${url}/api/session`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not start in 60 s: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url, exited };
}

/** Signs in as the bench reviewer: the cookie header and CSRF token to send with changes. */
export async function signIn(url: string): Promise<{ cookie: string; csrf: string }> {
  const first = await fetch(`${url}/api/session`);
  const anon = first.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: anon, 'X-CSRF-Token': csrfToken },
    body: JSON.stringify({ username: USER, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie: session, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Where an annotation can go in the seed's MT: a word span, different for each n. */
export function spans(targetText: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of targetText.matchAll(/\p{L}+/gu)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}
