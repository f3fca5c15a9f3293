// SQLite implementation of reviewer-corrected alignments (append-only revisions).
import type { Bead } from '../core/types.js';
import type { Db } from './db.js';
import type { AlignmentRepository } from './types.js';

interface Row {
  alignment_json: string | null;
  source_sha256: string;
  target_sha256: string;
  author: string;
  created_at: string;
}

export function sqliteAlignments(db: Db, now: () => string): AlignmentRepository {
  const latest = db.prepare('SELECT alignment_json, source_sha256, target_sha256, author, created_at FROM alignments WHERE document_id = ? ORDER BY id DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO alignments (document_id, alignment_json, source_sha256, target_sha256, author, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  return {
    async get(documentId) {
      const r = latest.get(documentId) as Row | undefined;
      if (!r || r.alignment_json === null) return undefined;
      return { beads: JSON.parse(r.alignment_json) as Bead[], sourceSha256: r.source_sha256, targetSha256: r.target_sha256, author: r.author, createdAt: r.created_at };
    },
    async save(documentId, beads, hashes, author) {
      insert.run(documentId, beads === null ? null : JSON.stringify(beads), hashes.sourceSha256, hashes.targetSha256, author, now());
    },
  };
}
