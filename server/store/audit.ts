// SQLite audit history: who changed what, when, and the state before and after. Repositories
// that change reviewers' work write their event with `auditWriter` inside their own transaction,
// so a change and its event are committed together or not at all.
import type { Db } from './db.js';
import type { Actor, AuditEntity, AuditEvent, AuditRepository } from './types.js';

interface Row {
  id: number;
  document_id: string;
  entity: AuditEntity;
  entity_id: string;
  action: string;
  user_id: number | null;
  actor: string;
  at: string;
  before_json: string | null;
  after_json: string | null;
}

const fromRow = (r: Row): AuditEvent => ({
  id: r.id,
  documentId: r.document_id,
  entity: r.entity,
  entityId: r.entity_id,
  action: r.action,
  ...(r.user_id !== null ? { userId: r.user_id } : {}),
  actor: r.actor,
  at: r.at,
  ...(r.before_json !== null ? { before: JSON.parse(r.before_json) } : {}),
  ...(r.after_json !== null ? { after: JSON.parse(r.after_json) } : {}),
});

export type AuditWrite = (e: { documentId: string; entity: AuditEntity; entityId: string | number; action: string; actor: Actor; at: string; before?: unknown; after?: unknown }) => void;

export function auditWriter(db: Db): AuditWrite {
  const insert = db.prepare(`INSERT INTO audit_events (document_id, entity, entity_id, action, user_id, actor, at, before_json, after_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return (e) => {
    insert.run(
      e.documentId,
      e.entity,
      String(e.entityId),
      e.action,
      e.actor.userId ?? null,
      e.actor.name,
      e.at,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
    );
  };
}

export function sqliteAudit(db: Db): AuditRepository {
  const count = db.prepare('SELECT COUNT(*) AS n FROM audit_events WHERE document_id = ?');
  return {
    async list(documentId, opts = {}) {
      const where = ['document_id = @documentId'];
      if (opts.entity) where.push('entity = @entity');
      if (opts.entityId !== undefined) where.push('entity_id = @entityId');
      if (opts.beforeId !== undefined) where.push('id < @beforeId');
      const sql = `SELECT * FROM audit_events WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT @limit`;
      const params: Record<string, unknown> = { documentId, limit: opts.limit ?? 500 };
      if (opts.entity) params['entity'] = opts.entity;
      if (opts.entityId !== undefined) params['entityId'] = opts.entityId;
      if (opts.beforeId !== undefined) params['beforeId'] = opts.beforeId;
      const rows = db.prepare(sql).all(params) as Row[];
      return rows.map(fromRow);
    },
    async count(documentId) {
      return (count.get(documentId) as { n: number }).n;
    },
  };
}
