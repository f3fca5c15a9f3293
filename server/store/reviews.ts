// SQLite implementation of per-document review notes and the overall verdict.
import type { Db } from './db.js';
import type { DocumentReview, DocumentReviewRepository, Verdict } from './types.js';

interface Row {
  notes: string;
  verdict: Verdict;
  author: string;
  updated_at: string;
}

export function sqliteReviews(db: Db, now: () => string): DocumentReviewRepository {
  const get = db.prepare('SELECT notes, verdict, author, updated_at FROM document_reviews WHERE document_id = ?');
  const upsert = db.prepare(`
    INSERT INTO document_reviews (document_id, notes, verdict, author, updated_at) VALUES (@documentId, @notes, @verdict, @author, @now)
    ON CONFLICT(document_id) DO UPDATE SET notes = excluded.notes, verdict = excluded.verdict, author = excluded.author, updated_at = excluded.updated_at`);
  const read = (documentId: string): DocumentReview => {
    const r = get.get(documentId) as Row | undefined;
    return r ? { notes: r.notes, verdict: r.verdict, author: r.author, updatedAt: r.updated_at } : { notes: '', verdict: 'undecided' };
  };
  const set = db.transaction((documentId: string, patch: Partial<Pick<DocumentReview, 'notes' | 'verdict'>>, author: string) => {
    const before = read(documentId);
    upsert.run({ documentId, notes: patch.notes ?? before.notes, verdict: patch.verdict ?? before.verdict, author, now: now() });
    return read(documentId);
  });
  return {
    async get(documentId) {
      return read(documentId);
    },
    async set(documentId, patch, author) {
      return set(documentId, patch, author);
    },
  };
}
