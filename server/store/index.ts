// Opens the store: the SQLite database and its repositories.
import path from 'node:path';
import { sqliteAdjudications } from './adjudications.js';
import { sqliteAlignments } from './alignments.js';
import { sqliteAnnotations } from './annotations.js';
import { sqliteAssignments } from './assignments.js';
import { sqliteAudit } from './audit.js';
import { sqliteBeadStatus } from './bead-status.js';
import { openDatabase, type Db, type OpenOptions } from './db.js';
import { sqliteDocuments } from './documents.js';
import { walSync } from './durability.js';
import { sqliteFindingDecisions } from './finding-decisions.js';
import { sqliteImports } from './imports.js';
import { sqlitePostEdits } from './post-edits.js';
import { sqliteRequestLog } from './request-log.js';
import { sqliteReviews } from './reviews.js';
import { sqliteTiming } from './timing.js';
import type { Store } from './types.js';
import { sqliteSessions, sqliteUsers } from './users.js';

export type SqliteStore = Store & { db: Db; file: string };

export function openStore(file: string, now: () => string = () => new Date().toISOString(), opts: OpenOptions = {}): SqliteStore {
  const db = openDatabase(file, opts);
  const sync = opts.groupCommit && file !== ':memory:' ? walSync(path.resolve(file)) : undefined;
  // data_version moves when another connection commits; total_changes() counts this one's rows.
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  return {
    db,
    file,
    users: sqliteUsers(db, now),
    sessions: sqliteSessions(db),
    assignments: sqliteAssignments(db, now),
    audit: sqliteAudit(db),
    adjudications: sqliteAdjudications(db, now),
    documents: sqliteDocuments(db, now),
    imports: sqliteImports(db, now),
    annotations: sqliteAnnotations(db, now),
    beadStatus: sqliteBeadStatus(db, now),
    findingDecisions: sqliteFindingDecisions(db, now),
    postEdits: sqlitePostEdits(db, now),
    reviews: sqliteReviews(db, now),
    timing: sqliteTiming(db, now),
    requests: sqliteRequestLog(db, now),
    alignments: sqliteAlignments(db, now),
    durable: () => (sync ? sync.durable() : Promise.resolve()),
    changeStamp: async () => `${db.pragma('data_version', { simple: true }) as number}:${totalChanges.get() as number}`,
    // better-sqlite3 copies page by page between event-loop turns and restarts when another
    // connection writes, so the copy is consistent while the server keeps serving.
    backup: async (dest) => {
      await db.backup(dest);
    },
    close: () => {
      sync?.close();
      db.close();
    },
  };
}
