// Parity with sacreBLEU 2.6.0 on a representative, self-contained subset of the shared vectors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { vectorProblems, type Vector } from './vector-runner.js';

const fixture = new URL('../fixtures/sacrebleu/vectors-subset.json', import.meta.url);
const { vectors } = JSON.parse(readFileSync(fixture, 'utf8')) as { vectors: Vector[] };

describe('sacreBLEU 2.6.0 parity (fixture subset)', () => {
  it('covers every metric and tokenizer', () => {
    const metrics = new Set(vectors.map((v) => v.metric));
    assert.deepEqual([...metrics].sort(), ['bleu', 'chrf', 'ter', 'tokenizer']);
    const tokenizers = new Set(vectors.map((v) => (v.metric === 'bleu' ? v.params.tokenize : v.params.tokenizer)));
    for (const t of ['13a', 'intl', 'char', 'none', 'tercom']) assert.ok(tokenizers.has(t), `no ${t} case`);
  });

  for (const v of vectors) {
    it(`${v.id} ${v.source ?? ''}`, () => {
      assert.deepEqual(vectorProblems(v), []);
    });
  }
});
