// Scores one reviewed document: MQM from its annotations, and reference-based metrics when the
// document has references. Same function for the web page, the batch script and the tests.
// MQM's scoring units are the document's beads (its segments): source words per bead, and the
// annotations placed on the bead their sentence belongs to.
import type { Annotation, DocumentPair } from '../core/types.js';
import { beadOf, sentenceAt, type ProcessedDocument } from '../pipeline.js';
import type { DocumentView } from '../report/document-view.js';
import { countWords, MQM_CORE, scoreMqmUnits, type MqmError, type MqmProfile, type MqmScore, type MqmUnits } from './mqm.js';
import { referenceMetrics, type MetricOptions, type ReferenceScores } from './reference-metrics.js';

export interface DocumentScores extends Partial<ReferenceScores> {
  mqm: MqmScore;
}

export function sourceWords(p: ProcessedDocument): number {
  return p.source.sentences.reduce((n, s) => n + countWords(s.text), 0);
}

/** An annotation as scoring needs it; offsets place it on a bead when `bead` is not given. */
export type ScorableAnnotation = Pick<Annotation, 'severity' | 'category'> &
  Partial<Pick<Annotation, 'side' | 'start' | 'author' | 'origin'>> & { bead?: number };

/** Source words of each bead, and the ratings an import recorded (segment i = bead i). */
export function mqmUnits(p: ProcessedDocument): MqmUnits {
  const words = p.alignment.map((b) => b.source.reduce((n, i) => n + countWords(p.source.sentences[i]!.text), 0));
  const ratings = p.pair.meta?.ratings;
  return { words, ...(ratings && Object.keys(ratings).length ? { ratings } : {}) };
}

/** Each annotation with its bead (scoring unit) and rater. */
export function mqmErrors(p: ProcessedDocument, annotations: ScorableAnnotation[]): MqmError[] {
  return annotations.map((a) => {
    let unit = a.bead;
    if ((unit === undefined || unit < 0) && a.side !== undefined && a.start !== undefined) {
      const side = a.side === 'source' ? p.source : p.target;
      unit = beadOf(p.alignment, a.side, sentenceAt(side, a.start));
    }
    const origin = a.origin && (a.origin.severity || a.origin.category) ? { ...(a.origin.severity ? { severity: a.origin.severity } : {}), ...(a.origin.category ? { category: a.origin.category } : {}) } : undefined;
    return { severity: a.severity, category: a.category, unit: unit !== undefined && unit >= 0 ? unit : 0, rater: a.author ?? '', ...(origin ? { origin } : {}) };
  });
}

export function scoreAnnotations(p: ProcessedDocument, annotations: ScorableAnnotation[], profile: MqmProfile = MQM_CORE, options: { set?: string } = {}): MqmScore {
  return scoreMqmUnits(mqmErrors(p, annotations), mqmUnits(p), profile, options);
}

export interface ScoreOptions extends MetricOptions {
  profile?: MqmProfile;
  /**
   * The annotation set to score instead of the view's annotations (every reviewer's): e.g. the
   * adjudicated set, named so that the signature says which set was scored.
   */
  annotationSet?: { name: string; annotations: ScorableAnnotation[] };
}

export function scoreDocument(doc: DocumentPair, view: DocumentView, options: ScoreOptions = {}): DocumentScores {
  const set = options.annotationSet;
  const mqm = scoreAnnotations(view.processed, set ? set.annotations : view.annotations, options.profile, set ? { set: set.name } : {});
  const scores: DocumentScores = { mqm };
  if (doc.references.length > 0) Object.assign(scores, referenceMetrics(view.processed, doc.references, options));
  return scores;
}
