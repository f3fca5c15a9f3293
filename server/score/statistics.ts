// Resampling statistics over per-segment sufficient statistics, for every metric alike (MQM
// included): bootstrap confidence intervals and the paired approximate randomisation test.
// Both follow sacreBLEU 2.6.0 (significance.py): the interval is the 2.5th and 97.5th
// percentile of 1,000 resampled corpus scores taken by sorted index (n // 40 from each end);
// the test counts trials whose shuffled |difference| is strictly greater than the real one and
// reports p = (count + 1) / (trials + 1) (two-sided). The random numbers come from a seeded
// xoshiro128** generator, not NumPy's PCG64, so intervals and p-values differ from sacreBLEU's
// in the last digits even with the same seed; the method, trials and seed are in the signature.

export const DEFAULT_SEED = 12345;
export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_TRIALS = 10000;

/** Seeded xoshiro128** (Blackman & Vigna), seeded through splitmix32. Deterministic everywhere. */
export class Rng {
  private s = new Uint32Array(4);
  constructor(seed: number) {
    let x = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.s[i] = (z ^ (z >>> 16)) >>> 0;
    }
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** A uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor((this.next() / 4294967296) * n);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Per-segment statistics as one flat array (row-major), for tight loops. */
export interface StatTable {
  rows: number;
  width: number;
  data: Float64Array;
}

export function statTable(stats: readonly (readonly number[])[]): StatTable {
  const rows = stats.length;
  const width = rows ? stats[0]!.length : 0;
  const data = new Float64Array(rows * width);
  stats.forEach((r, i) => data.set(r, i * width));
  return { rows, width, data };
}

export interface ConfidenceInterval {
  low: number;
  high: number;
  level: number;
  /** Mean of the resampled scores. */
  mean: number;
  resamples: number;
  seed: number;
}

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  /** 0.95 by default. */
  level?: number;
}

/** Bootstrap interval of a corpus score: resample segments with replacement, sum, score. */
export function bootstrapCi(stats: StatTable, score: (sums: number[]) => number, options: BootstrapOptions = {}): ConfidenceInterval | null {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const level = options.level ?? 0.95;
  const { rows, width, data } = stats;
  if (rows === 0 || resamples < 1) return null;
  const rng = new Rng(seed);
  const scores = new Float64Array(resamples);
  const sums = new Array<number>(width);
  for (let r = 0; r < resamples; r++) {
    sums.fill(0);
    for (let i = 0; i < rows; i++) {
      const at = rng.below(rows) * width;
      for (let k = 0; k < width; k++) sums[k]! += data[at + k]!;
    }
    scores[r] = score(sums);
  }
  scores.sort();
  const lowerIdx = Math.floor((resamples * (1 - level)) / 2);
  const upperIdx = resamples - lowerIdx - 1;
  let mean = 0;
  for (const s of scores) mean += s;
  return { low: scores[lowerIdx]!, high: scores[upperIdx]!, level, mean: mean / resamples, resamples, seed };
}

export interface RandomizationResult {
  /** score(a) − score(b) on the real data. */
  diff: number;
  p: number;
  trials: number;
  seed: number;
  segments: number;
}

/**
 * Paired approximate randomisation: in each trial every segment's statistics are swapped
 * between the two systems with probability ½. Segments where both systems have the same
 * statistics cannot change anything and are skipped (the result is the same).
 */
export function pairedRandomization(
  a: StatTable,
  b: StatTable,
  score: (sums: number[]) => number,
  options: { trials?: number; seed?: number } = {},
): RandomizationResult {
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  if (a.rows !== b.rows || a.width !== b.width) throw new Error(`paired test: ${a.rows}×${a.width} statistics against ${b.rows}×${b.width}`);
  const { rows, width } = a;
  const totalA = new Array<number>(width).fill(0);
  const totalB = new Array<number>(width).fill(0);
  const diffRows: number[] = [];
  for (let i = 0; i < rows; i++) {
    let same = true;
    for (let k = 0; k < width; k++) {
      const x = a.data[i * width + k]!;
      const y = b.data[i * width + k]!;
      totalA[k]! += x;
      totalB[k]! += y;
      if (x !== y) same = false;
    }
    if (!same) diffRows.push(i);
  }
  const real = score(totalA) - score(totalB);
  // Identical scores are no evidence of a difference (sacreBLEU would report p = 1/(trials+1)).
  if (real === 0) return { diff: 0, p: 1, trials, seed, segments: rows };
  // Sums taken in another order may differ in the last bits; that is not a larger difference.
  const realAbs = Math.abs(real) * (1 + 1e-12) + 1e-12;
  const m = diffRows.length;
  const d = new Float64Array(m * width);
  diffRows.forEach((i, j) => {
    for (let k = 0; k < width; k++) d[j * width + k] = b.data[i * width + k]! - a.data[i * width + k]!;
  });
  const rng = new Rng(seed);
  const shufA = new Array<number>(width);
  const shufB = new Array<number>(width);
  const delta = new Array<number>(width);
  let count = 0;
  for (let t = 0; t < trials; t++) {
    delta.fill(0);
    let bits = 0;
    for (let j = 0; j < m; j++) {
      if ((j & 31) === 0) bits = rng.next();
      if (bits & 1) for (let k = 0; k < width; k++) delta[k]! += d[j * width + k]!;
      bits >>>= 1;
    }
    for (let k = 0; k < width; k++) {
      shufA[k] = totalA[k]! + delta[k]!;
      shufB[k] = totalB[k]! - delta[k]!;
    }
    if (Math.abs(score(shufA) - score(shufB)) > realAbs) count++;
  }
  return { diff: real, p: (count + 1) / (trials + 1), trials, seed, segments: rows };
}
