// Opens the store: the SQLite database and its repositories.
import { sqliteAnnotations } from './annotations.js';
import { sqliteBeadStatus } from './bead-status.js';
import { openDatabase } from './db.js';
import { sqliteDocuments } from './documents.js';
import { sqliteImports } from './imports.js';
import type { Store } from './types.js';

export function openStore(file: string, now: () => string = () => new Date().toISOString()): Store {
  const db = openDatabase(file);
  return {
    documents: sqliteDocuments(db, now),
    imports: sqliteImports(db, now),
    annotations: sqliteAnnotations(db, now),
    beadStatus: sqliteBeadStatus(db, now),
    close: () => db.close(),
  };
}
