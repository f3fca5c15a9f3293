import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/paths.js';

function score(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/score.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run score', () => {
  it('prints a readable summary of the bundled corpus', () => {
    const r = score('corpora/mali-minusma');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /15 beads \(15× 1-1\)/);
    assert.match(r.out, /MQM \d+\.\d\d {2}(PASS|FAIL)/);
    assert.match(r.out, /chrF2 +\d+\.\d\d {2}nrefs:1\|case:mixed\|eff:yes\|nc:6\|nw:0\|space:no\|version:2\.6\.0/);
    assert.match(r.out, /BLEU +\d+\.\d\d {2}nrefs:1\|case:mixed\|eff:no\|tok:13a\|smooth:exp\|version:2\.6\.0/);
    assert.equal((r.out.match(/\[terminology\/major\] pair \d+ target "الخنتة"/g) ?? []).length, 3);
  });

  it('writes the JSON contract for loose files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-cli-'));
    const out = path.join(dir, 'out.json');
    const c = 'corpora/mali-minusma/';
    const r = score('--source', c + 'source.en.txt', '--target', c + 'mt.ar.txt', '--reference', c + 'reference.ar.txt', '--glossary', c + 'glossary.tbx', '--format', 'json', '--out', out);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.equal(j.schema, 'tadqiq.score/1');
    const d = j.documents[0];
    assert.equal(d.sourceLang, 'en');
    assert.equal(d.targetLang, 'ar');
    assert.equal(d.source.sentences.length, 15);
    assert.equal(d.target.sentences.length, 15);
    // The alignment covers every sentence of both sides exactly once, in order.
    assert.deepEqual(d.alignment.flatMap((b: { source: number[] }) => b.source), [...Array(15).keys()]);
    assert.deepEqual(d.alignment.flatMap((b: { target: number[] }) => b.target), [...Array(15).keys()]);
    const text = fs.readFileSync(path.join(ROOT, c, 'mt.ar.txt'), 'utf8');
    for (const f of d.findings) assert.equal((f.side === 'target' ? text : fs.readFileSync(path.join(ROOT, c, 'source.en.txt'), 'utf8')).slice(f.start, f.end), f.text);
    assert.equal(d.annotations.length, 0, 'no review given, so no annotations');
    assert.equal(d.scores.mqm.errors, 0);
    assert.ok(d.scores.bleu.score > 0);
  });

  it('exits 2 with a message naming the file and line of bad input', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-cli-'));
    const bad = path.join(dir, 'review.jsonl');
    fs.writeFileSync(bad, '{"text":"الخنتة","category":"Terminology","severity":"major"}\n{"text":"nope"\n');
    const c = 'corpora/mali-minusma/';
    const r = score('--source', c + 'source.en.txt', '--target', c + 'mt.ar.txt', '--review', bad);
    assert.equal(r.code, 2);
    assert.match(r.err, /review\.jsonl, line 1, field "text": "الخنتة" occurs 3 times/);
    const missing = score('--source', 'nope.txt', '--target', c + 'mt.ar.txt');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.txt: file not found/);
    assert.equal(score('corpora').code, 2);
  });

  it('writes a self-contained HTML report that is byte-identical for the same data', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-cli-'));
    const a = path.join(dir, 'a.html');
    const b = path.join(dir, 'b.html');
    assert.equal(score('corpora/mali-minusma', '--format', 'html', '--generated-at', '2026-01-01T00:00:00Z', '--out', a).code, 0);
    assert.equal(score('corpora/mali-minusma', '--format', 'html', '--generated-at', '2026-01-01T00:00:00Z', '--out', b).code, 0);
    const html = fs.readFileSync(a, 'utf8');
    assert.ok(fs.readFileSync(b).equals(fs.readFileSync(a)));
    assert.match(html, /<div class="target" lang="ar" dir="rtl">/);
    assert.match(html, /data:font\/woff2;base64,/);
    assert.equal((html.match(/class="err"/g) ?? []).length, 26);
    assert.equal(/(src|href)="https?:/.test(html), false, 'no external resources');
  });
});
