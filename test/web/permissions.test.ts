// Who may do what, proved route by route with real sessions: each denial is a 403 and each
// allowance works; concurrent edits get 409 with the current state; every change is in the
// history, and a deleted mark comes back from it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { addUser, login, type Client } from '../helpers/auth.js';
import { SEED_DOC, startServer, type TestServer } from '../helpers/server.js';

type Json = Record<string, any>;

describe('HTTP permissions, versions and history', function () {
  let srv: TestServer;
  let admin: Client, rev: Client, other: Client, viewer: Client, stranger: Client;
  let start = 0;
  const api = (p: string) => `/api/documents/${SEED_DOC}${p}`;
  const mark = (c: Client, extra: Json = {}) =>
    c.fetch(api('/annotations'), { method: 'POST', json: { side: 'target', start, end: start + 5, category: 'Style', severity: 'minor', ...extra } });

  before(async () => {
    srv = await startServer({ demo: false });
    await addUser(srv, 'admin1', 'admin');
    const r = await addUser(srv, 'rev1', 'reviewer');
    const o = await addUser(srv, 'rev2', 'reviewer');
    await addUser(srv, 'rev3', 'reviewer');
    await addUser(srv, 'view1', 'viewer');
    await srv.store.assignments.assign(SEED_DOC, r.id, 'test');
    await srv.store.assignments.assign(SEED_DOC, o.id, 'test');
    [admin, rev, other, viewer, stranger] = await Promise.all(['admin1', 'rev1', 'rev2', 'view1', 'rev3'].map((u) => login(srv, u)));
    start = (await srv.store.documents.get(SEED_DOC))!.targetText.indexOf('كيدال');
  });
  after(() => srv.stop());

  it('lets everyone signed in read, and only the allowed roles change', async () => {
    for (const c of [admin, rev, viewer, stranger]) {
      assert.equal((await c.fetch(`/documents/${SEED_DOC}`)).status, 200);
      assert.equal((await c.fetch(api(''))).status, 200);
      assert.equal((await c.fetch(`/documents/${SEED_DOC}/history`)).status, 200);
      assert.equal((await c.fetch(`/documents/${SEED_DOC}/score.json`)).status, 200);
    }
    // Viewers and unassigned reviewers: 403 on every kind of change, with the reason.
    for (const c of [viewer, stranger]) {
      const res = await mark(c);
      assert.equal(res.status, 403);
      assert.equal(((await res.json()) as Json)['code'], 'forbidden');
      assert.equal((await c.fetch(api('/beads/s0t0/status'), { method: 'PUT', json: { status: 'reviewed' } })).status, 403);
      assert.equal((await c.fetch(api('/review'), { method: 'PUT', json: { notes: 'x' } })).status, 403);
      assert.equal((await c.fetch(api('/timing'), { method: 'POST', json: { events: [] } })).status, 403);
    }
    // An assigned reviewer and the admin may.
    assert.equal((await mark(rev)).status, 201);
    assert.equal((await mark(admin)).status, 201);
    assert.equal((await rev.fetch(api('/beads/s0t0/status'), { method: 'PUT', json: { status: 'reviewed' } })).status, 200);
  });

  it('keeps users, assignments and imports for admins', async () => {
    for (const c of [rev, viewer]) {
      assert.equal((await c.fetch('/admin/users')).status, 403);
      assert.equal((await c.fetch('/admin/users', { method: 'POST', body: new URLSearchParams({ username: 'x1', role: 'admin', _csrf: c.csrf }) })).status, 403);
      assert.equal((await c.fetch('/import')).status, 403);
      const form = new FormData();
      form.set('file', new Blob(['a\tb\n']), 'x.tsv');
      assert.equal((await c.fetch('/api/import', { method: 'POST', body: form, headers: { Origin: srv.url } })).status, 403);
    }
    assert.equal((await admin.fetch('/admin/users')).status, 200);
    const made = await admin.fetch('/admin/users', { method: 'POST', body: new URLSearchParams({ username: 'newbie', role: 'reviewer', _csrf: admin.csrf }) });
    assert.equal(made.status, 201);
    const page = await made.text();
    const oneTime = /<code>([A-Za-z0-9]{20})<\/code>/.exec(page)?.[1];
    assert.ok(oneTime, 'a one-time password is shown once');
    const user = (await srv.store.users.byName('newbie'))!;
    assert.equal(user.mustChangePassword, true);
    const assign = await admin.fetch(`/admin/users/${user.id}/assignments`, { method: 'POST', body: new URLSearchParams({ documents: SEED_DOC, _csrf: admin.csrf }) });
    assert.equal(assign.status, 200);
    const newbie = await login(srv, 'newbie', oneTime);
    assert.equal((await mark(newbie)).status, 201);
    // Disabling signs the user out at once.
    await admin.fetch(`/admin/users/${user.id}`, { method: 'POST', body: new URLSearchParams({ disabled: '1', _csrf: admin.csrf }) });
    assert.equal((await newbie.fetch(api(''))).status, 401);
    const bad = await admin.fetch('/admin/users', { method: 'POST', body: new URLSearchParams({ username: '../x', role: 'root', _csrf: admin.csrf }) });
    assert.equal(bad.status, 400);
  });

  it('lets reviewers change only their own marks; admins any', async () => {
    const mine = ((await (await mark(rev, { comment: 'mine' })).json()) as Json)['annotation'];
    const patch = (c: Client, body: Json) => c.fetch(api(`/annotations/${mine.id}`), { method: 'PATCH', json: body });
    assert.equal((await patch(other, { severity: 'major' })).status, 403);
    assert.equal((await other.fetch(api(`/annotations/${mine.id}`), { method: 'DELETE' })).status, 403);
    assert.equal((await patch(viewer, { severity: 'major' })).status, 403);
    assert.equal((await patch(rev, { severity: 'major' })).status, 200);
    assert.equal((await patch(admin, { severity: 'critical' })).status, 200);
    const stored = (await srv.store.annotations.get(SEED_DOC, mine.id))!;
    assert.equal(stored.severity, 'critical');
    assert.equal(stored.author, 'rev1');
    assert.equal(stored.userId, (await srv.store.users.byName('rev1'))!.id);
  });

  it('answers a stale edit with 409 and the current state, never overwriting (two sessions)', async () => {
    const a = ((await (await mark(rev, { comment: 'v1' })).json()) as Json)['annotation'];
    assert.equal(a.version, 1);
    const first = await rev.fetch(api(`/annotations/${a.id}`), { method: 'PATCH', json: { comment: 'from tab one', version: 1 } });
    assert.equal(first.status, 200);
    const second = await admin.fetch(api(`/annotations/${a.id}`), { method: 'PATCH', json: { comment: 'from the admin, stale', version: 1 } });
    assert.equal(second.status, 409);
    const body = (await second.json()) as Json;
    assert.equal(body['code'], 'conflict');
    assert.equal(body['current'].comment, 'from tab one');
    assert.equal(body['current'].version, 2);
    assert.equal((await srv.store.annotations.get(SEED_DOC, a.id))!.comment, 'from tab one');
    assert.equal((await admin.fetch(api(`/annotations/${a.id}?version=1`), { method: 'DELETE' })).status, 409);
    assert.equal((await admin.fetch(api(`/annotations/${a.id}`), { method: 'DELETE', headers: { 'If-Match': '"2"' } })).status, 204);
    // Editing a mark deleted meanwhile: 409 with the deleted mark, not a silent 404.
    const gone = await rev.fetch(api(`/annotations/${a.id}`), { method: 'PATCH', json: { comment: 'late', version: 2 } });
    assert.equal(gone.status, 409);
    assert.ok(((await gone.json()) as Json)['current'].deletedAt);
  });

  it('records every create, edit, delete, accept and dismiss with who, before and after; restores a deleted mark', async () => {
    const a = ((await (await mark(rev, { comment: 'audited' })).json()) as Json)['annotation'];
    await rev.fetch(api(`/annotations/${a.id}`), { method: 'PATCH', json: { severity: 'major' } });
    await rev.fetch(api(`/annotations/${a.id}`), { method: 'DELETE' });
    const view = (await (await rev.fetch(api(''))).json()) as Json;
    const f = view['findings'].find((x: Json) => x.text === 'الخنتة' && x.check === 'terminology');
    const finding = { id: `terminology:target:${f.start}-${f.end}` };
    const dismissed = await rev.fetch(api(`/findings/${encodeURIComponent(finding.id)}/decision`), { method: 'PUT', json: { decision: 'dismissed' } });
    assert.equal(dismissed.status, 200, await dismissed.clone().text());
    const history = (await (await viewer.fetch(api('/history'))).json()) as Json;
    const ofMark = history['events'].filter((e: Json) => e.entity === 'annotation' && e.entityId === String(a.id));
    assert.deepEqual(ofMark.map((e: Json) => e.action), ['delete', 'edit', 'create']);
    assert.ok(ofMark.every((e: Json) => e.actor === 'rev1'));
    const edit = ofMark[1];
    assert.equal(edit.before.severity, 'minor');
    assert.equal(edit.after.severity, 'major');
    assert.ok(history['events'].some((e: Json) => e.entity === 'finding' && e.action === 'dismiss' && e.entityId === finding.id && e.before.decision === 'open'));

    // The soft-deleted mark is listed on the history page, restorable by its owner, not by others.
    const page = await (await rev.fetch(`/documents/${SEED_DOC}/history`)).text();
    assert.match(page, new RegExp(`id="deleted-${a.id}"`));
    const restore = (c: Client) => c.fetch(`/documents/${SEED_DOC}/history/restore/${a.id}`, { method: 'POST', body: new URLSearchParams({ _csrf: c.csrf }) });
    assert.equal((await restore(other)).status, 403);
    assert.equal((await restore(rev)).status, 303);
    assert.equal((await srv.store.annotations.get(SEED_DOC, a.id))!.severity, 'major');
    const after = (await (await viewer.fetch(api('/history'))).json()) as Json;
    assert.equal(after['events'][0].action, 'restore');
  });
});
