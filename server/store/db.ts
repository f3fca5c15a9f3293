// The embedded SQLite store: one file, WAL journal, versioned migrations from migrations/*.sql
// (applied in order, each in a transaction, recorded in PRAGMA user_version).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function migrations(): Array<{ version: number; file: string }> {
  const list = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}-.*\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), file: path.join(MIGRATIONS_DIR, f) }));
  // Branches developed in parallel can pick the same number; one of them would silently never
  // run on databases that already passed that version.
  list.forEach((m, i) => {
    if (i > 0 && m.version === list[i - 1]!.version) {
      throw new Error(`migrations ${path.basename(list[i - 1]!.file)} and ${path.basename(m.file)} share version ${m.version}: renumber the newer one`);
    }
  });
  return list;
}

export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  let version = current;
  for (const m of migrations()) {
    if (m.version <= version) continue;
    const sql = fs.readFileSync(m.file, 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    version = m.version;
  }
  return version;
}

export interface OpenOptions {
  /**
   * The server's group commit (durability.ts): commits are written to the WAL without an fsync
   * each, and answers wait for `Store.durable()`. Only for callers that wait for it.
   */
  groupCommit?: boolean;
}

/** Opens (creating if needed) the database at `file`, or in memory for ':memory:'. */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  // WAL lets readers run beside the writer; synchronous=FULL keeps every acknowledged commit
  // through a power loss or a killed process. Under group commit NORMAL writes the WAL at each
  // commit and the fsync comes from durability.ts before anything is acknowledged; a killed
  // process loses nothing either way (the WAL is in the operating system's cache).
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma(opts.groupCommit && file !== ':memory:' ? 'synchronous = NORMAL' : 'synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
