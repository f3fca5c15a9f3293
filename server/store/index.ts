// Opens the store: the SQLite database and its repositories.
import { sqliteAlignments } from './alignments.js';
import { sqliteAnnotations } from './annotations.js';
import { sqliteBeadStatus } from './bead-status.js';
import { openDatabase } from './db.js';
import { sqliteDocuments } from './documents.js';
import { sqliteFindingDecisions } from './finding-decisions.js';
import { sqliteImports } from './imports.js';
import { sqlitePostEdits } from './post-edits.js';
import { sqliteRequestLog } from './request-log.js';
import { sqliteReviews } from './reviews.js';
import { sqliteTiming } from './timing.js';
import type { Store } from './types.js';

export function openStore(file: string, now: () => string = () => new Date().toISOString()): Store {
  const db = openDatabase(file);
  return {
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
    close: () => db.close(),
  };
}
