// Strict and lax precision, recall and F1 over beads, exactly as Vecalign's score.py computes
// them (after Sennrich & Volk 2011), micro-averaged over documents; plus what that score
// ignores and a reviewer needs: recall and precision of omissions (1-0) and additions (0-1).
import type { GoldBead } from './beads.js';

type Counts = [tpStrict: number, fpStrict: number, tpLax: number, fpLax: number];

const key = (b: GoldBead) => `${b[0].join(',')}:${b[1].join(',')}`;

function precisionCounts(gold: GoldBead[], test: GoldBead[]): Counts {
  const goldSet = new Map<string, GoldBead>();
  for (const b of gold) if (b[0].length || b[1].length) goldSet.set(key(b), b);
  const testSet = new Map<string, GoldBead>();
  for (const b of test) if (b[0].length || b[1].length) testSet.set(key(b), b);
  const srcToGoldTgt = new Map<number, Set<number>>();
  for (const [gs, gt] of goldSet.values()) {
    for (const s of gs) {
      let set = srcToGoldTgt.get(s);
      if (!set) srcToGoldTgt.set(s, (set = new Set()));
      for (const t of gt) set.add(t);
    }
  }
  const c: Counts = [0, 0, 0, 0];
  for (const [k, [ts, tt]] of testSet) {
    if (goldSet.has(k)) {
      c[0]++;
      c[2]++;
      continue;
    }
    const targets = new Set<number>();
    for (const s of ts) for (const t of srcToGoldTgt.get(s) ?? []) targets.add(t);
    c[1]++;
    if (tt.some((t) => targets.has(t))) c[2]++;
    else c[3]++;
  }
  return c;
}

export interface Scores {
  precisionStrict: number;
  recallStrict: number;
  f1Strict: number;
  precisionLax: number;
  recallLax: number;
  f1Lax: number;
  /** Gold 1-0 beads found exactly, and predicted 1-0 beads that are right. */
  omissionRecall: number;
  omissionPrecision: number;
  additionRecall: number;
  additionPrecision: number;
  /** Gold 1-0 and 0-1 beads, and those found (exact match). */
  omissions: number;
  additions: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Scores of many documents, micro-averaged: counts are summed before dividing. */
export function scoreDocuments(pairs: Array<{ gold: GoldBead[]; test: GoldBead[] }>): Scores {
  const p: Counts = [0, 0, 0, 0];
  const r: Counts = [0, 0, 0, 0];
  const om = { gold: 0, test: 0, hit: 0 };
  const ad = { gold: 0, test: 0, hit: 0 };
  for (const { gold, test } of pairs) {
    const pc = precisionCounts(gold, test);
    const full = (b: GoldBead) => b[0].length > 0 && b[1].length > 0;
    // Recall is precision with the roles swapped, without any bead that has an empty side.
    const rc = precisionCounts(test.filter(full), gold.filter(full));
    for (let k = 0; k < 4; k++) {
      p[k]! += pc[k]!;
      r[k]! += rc[k]!;
    }
    const testKeys = new Set(test.map(key));
    for (const [stats, pick] of [
      [om, (b: GoldBead) => b[0].length > 0 && b[1].length === 0],
      [ad, (b: GoldBead) => b[0].length === 0 && b[1].length > 0],
    ] as const) {
      for (const b of gold) if (pick(b)) {
        stats.gold++;
        if (testKeys.has(key(b))) stats.hit++;
      }
      for (const b of test) if (pick(b)) stats.test++;
    }
  }
  const ps = ratio(p[0], p[0] + p[1]);
  const pl = ratio(p[2], p[2] + p[3]);
  const rs = ratio(r[0], r[0] + r[1]);
  const rl = ratio(r[2], r[2] + r[3]);
  return {
    precisionStrict: ps,
    recallStrict: rs,
    f1Strict: f1(ps, rs),
    precisionLax: pl,
    recallLax: rl,
    f1Lax: f1(pl, rl),
    omissionRecall: ratio(om.hit, om.gold),
    omissionPrecision: ratio(om.hit, om.test),
    additionRecall: ratio(ad.hit, ad.gold),
    additionPrecision: ratio(ad.hit, ad.test),
    omissions: om.gold,
    additions: ad.gold,
  };
}
