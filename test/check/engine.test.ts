import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHECKS, resolveChecks } from '../../server/check/index.js';
import { InputError } from '../../server/core/types.js';
import { readCorpus } from '../../server/ingest/corpus.js';
import { processDocument } from '../../server/pipeline.js';
import { SEED_CORPUS } from '../helpers/paths.js';

describe('checks engine and configuration', () => {
  it('registers every check with an id, an MQM category, a severity, a description and an example', () => {
    assert.deepEqual(CHECKS.map((c) => c.id), ['language', 'terminology', 'calque', 'numbers', 'names', 'untranslated', 'omission', 'typography']);
    for (const c of CHECKS) {
      assert.ok(c.category && c.severity && c.description && c.example, c.id);
      assert.ok(c.prepare || c.document, c.id);
      if (c.options) assert.ok(c.options.safeParse({}).success, `${c.id}: defaults parse`);
    }
  });

  it('disables a check and overrides a severity per corpus', () => {
    const pair = readCorpus(SEED_CORPUS).documents[0]!.pair;
    const all = processDocument(pair).findings;
    assert.ok(all.some((f) => f.check === 'terminology'));
    const off = processDocument({ ...pair, checks: { terminology: { enabled: false } } }).findings;
    assert.ok(!off.some((f) => f.check === 'terminology'));
    // Without its glossary the seed has a names finding (جنون); the override makes it minor.
    const { glossary: _g, ...bare } = pair;
    assert.ok(processDocument(bare).findings.some((f) => f.check === 'names' && f.severity === 'major'));
    const minor = processDocument({ ...bare, checks: { names: { severity: 'minor' } } }).findings.filter((f) => f.check === 'names');
    assert.ok(minor.length > 0 && minor.every((f) => f.severity === 'minor'));
  });

  it('refuses unknown checks, severities and options with the field named', () => {
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [{ numbrs: {} }, /checks\.numbrs.*unknown check "numbrs"/],
      [{ numbers: { severity: 'huge' } }, /checks\.numbers\.severity/],
      [{ calque: { options: { threshold: 2 } } }, /checks\.calque\.options\.threshold/],
      [{ typography: { options: { disable: ['commas'] } } }, /checks\.typography\.options\.disable/],
      [{ names: { options: { colour: 'red' } } }, /checks\.names\.options/],
    ];
    for (const [config, re] of bad) {
      assert.throws(() => resolveChecks(config as never), (e: unknown) => e instanceof InputError && re.test(e.message), JSON.stringify(config));
    }
  });

  it('stops a corpus whose manifest has a bad check configuration, naming file and field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-checks-'));
    for (const f of ['source.en.txt', 'mt.ar.txt']) fs.copyFileSync(path.join(SEED_CORPUS, f), path.join(dir, f));
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({
        schema: 'tadqiq.corpus/1', id: 'x', title: 'x', sourceLang: 'en', targetLang: 'ar',
        checks: { calque: { options: { allow: 'ميليشيا' } } },
        documents: [{ id: 'd', title: 'd', source: 'source.en.txt', translations: [{ system: 's', file: 'mt.ar.txt' }] }],
      }),
    );
    assert.throws(() => readCorpus(dir), (e: unknown) => e instanceof InputError && /manifest\.json/.test(e.message) && /checks\.calque\.options\.allow/.test(e.message));
  });
});
