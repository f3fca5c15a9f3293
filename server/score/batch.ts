// Scores whole documents outside the web server: pipeline, annotations placed on beads, MQM and
// reference metrics. The batch script and the tests call this; the web routes use the same parts.
import type { Annotation, AnnotationInput, DocumentPair } from '../core/types.js';
import { processDocument } from '../pipeline.js';
import { buildDocumentView, type DocumentView } from '../report/document-view.js';
import { scoreDocument, type DocumentScores, type ScoreOptions } from './document.js';

export interface ScoredDocument {
  doc: DocumentPair;
  view: DocumentView;
  scores: DocumentScores;
}

export function scoreWithAnnotations(
  doc: DocumentPair,
  annotations: Array<AnnotationInput | Annotation>,
  options: ScoreOptions = {},
): ScoredDocument {
  const processed = processDocument(doc);
  const placed = annotations.map((a, k) => ({
    id: 'id' in a ? a.id : k + 1,
    sentence: 0,
    text: (a.side === 'source' ? doc.sourceText : doc.targetText).slice(a.start, a.end),
    ...a,
  }));
  const view = buildDocumentView(processed, placed);
  return { doc, view, scores: scoreDocument(doc, view, options) };
}
