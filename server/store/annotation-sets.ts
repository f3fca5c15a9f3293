// Loads what choosing an annotation set needs: reviewer marks, the final set, the decisions.
import { adjudicationProgress, type AdjudicationProgress } from '../review/sets.js';
import type { Adjudication, StoredAnnotation, Store } from './types.js';

export interface DocumentSets {
  marks: StoredAnnotation[];
  final: StoredAnnotation[];
  decisions: Map<number, Adjudication>;
  progress: AdjudicationProgress;
}

export async function loadDocumentSets(store: Pick<Store, 'annotations' | 'adjudications'>, documentId: string): Promise<DocumentSets> {
  const [marks, final, decisions] = await Promise.all([store.annotations.list(documentId), store.annotations.listFinal(documentId), store.adjudications.list(documentId)]);
  return { marks, final, decisions, progress: adjudicationProgress(marks, decisions) };
}
