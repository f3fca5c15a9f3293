// SQLite implementation of per-bead review statuses.
import type { Db } from './db.js';
import type { BeadStatus, BeadStatusRepository } from './types.js';

export function sqliteBeadStatus(db: Db, now: () => string): BeadStatusRepository {
  const list = db.prepare('SELECT bead_key, status FROM bead_status WHERE document_id = ?');
  const upsert = db.prepare(`
    INSERT INTO bead_status (document_id, bead_key, status, author, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(document_id, bead_key) DO UPDATE SET status = excluded.status, author = excluded.author, updated_at = excluded.updated_at`);
  return {
    async list(documentId) {
      const rows = list.all(documentId) as Array<{ bead_key: string; status: BeadStatus }>;
      return new Map(rows.map((r) => [r.bead_key, r.status]));
    },
    async set(documentId, beadKey, status, author) {
      upsert.run(documentId, beadKey, status, author, now());
    },
  };
}
