// Parity with sacreBLEU 2.6.0 on a representative, self-contained subset of the shared vectors
// plus extra cases for the corners they do not reach.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { vectorProblems, type Vector } from './vector-runner.js';

const load = (name: string): Vector[] =>
  (JSON.parse(readFileSync(new URL(`../fixtures/sacrebleu/${name}`, import.meta.url), 'utf8')) as { vectors: Vector[] }).vectors;
const vectors = load('vectors-subset.json');
// Inputs written for Tadqiq, scored by sacreBLEU 2.6.0: TER's candidate cap and beam
// widening, CJK, chrF's reference choice, unusual BLEU orders and smoothing values.
const extra = load('extra-vectors.json');

describe('sacreBLEU 2.6.0 parity (fixture subset)', () => {
  it('covers every metric and tokenizer', () => {
    const metrics = new Set(vectors.map((v) => v.metric));
    assert.deepEqual([...metrics].sort(), ['bleu', 'chrf', 'ter', 'tokenizer']);
    const tokenizers = new Set(vectors.map((v) => (v.metric === 'bleu' ? v.params.tokenize : v.params.tokenizer)));
    for (const t of ['13a', 'intl', 'char', 'none', 'tercom']) assert.ok(tokenizers.has(t), `no ${t} case`);
  });

  for (const v of [...vectors, ...extra]) {
    it(`${v.id} ${v.source ?? ''}`, () => {
      assert.deepEqual(vectorProblems(v), []);
    });
  }
});
