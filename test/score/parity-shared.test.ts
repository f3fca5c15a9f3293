// Parity with sacreBLEU 2.6.0 on every case of the shared vectors file, when it is present
// ($TADQIQ_SHARED/data/sacrebleu/vectors.json, TADQIQ_SHARED defaulting to ../shared).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vectorProblems, type Vector } from './vector-runner.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(repoRoot, process.env.TADQIQ_SHARED ?? '../shared');
const path = resolve(shared, 'data/sacrebleu/vectors.json');

describe('sacreBLEU 2.6.0 parity (all shared vectors)', function () {
  it('reproduces every score to 1e-9 and every signature exactly', function () {
    if (!existsSync(path)) {
      const why = `skipped: ${path} not found (set TADQIQ_SHARED to the shared folder)`;
      console.log(`      sacreBLEU shared vectors ${why}`);
      this.skip();
    }
    const { vectors } = JSON.parse(readFileSync(path, 'utf8')) as { vectors: Vector[] };
    const failures: string[] = [];
    for (const v of vectors) {
      let problems: string[];
      try {
        problems = vectorProblems(v);
      } catch (e) {
        problems = [`threw: ${(e as Error).message}`];
      }
      if (problems.length > 0) failures.push(`${v.id} (${v.source ?? ''}): ${problems.join('; ')}`);
    }
    console.log(`      ${vectors.length - failures.length} of ${vectors.length} shared sacreBLEU vectors match`);
    assert.deepEqual(failures, []);
    assert.ok(vectors.length >= 524, `expected at least 524 vectors, found ${vectors.length}`);
  });
});
