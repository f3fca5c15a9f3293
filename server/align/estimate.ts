// Re-estimation from a first pass: the document itself says how long its translation runs (c),
// how much lengths vary (s²) and how often each kind of anchor finds its counterpart (p). Only
// 1-1 beads are used, the shape a length model gets right most often.
import { KEY_TYPES, type SideKeys } from './anchors.js';
import type { PathBead } from './dp.js';
import { MOVES, type ModelParams, type Units } from './model.js';

/** Weight of the prior p in the smoothed estimate, in pseudo-observations. */
const PRIOR_STRENGTH = 20;
/** Median of χ² with one degree of freedom: turns a median squared z into a variance. */
const MEDIAN_CHI2_1 = 0.4549;

function hasKey(k: SideKeys, unit: number, id: number): boolean {
  let lo = k.offsets[unit]!;
  let hi = k.offsets[unit + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (k.ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < k.offsets[unit + 1]! && k.ids[lo] === id;
}

function matchRates(own: SideKeys, other: SideKeys, pairs: Array<[number, number]>, prior: number[]): number[] {
  const hit = new Float64Array(KEY_TYPES);
  const seen = new Float64Array(KEY_TYPES);
  for (const [a, b] of pairs) {
    for (let e = own.offsets[a]!; e < own.offsets[a + 1]!; e++) {
      const t = own.types[e]!;
      seen[t]!++;
      if (hasKey(other, b, own.ids[e]!)) hit[t]!++;
    }
  }
  return prior.map((p0, t) => (p0 === 0 ? 0 : (hit[t]! + PRIOR_STRENGTH * p0) / (seen[t]! + PRIOR_STRENGTH)));
}

export interface EstimateOptions {
  /** Keep s² at Gale & Church's 6.8 instead of estimating it. */
  fixedS2?: boolean;
  /** Keep c as given (the caller fixed the ratio). */
  fixedC?: boolean;
  /** Pseudo-counts of the default bead priors when re-estimating them (absent: keep them). */
  priorStrength?: number;
  /** How far (nats) a re-estimated prior may move from its default. */
  priorRange?: number;
}

export function reestimate(path: PathBead[], source: Units, target: Units, params: ModelParams, options: EstimateOptions = {}): ModelParams {
  const pairs: Array<[number, number]> = [];
  for (const b of path) if (b.i1 - b.i0 === 1 && b.j1 - b.j0 === 1) pairs.push([b.i0, b.j0]);
  if (pairs.length < 3) return params;
  let sl = 0;
  let tl = 0;
  for (const [a, b] of pairs) {
    sl += source.length[a]!;
    tl += target.length[b]!;
  }
  const c = options.fixedC || sl === 0 || tl === 0 ? params.c : tl / sl;
  let sw = 0;
  let tw = 0;
  for (const [a, b] of pairs) {
    sw += source.words[a]!;
    tw += target.words[b]!;
  }
  const cw = sw === 0 || tw === 0 ? params.cw : tw / sw;
  let s2 = params.s2;
  if (!options.fixedS2 && pairs.length >= 10) {
    const z2 = pairs
      .map(([a, b]) => {
        const l1 = source.length[a]!;
        const l2 = target.length[b]!;
        return (l2 - c * l1) ** 2 / Math.max(1, (l1 + l2 / c) / 2);
      })
      .sort((x, y) => x - y);
    // Half of the estimate comes from Gale & Church's 6.8, so short documents stay sensible.
    const est = z2[z2.length >> 1]! / MEDIAN_CHI2_1;
    const w = Math.min(1, pairs.length / 100);
    s2 = Math.min(60, Math.max(2, w * est + (1 - w) * params.s2));
  }
  // Bead-shape priors: the first pass's shape counts, smoothed towards the defaults.
  let prior = params.prior;
  if (options.priorStrength !== undefined && options.priorStrength > 0) {
    const counts = new Float64Array(MOVES.length);
    for (const b of path) {
      const k = MOVES.findIndex(([x, y]) => x === b.i1 - b.i0 && y === b.j1 - b.j0);
      if (k >= 0) counts[k]!++;
    }
    const p0 = params.prior.map((x) => Math.exp(-x));
    const z0 = p0.reduce((a, b) => a + b, 0);
    const est = p0.map((x, k) => counts[k]! + options.priorStrength! * (x / z0));
    // Within a nat of the defaults: one document's first pass is too little to move them more.
    prior = est.map((x, k) => {
      const v = -Math.log(x / est[0]!);
      const d = params.prior[k]!;
      return Math.max(d - (options.priorRange ?? 1), Math.min(d + (options.priorRange ?? 1), v));
    });
  }
  return {
    ...params,
    c,
    cw,
    s2,
    prior,
    pSource: matchRates(source.keys, target.keys, pairs, params.pSource),
    pTarget: matchRates(target.keys, source.keys, pairs.map(([a, b]) => [b, a]), params.pTarget),
  };
}
