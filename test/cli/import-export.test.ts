import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/paths.js';

const run = (script: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const fx = (name: string) => path.join('test/fixtures/formats', name);

describe('npm run import / npm run export', function () {
  this.timeout(60_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-cli-'));
  const db = path.join(dir, 'db.sqlite');

  it('imports files into a database, and exits 2 naming file and line for a broken one', () => {
    const a = run('import', fx('wmt-mqm-enar.tsv'), '--db', db, '--corpus', 'wmt');
    assert.equal(a.code, 0, a.err);
    assert.match(a.out, /imported marot into .*: 2 document\(s\), 8 annotation\(s\); not imported: 2 no-error rows/);
    const b = run('import', fx('memoq.tmx'), '--db', db, '--system', 'memoq-tm');
    assert.equal(b.code, 0, b.err);
    const bad = path.join(dir, 'bad.xlf');
    fs.writeFileSync(bad, fs.readFileSync(path.join(ROOT, fx('okapi.xlf')), 'utf8').replace('</target>', ''));
    const c = run('import', bad, '--db', db);
    assert.equal(c.code, 2);
    assert.match(c.err, /^error: .*bad\.xlf, line \d+: not well-formed XML/);
    const d = run('import', fx('pairs.tsv'), '--db', db, '--dry-run');
    assert.equal(d.code, 0);
    assert.match(d.out, /tsv: 1 document\(s\) read, nothing written/);
  });

  it('exports from the database, from a corpus folder and straight from another format', () => {
    const marot = run('export', '--db', db, '--corpus', 'wmt', '--format', 'marot');
    assert.equal(marot.code, 0, marot.err);
    assert.equal(marot.out.trimEnd().split('\n').length, 1 + 10, 'header, 8 errors and 2 No-error rows');
    // The bundled corpus has two systems: one XLIFF file each.
    const outDir = path.join(dir, 'seed-xliff');
    const x = run('export', 'corpora/mali-minusma', '--format', 'xliff', '--out-dir', outDir);
    assert.equal(x.code, 0, x.err);
    assert.deepEqual(fs.readdirSync(outDir).sort(), ['mali-minusma.generic-nmt-2023.xlf', 'mali-minusma.llm-mt-2024.xlf']);
    assert.match(fs.readFileSync(path.join(outDir, 'mali-minusma.generic-nmt-2023.xlf'), 'utf8'), /version="2\.1"/);
    const conv = run('export', '--from', fx('third-party-its.xlf'), '--format', 'anthea', '--at', '2026-01-01T00:00:00Z');
    assert.equal(conv.code, 0, conv.err);
    const j = JSON.parse(conv.out);
    assert.equal(j.results.flatMap((r: { errors: unknown[] }) => r.errors).length, 4);
    const many = run('export', '--db', db, '--format', 'html');
    assert.equal(many.code, 2);
    assert.match(many.err, /3 documents: give --out-dir/);
  });
});
