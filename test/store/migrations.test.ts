import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrations } from '../../server/store/db.js';
import { openStore } from '../../server/store/index.js';
import { writeOldDatabase } from '../helpers/old-database.js';

describe('store: upgrading a database from the walking skeleton', () => {
  it('migrates a version-1 database to the workspace schema without losing annotations', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-migrate-'));
    const file = path.join(dir, 'old.sqlite');
    // A database as the first release left it: only migration 001 applied.
    writeOldDatabase(file, 1);

    const store = openStore(file);
    try {
      const [a] = await store.annotations.list('d');
      assert.equal(a!.author, 'Old Reviewer');
      assert.equal(a!.clientId, undefined);
      // The new tables work on the upgraded file.
      await store.findingDecisions.set('d', 'terminology:target:0-5', 'dismissed', 'R');
      assert.equal((await store.findingDecisions.list('d')).get('terminology:target:0-5')!.decision, 'dismissed');
      await store.postEdits.save('d', 's0t0', 'مرحبا.', 'أهلا.', 'R');
      assert.equal((await store.postEdits.list('d')).get('s0t0')!.text, 'أهلا.');
      assert.deepEqual(await store.reviews.get('d'), { notes: '', verdict: 'undecided' });
      assert.equal((await store.documents.get('d'))!.typology, undefined);
    } finally {
      store.close();
    }
    const check = new Database(file, { readonly: true });
    assert.equal(check.pragma('user_version', { simple: true }), Math.max(...migrations().map((m) => m.version)));
    check.close();
  });
});

describe('store: workspace repositories', () => {
  let n = 0;
  const clock = () => `2024-05-01T10:00:${String(n++ % 60).padStart(2, '0')}.000Z`;
  const fresh = async () => {
    const store = openStore(':memory:', clock);
    await store.documents.insert({ id: 'd', corpus: 'c', title: 't', sourceLang: 'en', targetLang: 'ar', system: 's', sourceText: 'One. Two.', targetText: 'واحد. اثنان.', references: [] });
    return store;
  };

  it('keeps every post-edit revision and answers with the newest', async () => {
    const store = await fresh();
    await store.postEdits.save('d', 's0t0', 'واحد.', 'واحدة.', 'A');
    await store.postEdits.save('d', 's0t0', 'واحد.', 'واحدٌ.', 'B');
    const pe = (await store.postEdits.list('d')).get('s0t0')!;
    assert.equal(pe.text, 'واحدٌ.');
    assert.equal(pe.author, 'B');
    assert.equal(pe.revisions, 2);
    assert.equal(await store.postEdits.save('d', 's0t0', 'واحد.', '', 'B'), undefined);
    assert.equal((await store.postEdits.list('d')).size, 0);
    store.close();
  });

  it('creates an annotation once per client id, even when asked twice', async () => {
    const store = await fresh();
    const a = { side: 'target' as const, start: 0, end: 4, text: 'واحد', category: 'Style', severity: 'minor' as const, author: 'A', clientId: 'client-0001' };
    const first = await store.annotations.createOnce('d', a);
    const second = await store.annotations.createOnce('d', { ...a, severity: 'major' });
    assert.equal(first.created, true);
    assert.equal(second.created, false);
    assert.equal(second.annotation.severity, 'minor');
    assert.equal((await store.annotations.list('d')).length, 1);
    assert.equal(await store.annotations.remove('d', 'client-0001'), true);
    // A deleted annotation keeps its client id: the retried create of a since-deleted mark does not resurrect it.
    assert.equal((await store.annotations.createOnce('d', a)).created, false);
    assert.equal((await store.annotations.list('d')).length, 0);
    store.close();
  });

  it('saves corrected alignments as revisions, refuses a stale base, and records a return to the automatic one', async () => {
    const store = await fresh();
    const hashes = { sourceSha256: 'a', targetSha256: 'b' };
    const stored = { schema: 'tadqiq.alignment/1' as const, shapes: '2-2*', confidence: [1], source: { count: 2, hashes: 'x y' }, target: { count: 2, hashes: 'z w' } };
    assert.equal(await store.alignments.get('d'), undefined);
    const first = (await store.alignments.save('d', stored, hashes, 'A', 0))!;
    assert.deepEqual((await store.alignments.get('d'))!.alignment, stored);
    // Built on revision 0 again: someone else saved first, nothing is written.
    assert.equal(await store.alignments.save('d', null, hashes, 'B', 0), undefined);
    assert.equal((await store.alignments.get('d'))!.id, first.id);
    const reset = (await store.alignments.save('d', null, hashes, 'A', first.id))!;
    assert.ok(reset.id > first.id);
    assert.equal((await store.alignments.get('d'))!.alignment, null);
    store.close();
  });
});
