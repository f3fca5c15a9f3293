// Monotone dynamic programming inside a band: the Viterbi path, and (optionally) the forward and
// backward sums that give each bead of that path its posterior probability — the share of all
// alignments, weighted by exp(−cost / T), that contain exactly that bead.
import { type Band, cellCount } from './band.js';
import type { Model } from './model.js';

export interface PathBead {
  /** Cell where the bead starts (sentences consumed before it) … */
  i0: number;
  j0: number;
  /** … and where it ends. */
  i1: number;
  j1: number;
  cost: number;
  /** Posterior probability of this exact bead (NaN when not computed). */
  posterior: number;
}

const NONE = 255;

function indexIn(b: Band, i: number, j: number): number {
  if (j < b.lo[i]! || j > b.hi[i]!) return -1;
  return b.offset[i]! + j - b.lo[i]!;
}

export interface SearchOptions {
  /** Compute posteriors at this temperature (costs are divided by it). */
  temperature?: number;
  /**
   * With posteriors: instead of the single cheapest path, return the path whose beads have the
   * largest total posterior minus `mbrPenalty` per bead (minimum-Bayes-risk decoding: the most
   * beads expected to be exactly right).
   */
  mbr?: boolean;
  mbrPenalty?: number;
}

/** Best path through the band; with a temperature, also each bead's posterior probability. */
export function search(model: Model, band: Band, temperatureOrOptions?: number | SearchOptions): PathBead[] {
  const opts: SearchOptions = typeof temperatureOrOptions === 'number' ? { temperature: temperatureOrOptions } : (temperatureOrOptions ?? {});
  const temperature = opts.temperature;
  const cells = cellCount(band);
  const { n, m, lo, hi, offset } = band;
  const viterbi = new Float64Array(cells).fill(Infinity);
  const back = new Uint8Array(cells).fill(NONE);
  const withPosteriors = temperature !== undefined;
  const forward = withPosteriors ? new Float64Array(cells).fill(Infinity) : null;
  const T = temperature ?? 1;
  const moves = model.moveCount;
  // The backward pass needs the same costs again: keep them (single precision is plenty).
  const costs = withPosteriors ? new Float32Array(cells * moves).fill(Number.NaN) : null;
  viterbi[0] = 0;
  if (forward) forward[0] = 0;

  for (let i = 0; i <= n; i++) {
    const rowLo = lo[i]!;
    const rowHi = hi[i]!;
    for (let j = rowLo; j <= rowHi; j++) {
      if (i === 0 && j === 0) continue;
      const here = offset[i]! + j - rowLo;
      let best = Infinity;
      let bestMove = NONE;
      let fMin = Infinity;
      let fSum = 0;
      for (let k = 0; k < moves; k++) {
        const pi = i - model.di(k);
        const pj = j - model.dj(k);
        if (pi < 0 || pj < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        const prev = offset[pi]! + pj - lo[pi]!;
        const pv = viterbi[prev]!;
        if (pv === Infinity) continue;
        const c = model.cost(i, j, k);
        if (costs) costs[here * moves + k] = c;
        const v = pv + c;
        if (v < best) {
          best = v;
          bestMove = k;
        }
        if (forward) {
          const f = forward[prev]! + c;
          if (f < fMin) {
            fSum = fSum * Math.exp((f - fMin) / T) + 1;
            fMin = f;
          } else fSum += Math.exp((fMin - f) / T);
        }
      }
      viterbi[here] = best;
      back[here] = bestMove;
      if (forward && fMin < Infinity) forward[here] = fMin - T * Math.log(fSum);
    }
  }

  const path: PathBead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = indexIn(band, i, j);
    const k = back[here]!;
    if (here < 0 || k === NONE) throw new Error(`alignment band is disconnected at (${i}, ${j})`);
    const i0 = i - model.di(k);
    const j0 = j - model.dj(k);
    path.push({ i0, j0, i1: i, j1: j, cost: model.cost(i, j, k), posterior: Number.NaN });
    i = i0;
    j = j0;
  }
  path.reverse();

  if (forward) {
    const backward = backwardPass(model, band, T, costs!);
    const total = forward[indexIn(band, n, m)]!;
    const skips = skipMarginals(model, band, costs!, forward, backward, total, T);
    const posteriorOf = (i0: number, j0: number, i1: number, j1: number, c: number) => {
      if (i1 === i0 + 1 && j1 === j0) return skips.source[i1]!;
      if (j1 === j0 + 1 && i1 === i0) return skips.target[j1]!;
      return Math.min(1, Math.exp(-(forward[indexIn(band, i0, j0)]! + c + backward[indexIn(band, i1, j1)]! - total) / T));
    };
    if (opts.mbr) return mbrPath(model, band, costs!, forward, backward, total, T, opts.mbrPenalty ?? 0, skips);
    for (const b of path) b.posterior = posteriorOf(b.i0, b.j0, b.i1, b.j1, b.cost);
  }
  return path;
}

/** backward[i, j] = −T·log Σ over paths from (i, j) to (n, m) of exp(−cost / T). */
function backwardPass(model: Model, band: Band, T: number, costs: Float32Array): Float64Array {
  const { n, m, lo, hi, offset } = band;
  const backward = new Float64Array(cellCount(band)).fill(Infinity);
  backward[indexIn(band, n, m)] = 0;
  const moves = model.moveCount;
  for (let i = n; i >= 0; i--) {
    for (let j = hi[i]!; j >= lo[i]!; j--) {
      if (i === n && j === m) continue;
      let fMin = Infinity;
      let fSum = 0;
      for (let k = 0; k < moves; k++) {
        const ni = i + model.di(k);
        const nj = j + model.dj(k);
        if (ni > n || nj > m || nj < lo[ni]! || nj > hi[ni]!) continue;
        const at = offset[ni]! + nj - lo[ni]!;
        const next = backward[at]!;
        const c = costs[at * moves + k]!;
        if (next === Infinity || Number.isNaN(c)) continue;
        const f = next + c;
        if (f < fMin) {
          fSum = fSum * Math.exp((f - fMin) / T) + 1;
          fMin = f;
        } else fSum += Math.exp((fMin - f) / T);
      }
      if (fMin < Infinity) backward[offset[i]! + j - lo[i]!] = fMin - T * Math.log(fSum);
    }
  }
  return backward;
}

/** The path maximising Σ (posterior − penalty) over its beads, from the forward–backward sums. */
/**
 * A bead with an empty side — "source sentence i is untranslated" — is the same bead wherever
 * the path passes it on the other side, so its probability is the sum over those positions.
 * source[i]: P(the alignment has the bead [i-1]:[]); target[j]: P(it has []:[j-1]).
 */
function skipMarginals(model: Model, band: Band, costs: Float32Array, forward: Float64Array, backward: Float64Array, total: number, T: number): { source: Float64Array; target: Float64Array } {
  const { n, m, lo, hi, offset } = band;
  const moves = model.moveCount;
  const source = new Float64Array(n + 1);
  const target = new Float64Array(m + 1);
  let kS = -1;
  let kT = -1;
  for (let k = 0; k < moves; k++) {
    if (model.di(k) === 1 && model.dj(k) === 0) kS = k;
    if (model.di(k) === 0 && model.dj(k) === 1) kT = k;
  }
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      const here = offset[i]! + j - lo[i]!;
      const b = backward[here]!;
      if (b === Infinity) continue;
      if (i > 0 && j >= lo[i - 1]! && j <= hi[i - 1]!) {
        const c = costs[here * moves + kS]!;
        if (!Number.isNaN(c)) source[i]! += Math.exp(-(forward[offset[i - 1]! + j - lo[i - 1]!]! + c + b - total) / T);
      }
      if (j > lo[i]!) {
        const c = costs[here * moves + kT]!;
        if (!Number.isNaN(c)) target[j]! += Math.exp(-(forward[here - 1]! + c + b - total) / T);
      }
    }
  }
  for (let i = 0; i <= n; i++) source[i] = Math.min(1, source[i]!);
  for (let j = 0; j <= m; j++) target[j] = Math.min(1, target[j]!);
  return { source, target };
}

function mbrPath(
  model: Model,
  band: Band,
  costs: Float32Array,
  forward: Float64Array,
  backward: Float64Array,
  total: number,
  T: number,
  penalty: number,
  skips: { source: Float64Array; target: Float64Array },
): PathBead[] {
  const { n, m, lo, hi, offset } = band;
  const cells = cellCount(band);
  const moves = model.moveCount;
  const gain = new Float64Array(cells).fill(-Infinity);
  const back = new Uint8Array(cells).fill(NONE);
  const post = (here: number, prev: number, k: number, i: number, j: number) => {
    const c = costs[here * moves + k]!;
    if (Number.isNaN(c)) return -1;
    if (model.dj(k) === 0) return skips.source[i]!;
    if (model.di(k) === 0) return skips.target[j]!;
    return Math.min(1, Math.exp(-(forward[prev]! + c + backward[here]! - total) / T));
  };
  gain[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      if (i === 0 && j === 0) continue;
      const here = offset[i]! + j - lo[i]!;
      if (backward[here] === Infinity) continue;
      let best = -Infinity;
      let bestMove = NONE;
      for (let k = 0; k < moves; k++) {
        const pi = i - model.di(k);
        const pj = j - model.dj(k);
        if (pi < 0 || pj < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        const prev = offset[pi]! + pj - lo[pi]!;
        if (gain[prev] === -Infinity) continue;
        const p = post(here, prev, k, i, j);
        if (p < 0) continue;
        const v = gain[prev]! + p - penalty;
        if (v > best) {
          best = v;
          bestMove = k;
        }
      }
      gain[here] = best;
      back[here] = bestMove;
    }
  }
  const path: PathBead[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const here = indexIn(band, i, j);
    const k = back[here]!;
    if (here < 0 || k === NONE) throw new Error(`alignment band is disconnected at (${i}, ${j})`);
    const i0 = i - model.di(k);
    const j0 = j - model.dj(k);
    const prev = indexIn(band, i0, j0);
    path.push({ i0, j0, i1: i, j1: j, cost: costs[here * moves + k]!, posterior: post(here, prev, k, i, j) });
    i = i0;
    j = j0;
  }
  return path.reverse();
}
