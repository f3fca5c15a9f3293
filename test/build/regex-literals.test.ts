// tsx runs the code through esbuild with the running Node as target, and esbuild rewrites a
// regular-expression literal with \p{…} outside a character class into `new RegExp(…)` where it
// stands: inside a function that is a new RegExp object on every call, in the checks' and the
// aligner's per-word loops. Writing [\p{L}] instead of \p{L} means the same and stays a literal.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { ROOT } from '../helpers/paths.js';

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('regular expressions stay literals under tsx', () => {
  it('no \\p{…} escape outside a character class is rewritten into new RegExp by esbuild', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(path.join(ROOT, 'server'))) {
      const { code } = transformSync(fs.readFileSync(file, 'utf8'), { loader: 'ts', target: `node${process.versions.node}`, format: 'esm' });
      for (const line of code.split('\n')) {
        if (/new RegExp\("[^"]*\\\\[pP]\{/u.test(line)) offenders.push(`${path.relative(ROOT, file)}: ${line.trim().slice(0, 120)}`);
      }
    }
    assert.deepEqual(offenders, [], 'write [\\p{L}] instead of \\p{L} in these literals');
  });
});
