// The one view of a reviewed document that the web page, the HTML report and the CSV/JSON
// exports all read: beads with their sentences cut into highlight pieces, findings, annotations
// placed on their sentences and beads, statuses and progress.
import type { Annotation, Bead, Finding, SegmentedText, Side } from '../core/types.js';
import { beadOf, sentenceAt, type ProcessedDocument } from '../pipeline.js';
import type { BeadStatus, StoredAnnotation } from '../store/types.js';
import { cutPieces, type Mark, type Piece } from './highlight.js';

export interface SentenceView {
  index: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  pieces: Piece[];
}

export interface FindingView extends Finding {
  id: string;
  bead: number;
}

export interface AnnotationView extends Annotation {
  bead: number;
  version?: number;
}

export interface BeadView {
  index: number;
  key: string;
  bead: Bead;
  paragraphStart: boolean;
  status: BeadStatus;
  source: SentenceView[];
  target: SentenceView[];
  findings: FindingView[];
  annotations: AnnotationView[];
}

export interface DocumentView {
  processed: ProcessedDocument;
  beads: BeadView[];
  findings: FindingView[];
  annotations: AnnotationView[];
  progress: { reviewed: number; total: number };
}

export function beadKey(b: Bead): string {
  return `s${b.source[0] ?? '-'}t${b.target[0] ?? '-'}`;
}

export function findingId(f: Finding): string {
  return `${f.check}:${f.side}:${f.start}-${f.end}`;
}

function placeAnnotation(p: ProcessedDocument, a: StoredAnnotation | (Annotation & { version?: number })): AnnotationView {
  const side: SegmentedText = a.side === 'source' ? p.source : p.target;
  const sentence = sentenceAt(side, a.start);
  return { ...a, sentence, bead: beadOf(p.alignment, a.side, sentence) };
}

export function buildDocumentView(
  p: ProcessedDocument,
  stored: Array<StoredAnnotation | (Annotation & { version?: number })>,
  statuses: Map<string, BeadStatus> = new Map(),
): DocumentView {
  const findings: FindingView[] = p.findings.map((f) => ({
    ...f,
    id: findingId(f),
    bead: beadOf(p.alignment, f.side, f.sentence),
  }));
  const annotations = stored.map((a) => placeAnnotation(p, a));

  const marks = (side: Side): Mark[] => [
    // A document-level finding (wrong language) is shown above the document, not on a sentence.
    ...findings
      .filter((f) => f.side === side && f.scope !== 'document')
      .map((f): Mark => ({ start: f.start, end: f.end, kind: 'finding', id: f.id, severity: f.severity, category: f.category, title: f.message })),
    ...annotations
      .filter((a) => a.side === side)
      .map((a): Mark => ({
        start: a.start,
        end: a.end,
        kind: 'annotation',
        id: String(a.id),
        severity: a.severity,
        category: a.category,
        title: `${a.category} (${a.severity})${a.comment ? `: ${a.comment}` : ''}`,
      })),
  ];
  const sourceMarks = marks('source');
  const targetMarks = marks('target');
  const view = (t: SegmentedText, i: number, m: Mark[]): SentenceView => {
    const s = t.sentences[i]!;
    return { index: i, paragraph: s.paragraph, start: s.start, end: s.end, text: s.text, pieces: cutPieces(t.text, s.start, s.end, m) };
  };

  let lastParagraph = -1;
  const beads: BeadView[] = p.alignment.map((bead, index) => {
    const firstSentence = bead.source.length ? p.source.sentences[bead.source[0]!]! : p.target.sentences[bead.target[0]!]!;
    const paragraphStart = firstSentence.paragraph !== lastParagraph && bead.source.length > 0;
    if (bead.source.length) lastParagraph = firstSentence.paragraph;
    const key = beadKey(bead);
    return {
      index,
      key,
      bead,
      paragraphStart,
      status: statuses.get(key) ?? 'not-started',
      source: bead.source.map((i) => view(p.source, i, sourceMarks)),
      target: bead.target.map((i) => view(p.target, i, targetMarks)),
      findings: findings.filter((f) => f.bead === index && f.scope !== 'document'),
      annotations: annotations.filter((a) => a.bead === index),
    };
  });
  const reviewed = beads.filter((b) => b.status === 'reviewed').length;
  return { processed: p, beads, findings, annotations, progress: { reviewed, total: beads.length } };
}
