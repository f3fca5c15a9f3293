// Starts the real app on a free port over a fresh database in a temporary folder.
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { loadDefaultTypology } from '../../server/core/typology.js';
import { readCorpora } from '../../server/ingest/corpus.js';
import { importCorpora } from '../../server/store/import-corpus.js';
import { openStore } from '../../server/store/index.js';
import type { Store } from '../../server/store/types.js';
import { createApp } from '../../server/web/app.js';
import { createContext } from '../../server/web/context.js';
import { ROOT } from './paths.js';

export interface TestServer {
  url: string;
  dir: string;
  dbFile: string;
  store: Store;
  /** Stops the server and closes the store; keeps the database file. */
  stop(): Promise<void>;
}

export async function startServer(opts: { dir?: string; corporaDir?: string } = {}): Promise<TestServer> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-test-'));
  const dbFile = path.join(dir, 'tadqiq.sqlite');
  const store = openStore(dbFile);
  await importCorpora(store, readCorpora(opts.corporaDir ?? path.join(ROOT, 'corpora')).corpora);
  const app = createApp(createContext(store, loadDefaultTypology()));
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (e?: Error) => (e ? reject(e) : resolve(s)));
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
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
