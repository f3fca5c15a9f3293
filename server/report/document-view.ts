// The one view of a reviewed document that the web page, the HTML report and the CSV/JSON
// exports all read: beads with their sentences cut into highlight pieces, findings (with the
// reviewer's decision on each), annotations placed on their sentences and beads, statuses,
// post-edits with their diffs, progress and HTER.
//
// Built in O(n log n): a 2,000-bead document is rendered on every page load.
import type { Annotation, Bead, Finding, SegmentedText, Side } from '../core/types.js';
import { sentenceAt, type ProcessedDocument } from '../pipeline.js';
import { documentHter, segmentHter, type HterScore } from '../review/hter.js';
import { beadTargetText, wordDiff, type DiffPart } from '../review/post-edit.js';
import { progressOf, type Progress } from '../review/status.js';
import type { BeadStatus, DocumentReview, FindingDecision, PostEdit, StoredAnnotation } from '../store/types.js';
import { cutPieces, type Mark, type Piece } from './highlight.js';

export interface SentenceView {
  index: number;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  pieces: Piece[];
}

/** open: a proposal waiting for a decision; accepted: it became an annotation; dismissed: hidden. */
export type FindingState = 'open' | 'accepted' | 'dismissed';

export interface FindingView extends Finding {
  id: string;
  bead: number;
  state: FindingState;
  /** Who dismissed it and when (state "dismissed"). */
  decision?: { author: string; at: string };
  /** The annotation it became (state "accepted"). */
  annotationId?: number | string;
  /** An annotation already covers exactly this span (a reviewer may want to dismiss it). */
  covered?: boolean;
}

export interface AnnotationView extends Annotation {
  bead: number;
  version?: number;
  clientId?: string;
  findingId?: string;
}

export interface PostEditView extends PostEdit {
  /** The bead's MT now; differs from mtText when the alignment changed since the post-edit. */
  mt: string;
  stale: boolean;
  diff: DiffPart[];
  ter: { score: number; edits: number; words: number };
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
  postEdit?: PostEditView;
}

export interface DocumentView {
  processed: ProcessedDocument;
  beads: BeadView[];
  findings: FindingView[];
  annotations: AnnotationView[];
  progress: Progress;
  findingCounts: Record<FindingState, number>;
  hter?: HterScore;
  review: DocumentReview;
  /** Post-edits whose bead no longer exists (the alignment changed); kept, never dropped. */
  orphanPostEdits: PostEdit[];
}

/** What the reviewer workspace adds on top of annotations and statuses. */
export interface WorkspaceState {
  decisions?: Map<string, FindingDecision>;
  postEdits?: Map<string, PostEdit>;
  review?: DocumentReview;
}



export function beadKey(b: Bead): string {
  return `s${b.source[0] ?? '-'}t${b.target[0] ?? '-'}`;
}

export function findingId(f: Finding): string {
  return `${f.check}:${f.side}:${f.start}-${f.end}`;
}

/** Ids for a list of findings, unique even when one check flags one span twice. */
export function findingIds(findings: Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = findingId(f);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}~${n}`;
  });
}

type StoredLike = StoredAnnotation | (Annotation & { version?: number; clientId?: string; findingId?: string });

/** sentence index → bead index, per side. */
function beadIndex(alignment: Bead[], side: Side, sentences: number): Int32Array {
  const out = new Int32Array(sentences).fill(-1);
  alignment.forEach((b, i) => {
    for (const s of b[side]) out[s] = i;
  });
  return out;
}

export function buildDocumentView(
  p: ProcessedDocument,
  stored: StoredLike[],
  statuses: Map<string, BeadStatus> = new Map(),
  workspace: WorkspaceState = {},
): DocumentView {
  const beadOfSource = beadIndex(p.alignment, 'source', p.source.sentences.length);
  const beadOfTarget = beadIndex(p.alignment, 'target', p.target.sentences.length);
  const beadOf = (side: Side, sentence: number) => (side === 'source' ? beadOfSource : beadOfTarget)[sentence] ?? -1;

  const annotations: AnnotationView[] = stored.map((a) => {
    const sentence = sentenceAt(a.side === 'source' ? p.source : p.target, a.start);
    return { ...a, sentence, bead: beadOf(a.side, sentence) };
  });
  const acceptedAs = new Map<string, AnnotationView>();
  const spans = new Set<string>();
  for (const a of annotations) {
    if (a.findingId) acceptedAs.set(a.findingId, a);
    spans.add(`${a.side}:${a.start}-${a.end}`);
  }

  const ids = findingIds(p.findings);
  const findings: FindingView[] = p.findings.map((f, k) => {
    const id = ids[k]!;
    const accepted = acceptedAs.get(id);
    const decision = workspace.decisions?.get(id);
    const view: FindingView = { ...f, id, bead: beadOf(f.side, f.sentence), state: 'open' };
    if (accepted) {
      view.state = 'accepted';
      view.annotationId = accepted.id;
    } else if (decision?.decision === 'dismissed') {
      view.state = 'dismissed';
      view.decision = { author: decision.author, at: decision.decidedAt };
    }
    if (spans.has(`${f.side}:${f.start}-${f.end}`)) view.covered = true;
    return view;
  });

  // Marks grouped by sentence, so cutting a sentence only looks at its own marks.
  const marksBySentence = { source: new Map<number, Mark[]>(), target: new Map<number, Mark[]>() };
  const addMark = (side: Side, m: Mark) => {
    const text = side === 'source' ? p.source : p.target;
    // A mark may run across sentences; it is added to each sentence it touches.
    for (let s = sentenceAt(text, m.start); s < text.sentences.length && text.sentences[s]!.start < m.end; s++) {
      const list = marksBySentence[side].get(s);
      if (list) list.push(m);
      else marksBySentence[side].set(s, [m]);
    }
  };
  for (const f of findings) {
    // A document-level finding (wrong language, swapped files) is shown above the document, not on a sentence.
    if (f.state !== 'open' || f.scope === 'document') continue;
    addMark(f.side, { start: f.start, end: f.end, kind: 'finding', id: f.id, severity: f.severity, category: f.category, title: f.message });
  }
  for (const a of annotations) {
    addMark(a.side, {
      start: a.start,
      end: a.end,
      kind: 'annotation',
      id: String(a.id),
      severity: a.severity,
      category: a.category,
      title: `${a.category} (${a.severity})${a.comment ? `: ${a.comment}` : ''}`,
    });
  }
  // Pieces are cut when first read: answers to a change need counts and scores only, and a long
  // page is rendered (and its pieces cut) a hundred beads at a time.
  const view = (t: SegmentedText, side: Side, i: number): SentenceView => {
    const s = t.sentences[i]!;
    let pieces: Piece[] | undefined;
    return {
      index: i,
      paragraph: s.paragraph,
      start: s.start,
      end: s.end,
      text: s.text,
      get pieces() {
        return (pieces ??= cutPieces(t.text, s.start, s.end, marksBySentence[side].get(i) ?? []));
      },
    };
  };

  const findingsByBead = groupBy(
    findings.filter((f) => f.scope !== 'document'),
    (f) => f.bead,
  );
  const annotationsByBead = groupBy(annotations, (a) => a.bead);
  const usedPostEdits = new Set<string>();
  const hterSegments: Array<{ mt: string; postEdit: string }> = [];

  let lastParagraph = -1;
  const beads: BeadView[] = p.alignment.map((bead, index) => {
    const firstSentence = bead.source.length ? p.source.sentences[bead.source[0]!]! : p.target.sentences[bead.target[0]!]!;
    const paragraphStart = firstSentence.paragraph !== lastParagraph && bead.source.length > 0;
    if (bead.source.length) lastParagraph = firstSentence.paragraph;
    const key = beadKey(bead);
    const b: BeadView = {
      index,
      key,
      bead,
      paragraphStart,
      status: statuses.get(key) ?? 'not-started',
      source: bead.source.map((i) => view(p.source, 'source', i)),
      target: bead.target.map((i) => view(p.target, 'target', i)),
      findings: findingsByBead.get(index) ?? [],
      annotations: annotationsByBead.get(index) ?? [],
    };
    const pe = workspace.postEdits?.get(key);
    if (pe) {
      usedPostEdits.add(key);
      const mt = beadTargetText(p.target, bead);
      const stale = pe.mtText !== mt;
      b.postEdit = { ...pe, mt, stale, diff: wordDiff(pe.mtText, pe.text, p.target.lang), ter: segmentHter({ mt: pe.mtText, postEdit: pe.text }) };
      if (!stale) hterSegments.push({ mt, postEdit: pe.text });
    }
    return b;
  });

  const findingCounts: Record<FindingState, number> = { open: 0, accepted: 0, dismissed: 0 };
  for (const f of findings) findingCounts[f.state]++;
  const hter = documentHter(hterSegments);
  return {
    processed: p,
    beads,
    findings,
    annotations,
    progress: progressOf(beads.map((b) => b.status)),
    findingCounts,
    ...(hter ? { hter } : {}),
    review: workspace.review ?? { notes: '', verdict: 'undecided' },
    orphanPostEdits: [...(workspace.postEdits?.values() ?? [])].filter((pe) => !usedPostEdits.has(pe.beadKey)),
  };
}

/**
 * Progress, finding counts and HTER as buildDocumentView gives them, without building the beads:
 * what an answer to a single change reports, at a fraction of the allocations (at hundreds of
 * changes a second, the view's garbage was most of the cost of an answer).
 */
export function documentCounts(
  p: ProcessedDocument,
  stored: StoredLike[],
  statuses: Map<string, BeadStatus>,
  workspace: WorkspaceState = {},
): Pick<DocumentView, 'progress' | 'findingCounts' | 'hter'> {
  const accepted = new Set<string>();
  for (const a of stored) if (a.findingId) accepted.add(a.findingId);
  const findingCounts: Record<FindingState, number> = { open: 0, accepted: 0, dismissed: 0 };
  for (const id of findingIds(p.findings)) {
    if (accepted.has(id)) findingCounts.accepted++;
    else if (workspace.decisions?.get(id)?.decision === 'dismissed') findingCounts.dismissed++;
    else findingCounts.open++;
  }
  const hterSegments: Array<{ mt: string; postEdit: string }> = [];
  const beadStatuses = p.alignment.map((bead) => {
    const key = beadKey(bead);
    const pe = workspace.postEdits?.get(key);
    if (pe) {
      const mt = beadTargetText(p.target, bead);
      if (pe.mtText === mt) hterSegments.push({ mt, postEdit: pe.text });
    }
    return statuses.get(key) ?? 'not-started';
  });
  const hter = documentHter(hterSegments);
  return { progress: progressOf(beadStatuses), findingCounts, ...(hter ? { hter } : {}) };
}

function groupBy<T>(items: T[], key: (t: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}
