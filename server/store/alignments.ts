// SQLite implementation of reviewer-corrected alignments (append-only revisions).
import type { StoredAlignment as SerializedAlignment } from '../align/corrections.js';
import type { Db } from './db.js';
import type { AlignmentRepository, AlignmentRevision } from './types.js';

interface Row {
  id: number;
  alignment_json: string | null;
  source_sha256: string;
  target_sha256: string;
  author: string;
  created_at: string;
}

const revision = (r: Row): AlignmentRevision => ({
  id: r.id,
  alignment: r.alignment_json === null ? null : (JSON.parse(r.alignment_json) as SerializedAlignment),
  sourceSha256: r.source_sha256,
  targetSha256: r.target_sha256,
  author: r.author,
  createdAt: r.created_at,
});

export function sqliteAlignments(db: Db, now: () => string): AlignmentRepository {
  const latest = db.prepare('SELECT id, alignment_json, source_sha256, target_sha256, author, created_at FROM alignments WHERE document_id = ? ORDER BY id DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO alignments (document_id, alignment_json, source_sha256, target_sha256, author, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  // The base check and the insert in one transaction: two reviewers correcting the same document
  // at once cannot both build on the same revision.
  const saveIf = db.transaction((documentId: string, json: string | null, source: string, target: string, author: string, base: number | undefined) => {
    if (base !== undefined) {
      const r = latest.get(documentId) as Row | undefined;
      if ((r?.id ?? 0) !== base) return undefined;
    }
    insert.run(documentId, json, source, target, author, now());
    return revision(latest.get(documentId) as Row);
  });
  return {
    async get(documentId) {
      const r = latest.get(documentId) as Row | undefined;
      return r ? revision(r) : undefined;
    },
    async save(documentId, alignment, hashes, author, base) {
      return saveIf(documentId, alignment === null ? null : JSON.stringify(alignment), hashes.sourceSha256, hashes.targetSha256, author, base);
    },
  };
}
