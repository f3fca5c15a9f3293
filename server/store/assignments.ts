// SQLite implementation of reviewer assignments (which reviewers may change which documents).
import type { Db } from './db.js';
import type { Assignment, AssignmentRepository } from './types.js';

interface Row {
  document_id: string;
  user_id: number;
  username: string;
  assigned_by: string;
  assigned_at: string;
}

const fromRow = (r: Row): Assignment => ({ documentId: r.document_id, userId: r.user_id, username: r.username, assignedBy: r.assigned_by, assignedAt: r.assigned_at });

export function sqliteAssignments(db: Db, now: () => string): AssignmentRepository {
  const select = 'SELECT a.document_id, a.user_id, u.username, a.assigned_by, a.assigned_at FROM assignments a JOIN users u ON u.id = a.user_id';
  const forDocument = db.prepare(`${select} WHERE a.document_id = ? ORDER BY u.username COLLATE NOCASE`);
  const forUser = db.prepare(`${select} WHERE a.user_id = ? ORDER BY a.document_id`);
  const one = db.prepare('SELECT 1 FROM assignments WHERE document_id = ? AND user_id = ?');
  const insert = db.prepare('INSERT OR IGNORE INTO assignments (document_id, user_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM assignments WHERE document_id = ? AND user_id = ?');
  const setForUser = db.transaction((userId: number, documentIds: string[], by: string) => {
    const want = new Set(documentIds);
    const have = new Set((forUser.all(userId) as Row[]).map((r) => r.document_id));
    let added = 0;
    let removed = 0;
    const t = now();
    for (const d of want) if (!have.has(d)) added += insert.run(d, userId, by, t).changes;
    for (const d of have) if (!want.has(d)) removed += remove.run(d, userId).changes;
    return { added, removed };
  });
  return {
    async forDocument(documentId) {
      return (forDocument.all(documentId) as Row[]).map(fromRow);
    },
    async forUser(userId) {
      return (forUser.all(userId) as Row[]).map(fromRow);
    },
    async isAssigned(documentId, userId) {
      return one.get(documentId, userId) !== undefined;
    },
    async setForUser(userId, documentIds, by) {
      return setForUser(userId, documentIds, by);
    },
    async assign(documentId, userId, by) {
      return insert.run(documentId, userId, by, now()).changes === 1;
    },
    async unassign(documentId, userId) {
      return remove.run(documentId, userId).changes === 1;
    },
  };
}
