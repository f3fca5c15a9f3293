// SQLite implementation of the annotation repository. Every change bumps `version`.
import type { Db } from './db.js';
import type { AnnotationRepository, StoredAnnotation } from './types.js';

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
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type NewAnnotation = Parameters<AnnotationRepository['create']>[1];

export const INSERT_ANNOTATION_SQL = `
    INSERT INTO annotations (document_id, side, start, "end", text, category, severity, comment, correction, author, from_check, origin_json, created_at, updated_at)
    VALUES (@documentId, @side, @start, @end, @text, @category, @severity, @comment, @correction, @author, @fromCheck, @origin, @createdAt, @now)`;

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
    // An imported annotation keeps the time its file gave; created_at is when it was made.
    createdAt: a.createdAt ?? now,
    now,
  };
}

const PATCHABLE = new Set(['side', 'start', 'end', 'text', 'category', 'severity', 'comment', 'correction']);

export function sqliteAnnotations(db: Db, now: () => string): AnnotationRepository {
  const list = db.prepare('SELECT * FROM annotations WHERE document_id = ? AND deleted_at IS NULL ORDER BY side DESC, start, "end", id');
  const get = db.prepare('SELECT * FROM annotations WHERE document_id = ? AND id = ? AND deleted_at IS NULL');
  const insert = db.prepare(INSERT_ANNOTATION_SQL);
  const remove = db.prepare('UPDATE annotations SET deleted_at = ?, version = version + 1 WHERE document_id = ? AND id = ? AND deleted_at IS NULL');

  const row = (documentId: string, a: NewAnnotation) => annotationParams(documentId, a, now());

  const createMany = db.transaction((documentId: string, items: NewAnnotation[]) => {
    for (const a of items) insert.run(row(documentId, a));
    return items.length;
  });

  return {
    async list(documentId) {
      return (list.all(documentId) as Row[]).map(fromRow);
    },
    async get(documentId, id) {
      const r = get.get(documentId, id) as Row | undefined;
      return r ? fromRow(r) : undefined;
    },
    async create(documentId, a) {
      const info = insert.run(row(documentId, a));
      return fromRow(get.get(documentId, info.lastInsertRowid) as Row);
    },
    async createMany(documentId, items) {
      return createMany(documentId, items);
    },
    async update(documentId, id, patch) {
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
    async remove(documentId, id) {
      return remove.run(now(), documentId, id).changes === 1;
    },
  };
}
