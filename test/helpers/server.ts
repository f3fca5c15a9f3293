// Starts the real app on a free port over a fresh database in a temporary folder.
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { loadDefaultTypology } from '../../server/core/typology.js';
import { readCorpora } from '../../server/ingest/corpus.js';
import { importCorpora } from '../../server/store/import-corpus.js';
import { openStore } from '../../server/store/index.js';
import type { SqliteStore } from '../../server/store/index.js';
import { createApp } from '../../server/web/app.js';
import { createContext } from '../../server/web/context.js';
import { ROOT } from './paths.js';

export interface TestServer {
  url: string;
  dir: string;
  dbFile: string;
  store: SqliteStore;
  /**
   * fetch as the page does it: the browser's cookies, and on changes the CSRF token and this
   * site's Origin. Anonymous (the demo user while the demo lasts).
   */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** Stops the server and closes the store; keeps the database file. */
  stop(): Promise<void>;
}

/**
 * `demo` (default true, as `npm start` on loopback): no login while no account can sign in.
 * Tests of accounts pass `demo: false`, or create an account (which ends the demo).
 */
export async function startServer(opts: { dir?: string; corporaDir?: string; demo?: boolean; loginLimit?: number } = {}): Promise<TestServer> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-test-'));
  const dbFile = path.join(dir, 'tadqiq.sqlite');
  // Group commit as in production, so the durable-answer path is what the tests exercise.
  const store = openStore(dbFile, undefined, { groupCommit: true });
  await importCorpora(store, readCorpora(opts.corporaDir ?? path.join(ROOT, 'corpora')).corpora);
  const app = createApp(createContext(store, loadDefaultTypology()), { demo: opts.demo ?? true, loginLimit: opts.loginLimit ?? 1000 });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (e?: Error) => (e ? reject(e) : resolve(s)));
  });
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  const first = await fetch(`${url}/api/session`);
  const cookie = first.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  return {
    url,
    fetch: (target, init = {}) => {
      const headers = new Headers(init.headers);
      if (!headers.has('Cookie')) headers.set('Cookie', cookie);
      if ((init.method ?? 'GET').toUpperCase() !== 'GET') {
        if (!headers.has('X-CSRF-Token')) headers.set('X-CSRF-Token', csrfToken);
        if (!headers.has('Origin')) headers.set('Origin', url);
      }
      return fetch(target, { ...init, headers });
    },
    dir,
    dbFile,
    store,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}

export const SEED_DOC = 'mali-minusma.generic-nmt-2023';
