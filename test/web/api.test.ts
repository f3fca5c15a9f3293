import assert from 'node:assert/strict';
import { SEED_DOC, startServer, type TestServer } from '../helpers/server.js';

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('HTTP: annotations', () => {
  let srv: TestServer;
  let text: string;
  before(async () => {
    srv = await startServer();
    text = (await srv.store.documents.get(SEED_DOC))!.targetText;
  });
  after(() => srv.stop());

  const api = (path: string) => `${srv.url}/api/documents/${SEED_DOC}${path}`;

  it('lists the bundled document with its review progress', async () => {
    const res = await srv.fetch(`${srv.url}/`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /UN peacekeepers withdraw from Kidal/);
    assert.match(html, /0\/15/);
  });

  it('renders the document with Arabic marked right-to-left and the الخنتة findings highlighted', async () => {
    const html = await (await srv.fetch(`${srv.url}/documents/${SEED_DOC}`)).text();
    assert.equal((html.match(/class="cell target" lang="ar" dir="rtl"/g) ?? []).length, 15);
    assert.equal((html.match(/data-marks="finding:terminology:target:\d+-\d+[^"]*"[^>]*>الخنتة</g) ?? []).length, 3);
  });

  it('creates, edits and deletes an annotation, and the JSON export follows', async () => {
    const start = text.indexOf('الخنتة');
    const created = await srv.fetch(api('/annotations'), json({ side: 'target', start, end: start + 6, category: 'Terminology', severity: 'major', correction: 'المجلس العسكري', comment: 'api test', author: 'Tester' }));
    assert.equal(created.status, 201);
    const { annotation, mqm } = (await created.json()) as { annotation: { id: number; text: string; version: number }; mqm: { errors: number } };
    assert.equal(annotation.text, 'الخنتة');
    assert.equal(mqm.errors, 27); // 26 bundled + this one

    const patched = await srv.fetch(api(`/annotations/${annotation.id}`), { ...json({ severity: 'critical', comment: 'worse' }), method: 'PATCH' });
    assert.equal(patched.status, 200);
    const after = (await patched.json()) as { annotation: { severity: string; comment: string; version: number }; mqm: { pass: boolean } };
    assert.equal(after.annotation.severity, 'critical');
    assert.equal(after.annotation.comment, 'worse');
    assert.equal(after.annotation.version, annotation.version + 1);
    assert.equal(after.mqm.pass, false);

    const doc = (await (await srv.fetch(api(''))).json()) as { annotations: Array<{ id: number; sentence: number; comment: string }> };
    const mine = doc.annotations.find((a) => a.id === annotation.id)!;
    assert.equal(mine.sentence, 4);
    assert.equal(mine.comment, 'worse');

    const del = await srv.fetch(api(`/annotations/${annotation.id}`), { method: 'DELETE' });
    assert.equal(del.status, 204);
    const again = await srv.fetch(api(`/annotations/${annotation.id}`), { method: 'DELETE' });
    assert.equal(again.status, 404);
    const doc2 = (await (await srv.fetch(api(''))).json()) as { annotations: Array<{ id: number }> };
    assert.equal(doc2.annotations.some((a) => a.id === annotation.id), false);
  });

  it('answers bad input with 400 and a message per field', async () => {
    const res = await srv.fetch(api('/annotations'), json({ side: 'target', start: 10, end: 5, category: 'Nonsense', severity: 'huge' }));
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: string; fields: Array<{ field: string; message: string }> };
    assert.equal(body.error, 'Invalid annotation.');
    assert.deepEqual(body.fields.map((f) => f.field).sort(), ['category', 'end', 'severity']);

    const past = await srv.fetch(api('/annotations'), json({ side: 'target', start: 0, end: text.length + 1, category: 'Style', severity: 'minor' }));
    assert.equal(past.status, 400);
    assert.match(JSON.stringify(await past.json()), /past the end of the target text/);

    const other = await srv.fetch(api('/annotations'), json({ side: 'target', start: 0, end: 4, category: 'Other', severity: 'minor' }));
    assert.equal(other.status, 400);
    assert.match(JSON.stringify(await other.json()), /comment.*required/);

    const notJson = await srv.fetch(api('/annotations'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    assert.equal(notJson.status, 400);
    assert.match(((await notJson.json()) as { error: string }).error, /not valid JSON/);

    const unknownField = await srv.fetch(api('/annotations'), json({ side: 'target', start: 0, end: 4, category: 'Style', severity: 'minor', hack: 1 }));
    assert.equal(unknownField.status, 400);
  });

  it('answers 404 for unknown documents, annotations and beads', async () => {
    assert.equal((await srv.fetch(`${srv.url}/documents/no-such-doc`)).status, 404);
    assert.equal((await srv.fetch(`${srv.url}/api/documents/no-such-doc`)).status, 404);
    assert.equal((await srv.fetch(`${srv.url}/api/documents/no-such-doc/annotations`, json({}))).status, 404);
    assert.equal((await srv.fetch(api('/annotations/999999'), { ...json({ severity: 'minor' }), method: 'PATCH' })).status, 404);
    assert.equal((await srv.fetch(api('/annotations/abc'), { method: 'DELETE' })).status, 404);
    assert.equal((await srv.fetch(`${srv.url}/documents/${SEED_DOC}/beads/99`)).status, 404);
  });

  it('escapes untrusted text in pages', async () => {
    const start = text.indexOf('الخنتة');
    const evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const r = await srv.fetch(api('/annotations'), json({ side: 'target', start, end: start + 6, category: 'Style', severity: 'minor', comment: evil, author: evil.slice(0, 60) }));
    assert.equal(r.status, 201);
    const html = await (await srv.fetch(`${srv.url}/documents/${SEED_DOC}`)).text();
    assert.equal(html.includes('<script>alert(1)'), false);
    assert.equal(html.includes('<img src=x'), false);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    const report = await (await srv.fetch(`${srv.url}/documents/${SEED_DOC}/report.html`)).text();
    assert.equal(report.includes('<img src=x'), false);
  });

  it('marks a bead reviewed and counts it in the progress', async () => {
    const r = await srv.fetch(api('/beads/s0t0/status'), { ...json({ status: 'reviewed', author: 'Tester' }), method: 'PUT' });
    assert.equal(r.status, 200);
    const body = (await r.json()) as { progress: { reviewed: number; total: number } };
    assert.deepEqual(body.progress, { reviewed: 1, secondOpinion: 0, total: 15 });
    assert.equal((await srv.fetch(api('/beads/s99t99/status'), { ...json({ status: 'reviewed' }), method: 'PUT' })).status, 404);
  });
});

describe('HTTP: persistence', () => {
  it('keeps annotations across a server restart and never re-imports the bundled review', async () => {
    const first = await startServer();
    const text = (await first.store.documents.get(SEED_DOC))!.targetText;
    const start = text.indexOf('كيدال');
    const r = await first.fetch(`${first.url}/api/documents/${SEED_DOC}/annotations`, json({ side: 'target', start, end: start + 5, category: 'Style', severity: 'neutral', comment: 'restart test' }));
    assert.equal(r.status, 201);
    await first.stop();

    const second = await startServer({ dir: first.dir });
    try {
      const doc = (await (await second.fetch(`${second.url}/api/documents/${SEED_DOC}`)).json()) as { annotations: Array<{ comment: string }> };
      assert.equal(doc.annotations.filter((a) => a.comment === 'restart test').length, 1);
      assert.equal(doc.annotations.length, 27);
    } finally {
      await second.stop();
    }
  });
});

describe('HTTP: exports', () => {
  let srv: TestServer;
  before(async () => (srv = await startServer()));
  after(() => srv.stop());

  it('serves the score JSON in the tadqiq.score/1 contract', async () => {
    const res = await srv.fetch(`${srv.url}/documents/${SEED_DOC}/score.json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment/);
    const body = (await res.json()) as { schema: string; documents: Array<Record<string, unknown>> };
    assert.equal(body.schema, 'tadqiq.score/1');
    const d = body.documents[0]! as { alignment: unknown[]; findings: unknown[]; annotations: unknown[]; scores: { mqm: { score: number }; chrf: { score: number; signature: string } } };
    assert.equal(d.alignment.length, 15);
    assert.equal(d.annotations.length, 26);
    assert.ok(d.scores.chrf.score > 0 && d.scores.chrf.signature.startsWith('nrefs:1|'));
  });

  it('serves the CSV with one row per annotation', async () => {
    const bytes = Buffer.from(await (await srv.fetch(`${srv.url}/documents/${SEED_DOC}/annotations.csv`)).arrayBuffer());
    // A UTF-8 byte-order mark first, so that spreadsheet programs read the Arabic correctly.
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    assert.match(lines[0]!, /^document,system,bead,side,sentence_no/);
    // Quoted cells may hold commas but no line breaks in this corpus.
    assert.equal(lines.length, 27);
  });
});
