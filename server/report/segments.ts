// A document as a list of segments, the unit every segment-level export writes (Marot, Anthea,
// XLIFF, TMX): one segment per bead, its text the original slice from the bead's first sentence
// to its last on each side. Annotations are placed on segments with offsets inside the slice.
import type { Annotation, SegmentMeta, Side } from '../core/types.js';
import type { ProcessedDocument } from '../pipeline.js';
import type { DocumentView } from './document-view.js';

export interface SegmentSlice {
  start: number;
  end: number;
  text: string;
}

export interface ExportSegment {
  index: number;
  source: SegmentSlice;
  target: SegmentSlice;
  paragraphStart: boolean;
  meta: SegmentMeta;
}

/** Line breaks and tabs become spaces (same length, so offsets stay valid) for one-line formats. */
export const flat = (s: string) => s.replace(/[\t\r\n\u2028\u2029]/gu, ' ');

export function exportSegments(p: ProcessedDocument): ExportSegment[] {
  const metas = p.pair.meta?.segments ?? [];
  let lastParagraph = -1;
  return p.alignment.map((bead, index) => {
    const slice = (side: Side): SegmentSlice => {
      const t = side === 'source' ? p.source : p.target;
      const ids = bead[side];
      if (!ids.length) {
        // An empty side sits where the neighbouring text ends, so that it still has a place.
        return { start: 0, end: 0, text: '' };
      }
      const start = t.sentences[ids[0]!]!.start;
      const end = t.sentences[ids[ids.length - 1]!]!.end;
      return { start, end, text: t.text.slice(start, end) };
    };
    const first = bead.source.length ? p.source.sentences[bead.source[0]!]! : p.target.sentences[bead.target[0]!]!;
    const paragraphStart = index === 0 || (bead.source.length > 0 && first.paragraph !== lastParagraph);
    if (bead.source.length) lastParagraph = first.paragraph;
    return { index, source: slice('source'), target: slice('target'), paragraphStart, meta: metas[index] ?? {} };
  });
}

export interface SegmentAnnotation<A extends Annotation = Annotation> {
  annotation: A;
  segment: number;
  side: Side;
  /** Offsets inside the segment slice, clamped to it. */
  start: number;
  end: number;
}

/** Each annotation on its segment (the bead it sits in), with offsets relative to the slice. */
export function annotationsBySegment(view: DocumentView, segments: ExportSegment[]): SegmentAnnotation<DocumentView['annotations'][number]>[] {
  const out: SegmentAnnotation<DocumentView['annotations'][number]>[] = [];
  for (const a of view.annotations) {
    const seg = segments[a.bead];
    if (!seg) continue;
    const slice = seg[a.side];
    const start = Math.max(0, Math.min(slice.text.length, a.start - slice.start));
    const end = Math.max(start, Math.min(slice.text.length, a.end - slice.start));
    out.push({ annotation: a, segment: a.bead, side: a.side, start, end });
  }
  return out.sort((x, y) => x.segment - y.segment || (x.side === y.side ? 0 : x.side === 'target' ? -1 : 1) || x.start - y.start || x.end - y.end || String(x.annotation.id).localeCompare(String(y.annotation.id), 'en', { numeric: true }));
}
