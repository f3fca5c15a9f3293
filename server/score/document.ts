// Scores one reviewed document: MQM from its annotations, and reference-based metrics when the
// document has references. Same function for the web page, the batch script and the tests.
import type { Annotation, DocumentPair } from '../core/types.js';
import type { ProcessedDocument } from '../pipeline.js';
import type { DocumentView } from '../report/document-view.js';
import { countWords, MQM_CORE, scoreMqm, type MqmProfile, type MqmScore } from './mqm.js';
import { referenceMetrics, type MetricResult } from './reference-metrics.js';

export interface DocumentScores {
  mqm: MqmScore;
  chrf?: MetricResult;
  bleu?: MetricResult;
}

export function sourceWords(p: ProcessedDocument): number {
  return p.source.sentences.reduce((n, s) => n + countWords(s.text), 0);
}

export function scoreAnnotations(p: ProcessedDocument, annotations: Pick<Annotation, 'severity' | 'category'>[], profile: MqmProfile = MQM_CORE): MqmScore {
  return scoreMqm(annotations, sourceWords(p), profile);
}

export interface ScoreOptions {
  profile?: MqmProfile;
}

export function scoreDocument(doc: DocumentPair, view: DocumentView, options: ScoreOptions = {}): DocumentScores {
  const scores: DocumentScores = { mqm: scoreAnnotations(view.processed, view.annotations, options.profile) };
  if (doc.references.length > 0) Object.assign(scores, referenceMetrics(view.processed, doc.references));
  return scores;
}
