// Alignment of pre-aligned texts (imported TMX, XLIFF, TSV, Anthea, Marot): line i of the source
// goes with line i of the target. A line with text on one side only is an omission (1-0) or an
// addition (0-1); a line blank on both sides is a paragraph break and makes no bead.
import type { Bead, SegmentedText } from '../core/types.js';

function lineNumbers(t: SegmentedText): number[] {
  const out: number[] = [];
  let line = 0;
  let at = 0;
  for (const s of t.sentences) {
    for (; at < s.start; at++) if (t.text.charCodeAt(at) === 10) line++;
    out.push(line);
  }
  return out;
}

export function alignLines(source: SegmentedText, target: SegmentedText): Bead[] {
  const byLine = new Map<number, Bead>();
  const put = (t: SegmentedText, side: 'source' | 'target') =>
    lineNumbers(t).forEach((line, i) => {
      let b = byLine.get(line);
      if (!b) byLine.set(line, (b = { source: [], target: [], confidence: 1 }));
      b[side].push(i);
    });
  put(source, 'source');
  put(target, 'target');
  return [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => b);
}
