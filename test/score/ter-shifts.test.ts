// TER's shift search on 400 random pairs that stress it (repeated words, moved blocks, the
// candidate cap), against sacreBLEU 2.6.0's edit counts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TER, translationEditRate } from '../../server/score/metrics/index.js';

const { cases } = JSON.parse(readFileSync(new URL('../fixtures/sacrebleu/ter-random.json', import.meta.url), 'utf8')) as
  { cases: [hyp: string, ref: string, edits: number, refLength: number][] };

describe('TER shift search', () => {
  it('matches sacreBLEU\'s edit count on 400 random pairs', () => {
    const ter = new TER();
    const wrong: string[] = [];
    for (const [hyp, ref, edits, refLength] of cases) {
      const s = ter.sentenceScore(hyp, [ref]);
      if (s.numEdits !== edits || s.refLength !== refLength) wrong.push(`${hyp} | ${ref}: ${s.numEdits}, sacreBLEU ${edits}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('works on integer codes: only hypothesis-reference equality matters', () => {
    // 'd e f g h a b c' vs 'a b c d e f g h': one shift of 'a b c' (sacreBLEU's test_ter case).
    assert.deepEqual(translationEditRate(Int32Array.from([4, 5, 6, 7, 8, 1, 2, 3]), Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8])), [1, 8]);
    assert.deepEqual(translationEditRate(Int32Array.from([0, 0, 0]), Int32Array.from([])), [3, 0]);
    assert.deepEqual(translationEditRate(Int32Array.from([]), Int32Array.from([1, 2])), [2, 2]);
  });
});
