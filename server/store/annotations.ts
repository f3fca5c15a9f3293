// SQLite implementation of the annotation repository. Every change bumps `version`.
import type { Db } from './db.js';
import type { AnnotationRef, AnnotationRepository, NewAnnotation, StoredAnnotation } from './types.js';

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
  version: number;
  created_at: string;
  updated_at: string;
}

function fromRow(r: Row): StoredAnnotation {
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
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type { NewAnnotation };

export const INSERT_ANNOTATION_SQL = `
    INSERT INTO annotations (document_id, side, start, "end", text, category, severity, comment, correction, author, from_check, origin_json,
      client_id, finding_id, created_at, updated_at)
    VALUES (@documentId, @side, @start, @end, @text, @category, @severity, @comment, @correction, @author, @fromCheck, @origin,
      @clientId, @findingId, @createdAt, @now)`;

export function annotationParams(documentId: string, a: NewAnnotation, now: string) {
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
    // An imported annotation keeps the time its file gave; created_at is when it was made.
    createdAt: a.createdAt ?? now,
    now,
  };
}

const PATCHABLE = new Set(['side', 'start', 'end', 'text', 'category', 'severity', 'comment', 'correction']);

export function sqliteAnnotations(db: Db, now: () => string): AnnotationRepository {
  const list = db.prepare('SELECT * FROM annotations WHERE document_id = ? AND deleted_at IS NULL ORDER BY side DESC, start, "end", id');
  const get = db.prepare('SELECT * FROM annotations WHERE document_id = ? AND id = ? AND deleted_at IS NULL');
  const getByClient = db.prepare('SELECT * FROM annotations WHERE document_id = ? AND client_id = ? AND deleted_at IS NULL');
  const anyByClient = db.prepare('SELECT * FROM annotations WHERE document_id = ? AND client_id = ?');
  const idOf = db.prepare('SELECT id FROM annotations WHERE document_id = ? AND client_id = ?');
  const insert = db.prepare(INSERT_ANNOTATION_SQL);
  const remove = db.prepare('UPDATE annotations SET deleted_at = ?, version = version + 1 WHERE document_id = ? AND id = ? AND deleted_at IS NULL');
  const restore = db.prepare(
    'UPDATE annotations SET deleted_at = NULL, version = version + 1, updated_at = ? WHERE document_id = ? AND id = ? AND deleted_at IS NOT NULL',
  );

  const row = (documentId: string, a: NewAnnotation) => annotationParams(documentId, a, now());

  /** The numeric id for a reference (client ids are looked up, deleted rows included). */
  const resolve = (documentId: string, ref: AnnotationRef): number | undefined => {
    if (typeof ref === 'number') return ref;
    return (idOf.get(documentId, ref) as { id: number } | undefined)?.id;
  };

  // Check and insert in one transaction, so two retries of one create cannot both insert.
  const createOnce = db.transaction((documentId: string, a: NewAnnotation) => {
    if (a.clientId) {
      const existing = anyByClient.get(documentId, a.clientId) as Row | undefined;
      if (existing) return { annotation: fromRow(existing), created: false };
    }
    const info = insert.run(row(documentId, a));
    return { annotation: fromRow(get.get(documentId, info.lastInsertRowid) as Row), created: true };
  });

  const createMany = db.transaction((documentId: string, items: NewAnnotation[]) => {
    for (const a of items) insert.run(row(documentId, a));
    return items.length;
  });

  return {
    async list(documentId) {
      return (list.all(documentId) as Row[]).map(fromRow);
    },
    async get(documentId, ref) {
      const r = (typeof ref === 'number' ? get.get(documentId, ref) : getByClient.get(documentId, ref)) as Row | undefined;
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
    async update(documentId, ref, patch) {
      const id = resolve(documentId, ref);
      if (id === undefined) return undefined;
      const fields: string[] = [];
      const values: Record<string, unknown> = { documentId, id, now: now() };
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || !PATCHABLE.has(k)) continue;
        fields.push(`"${k}" = @${k}`);
        values[k] = v;
      }
      const sql = `UPDATE annotations SET ${[...fields, 'version = version + 1', 'updated_at = @now'].join(', ')}
        WHERE document_id = @documentId AND id = @id AND deleted_at IS NULL`;
      const changed = db.prepare(sql).run(values).changes;
      if (changed === 0) return undefined;
      return fromRow(get.get(documentId, id) as Row);
    },
    async remove(documentId, ref) {
      const id = resolve(documentId, ref);
      return id !== undefined && remove.run(now(), documentId, id).changes === 1;
    },
    async restore(documentId, ref) {
      const id = resolve(documentId, ref);
      if (id === undefined || restore.run(now(), documentId, id).changes === 0) return undefined;
      return fromRow(get.get(documentId, id) as Row);
    },
  };
}
