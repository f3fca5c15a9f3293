// A consistent copy of the live database, taken while the server keeps serving (SQLite's online
// backup API through better-sqlite3), then checked with PRAGMA integrity_check.
//   npm run backup -- [--out FILE]     (default: data/backups/tadqiq-YYYYMMDD-HHMMSS.sqlite)
// Restore: stop the server, copy the backup over the database file (TADQIQ_DB, default
// data/tadqiq.sqlite) and delete any tadqiq.sqlite-wal and -shm beside it, then start again.
import Database from 'better-sqlite3';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { openStore } from '../server/store/index.js';
import { runMain } from './cli-common.js';

export async function backupTo(dbFile: string, out: string): Promise<{ bytes: number; userVersion: number }> {
  const store = openStore(dbFile);
  try {
    await store.backup(out);
  } finally {
    store.close();
  }
  const copy = new Database(out, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`);
    return { bytes: (copy.pragma('page_count', { simple: true }) as number) * (copy.pragma('page_size', { simple: true }) as number), userVersion: copy.pragma('user_version', { simple: true }) as number };
  } finally {
    copy.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  runMain(async (argv) => {
    const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } } });
    const config = loadConfig();
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const out = path.resolve(values.out ?? path.join(config.dataDir, 'backups', `tadqiq-${stamp}.sqlite`));
    const t0 = performance.now();
    const { bytes, userVersion } = await backupTo(config.dbFile, out);
    console.log(`backed up ${config.dbFile} → ${out} (${(bytes / 1048576).toFixed(1)} MB, schema version ${userVersion}, integrity ok, ${((performance.now() - t0) / 1000).toFixed(2)} s)`);
    return 0;
  });
}
