// Cuts a sentence into pieces at every mark boundary, so overlapping findings and annotations
// can be rendered as nested highlights without ever changing the text between them.
import type { Severity } from '../core/types.js';

export interface Mark {
  start: number;
  end: number;
  kind: 'finding' | 'annotation';
  id: string;
  severity: Severity;
  category: string;
  title: string;
}

export interface Piece {
  text: string;
  /** Offsets into the original side text. */
  start: number;
  end: number;
  marks: Mark[];
}

export function cutPieces(text: string, from: number, to: number, marks: Mark[]): Piece[] {
  const inside = marks.filter((m) => m.end > from && m.start < to);
  const cuts = new Set<number>([from, to]);
  for (const m of inside) {
    cuts.add(Math.max(from, m.start));
    cuts.add(Math.min(to, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const s = points[k]!;
    const e = points[k + 1]!;
    out.push({ text: text.slice(s, e), start: s, end: e, marks: inside.filter((m) => m.start <= s && m.end >= e) });
  }
  return out;
}
