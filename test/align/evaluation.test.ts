// The evaluation's own parts: the Vecalign-convention scorer, the bead format, the synthetic
// gold generator and the peers (hunalign WASM, Gale–Church). The NTREX and Text+Berg runs live in
// scripts/eval-align.ts; these tests use the bundled seed so they pass without ../shared.
import assert from 'node:assert/strict';
import { type GoldBead, formatBeads, isValidAlignment, parseBeads } from '../../scripts/align/beads.js';
import { fromLines } from '../../scripts/align/data.js';
import { STANDARD_RATES, perturb, shapeCounts, splitSentence, touchedShare } from '../../scripts/align/gold.js';
import { paragraphsOf } from '../../scripts/align/paragraphs.js';
import { galeChurch, hunalign, ladderToBeads } from '../../scripts/align/peers.js';
import { scoreDocuments } from '../../scripts/align/score.js';
import { align } from '../../server/align/index.js';
import { InputError } from '../../server/core/types.js';
import { segment } from '../../server/segment/index.js';
import { read } from '../helpers/paths.js';

const seedEn = segment(read('corpora/mali-minusma/source.en.txt'), 'en').sentences.map((s) => s.text);
const seedAr = segment(read('corpora/mali-minusma/mt.ar.txt'), 'ar').sentences.map((s) => s.text);

describe('alignment evaluation', () => {
  it('reads and writes bead files in the Bleualign/Vecalign format', () => {
    const text = '[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[]\n[4]:[3, 4]:0.153\n';
    const beads = parseBeads(text);
    assert.deepEqual(beads, [[[0], [0]], [[1, 2], [1]], [[], [2]], [[3], []], [[4], [3, 4]]]);
    assert.equal(formatBeads(beads), text.replace(':0.153', ''));
    assert.ok(isValidAlignment(beads, 5, 5));
    assert.ok(!isValidAlignment(beads, 6, 5));
    assert.throws(() => parseBeads('[0]:[0]\n[1]-[1]', 'x.defr'), (e) => e instanceof InputError && /x\.defr, line 2/.test(e.message));
  });

  it('scores strict and lax P/R exactly as Vecalign: skips count in precision only, overlap makes lax', () => {
    const gold: GoldBead[] = [[[0], [0]], [[1], [1, 2]], [[], [3]], [[2], []], [[3], [4]]];
    const test: GoldBead[] = [[[0], [0]], [[1], [1]], [[], [2]], [[], [3]], [[2], []], [[3], [4]]];
    const s = scoreDocuments([{ gold, test }]);
    // Precision over 6 test beads: strict hits [0]:[0], []:[3], [2]:[], [3]:[4] → 4/6; lax adds
    // [1]:[1] (overlaps [1]:[1,2]); []:[2] is wrong both ways (an empty side never overlaps).
    assert.equal(s.precisionStrict, 4 / 6);
    assert.equal(s.precisionLax, 5 / 6);
    // Recall over the 3 gold beads with both sides: [0]:[0] and [3]:[4] strict, all 3 lax.
    assert.equal(s.recallStrict, 2 / 3);
    assert.equal(s.recallLax, 1);
    assert.ok(Math.abs(s.f1Strict - (2 * (4 / 6) * (2 / 3)) / (4 / 6 + 2 / 3)) < 1e-12);
    assert.equal(s.omissionRecall, 1);
    assert.equal(s.additionRecall, 1);
    assert.equal(s.additionPrecision, 1 / 2);
    // Micro-average: counts are summed over documents before dividing.
    const two = scoreDocuments([{ gold, test }, { gold: [[[0], [0]]], test: [[[0], [0]]] }]);
    assert.equal(two.precisionStrict, 5 / 7);
  });

  it('generates valid, seeded n:m gold at the stated rates', () => {
    // The seed document repeated as 30 documents stands in for NTREX here.
    const docs = Array.from({ length: 30 }, (_, k) => ({ id: `d${k}`, source: seedEn, target: seedAr }));
    const a = perturb(docs, 7, STANDARD_RATES);
    const b = perturb(docs, 7, STANDARD_RATES);
    assert.deepEqual(a, b, 'same seed, same suite');
    assert.notDeepEqual(perturb(docs, 8, STANDARD_RATES), a);
    for (const d of a) assert.ok(isValidAlignment(d.gold, d.source.length, d.target.length), d.id);
    const shapes = shapeCounts(a);
    for (const shape of ['1-1', '2-1', '1-2', '1-0', '0-1', '2-2', '3-1']) assert.ok((shapes.get(shape) ?? 0) > 0, `no ${shape} bead`);
    const touched = touchedShare(a);
    assert.ok(touched > 0.08 && touched < 0.3, `touched share ${touched}`);
  });

  it('puts paragraph breaks of the synthetic gold between beads, on both sides at once', () => {
    const docs = Array.from({ length: 30 }, (_, k) => ({ id: `d${k}`, source: seedEn, target: seedAr }));
    let unequal = 0;
    for (const [k, d] of perturb(docs, 3, STANDARD_RATES).entries()) {
      const p = paragraphsOf(d.gold, k);
      assert.deepEqual(p, paragraphsOf(d.gold, k), 'seeded');
      assert.equal(p.source.length, d.source.length);
      assert.equal(p.target.length, d.target.length);
      for (const side of [p.source, p.target]) side.forEach((x, i) => assert.ok(x - (i ? side[i - 1]! : 0) <= 1 && x >= (i ? side[i - 1]! : 0), 'dense, in order'));
      // Breaks fall between beads: a bead's sentences share a paragraph on each side.
      for (const [s, t] of d.gold) assert.ok(new Set(s.map((i) => p.source[i])).size <= 1 && new Set(t.map((i) => p.target[i])).size <= 1, `${s}:${t}`);
      const text = fromLines(d.source, 'en', p.source);
      assert.equal(text.paragraphs.length, p.source[p.source.length - 1]! + 1);
      assert.deepEqual(text.sentences.map((x) => x.paragraph), p.source);
      if (p.source[p.source.length - 1] !== p.target[p.target.length - 1]) unequal++;
    }
    assert.ok(unequal > 0 && unequal < 15, `${unequal} of 30 documents lost or gained a whole paragraph`);
  });

  it('splits a long Arabic sentence at the comma nearest its middle', () => {
    const [a, b] = splitSentence('غادرت القوات الدولية القاعدة في الصباح الباكر، وبقي السكان في المدينة بلا حماية.', 'ar')!;
    assert.equal(a, 'غادرت القوات الدولية القاعدة في الصباح الباكر،');
    assert.equal(b, 'وبقي السكان في المدينة بلا حماية.');
    assert.equal(splitSentence('جملة قصيرة جدا.', 'ar'), null);
  });

  it('turns a hunalign ladder into beads, and runs hunalign (WASM) and Gale–Church on the seed', async () => {
    // The example of the notes: EN 1+2 merged into AR 1 comes back as 1-0 + 1-1, AR 3 added.
    const ladder: Array<[number, number, number]> = [[0, 0, -0.3], [1, 0, 4.68], [2, 1, 0.9], [3, 2, -0.3], [3, 3, 0.71], [4, 4, 0.91], [5, 5, 0.3]];
    assert.deepEqual(ladderToBeads(ladder), [[[0], []], [[1], [0]], [[2], [1]], [[], [2]], [[3], [3]], [[4], [4]]]);
    const identity = seedEn.map((_, k) => [[k], [k]] as GoldBead);
    const h = await hunalign(seedEn, seedAr);
    assert.ok(isValidAlignment(h, 15, 15));
    assert.deepEqual(galeChurch(seedEn, seedAr), identity);
    const ours = align(fromLines(seedEn, 'en'), fromLines(seedAr, 'ar')).map((b) => [b.source, b.target] as GoldBead);
    assert.deepEqual(ours, identity);
  });
});
