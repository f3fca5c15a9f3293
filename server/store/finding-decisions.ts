// SQLite implementation of reviewers' decisions on automatic findings (dismissed or restored),
// each with its audit event in the same transaction.
import { auditWriter } from './audit.js';
import type { Db } from './db.js';
import type { Actor, FindingDecision, FindingDecisionRepository } from './types.js';

interface Row {
  finding_id: string;
  decision: FindingDecision['decision'];
  author: string;
  decided_at: string;
}

const fromRow = (r: Row): FindingDecision => ({ findingId: r.finding_id, decision: r.decision, author: r.author, decidedAt: r.decided_at });

export function sqliteFindingDecisions(db: Db, now: () => string): FindingDecisionRepository {
  const list = db.prepare('SELECT finding_id, decision, author, decided_at FROM finding_decisions WHERE document_id = ?');
  const one = db.prepare('SELECT finding_id, decision, author, decided_at FROM finding_decisions WHERE document_id = ? AND finding_id = ?');
  const upsert = db.prepare(`
    INSERT INTO finding_decisions (document_id, finding_id, decision, author, decided_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(document_id, finding_id) DO UPDATE SET decision = excluded.decision, author = excluded.author, decided_at = excluded.decided_at`);
  const audit = auditWriter(db);
  const set = db.transaction((documentId: string, findingId: string, decision: FindingDecision['decision'], author: string, actor?: Actor) => {
    const at = now();
    const before = one.get(documentId, findingId) as Row | undefined;
    upsert.run(documentId, findingId, decision, author, at);
    audit({
      documentId,
      entity: 'finding',
      entityId: findingId,
      action: decision === 'dismissed' ? 'dismiss' : 'reopen',
      actor: actor ?? { name: author },
      at,
      before: { decision: before?.decision ?? 'open' },
      after: { decision },
    });
    return { findingId, decision, author, decidedAt: at };
  });
  return {
    async list(documentId) {
      return new Map((list.all(documentId) as Row[]).map((r) => [r.finding_id, fromRow(r)]));
    },
    async set(documentId, findingId, decision, author, actor) {
      return set(documentId, findingId, decision, author, actor);
    },
  };
}
