import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../../server/core/types.js';
import { readCorpus } from '../../server/ingest/corpus.js';
import { ROOT } from '../helpers/paths.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/corpora/team-typology');

/** A copy of the fixture with one file replaced. */
function variant(file: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-typology-'));
  for (const f of fs.readdirSync(FIXTURE)) fs.copyFileSync(path.join(FIXTURE, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, file), content);
  return dir;
}

describe('ingest: a corpus with its own typology', () => {
  it('reads the typology named by the manifest and checks the review against it', () => {
    const c = readCorpus(FIXTURE);
    const doc = c.documents[0]!;
    assert.equal(doc.pair.typology!.id, 'newsroom-lqa');
    assert.deepEqual(doc.pair.typology!.severities.map((s) => s.label), ['Cosmetic', 'Serious', 'Blocking']);
    assert.equal(doc.review[0]!.category, 'Names');
  });

  it('refuses a review category or severity the typology does not have, naming the file and field', () => {
    const badCategory = variant('review.jsonl', '{"text":"غاو","category":"Terminology","severity":"minor"}\n');
    assert.throws(() => readCorpus(badCategory), (e: unknown) => e instanceof InputError && /review\.jsonl.*field "category".*unknown category "Terminology".*newsroom-lqa/.test(e.message));
    const badSeverity = variant('review.jsonl', '{"text":"غاو","category":"Names","severity":"neutral"}\n');
    assert.throws(() => readCorpus(badSeverity), (e: unknown) => e instanceof InputError && /field "severity"/.test(e.message));
  });

  it('refuses a typology file with a severity outside neutral/minor/major/critical', () => {
    const dir = variant('typology.json', JSON.stringify({ id: 'x', name: 'x', severities: [{ id: 'blocker', label: 'Blocker' }], categories: [{ id: 'Names' }] }));
    assert.throws(() => readCorpus(dir), (e: unknown) => e instanceof InputError && /typology\.json.*field "severities\.0\.id"/.test(e.message));
    const broken = variant('typology.json', '{ not json');
    assert.throws(() => readCorpus(broken), (e: unknown) => e instanceof InputError && /typology\.json.*not valid JSON/.test(e.message));
  });
});
