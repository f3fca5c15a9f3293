// The annotation sets of a stored document and the scores of each, for the pages, the report
// download and the score JSON (server/review/sets.ts decides which set is the default).
import type { DocumentScores } from '../score/document.js';
import { scoreAnnotations, scoreDocument } from '../score/document.js';
import type { MqmScore } from '../score/mqm.js';
import { selectSet, type AnnotationSet, type SetChoice } from '../review/sets.js';
import { loadDocumentSets, type DocumentSets } from '../store/annotation-sets.js';
import type { DocumentView } from '../report/document-view.js';
import type { StoredDocument } from '../store/types.js';
import type { AppContext } from './context.js';

export type { DocumentSets };

export const documentSets = (ctx: AppContext, doc: StoredDocument): Promise<DocumentSets> => loadDocumentSets(ctx.store, doc.id);

export function scoreSet(doc: StoredDocument, view: DocumentView, sets: DocumentSets, choice?: SetChoice): { set: AnnotationSet; scores: DocumentScores } {
  const set = selectSet(choice, sets.marks, sets.final, sets.decisions);
  return { set, scores: scoreDocument(doc, view, { annotationSet: { name: set.name, annotations: set.annotations } }) };
}

/** MQM only (no reference metrics): what the pages show, on every load. */
export function mqmOfSet(view: DocumentView, sets: DocumentSets, choice?: SetChoice): { set: AnnotationSet; mqm: MqmScore } {
  const set = selectSet(choice, sets.marks, sets.final, sets.decisions);
  return { set, mqm: scoreAnnotations(view.processed, set.annotations, undefined, { set: set.name }) };
}
