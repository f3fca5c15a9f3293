// SQLite implementation of post-edits: append-only revisions per bead, the newest one current.
import type { Db } from './db.js';
import type { PostEdit, PostEditRepository } from './types.js';

interface Row {
  bead_key: string;
  mt_text: string;
  text: string;
  author: string;
  created_at: string;
  revisions: number;
}

const fromRow = (r: Row): PostEdit => ({
  beadKey: r.bead_key,
  mtText: r.mt_text,
  text: r.text,
  author: r.author,
  updatedAt: r.created_at,
  revisions: r.revisions,
});

export function sqlitePostEdits(db: Db, now: () => string): PostEditRepository {
  const current = `
    SELECT p.bead_key, p.mt_text, p.text, p.author, p.created_at,
      (SELECT COUNT(*) FROM post_edits q WHERE q.document_id = p.document_id AND q.bead_key = p.bead_key) AS revisions
    FROM post_edits p
    WHERE p.document_id = ? AND p.id = (SELECT MAX(id) FROM post_edits m WHERE m.document_id = p.document_id AND m.bead_key = p.bead_key)`;
  const list = db.prepare(current);
  const one = db.prepare(`${current} AND p.bead_key = ?`);
  const insert = db.prepare('INSERT INTO post_edits (document_id, bead_key, mt_text, text, author, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const save = db.transaction((documentId: string, beadKey: string, mtText: string, text: string, author: string) => {
    const before = one.get(documentId, beadKey) as Row | undefined;
    // Saving the same text again (a retry, a second Enter) adds no revision.
    if (!(before && before.text === text && before.mt_text === mtText) && !(!before && text === '')) {
      insert.run(documentId, beadKey, mtText, text, author, now());
    }
    const after = one.get(documentId, beadKey) as Row | undefined;
    return after && after.text !== '' ? fromRow(after) : undefined;
  });
  return {
    async list(documentId) {
      const rows = (list.all(documentId) as Row[]).filter((r) => r.text !== '');
      return new Map(rows.map((r) => [r.bead_key, fromRow(r)]));
    },
    async save(documentId, beadKey, mtText, text, author) {
      return save(documentId, beadKey, mtText, text, author);
    },
  };
}
