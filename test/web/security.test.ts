// Accounts, sessions, CSRF, headers, limits and escaping, through the real app over HTTP.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'mocha';
import { sha256 } from '../../server/web/middleware/auth.js';
import { addUser, anonymous, login, PASSWORD } from '../helpers/auth.js';
import { SEED_DOC, startServer, type TestServer } from '../helpers/server.js';

describe('HTTP security: sign-in, sessions, CSRF and headers', function () {
  let srv: TestServer;
  before(async () => {
    srv = await startServer({ demo: false, loginLimit: 3 });
    await addUser(srv, 'amal', 'admin');
  });
  after(() => srv.stop());

  it('sends a strict Content-Security-Policy and the other protective headers', async () => {
    const res = await fetch(`${srv.url}/login`);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /style-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'same-origin');
    assert.equal(res.headers.get('x-powered-by'), null);
  });

  it('asks for a sign-in: pages redirect to the login, the API answers 401', async () => {
    const page = await fetch(`${srv.url}/documents/${SEED_DOC}`, { redirect: 'manual' });
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('location'), `/login?next=${encodeURIComponent(`/documents/${SEED_DOC}`)}`);
    const api = await fetch(`${srv.url}/api/documents/${SEED_DOC}`);
    assert.equal(api.status, 401);
    assert.equal(((await api.json()) as { code: string }).code, 'signed-out');
    // Exports are reads too, but not for strangers.
    assert.equal((await fetch(`${srv.url}/documents/${SEED_DOC}/score.json`, { redirect: 'manual' })).status, 303);
  });

  it('signs in with an HttpOnly SameSite cookie whose value is not in the database, and signs out', async () => {
    const c = await anonymous(srv);
    const res = await c.fetch('/login', { method: 'POST', body: new URLSearchParams({ username: 'AMAL', password: PASSWORD, next: '/documents', _csrf: c.csrf }) });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/documents');
    const setCookie = res.headers.getSetCookie().find((x) => x.startsWith('tadqiq_session='))!;
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Lax/i);
    // Plain HTTP on loopback: Secure would make the browser drop it (README: cookies).
    assert.doesNotMatch(setCookie, /Secure/i);
    const raw = /tadqiq_session=([^;]+)/.exec(setCookie)![1]!;
    const rows = srv.store.db.prepare('SELECT id_hash FROM sessions').all() as Array<{ id_hash: string }>;
    assert.ok(rows.some((r) => r.id_hash === sha256(raw)));
    assert.ok(rows.every((r) => r.id_hash !== raw));
    assert.equal((await c.fetch(`/api/documents/${SEED_DOC}`)).status, 200);
    // The session has its own token; the anonymous one no longer works.
    const stale = await c.fetch('/logout', { method: 'POST', body: new URLSearchParams({ _csrf: c.csrf }), noCsrf: true });
    assert.equal(stale.status, 403);
    c.csrf = ((await (await c.fetch('/api/session')).json()) as { csrfToken: string }).csrfToken;
    const out = await c.fetch('/logout', { method: 'POST', body: new URLSearchParams({ _csrf: c.csrf }), noCsrf: true });
    assert.equal(out.status, 303);
    assert.equal((await c.fetch(`/api/documents/${SEED_DOC}`)).status, 401);
  });

  it('refuses a login redirect off the site', async () => {
    const c = await anonymous(srv);
    const res = await c.fetch('/login', { method: 'POST', body: new URLSearchParams({ username: 'amal', password: PASSWORD, next: '//evil.example/x', _csrf: c.csrf }) });
    assert.equal(res.headers.get('location'), '/');
  });

  it('refuses changes without the session CSRF token, with a stale one, and cross-site', async () => {
    const c = await login(srv, 'amal');
    const text = (await srv.store.documents.get(SEED_DOC))!.targetText;
    const start = text.indexOf('كيدال');
    const body = { side: 'target', start, end: start + 5, category: 'Style', severity: 'minor' };
    const none = await c.fetch(`/api/documents/${SEED_DOC}/annotations`, { method: 'POST', json: body, noCsrf: true });
    assert.equal(none.status, 403);
    assert.equal(((await none.json()) as { code: string }).code, 'csrf');
    // The anonymous token of the same browser is not the session's.
    const anon = await anonymous(srv);
    const stale = await c.fetch(`/api/documents/${SEED_DOC}/annotations`, { method: 'POST', json: body, headers: { 'X-CSRF-Token': anon.csrf } });
    assert.equal(stale.status, 403);
    const cross = await c.fetch(`/api/documents/${SEED_DOC}/annotations`, { method: 'POST', json: body, headers: { 'Sec-Fetch-Site': 'cross-site' } });
    assert.equal(cross.status, 403);
    const ok = await c.fetch(`/api/documents/${SEED_DOC}/annotations`, { method: 'POST', json: body });
    assert.equal(ok.status, 201);
    // An upload from another origin is refused before its body is read.
    const form = new FormData();
    form.set('file', new Blob(['a\tb\n']), 'x.tsv');
    const upload = await c.fetch('/api/import', { method: 'POST', body: form, headers: { Origin: 'http://evil.example' } });
    assert.equal(upload.status, 403);
  });

  it('rate-limits failed sign-ins per address and username', async () => {
    const c = await anonymous(srv);
    const attempt = () => c.fetch('/login', { method: 'POST', json: { username: 'victim', password: 'wrong password' } });
    for (let i = 0; i < 3; i++) assert.equal((await attempt()).status, 401);
    assert.equal((await attempt()).status, 429);
    // Another username from the same address is still allowed to try.
    assert.equal((await c.fetch('/login', { method: 'POST', json: { username: 'amal', password: PASSWORD } })).status, 200);
  });

  it('answers bad input with 400 and field messages, oversize bodies with 413, never a stack trace', async () => {
    const c = await login(srv, 'amal');
    const bad = await c.fetch(`/api/documents/${SEED_DOC}/annotations`, { method: 'POST', json: { side: 'target', start: 'x', end: 2, category: 'Nope', severity: 'huge', extra: 1 } });
    assert.equal(bad.status, 400);
    const body = (await bad.json()) as { error: string; fields: Array<{ field: string }> };
    assert.ok(body.fields.length > 0);
    assert.doesNotMatch(JSON.stringify(body), /at .*\.ts:\d+/);
    const huge = await c.fetch(`/api/documents/${SEED_DOC}/review`, { method: 'PUT', json: { notes: 'x'.repeat(300_000) } });
    assert.equal(huge.status, 413);
    const broken = await c.fetch(`/api/documents/${SEED_DOC}/review`, { method: 'PUT', body: '{"notes":', headers: { 'Content-Type': 'application/json' } });
    assert.equal(broken.status, 400);
    assert.doesNotMatch(await broken.text(), /SyntaxError|node_modules/);
  });

  it('finds nothing through path tricks in ids', async () => {
    const c = await login(srv, 'amal');
    for (const p of ['/documents/..%2F..%2Fpackage.json', '/api/documents/..%2F..%2Fetc%2Fpasswd', '/corpora/..%2F..%2Fserver/report.html', '/assets/..%2F..%2Fpackage.json', '/fonts/%2e%2e/%2e%2e/package.json']) {
      const res = await c.fetch(p);
      assert.ok([400, 403, 404].includes(res.status), `${p}: ${res.status}`);
      assert.doesNotMatch(await res.text(), /"name": "tadqiq"|root:x:0/);
    }
  });

  it('takes the first-start admin password from TADQIQ_ADMIN_PASSWORD or prints a one-time one', async () => {
    const { ensureFirstAdmin } = await import('../../server/auth/first-admin.js');
    const fresh = await startServer({ demo: false });
    try {
      const made = await ensureFirstAdmin(fresh.store, { demo: false, env: {} });
      assert.equal(made?.username, 'admin');
      assert.equal(made?.password?.length, 20);
      assert.equal((await fresh.store.users.byName('admin'))?.mustChangePassword, true);
      // Once there is an account nothing more is created.
      assert.equal(await ensureFirstAdmin(fresh.store, { demo: false, env: {} }), undefined);
      await login(fresh, 'admin', made!.password);
    } finally {
      await fresh.stop();
    }
    const demo = await startServer({ demo: true });
    try {
      assert.equal(await ensureFirstAdmin(demo.store, { demo: true, env: {} }), undefined);
    } finally {
      await demo.stop();
    }
  });
});

describe('HTTP security: the loopback demo', () => {
  let srv: TestServer;
  before(async () => (srv = await startServer({ demo: true })));
  after(() => srv.stop());

  it('needs no login while no account exists, still checks CSRF, and ends once one does', async () => {
    assert.equal((await fetch(`${srv.url}/documents/${SEED_DOC}`)).status, 200);
    const text = (await srv.store.documents.get(SEED_DOC))!.targetText;
    const start = text.indexOf('كيدال');
    const body = JSON.stringify({ side: 'target', start, end: start + 5, category: 'Style', severity: 'minor' });
    const noToken = await fetch(`${srv.url}/api/documents/${SEED_DOC}/annotations`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    assert.equal(noToken.status, 403);
    assert.equal((await srv.fetch(`${srv.url}/api/documents/${SEED_DOC}/annotations`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } })).status, 201);
    await addUser(srv, 'first-admin', 'admin');
    assert.equal((await fetch(`${srv.url}/api/documents/${SEED_DOC}`)).status, 401);
  });
});

describe('HTTP security: hostile corpus text renders inert', () => {
  let srv: TestServer;
  const evil = '<script>window.pwned=1</script> "><img src=x onerror=alert(1)> \u202Egnp.exe\u202C';
  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-evil-'));
    const corpus = path.join(dir, 'evil');
    fs.mkdirSync(corpus);
    fs.writeFileSync(path.join(corpus, 'source.en.txt'), `The council met in ${evil} today.\nIt decided nothing.\n`);
    fs.writeFileSync(path.join(corpus, 'mt.ar.txt'), `اجتمع المجلس في ${evil} اليوم.\nلم يقرر شيئا.\n`);
    fs.writeFileSync(
      path.join(corpus, 'manifest.json'),
      JSON.stringify({
        schema: 'tadqiq.corpus/1',
        id: 'evil',
        title: evil,
        sourceLang: 'en',
        targetLang: 'ar',
        documents: [{ id: 'doc', title: evil, source: 'source.en.txt', translations: [{ system: 'sys', file: 'mt.ar.txt' }] }],
      }),
    );
    srv = await startServer({ corporaDir: dir });
  });
  after(() => srv.stop());

  it('escapes titles, texts and comments in the list, the review page, the history and the report', async () => {
    const ids = (await srv.store.documents.list()).map((d) => d.id);
    assert.ok(ids.includes('doc.sys'), ids.join());
    const text = (await srv.store.documents.get('doc.sys'))!.targetText;
    const start = text.indexOf('<script>');
    const made = await srv.fetch(`${srv.url}/api/documents/doc.sys/annotations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Tadqiq-Reviewer': encodeURIComponent('<b>x</b>') },
      body: JSON.stringify({ side: 'target', start, end: start + 8, category: 'Style', severity: 'minor', comment: evil, correction: evil }),
    });
    assert.equal(made.status, 201);
    for (const p of ['/', '/documents/doc.sys', '/documents/doc.sys/history', '/documents/doc.sys/report.html', '/documents/doc.sys/beads/0']) {
      const html = await (await srv.fetch(`${srv.url}${p}`)).text();
      assert.equal(html.includes('<script>window.pwned'), false, p);
      assert.equal(/<img[^>]*onerror/i.test(html), false, p);
      assert.equal(html.includes('<b>x</b>'), false, p);
      assert.ok(html.includes('&lt;script&gt;') || html.includes('&lt;script'), `${p} shows the text escaped`);
    }
    // The right-to-left override is isolated in the review page, so it cannot reorder what follows.
    const page = await (await srv.fetch(`${srv.url}/documents/doc.sys`)).text();
    assert.match(page, /<bdi[^>]*>[^<]*\u202E/);
  });
});
