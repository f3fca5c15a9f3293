// The batch scorer and the exporter read a reviewer's corrected alignment from the database
// (--db), as the web pages do: per-segment MQM, reference metrics and checks follow it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serializeAlignment, splitBead } from '../../server/align/corrections.js';
import { readCorpora } from '../../server/ingest/corpus.js';
import { processDocument } from '../../server/pipeline.js';
import { importCorpora } from '../../server/store/import-corpus.js';
import { openStore } from '../../server/store/index.js';
import { FIXTURE_CORPORA, FIXTURE_DOC } from '../helpers/alignment-fixture.js';
import { ROOT } from '../helpers/paths.js';

type Json = Record<string, any>;
const run = (script: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const corrected = (d: Json) => d.alignment.map((b: Json) => `${b.source.join(',')}|${b.target.join(',')}${b.corrected ? '*' : ''}`);

describe('--db: the corrected alignment in npm run score and npm run export', function () {
  this.timeout(60_000);
  let db: string;
  before(async () => {
    db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-align-db-')), 't.sqlite');
    const store = openStore(db);
    await importCorpora(store, readCorpora(FIXTURE_CORPORA).corpora);
    const doc = (await store.documents.get(FIXTURE_DOC))!;
    // What the workspace stores when the reviewer splits the wrong 2-1 pair (test/web/alignment.test.ts).
    const p = processDocument(doc);
    const fixed = splitBead(p.alignment, 0, { source: 1, target: 1 });
    await store.alignments.save(doc.id, serializeAlignment(fixed, p.source, p.target), { sourceSha256: 'x', targetSha256: 'y' }, 'Reviewer');
    store.close();
  });

  it('npm run score -- --db scores the corrected pairs: segments, per-segment MQM, omission finding, data hash', () => {
    const corpus = path.join(FIXTURE_CORPORA, 'council');
    const plain = run('scripts/score.ts', corpus, '--format', 'json', '--quiet');
    const withDb = run('scripts/score.ts', corpus, '--db', db, '--format', 'json', '--quiet');
    assert.equal(plain.code, 0, plain.err);
    assert.equal(withDb.code, 0, withDb.err);
    const a = JSON.parse(plain.out).documents[0];
    const b = JSON.parse(withDb.out).documents[0];
    assert.deepEqual(corrected(a), ['0,1|0', '2|1', '3|2', '4,5|3']);
    assert.deepEqual(corrected(b), ['0|0*', '1|*', '2|1', '3|2', '4,5|3']);
    // The reference is cut where the source is: the corrected MT gives one more common segment.
    assert.equal(a.scores.chrf.segments, 4);
    assert.equal(b.scores.chrf.segments, 5);
    assert.equal(b.scores.mqm.segmentPenalties.length, 5);
    assert.ok(b.findings.some((f: Json) => f.check === 'omission' && f.sentence === 1));
    assert.equal(a.findings.some((f: Json) => f.check === 'omission' && f.sentence === 1), false);
    assert.notEqual(a.dataHash, b.dataHash, 'the data hash says which alignment was scored');
  });

  it('npm run export -- --db writes the corrected alignment into the JSON and the XLIFF', () => {
    const dir = path.dirname(db);
    const json = path.join(dir, 'out.json');
    const xliff = path.join(dir, 'out.xlf');
    const j = run('scripts/export.ts', '--db', db, '--doc', FIXTURE_DOC, '--format', 'json', '--out', json, '--at', '2026-01-01T00:00:00Z');
    assert.equal(j.code, 0, j.err);
    assert.deepEqual(corrected(JSON.parse(fs.readFileSync(json, 'utf8')).documents[0]), ['0|0*', '1|*', '2|1', '3|2', '4,5|3']);
    const x = run('scripts/export.ts', '--db', db, '--doc', FIXTURE_DOC, '--format', 'xliff', '--out', xliff, '--at', '2026-01-01T00:00:00Z');
    assert.equal(x.code, 0, x.err);
    assert.equal((fs.readFileSync(xliff, 'utf8').match(/<unit /g) ?? []).length, 5);
  });
});
