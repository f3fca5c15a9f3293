import assert from 'node:assert/strict';
import { mergeWithNext, moveSentence, restoreAlignment, serializeAlignment, splitBead, validateAlignment, beadsOf } from '../../server/align/corrections.js';
import { align } from '../../server/align/index.js';
import { type Bead, InputError } from '../../server/core/types.js';
import { segment } from '../../server/segment/index.js';
import { read } from '../helpers/paths.js';

const shapes = (beads: Bead[]) => beads.map((b) => `${b.source.join(',')}:${b.target.join(',')}${b.corrected ? '*' : ''}`).join(' ');

describe('alignment corrections', () => {
  const enText = read('corpora/mali-minusma/source.en.txt');
  const arText = read('corpora/mali-minusma/mt.ar.txt');
  const en = segment(enText, 'en');
  const ar = segment(arText, 'ar');
  const auto = align(en, ar);

  it('merges a bead with the next and marks only the new bead corrected', () => {
    const out = mergeWithNext(auto, 3);
    assert.equal(out.length, 14);
    assert.deepEqual(out[3], { source: [3, 4], target: [3, 4], confidence: 1, corrected: true });
    assert.equal(out.filter((b) => b.corrected).length, 1);
    validateAlignment(out, 15, 15);
    assert.equal(auto.length, 15, 'the input list is not changed');
  });

  it('splits a bead at a sentence boundary on either side', () => {
    const merged = mergeWithNext(auto, 9); // 9,10:9,10
    assert.equal(shapes(splitBead(merged, 9, { source: 1, target: 1 }).slice(9, 11)), '9:9* 10:10*');
    // 2-2 → 1-0 + 1-2 and 2-1 + 0-1: a boundary on one side only.
    assert.equal(shapes(splitBead(merged, 9, { source: 1, target: 0 }).slice(9, 11)), '9:* 10:9,10*');
    assert.equal(shapes(splitBead(merged, 9, { source: 2, target: 1 }).slice(9, 11)), '9,10:9* :10*');
    for (const bad of [{ source: 0, target: 0 }, { source: 2, target: 2 }, { source: 3, target: 1 }, { source: -1, target: 1 }, { source: 1.5, target: 1 }]) {
      assert.throws(() => splitBead(merged, 9, bad), InputError, JSON.stringify(bad));
    }
  });

  it('moves a sentence across a boundary, dropping a bead left empty', () => {
    const moved = moveSentence(auto, 5, 'target', 'previous'); // target 5 joins bead 4
    assert.equal(shapes(moved.slice(4, 6)), '4:4,5* 5:*');
    validateAlignment(moved, 15, 15);
    const back = moveSentence(moved, 4, 'target', 'next');
    assert.equal(shapes(back.slice(4, 6)), '4:4* 5:5*');
    // Moving the only source sentence of a 1-0 bead away removes that bead.
    const gone = moveSentence(moved, 5, 'source', 'previous');
    assert.equal(gone.length, 14);
    assert.equal(shapes(gone.slice(4, 5)), '4,5:4,5*');
    validateAlignment(gone, 15, 15);
    assert.throws(() => moveSentence(moved, 5, 'target', 'next'), InputError);
    assert.throws(() => moveSentence(auto, 0, 'source', 'previous'), InputError);
    assert.throws(() => moveSentence(auto, 14, 'source', 'next'), InputError);
    assert.throws(() => moveSentence(auto, 15, 'source', 'next'), InputError);
  });

  it('keeps every sentence exactly once and in order under any sequence of operations', () => {
    let state = 12345;
    const rand = (k: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % k;
    };
    let beads = auto;
    let applied = 0;
    for (let step = 0; step < 400; step++) {
      const i = rand(beads.length);
      try {
        const op = rand(3);
        if (op === 0) beads = mergeWithNext(beads, i);
        else if (op === 1) beads = splitBead(beads, i, { source: rand(beads[i]!.source.length + 1), target: rand(beads[i]!.target.length + 1) });
        else beads = moveSentence(beads, i, rand(2) ? 'source' : 'target', rand(2) ? 'previous' : 'next');
        applied++;
      } catch (e) {
        assert.ok(e instanceof InputError, String(e));
      }
      validateAlignment(beads, 15, 15);
    }
    assert.ok(applied > 150, `only ${applied} operations applied`);
  });

  it('rejects invalid bead lists', () => {
    assert.throws(() => validateAlignment(auto.slice(1), 15, 15), InputError);
    const swapped = auto.map((b) => ({ ...b }));
    swapped[2] = { ...swapped[2]!, target: [3] };
    swapped[3] = { ...swapped[3]!, target: [2] };
    assert.throws(() => validateAlignment(swapped, 15, 15), /out of order/);
  });

  it('stores a corrected alignment compactly and restores it exactly', () => {
    const fixed = splitBead(mergeWithNext(auto, 9), 9, { source: 2, target: 1 });
    const stored = serializeAlignment(fixed, en, ar);
    assert.match(stored.shapes, /^1-1 1-1 .* 2-1\* 0-1\* 1-1/u);
    const json = JSON.parse(JSON.stringify(stored));
    const restored = restoreAlignment(json, en, ar, () => assert.fail('no realignment expected'));
    assert.equal(restored.status, 'exact');
    assert.deepEqual(restored.beads, beadsOf(stored));
    assert.equal(shapes(restored.beads), shapes(fixed));
    assert.throws(() => beadsOf({ ...stored, shapes: '1-1 x' }), InputError);
  });

  it('rebases corrections when the MT changes: unchanged corrected beads survive, changed ones are dropped', () => {
    // The reviewer merged beads 1+2 and 9+10; then the MT gets a new first paragraph and an edit in
    // sentence 10, so every later index shifts by one.
    const fixed = mergeWithNext(mergeWithNext(auto, 9), 1);
    const stored = serializeAlignment(fixed, en, ar);
    const paras = arText.split('\n\n');
    const edited = ['عنوان جديد.', ...paras.slice(0, 9), paras[9]!.replace('كما', 'وكذلك'), ...paras.slice(10)].join('\n\n');
    const ar2 = segment(edited, 'ar');
    assert.equal(ar2.sentences.length, 16);
    const r = restoreAlignment(stored, en, ar2, (s, t) => align(s, t));
    assert.equal(r.status, 'rebased');
    assert.equal(r.kept, 1);
    assert.equal(r.dropped, 1);
    validateAlignment(r.beads, 15, 16);
    const kept = r.beads.find((b) => b.corrected)!;
    assert.deepEqual([kept.source, kept.target], [[1, 2], [2, 3]]);
    assert.ok(r.beads.some((b) => b.source.length === 0 && b.target[0] === 0), 'the new title is an addition');
  });
});
