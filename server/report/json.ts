// The JSON output contract "tadqiq.score/1" (README, "JSON output"). Later work may add fields;
// it never renames or removes one.
import type { DocumentPair } from '../core/types.js';
import type { DocumentScores } from '../score/document.js';
import type { DocumentView } from './document-view.js';

export const SCORE_SCHEMA = 'tadqiq.score/1';

export function documentJson(doc: DocumentPair, view: DocumentView, scores?: DocumentScores) {
  const p = view.processed;
  const sentences = (t: typeof p.source) => t.sentences.map((s) => ({ text: s.text, start: s.start, end: s.end, paragraph: s.paragraph }));
  return {
    id: doc.id,
    corpus: doc.corpus,
    title: doc.title,
    sourceLang: doc.sourceLang,
    targetLang: doc.targetLang,
    system: doc.system,
    source: { sentences: sentences(p.source) },
    target: { sentences: sentences(p.target) },
    alignment: p.alignment.map((b) => ({ source: b.source, target: b.target, confidence: b.confidence, ...(b.corrected ? { corrected: true } : {}) })),
    findings: view.findings.map((f) => ({
      check: f.check,
      category: f.category,
      severity: f.severity,
      side: f.side,
      sentence: f.sentence,
      start: f.start,
      end: f.end,
      text: f.text,
      message: f.message,
      ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
      ...(f.scope ? { scope: f.scope } : {}),
      state: f.state,
    })),
    annotations: view.annotations.map((a) => ({
      id: a.id,
      side: a.side,
      sentence: a.sentence,
      start: a.start,
      end: a.end,
      text: a.text,
      category: a.category,
      severity: a.severity,
      author: a.author,
      comment: a.comment ?? '',
      correction: a.correction ?? '',
      ...(a.fromCheck ? { fromCheck: a.fromCheck } : {}),
      ...(a.createdAt ? { createdAt: a.createdAt } : {}),
      ...(a.updatedAt ? { updatedAt: a.updatedAt } : {}),
    })),
    review: {
      verdict: view.review.verdict,
      notes: view.review.notes,
      progress: view.progress,
      postEdits: view.beads.flatMap((b) =>
        b.postEdit ? [{ bead: b.index, mt: b.postEdit.mtText, text: b.postEdit.text, author: b.postEdit.author, updatedAt: b.postEdit.updatedAt, stale: b.postEdit.stale, ter: b.postEdit.ter.score }] : [],
      ),
      ...(view.hter ? { hter: view.hter } : {}),
    },
    ...(scores ? { scores } : {}),
  };
}

export function scoreJson(documents: ReturnType<typeof documentJson>[]) {
  return { schema: SCORE_SCHEMA, documents };
}
