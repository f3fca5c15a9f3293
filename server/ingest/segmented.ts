// The shape every segment-level import produces (TMX, XLIFF, TSV, Anthea, Marot/WMT), and how it
// becomes a stored document: one segment a line, blank lines between paragraphs, so the
// pipeline's line mode gives back exactly the imported segments as 1-1 beads. Annotations come
// with offsets inside their segment and are moved onto the document text here.
import type { AnnotationInput, AnnotationOrigin, DocumentMeta, DocumentPair, SegmentMeta, Side } from '../core/types.js';
import { InputError } from '../core/types.js';

export interface ImportSegment {
  source: string;
  target: string;
  references?: string[];
  /** True when a new paragraph starts with this segment. */
  paragraphStart?: boolean;
  meta?: SegmentMeta;
}

export interface ImportAnnotation {
  segment: number;
  side: Side;
  /** Offsets inside that segment's text on that side. */
  start: number;
  end: number;
  category: string;
  severity: AnnotationInput['severity'];
  comment?: string;
  correction?: string;
  author: string;
  createdAt?: string;
  origin?: AnnotationOrigin;
}

export interface ImportedDocument {
  /** The document name shared by every system (Marot/WMT doc, XLIFF file id, TMX file). */
  doc: string;
  system: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  segments: ImportSegment[];
  annotations: ImportAnnotation[];
  ratings?: Record<string, number[]>;
  notes?: string[];
}

export interface ImportResult {
  format: string;
  file: string;
  documents: ImportedDocument[];
  /** Rows or items that were read but are not annotations (No-error rows, attention checks). */
  skipped?: Record<string, number>;
}

/** Inside a segment a line break would split it in two: it is kept as U+2028 LINE SEPARATOR. */
export const IN_SEGMENT_BREAK = '\u2028';
const oneLine = (s: string) => s.replace(/\r\n?|\n/gu, IN_SEGMENT_BREAK);

export const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export function safeId(s: string): string {
  const cleaned = s.normalize('NFKC').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 120);
  return cleaned || 'document';
}

export interface Built {
  pair: DocumentPair;
  annotations: Array<AnnotationInput & { text: string; createdAt?: string }>;
}

/** Lays the segments out one a line and moves every annotation onto the document text. */
export function buildDocument(d: ImportedDocument, opts: { id: string; corpus: string; format: string; file: string }): Built {
  // Segments blank on both sides are not reviewable and would shift segment numbers.
  const keep: number[] = [];
  d.segments.forEach((s, i) => {
    if (/\S/u.test(s.source) || /\S/u.test(s.target)) keep.push(i);
  });
  const newIndex = new Map(keep.map((old, k) => [old, k]));
  const src: string[] = [];
  const tgt: string[] = [];
  const nRefs = Math.max(0, ...d.segments.map((s) => s.references?.length ?? 0));
  const refs: string[][] = Array.from({ length: nRefs }, () => []);
  const starts: Record<Side, number[]> = { source: [], target: [] };
  let srcLen = 0;
  let tgtLen = 0;
  keep.forEach((old, k) => {
    const s = d.segments[old]!;
    if (k > 0) {
      const sep = s.paragraphStart ? '\n\n' : '\n';
      src.push(sep);
      tgt.push(sep);
      for (const r of refs) r.push(sep);
      srcLen += sep.length;
      tgtLen += sep.length;
    }
    starts.source.push(srcLen);
    starts.target.push(tgtLen);
    const a = oneLine(s.source);
    const b = oneLine(s.target);
    src.push(a);
    tgt.push(b);
    srcLen += a.length;
    tgtLen += b.length;
    refs.forEach((r, ri) => r.push(oneLine(s.references?.[ri] ?? '')));
  });
  const segMeta = keep.map((old) => d.segments[old]!.meta ?? {});
  const meta: DocumentMeta = {
    format: opts.format,
    file: opts.file,
    sourceDoc: d.doc,
    ...(segMeta.some((m) => Object.keys(m).length) ? { segments: segMeta } : {}),
    ...(d.notes?.length ? { notes: d.notes } : {}),
  };
  if (d.ratings) {
    const ratings: Record<string, number[]> = {};
    for (const [rater, segs] of Object.entries(d.ratings).sort(([a], [b]) => a.localeCompare(b))) {
      ratings[rater] = [...new Set(segs.map((i) => newIndex.get(i)).filter((i): i is number => i !== undefined))].sort((x, y) => x - y);
    }
    meta.ratings = ratings;
  }
  const pair: DocumentPair = {
    id: opts.id,
    corpus: opts.corpus,
    title: d.title,
    sourceLang: d.sourceLang,
    targetLang: d.targetLang,
    system: d.system,
    sourceText: src.join(''),
    targetText: tgt.join(''),
    references: refs.map((r) => r.join('')),
    segmentation: 'lines',
    meta,
  };
  const annotations = d.annotations.map((a) => {
    const k = newIndex.get(a.segment);
    if (k === undefined) throw new InputError(`an annotation points at segment ${a.segment + 1}, which is empty`, { file: opts.file });
    const base = starts[a.side][k]!;
    const text = a.side === 'source' ? pair.sourceText : pair.targetText;
    const start = base + a.start;
    const end = base + a.end;
    return {
      side: a.side,
      start,
      end,
      text: text.slice(start, end),
      category: a.category,
      severity: a.severity,
      ...(a.comment ? { comment: a.comment } : {}),
      ...(a.correction ? { correction: a.correction } : {}),
      author: a.author,
      ...(a.createdAt ? { createdAt: a.createdAt } : {}),
      ...(a.origin ? { origin: a.origin } : {}),
    };
  });
  return { pair, annotations };
}
