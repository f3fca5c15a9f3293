import assert from 'node:assert/strict';
import { cohensKappa, documentAgreement, pairAgreement, pearson, ranks, spearman, type AgreementMark, type AgreementRater } from '../../server/review/agreement.js';

const all = (n: number) => new Set(Array.from({ length: n }, (_, i) => i));
const t = (segment: number, start: number, end: number, category: string): AgreementMark => ({ segment, side: 'target', start, end, category });

// Ten segments. A marks errors in segments 0-3 (segment 2 only on the source side), B in 0, 1, 4.
const A: AgreementRater = {
  name: 'amina',
  seen: all(10),
  marks: [
    t(0, 10, 20, 'accuracy/mistranslation'),
    t(0, 15, 25, 'fluency/grammar'),
    t(1, 40, 50, 'accuracy/mistranslation'),
    { segment: 2, side: 'source', start: 0, end: 5, category: 'accuracy/omission' },
    t(3, 60, 64, 'fluency/spelling'),
  ],
  penalties: [6, 5, 5, 1, 0, 0, 0, 0, 0, 0],
};
const B: AgreementRater = {
  name: 'bilal',
  seen: all(10),
  marks: [t(0, 20, 30, 'accuracy/mistranslation'), t(1, 40, 50, 'accuracy/mistranslation'), t(4, 80, 90, 'style')],
  penalties: [5, 5, 0, 0, 1, 0, 0, 0, 0, 0],
};

describe('reviewer agreement (hand-computed)', () => {
  it("segment-level error/no-error Cohen's kappa with its 2×2 table", () => {
    const p = pairAgreement(A, B);
    assert.equal(p.segments, 10);
    assert.deepEqual(p.table, { both: 2, firstOnly: 2, secondOnly: 1, neither: 5 }, 'a source-side mark makes segment 2 an error for A');
    // po = 7/10; pA = 0.4, pB = 0.3; pe = 0.4·0.3 + 0.6·0.7 = 0.54; kappa = 0.16/0.46.
    assert.equal(p.observed.value, 0.7);
    assert.ok(Math.abs(p.expected.value! - 0.54) < 1e-12);
    assert.ok(Math.abs(p.kappa.value! - 0.16 / 0.46) < 1e-12);
  });

  it('span F1 counts target characters once per reviewer; exact F1 needs the same span and category', () => {
    const p = pairAgreement(A, B);
    // A covers [10,25) + [40,50) + [60,64) = 29 characters (its two overlapping marks count once),
    // B covers [20,30) + [40,50) + [80,90) = 30; they share [20,25) + [40,50) = 15.
    assert.deepEqual([p.span.charsA, p.span.charsB, p.span.overlap], [29, 30, 15]);
    assert.equal(p.span.f1.value, 30 / 59);
    assert.equal(p.span.precision.value, 15 / 30);
    assert.equal(p.span.recall.value, 15 / 29);
    assert.equal(pairAgreement(B, A).span.f1.value, 30 / 59, 'symmetric');
    // Target marks: A 4, B 3; only [40,50) accuracy/mistranslation agrees exactly.
    assert.deepEqual([p.exact.marksA, p.exact.marksB, p.exact.matched], [4, 3, 1]);
    assert.equal(p.exact.f1.value, 2 / 7);
  });

  it('Pearson and Spearman of segment penalties (ties get average ranks)', () => {
    // x = 1,2,3; y = 2,4,7: sxy = 5, sxx = 2, syy = 114/9.
    assert.ok(Math.abs(pearson([1, 2, 3], [2, 4, 7]).value! - 5 / Math.sqrt((2 * 114) / 9)) < 1e-12);
    assert.deepEqual(ranks([0, 0, 1, 5]), [1.5, 1.5, 3, 4]);
    // ranks 1.5,1.5,3,4 and 1.5,3,1.5,4: sxy = 2.25, sxx = syy = 4.5.
    assert.equal(spearman([0, 0, 1, 5], [0, 1, 0, 5]).value, 0.5);
    const p = pairAgreement(A, B);
    // Cross-checked with numpy.corrcoef and scipy.stats.spearmanr on the same vectors.
    assert.ok(Math.abs(p.pearson.value! - 0.7635610353721097) < 1e-12);
    assert.ok(Math.abs(p.spearman.value! - 0.5633974959510117) < 1e-12);
  });

  it('counts only the segments both reviewers saw', () => {
    const C: AgreementRater = { name: 'chadi', seen: new Set([0, 1, 2]), marks: [t(0, 12, 18, 'accuracy/mistranslation')], penalties: [1, 0, 0] };
    const p = pairAgreement(A, C);
    assert.equal(p.segments, 3);
    assert.deepEqual(p.table, { both: 1, firstOnly: 2, secondOnly: 0, neither: 0 });
    // A's marks in segments 0-2 only: [10,25) + [40,50) = 25 characters, C's 6 all inside.
    assert.deepEqual([p.span.charsA, p.span.charsB, p.span.overlap], [25, 6, 6]);
  });

  it('undefined figures are null with a reason, never NaN', () => {
    const clean = (name: string): AgreementRater => ({ name, seen: all(4), marks: [], penalties: [0, 0, 0, 0] });
    const p = pairAgreement(clean('x'), clean('y'));
    assert.equal(p.observed.value, 1);
    assert.equal(p.kappa.value, null);
    assert.match(p.kappa.reason!, /chance agreement is 1/);
    assert.equal(p.pearson.value, null);
    assert.match(p.pearson.reason!, /vary/);
    assert.equal(p.span.f1.value, null);
    assert.equal(p.exact.f1.value, null);
    const one = pairAgreement(A, clean('z'));
    assert.equal(one.pearson.value, null, 'one side constant');
    assert.equal(one.span.precision.value, null);
    assert.equal(one.span.recall.value, 0, 'recall against A is 0, and defined');
    assert.equal(cohensKappa({ both: 0, firstOnly: 0, secondOnly: 0, neither: 0 }).kappa.value, null);
    assert.equal(JSON.stringify(p).includes('NaN'), false);
  });

  it('a document: every pair in name order and means over defined figures', () => {
    const clean: AgreementRater = { name: 'aaron', seen: all(10), marks: [], penalties: new Array(10).fill(0) };
    const d = documentAgreement([B, A, clean]);
    assert.deepEqual(d.pairs.map((p) => `${p.a}×${p.b}`), ['aaron×amina', 'aaron×bilal', 'amina×bilal']);
    // aaron marked nothing: kappa with amina = 0 (pe = po = 0.6), with bilal = 0; amina×bilal = 0.16/0.46.
    assert.equal(d.pairs[0]!.kappa.value, 0);
    assert.ok(Math.abs(d.summary.meanKappa! - 0.16 / 0.46 / 3) < 1e-12);
    assert.equal(d.summary.meanPearson, d.pairs[2]!.pearson.value, 'pairs with an undefined r are left out of the mean');
  });
});
