// SQLite implementation of the annotation repository. Every change bumps `version`, is checked
// against the version the client saw (when it says), and writes its audit event in the same
// transaction.
import { auditWriter } from './audit.js';
import { VersionConflict } from './conflict.js';
import type { Db } from './db.js';
import type { Actor, AnnotationRef, AnnotationRepository, ChangeOptions, NewAnnotation, StoredAnnotation } from './types.js';

interface Row {
  id: number;
  document_id: string;
  side: 'source' | 'target';
  start: number;
  end: number;
  text: string;
  category: string;
  severity: StoredAnnotation['severity'];
  comment: string;
  correction: string;
  author: string;
  from_check: string | null;
  origin_json: string | null;
  client_id: string | null;
  finding_id: string | null;
  user_id: number | null;
  layer: 'review' | 'final';
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export function fromRow(r: Row): StoredAnnotation {
  return {
    id: r.id,
    documentId: r.document_id,
    side: r.side,
    start: r.start,
    end: r.end,
    text: r.text,
    category: r.category,
    severity: r.severity,
    comment: r.comment,
    correction: r.correction,
    author: r.author,
    ...(r.from_check ? { fromCheck: r.from_check } : {}),
    ...(r.origin_json ? { origin: JSON.parse(r.origin_json) } : {}),
    ...(r.client_id ? { clientId: r.client_id } : {}),
    ...(r.finding_id ? { findingId: r.finding_id } : {}),
    ...(r.user_id !== null && r.user_id !== undefined ? { userId: r.user_id } : {}),
    ...(r.layer === 'final' ? { layer: 'final' as const } : {}),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.deleted_at ? { deletedAt: r.deleted_at } : {}),
  };
}

export type { Row as AnnotationRow };

/** What the audit history keeps of an annotation: everything a reviewer can see or change. */
export function auditState(a: StoredAnnotation) {
  return {
    side: a.side,
    start: a.start,
    end: a.end,
    text: a.text,
    category: a.category,
    severity: a.severity,
    comment: a.comment ?? '',
    correction: a.correction ?? '',
    author: a.author,
    version: a.version,
    ...(a.fromCheck ? { fromCheck: a.fromCheck } : {}),
    ...(a.findingId ? { findingId: a.findingId } : {}),
    ...(a.layer ? { layer: a.layer } : {}),
  };
}

export type { NewAnnotation };

export const INSERT_ANNOTATION_SQL = `
    INSERT INTO annotations (document_id, side, start, "end", text, category, severity, comment, correction, author, from_check, origin_json,
      client_id, finding_id, user_id, layer, created_at, updated_at)
    VALUES (@documentId, @side, @start, @end, @text, @category, @severity, @comment, @correction, @author, @fromCheck, @origin,
      @clientId, @findingId, @userId, @layer, @createdAt, @now)`;

export function annotationParams(documentId: string, a: NewAnnotation, now: string, layer: 'review' | 'final' = 'review') {
  return {
    documentId,
    side: a.side,
    start: a.start,
    end: a.end,
    text: a.text,
    category: a.category,
    severity: a.severity,
    comment: a.comment ?? '',
    correction: a.correction ?? '',
    author: a.author,
    fromCheck: a.fromCheck ?? null,
    origin: a.origin ? JSON.stringify(a.origin) : null,
    clientId: a.clientId ?? null,
    findingId: a.findingId ?? null,
    userId: a.userId ?? null,
    layer,
    // An imported annotation keeps the time its file gave; created_at is when it was made.
    createdAt: a.createdAt ?? now,
    now,
  };
}

const PATCHABLE = new Set(['side', 'start', 'end', 'text', 'category', 'severity', 'comment', 'correction']);

export function sqliteAnnotations(db: Db, now: () => string): AnnotationRepository {
  const REVIEW = `layer = 'review'`;
  const list = db.prepare(`SELECT * FROM annotations WHERE document_id = ? AND ${REVIEW} AND deleted_at IS NULL ORDER BY side DESC, start, "end", id`);
  const listFinal = db.prepare(`SELECT * FROM annotations WHERE document_id = ? AND layer = 'final' AND deleted_at IS NULL ORDER BY side DESC, start, "end", id`);
  const listDeleted = db.prepare(`SELECT * FROM annotations WHERE document_id = ? AND ${REVIEW} AND deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC`);
  const get = db.prepare(`SELECT * FROM annotations WHERE document_id = ? AND id = ? AND ${REVIEW} AND deleted_at IS NULL`);
  const getAny = db.prepare(`SELECT * FROM annotations WHERE document_id = ? AND id = ? AND ${REVIEW}`);
  const getByClient = db.prepare(`SELECT * FROM annotations WHERE document_id = ? AND client_id = ? AND ${REVIEW} AND deleted_at IS NULL`);
  const anyByClient = db.prepare(`SELECT * FROM annotations WHERE document_id = ? AND client_id = ? AND ${REVIEW}`);
  const idOf = db.prepare(`SELECT id FROM annotations WHERE document_id = ? AND client_id = ? AND ${REVIEW}`);
  const insert = db.prepare(INSERT_ANNOTATION_SQL);
  const remove = db.prepare('UPDATE annotations SET deleted_at = ?, version = version + 1 WHERE document_id = ? AND id = ? AND deleted_at IS NULL');
  const restore = db.prepare(
    'UPDATE annotations SET deleted_at = NULL, version = version + 1, updated_at = ? WHERE document_id = ? AND id = ? AND deleted_at IS NOT NULL',
  );
  const audit = auditWriter(db);

  /** The numeric id for a reference (client ids are looked up, deleted rows included). */
  const resolve = (documentId: string, ref: AnnotationRef): number | undefined => {
    if (typeof ref === 'number') return ref;
    return (idOf.get(documentId, ref) as { id: number } | undefined)?.id;
  };
  const anyRow = (documentId: string, id: number) => getAny.get(documentId, id) as Row | undefined;
  const actorOf = (a: StoredAnnotation, opts?: ChangeOptions): Actor => opts?.actor ?? { name: a.author, ...(a.userId !== undefined ? { userId: a.userId } : {}) };

  /** Throws VersionConflict when the client saw another version than the stored one. */
  const check = (r: Row, opts?: ChangeOptions) => {
    if (opts?.expectedVersion !== undefined && r.version !== opts.expectedVersion) throw new VersionConflict(fromRow(r), opts.expectedVersion, r.version);
  };

  // Check and insert in one transaction, so two retries of one create cannot both insert.
  const createOnce = db.transaction((documentId: string, a: NewAnnotation) => {
    if (a.clientId) {
      const existing = anyByClient.get(documentId, a.clientId) as Row | undefined;
      if (existing) return { annotation: fromRow(existing), created: false };
    }
    const t = now();
    const info = insert.run(annotationParams(documentId, a, t));
    const made = fromRow(get.get(documentId, info.lastInsertRowid) as Row);
    audit({ documentId, entity: 'annotation', entityId: made.id, action: a.findingId ? 'accept' : 'create', actor: actorOf(made), at: t, after: auditState(made) });
    return { annotation: made, created: true };
  });

  const createMany = db.transaction((documentId: string, items: NewAnnotation[]) => {
    const t = now();
    for (const a of items) insert.run(annotationParams(documentId, a, t));
    return items.length;
  });

  /**
   * The row a change applies to, after the checks every change makes: it exists, it is live (or,
   * for a restore, deleted), and it is at the version the caller saw. Undefined when there is
   * nothing to change; a VersionConflict when the caller named a version and the mark moved on.
   */
  const target = (documentId: string, ref: AnnotationRef, opts: ChangeOptions | undefined, deleted: boolean): Row | undefined => {
    const id = resolve(documentId, ref);
    const row = id === undefined ? undefined : anyRow(documentId, id);
    if (!row) return undefined;
    if (Boolean(row.deleted_at) !== deleted) {
      // A deleted mark cannot be edited; with a version the client learns what happened to it.
      if (opts?.expectedVersion !== undefined) throw new VersionConflict(fromRow(row), opts.expectedVersion, row.version);
      return undefined;
    }
    check(row, opts);
    return row;
  };
  // One statement per set of edited fields, prepared once.
  const updates = new Map<string, ReturnType<Db['prepare']>>();

  const update = db.transaction((documentId: string, ref: AnnotationRef, patch: Record<string, unknown>, opts?: ChangeOptions) => {
    const before = target(documentId, ref, opts, false);
    if (!before) return undefined;
    const id = before.id;
    const t = now();
    const fields: string[] = [];
    const values: Record<string, unknown> = { documentId, id, now: t };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || !PATCHABLE.has(k)) continue;
      fields.push(`"${k}" = @${k}`);
      values[k] = v;
    }
    const sql = `UPDATE annotations SET ${[...fields, 'version = version + 1', 'updated_at = @now'].join(', ')}
        WHERE document_id = @documentId AND id = @id AND deleted_at IS NULL`;
    let stmt = updates.get(sql);
    if (!stmt) updates.set(sql, (stmt = db.prepare(sql)));
    stmt.run(values);
    const after = fromRow(get.get(documentId, id) as Row);
    audit({ documentId, entity: 'annotation', entityId: id, action: 'edit', actor: actorOf(after, opts), at: t, before: auditState(fromRow(before)), after: auditState(after) });
    return after;
  });

  // Deleting and restoring differ only in the row they start from, the statement, and the row
  // they end with (the deleted one, or the live one again).
  const toggleTx = (action: 'delete' | 'restore', stmt: typeof remove, fromDeleted: boolean) =>
    db.transaction((documentId: string, ref: AnnotationRef, opts?: ChangeOptions) => {
      const before = target(documentId, ref, opts, fromDeleted);
      if (!before) return undefined;
      const id = before.id;
      const t = now();
      stmt.run(t, documentId, id);
      const after = fromRow((action === 'delete' ? anyRow(documentId, id) : get.get(documentId, id)) as Row);
      audit({ documentId, entity: 'annotation', entityId: id, action, actor: actorOf(after, opts), at: t, before: auditState(fromRow(before)), after: auditState(after) });
      return after;
    });
  const removeTx = toggleTx('delete', remove, false);
  const restoreTx = toggleTx('restore', restore, true);

  return {
    async list(documentId) {
      return (list.all(documentId) as Row[]).map(fromRow);
    },
    async listFinal(documentId) {
      return (listFinal.all(documentId) as Row[]).map(fromRow);
    },
    async listDeleted(documentId) {
      return (listDeleted.all(documentId) as Row[]).map(fromRow);
    },
    async get(documentId, ref) {
      const r = (typeof ref === 'number' ? get.get(documentId, ref) : getByClient.get(documentId, ref)) as Row | undefined;
      return r ? fromRow(r) : undefined;
    },
    async getAny(documentId, ref) {
      const id = resolve(documentId, ref);
      const r = id === undefined ? undefined : anyRow(documentId, id);
      return r ? fromRow(r) : undefined;
    },
    async create(documentId, a) {
      return createOnce(documentId, a).annotation;
    },
    async createOnce(documentId, a) {
      return createOnce(documentId, a);
    },
    async createMany(documentId, items) {
      return createMany(documentId, items);
    },
    async byClientId(documentId, clientId) {
      const r = anyByClient.get(documentId, clientId) as Row | undefined;
      return r ? fromRow(r) : undefined;
    },
    async update(documentId, ref, patch, opts) {
      return update(documentId, ref, patch as Record<string, unknown>, opts);
    },
    async remove(documentId, ref, opts) {
      return removeTx(documentId, ref, opts) !== undefined;
    },
    async restore(documentId, ref, opts) {
      return restoreTx(documentId, ref, opts);
    },
  };
}
