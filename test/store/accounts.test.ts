// Migration 004 from the previous version with data, from an empty database, and the online
// backup: a consistent copy that opens as a working store (the README's restore procedure).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupTo } from '../../scripts/backup.js';
import { migrations } from '../../server/store/db.js';
import { openStore } from '../../server/store/index.js';
import { writeOldDatabase } from '../helpers/old-database.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-accounts-'));

describe('store: accounts migration and backup', () => {
  it('upgrades a version-3 database with reviews to accounts, keeping every mark and giving it a history', async () => {
    const file = path.join(tmp(), 'v3.sqlite');
    writeOldDatabase(file, 3);
    const store = openStore(file);
    try {
      assert.equal(store.db.pragma('user_version', { simple: true }), migrations().at(-1)!.version);
      const [a] = await store.annotations.list('d');
      assert.equal(a!.author, 'Old Reviewer');
      assert.equal(a!.userId, undefined);
      const u = await store.users.create({ username: 'rev', role: 'reviewer', passwordHash: 'scrypt$x' });
      await store.assignments.assign('d', u.id, 'test');
      await store.annotations.update('d', a!.id, { severity: 'major' }, { expectedVersion: 1, actor: { userId: u.id, name: 'rev' } });
      await assert.rejects(store.annotations.update('d', a!.id, { severity: 'minor' }, { expectedVersion: 1 }), /expected version 1/);
      const events = await store.audit.list('d');
      assert.deepEqual(events.map((e) => [e.action, e.actor]), [['edit', 'rev']]);
    } finally {
      store.close();
    }
  });

  it('builds the whole schema on an empty database', () => {
    const store = openStore(path.join(tmp(), 'new.sqlite'));
    try {
      const tables = (store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((t) => t.name);
      for (const t of ['users', 'sessions', 'assignments', 'audit_events', 'adjudications', 'annotations']) assert.ok(tables.includes(t), t);
      assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      store.close();
    }
  });

  it('backs up a database in use and the copy restores as a working store', async () => {
    const dir = tmp();
    const file = path.join(dir, 'live.sqlite');
    const live = openStore(file, undefined, { groupCommit: true });
    live.db.exec(`INSERT INTO documents (id, corpus, title, source_lang, target_lang, system, source_text, target_text, source_sha256, target_sha256, created_at, updated_at)
      VALUES ('d', 'c', 't', 'en', 'ar', 's', 'Hello.', 'مرحبا.', 'x', 'y', '2024-01-01', '2024-01-01')`);
    for (let i = 0; i < 50; i++) await live.annotations.create('d', { side: 'target', start: 0, end: 5, text: 'مرحبا', category: 'Style', severity: 'minor', author: 'r', clientId: `client-${String(i).padStart(4, '0')}` });
    await live.durable();
    // Written to the WAL, not yet checkpointed: the copy must still contain them.
    const out = path.join(dir, 'backup.sqlite');
    const { userVersion } = await backupTo(file, out);
    assert.equal(userVersion, migrations().at(-1)!.version);
    await live.annotations.create('d', { side: 'target', start: 0, end: 5, text: 'مرحبا', category: 'Style', severity: 'minor', author: 'r', clientId: 'after-backup' });
    live.close();
    // Restore as the README says: the copy replaces the database file, the WAL files go.
    const restored = path.join(dir, 'restored.sqlite');
    fs.copyFileSync(out, restored);
    const store = openStore(restored);
    try {
      assert.equal((await store.annotations.list('d')).length, 50);
      assert.equal(await store.annotations.byClientId('d', 'after-backup'), undefined);
    } finally {
      store.close();
    }
  });
});
