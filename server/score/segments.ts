// Pairs MT and reference text into scoring segments. The MT is aligned to the source by the
// aligner, and the reference is aligned to the source the same way; a segment ends only where
// EVERY alignment puts a boundary between the same source sentences, so a 2-1 bead on one side
// never pairs half a sentence with a whole one. With several MT systems of one source, the same
// rule gives segments all systems share, which paired significance tests need.
import type { Bead } from '../core/types.js';

export interface ScoringSegment {
  /** Source sentence indices covered. */
  source: number[];
  hypothesis: number[];
  reference: number[];
}

export interface CommonSegment {
  source: number[];
  /** targets[k]: target sentence indices of alignment k in this segment. */
  targets: number[][];
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

/** Segments between the cut points common to all alignments, with each alignment's targets. */
export function commonSegments(alignments: Bead[][], nSource: number): CommonSegment[] {
  const sets = alignments.map((a) => cuts(a, nSource));
  const common = [...sets[0]!].filter((x) => sets.every((s) => s.has(x))).sort((x, y) => x - y);
  const segments: CommonSegment[] = [];
  for (let k = 0; k + 1 < common.length; k++) {
    segments.push({ source: range(common[k]!, common[k + 1]!), targets: alignments.map(() => []) });
  }
  if (segments.length === 0) segments.push({ source: [], targets: alignments.map(() => []) });
  const segOfSource = new Int32Array(nSource);
  segments.forEach((s, k) => s.source.forEach((i) => (segOfSource[i] = k)));
  alignments.forEach((alignment, a) => {
    let last = 0;
    for (const bead of alignment) {
      // A 0-1 bead (target text with no source) joins the segment before it.
      if (bead.source.length) last = segOfSource[bead.source[0]!]!;
      segments[last]!.targets[a]!.push(...bead.target);
    }
  });
  return segments;
}

/** Segment of each bead of `alignment` among `segments` (by its first source sentence). */
export function segmentOfBeads(alignment: Bead[], segments: CommonSegment[]): number[] {
  const bySource = new Map<number, number>();
  segments.forEach((s, k) => s.source.forEach((i) => bySource.set(i, k)));
  let last = 0;
  return alignment.map((b) => (b.source.length ? (last = bySource.get(b.source[0]!) ?? last) : last));
}

/** Groups beads by the segment (between common cut points) that their source sentences fall in. */
export function scoringSegments(mt: Bead[], ref: Bead[], nSource: number): ScoringSegment[] {
  return commonSegments([mt, ref], nSource).map((s) => ({ source: s.source, hypothesis: s.targets[0]!, reference: s.targets[1]! }));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
