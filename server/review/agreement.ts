// Agreement between reviewers of one document, per reviewer pair. Pure: the caller places each
// mark on its segment (bead) and gives each reviewer's per-segment MQM penalties, so the figures
// use exactly the weights the score uses. Every figure is computed over the segments BOTH
// reviewers saw; a figure that is undefined (no variance, chance agreement 1, nothing marked) is
// null with a reason, never NaN, so a report can say why it has no number.
import type { Side } from '../core/types.js';

export interface AgreementMark {
  /** Segment (bead) index. */
  segment: number;
  side: Side;
  /** UTF-16 offsets into the original text of that side. */
  start: number;
  end: number;
  category: string;
}

export interface AgreementRater {
  name: string;
  /** Segments this reviewer saw (rated), found errors or not. */
  seen: ReadonlySet<number>;
  marks: AgreementMark[];
  /** MQM penalty of each segment (index = segment), under the profile the score uses. */
  penalties: readonly number[];
}

/** A number, or null and why. */
export interface Figure {
  value: number | null;
  reason?: string;
}

export interface KappaTable {
  /** Segments both marked an error in / only the first / only the second / neither. */
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

export interface PairAgreement {
  a: string;
  b: string;
  /** Segments both reviewers saw: every figure below is over these. */
  segments: number;
  table: KappaTable;
  observed: Figure;
  expected: Figure;
  kappa: Figure;
  /** Character-level overlap of target-side spans (see spanOverlap). */
  span: { charsA: number; charsB: number; overlap: number; precision: Figure; recall: Figure; f1: Figure };
  /** Target-side marks with identical offsets and identical category, matched one to one. */
  exact: { marksA: number; marksB: number; matched: number; f1: Figure };
  pearson: Figure;
  spearman: Figure;
}

export interface AgreementSummary {
  raters: number;
  pairs: number;
  /** Means over the pairs where the figure is defined (null when none is). */
  meanKappa: number | null;
  meanSpanF1: number | null;
  meanExactF1: number | null;
  meanPearson: number | null;
  meanSpearman: number | null;
}

export interface DocumentAgreement {
  pairs: PairAgreement[];
  summary: AgreementSummary;
}

const ok = (value: number): Figure => ({ value });
const none = (reason: string): Figure => ({ value: null, reason });

/** Cohen's kappa of two binary ratings from their 2×2 table. */
export function cohensKappa(t: KappaTable): { observed: Figure; expected: Figure; kappa: Figure } {
  const n = t.both + t.firstOnly + t.secondOnly + t.neither;
  if (n === 0) return { observed: none('no segment seen by both'), expected: none('no segment seen by both'), kappa: none('no segment seen by both') };
  const po = (t.both + t.neither) / n;
  const pa = (t.both + t.firstOnly) / n;
  const pb = (t.both + t.secondOnly) / n;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  // pe = 1 only when both reviewers gave every segment the same single answer.
  if (pe >= 1 - 1e-12) return { observed: ok(po), expected: ok(pe), kappa: none('chance agreement is 1: both reviewers gave every segment the same answer') };
  return { observed: ok(po), expected: ok(pe), kappa: ok((po - pe) / (1 - pe)) };
}

export function pearson(x: readonly number[], y: readonly number[]): Figure {
  const n = x.length;
  if (n < 2) return none('fewer than two segments');
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 && syy === 0) return none('neither reviewer’s penalties vary between segments');
  if (sxx === 0 || syy === 0) return none('one reviewer’s penalties are the same in every segment');
  return ok(sxy / Math.sqrt(sxx * syy));
}

/** Ranks from 1, ties given their average rank (as scipy.stats.rankdata). */
export function ranks(x: readonly number[]): number[] {
  const order = x.map((v, i) => [v, i] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const out = new Array<number>(x.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]![1]] = r;
    i = j + 1;
  }
  return out;
}

/** Spearman's rho: Pearson's r of the average ranks (scipy.stats.spearmanr). */
export const spearman = (x: readonly number[], y: readonly number[]): Figure => pearson(ranks(x), ranks(y));

/** Merged [start, end) intervals, sorted. */
function union(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = spans.filter(([s, e]) => e > s).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const length = (u: Array<[number, number]>) => u.reduce((n, [s, e]) => n + e - s, 0);

function intersection(a: Array<[number, number]>, b: Array<[number, number]>): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    n += Math.max(0, Math.min(a[i]![1], b[j]![1]) - Math.max(a[i]![0], b[j]![0]));
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return n;
}

/**
 * Character overlap of two reviewers' target-side spans: each reviewer's spans become a set of
 * target characters (overlapping marks of one reviewer count once); with A as the reference,
 * precision = |A∩B|/|B|, recall = |A∩B|/|A|, F1 = 2|A∩B|/(|A|+|B|) (the same either way round).
 */
export function spanOverlap(a: AgreementMark[], b: AgreementMark[]): PairAgreement['span'] {
  const chars = (m: AgreementMark[]) => union(m.filter((x) => x.side === 'target').map((x) => [x.start, x.end]));
  const ua = chars(a);
  const ub = chars(b);
  const charsA = length(ua);
  const charsB = length(ub);
  const overlap = intersection(ua, ub);
  const nothing = 'neither reviewer marked target text';
  return {
    charsA,
    charsB,
    overlap,
    precision: charsB ? ok(overlap / charsB) : none(charsA ? 'the second reviewer marked no target text' : nothing),
    recall: charsA ? ok(overlap / charsA) : none(charsB ? 'the first reviewer marked no target text' : nothing),
    f1: charsA + charsB ? ok((2 * overlap) / (charsA + charsB)) : none(nothing),
  };
}

/** Target-side marks that agree exactly (same offsets, same category), matched one to one. */
export function exactMatch(a: AgreementMark[], b: AgreementMark[]): PairAgreement['exact'] {
  const key = (m: AgreementMark) => `${m.start}\u0000${m.end}\u0000${m.category}`;
  const ta = a.filter((m) => m.side === 'target');
  const tb = b.filter((m) => m.side === 'target');
  const pool = new Map<string, number>();
  for (const m of tb) pool.set(key(m), (pool.get(key(m)) ?? 0) + 1);
  let matched = 0;
  for (const m of ta) {
    const left = pool.get(key(m)) ?? 0;
    if (left > 0) {
      matched++;
      pool.set(key(m), left - 1);
    }
  }
  return { marksA: ta.length, marksB: tb.length, matched, f1: ta.length + tb.length ? ok((2 * matched) / (ta.length + tb.length)) : none('neither reviewer marked target text') };
}

export function pairAgreement(a: AgreementRater, b: AgreementRater): PairAgreement {
  const common = [...a.seen].filter((s) => b.seen.has(s)).sort((x, y) => x - y);
  const inCommon = new Set(common);
  const marksA = a.marks.filter((m) => inCommon.has(m.segment));
  const marksB = b.marks.filter((m) => inCommon.has(m.segment));
  const errA = new Set(marksA.map((m) => m.segment));
  const errB = new Set(marksB.map((m) => m.segment));
  const table: KappaTable = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
  for (const s of common) {
    if (errA.has(s) && errB.has(s)) table.both++;
    else if (errA.has(s)) table.firstOnly++;
    else if (errB.has(s)) table.secondOnly++;
    else table.neither++;
  }
  const pa = common.map((s) => a.penalties[s] ?? 0);
  const pb = common.map((s) => b.penalties[s] ?? 0);
  return {
    a: a.name,
    b: b.name,
    segments: common.length,
    table,
    ...cohensKappa(table),
    span: spanOverlap(marksA, marksB),
    exact: exactMatch(marksA, marksB),
    pearson: pearson(pa, pb),
    spearman: spearman(pa, pb),
  };
}

const mean = (xs: Array<number | null>): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
};

/** Every pair of reviewers, in name order. */
export function documentAgreement(raters: AgreementRater[]): DocumentAgreement {
  const sorted = [...raters].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) pairs.push(pairAgreement(sorted[i]!, sorted[j]!));
  return {
    pairs,
    summary: {
      raters: sorted.length,
      pairs: pairs.length,
      meanKappa: mean(pairs.map((p) => p.kappa.value)),
      meanSpanF1: mean(pairs.map((p) => p.span.f1.value)),
      meanExactF1: mean(pairs.map((p) => p.exact.f1.value)),
      meanPearson: mean(pairs.map((p) => p.pearson.value)),
      meanSpearman: mean(pairs.map((p) => p.spearman.value)),
    },
  };
}

export const AGREEMENT_PROCEDURE = [
  'Reviewers: everyone with at least one mark on the document (and, for imported reviews, everyone the import lists as having rated segments). Each pair is compared over the segments (beads) both saw: every segment, or for imported reviews the segments each rater is recorded as having rated.',
  "Cohen's kappa: a segment is 'error' for a reviewer when they marked at least one error of any severity on either side of it; po = share of segments with the same answer, pe = pA·pB + (1−pA)(1−pB), kappa = (po − pe)/(1 − pe), undefined when pe = 1.",
  'Span F1: the target-side characters each reviewer covered with marks (overlapping marks counted once); F1 = 2·|A∩B|/(|A|+|B|); precision and recall take the first reviewer as reference. Exact F1: target marks with the same start, end and category, matched one to one, F1 = 2·matched/(marks A + marks B).',
  "Correlation: Pearson's r and Spearman's rho (average ranks for ties) of the two reviewers' MQM penalties per segment, with the scoring profile's weights and per-segment cap; undefined when a reviewer's penalties do not vary.",
].join(' ');
