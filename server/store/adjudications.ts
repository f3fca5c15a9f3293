// SQLite implementation of adjudication: an admin's decision on each reviewer mark, and the
// final (adjudicated) set kept in line with those decisions, in one transaction per decision.
import { annotationParams, auditState, fromRow, type AnnotationRow } from './annotations.js';
import { auditWriter } from './audit.js';
import { VersionConflict } from './conflict.js';
import type { Db } from './db.js';
import type { Adjudication, AdjudicationDecision, AdjudicationRepository, Actor, FinalFields, StoredAnnotation } from './types.js';
import { INSERT_ANNOTATION_SQL } from './annotations.js';

interface Row {
  mark_id: number;
  mark_version: number;
  decision: AdjudicationDecision;
  final_id: number | null;
  note: string;
  user_id: number | null;
  decided_by: string;
  decided_at: string;
  version: number;
}

const fromAdjRow = (r: Row): Adjudication => ({
  markId: r.mark_id,
  markVersion: r.mark_version,
  decision: r.decision,
  ...(r.final_id !== null ? { finalId: r.final_id } : {}),
  note: r.note,
  ...(r.user_id !== null ? { userId: r.user_id } : {}),
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  version: r.version,
});

export function sqliteAdjudications(db: Db, now: () => string): AdjudicationRepository {
  const list = db.prepare('SELECT * FROM adjudications WHERE document_id = ?');
  const one = db.prepare('SELECT * FROM adjudications WHERE document_id = ? AND mark_id = ?');
  const upsert = db.prepare(`
    INSERT INTO adjudications (document_id, mark_id, mark_version, decision, final_id, note, user_id, decided_by, decided_at, version)
    VALUES (@documentId, @markId, @markVersion, @decision, @finalId, @note, @userId, @decidedBy, @at, 1)
    ON CONFLICT(document_id, mark_id) DO UPDATE SET mark_version = excluded.mark_version, decision = excluded.decision,
      final_id = excluded.final_id, note = excluded.note, user_id = excluded.user_id, decided_by = excluded.decided_by,
      decided_at = excluded.decided_at, version = adjudications.version + 1`);
  const insertFinal = db.prepare(INSERT_ANNOTATION_SQL);
  const getFinal = db.prepare(`SELECT * FROM annotations WHERE document_id = ? AND id = ? AND layer = 'final'`);
  const updateFinal = db.prepare(`UPDATE annotations SET side = @side, start = @start, "end" = @end, text = @text, category = @category,
    severity = @severity, comment = @comment, correction = @correction, deleted_at = NULL, version = version + 1, updated_at = @now
    WHERE document_id = @documentId AND id = @id AND layer = 'final'`);
  const deleteFinal = db.prepare(`UPDATE annotations SET deleted_at = ?, version = version + 1 WHERE document_id = ? AND id = ? AND layer = 'final' AND deleted_at IS NULL`);
  const audit = auditWriter(db);

  const decide = db.transaction(
    (documentId: string, mark: StoredAnnotation, decision: AdjudicationDecision, final: FinalFields | undefined, note: string, actor: Actor, expectedVersion?: number) => {
      const before = one.get(documentId, mark.id) as Row | undefined;
      if (expectedVersion !== undefined && (before?.version ?? 0) !== expectedVersion) {
        throw new VersionConflict(before ? fromAdjRow(before) : null, expectedVersion, before?.version ?? 0);
      }
      const at = now();
      const fields: FinalFields | undefined =
        decision === 'rejected'
          ? undefined
          : decision === 'accepted'
            ? { side: mark.side, start: mark.start, end: mark.end, text: mark.text, category: mark.category, severity: mark.severity, comment: mark.comment ?? '', correction: mark.correction ?? '' }
            : final;
      if (decision === 'edited' && !fields) throw new Error('an edited decision needs the final fields');
      let finalId = before?.final_id ?? null;
      if (fields) {
        if (finalId === null) {
          const info = insertFinal.run(
            annotationParams(
              documentId,
              {
                ...fields,
                author: mark.author,
                ...(mark.userId !== undefined ? { userId: mark.userId } : {}),
                ...(mark.fromCheck ? { fromCheck: mark.fromCheck } : {}),
              },
              at,
              'final',
            ),
          );
          finalId = Number(info.lastInsertRowid);
        } else {
          updateFinal.run({ ...fields, comment: fields.comment ?? '', correction: fields.correction ?? '', now: at, documentId, id: finalId });
        }
      } else if (finalId !== null) {
        deleteFinal.run(at, documentId, finalId);
      }
      upsert.run({ documentId, markId: mark.id, markVersion: mark.version, decision, finalId, note, userId: actor.userId ?? null, decidedBy: actor.name, at });
      const after = fromAdjRow(one.get(documentId, mark.id) as Row);
      const finalRow = finalId !== null ? (getFinal.get(documentId, finalId) as AnnotationRow | undefined) : undefined;
      const finalAnnotation = finalRow && !finalRow.deleted_at ? fromRow(finalRow) : undefined;
      audit({
        documentId,
        entity: 'adjudication',
        entityId: mark.id,
        action: decision,
        actor,
        at,
        before: before ? { decision: before.decision, note: before.note } : { decision: 'undecided' },
        after: { decision, note, mark: auditState(mark), ...(finalAnnotation ? { final: auditState(finalAnnotation) } : {}) },
      });
      return { adjudication: after, ...(finalAnnotation ? { final: finalAnnotation } : {}) };
    },
  );

  return {
    async list(documentId) {
      return new Map((list.all(documentId) as Row[]).map((r) => [r.mark_id, fromAdjRow(r)]));
    },
    async decide(documentId, mark, decision, final, note, actor, expectedVersion) {
      return decide(documentId, mark, decision, final, note, actor, expectedVersion);
    },
  };
}
