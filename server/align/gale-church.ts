// Gale & Church (1993) length model: the target length of a translated region is normally
// distributed around c × source length with variance s² × source length.

/** Variance per source character, from the paper. */
export const S2 = 6.8;

/** Extra cost of each bead shape, −100·ln(p/p(1-1)) with the paper's priors (Table 5). */
export const BEAD_PENALTY: Record<string, number> = {
  '1-1': 0,
  '1-0': 450,
  '0-1': 450,
  '2-1': 230,
  '1-2': 230,
  '2-2': 440,
};

/** Standard normal CDF (Abramowitz–Stegun 26.2.17, as in the original C program). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const p = 1 - 0.3989422804014327 * Math.exp(-z * z / 2) * poly;
  return z >= 0 ? p : 1 - p;
}

/** Two-tailed probability that lengths l1 (source) and l2 (target) are translations. */
export function lengthProbability(l1: number, l2: number, c: number, s2 = S2): number {
  if (l1 === 0 && l2 === 0) return 1;
  const mean = (l1 + l2 / c) / 2;
  const z = (c * l1 - l2) / Math.sqrt(s2 * mean);
  return 2 * (1 - normalCdf(Math.abs(z)));
}

/** −100·ln(probability), 2500 when the probability underflows (the C program's cap). */
export function lengthCost(l1: number, l2: number, c: number, s2 = S2): number {
  const p = lengthProbability(l1, l2, c, s2);
  return p <= 0 ? 2500 : Math.min(2500, -100 * Math.log(p));
}
