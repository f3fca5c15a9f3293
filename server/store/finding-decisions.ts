// SQLite implementation of reviewers' decisions on automatic findings (dismissed or restored).
import type { Db } from './db.js';
import type { FindingDecision, FindingDecisionRepository } from './types.js';

interface Row {
  finding_id: string;
  decision: FindingDecision['decision'];
  author: string;
  decided_at: string;
}

const fromRow = (r: Row): FindingDecision => ({ findingId: r.finding_id, decision: r.decision, author: r.author, decidedAt: r.decided_at });

export function sqliteFindingDecisions(db: Db, now: () => string): FindingDecisionRepository {
  const list = db.prepare('SELECT finding_id, decision, author, decided_at FROM finding_decisions WHERE document_id = ?');
  const upsert = db.prepare(`
    INSERT INTO finding_decisions (document_id, finding_id, decision, author, decided_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(document_id, finding_id) DO UPDATE SET decision = excluded.decision, author = excluded.author, decided_at = excluded.decided_at`);
  return {
    async list(documentId) {
      return new Map((list.all(documentId) as Row[]).map((r) => [r.finding_id, fromRow(r)]));
    },
    async set(documentId, findingId, decision, author) {
      const at = now();
      upsert.run(documentId, findingId, decision, author, at);
      return { findingId, decision, author, decidedAt: at };
    },
  };
}
