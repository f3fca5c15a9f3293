// Pairs MT and reference text into scoring segments. The MT is aligned to the source by the
// aligner, and the reference is aligned to the source the same way; a segment ends only where
// BOTH alignments put a boundary between the same source sentences, so a 2-1 bead on one side
// never pairs half a sentence with a whole one.
import type { Bead } from '../core/types.js';

export interface ScoringSegment {
  /** Source sentence indices covered. */
  source: number[];
  hypothesis: number[];
  reference: number[];
}

/** Source-sentence cut points of an alignment: i is a cut when a bead ends just before source i. */
function cuts(alignment: Bead[], nSource: number): Set<number> {
  const out = new Set<number>([0, nSource]);
  let seen = 0;
  for (const b of alignment) {
    seen += b.source.length;
    if (b.source.length > 0) out.add(seen);
  }
  return out;
}

/** Groups beads by the segment (between common cut points) that their source sentences fall in. */
export function scoringSegments(mt: Bead[], ref: Bead[], nSource: number): ScoringSegment[] {
  const a = cuts(mt, nSource);
  const b = cuts(ref, nSource);
  const common = [...a].filter((x) => b.has(x)).sort((x, y) => x - y);
  const segments: ScoringSegment[] = [];
  for (let k = 0; k + 1 < common.length; k++) {
    segments.push({ source: range(common[k]!, common[k + 1]!), hypothesis: [], reference: [] });
  }
  const segOfSource = new Int32Array(nSource);
  segments.forEach((s, k) => s.source.forEach((i) => (segOfSource[i] = k)));
  const place = (alignment: Bead[], key: 'hypothesis' | 'reference') => {
    let last = 0;
    for (const bead of alignment) {
      // A 0-1 bead (target text with no source) joins the segment before it.
      if (bead.source.length) last = segOfSource[bead.source[0]!]!;
      segments[last]?.[key].push(...bead.target);
    }
  };
  place(mt, 'hypothesis');
  place(ref, 'reference');
  return segments;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
