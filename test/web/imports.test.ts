import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FORMATS } from '../helpers/formats.js';
import { SEED_DOC, startServer, type TestServer } from '../helpers/server.js';

function form(fields: Record<string, string>, files: Record<string, { name: string; bytes: Buffer }>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const [k, v] of Object.entries(files)) f.append(k, new Blob([v.bytes]), v.name);
  return f;
}
const fx = (name: string) => ({ name, bytes: fs.readFileSync(path.join(FORMATS, name)) });

describe('web: uploads and downloads', function () {
  this.timeout(30_000);
  let srv: TestServer;
  before(async () => {
    srv = await startServer();
  });
  after(async () => {
    await srv?.stop();
  });
  const count = async () => (await srv.store.documents.list()).length;

  it('shows the upload form, linked from the documents list', async () => {
    const list = await (await srv.fetch(`${srv.url}/`)).text();
    assert.match(list, /href="\/import"/);
    const page = await srv.fetch(`${srv.url}/import`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.match(html, /<option value="xliff">XLIFF 1\.2 \/ 2\.x<\/option>/);
  });

  it('imports an uploaded Trados SDLXLIFF through the JSON API, and the new document opens', async () => {
    const res = await srv.fetch(`${srv.url}/api/import`, { method: 'POST', body: form({ corpus: 'studio', system: 'engine-t' }, { file: fx('trados.sdlxliff') }) });
    assert.equal(res.status, 201);
    const body = (await res.json()) as { documents: Array<{ id: string; segments: number; created: boolean }> };
    assert.deepEqual(body.documents.map((d) => [d.id, d.segments, d.created]), [['gao-report.docx.sdlxliff.engine-t', 3, true]]);
    const page = await srv.fetch(`${srv.url}/documents/${body.documents[0]!.id}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /تقع أكبر قاعدة للأمم المتحدة في غاو\./);
  });

  it('a broken upload is answered 400 naming file and line, in JSON and in the form, and writes nothing', async () => {
    const before = await count();
    const bad = { name: 'cut.tmx', bytes: fs.readFileSync(path.join(FORMATS, 'memoq.tmx')).subarray(0, 700) };
    const api = await srv.fetch(`${srv.url}/api/import`, { method: 'POST', body: form({}, { file: bad }) });
    assert.equal(api.status, 400);
    const j = (await api.json()) as { error: string };
    assert.match(j.error, /^cut\.tmx, line \d+: not well-formed XML/);
    const html = await srv.fetch(`${srv.url}/import`, { method: 'POST', body: form({ format: 'tmx' }, { file: bad }) });
    assert.equal(html.status, 400);
    assert.match(await html.text(), /Nothing was imported\.<\/strong> <span dir="auto">cut\.tmx, line \d+: not well-formed XML/);
    assert.equal(await count(), before);
  });

  it('refuses a file over the size limit with 413 before reading it', async () => {
    const before = await count();
    const big = { name: 'big.tsv', bytes: Buffer.alloc(21 * 1024 * 1024, 0x61) };
    const res = await srv.fetch(`${srv.url}/api/import`, { method: 'POST', body: form({}, { file: big }) });
    assert.equal(res.status, 413);
    assert.match(((await res.json()) as { error: string }).error, /larger than the 20 MB limit; nothing was imported/);
    assert.equal(await count(), before);
  });

  it('downloads every export of the seed; the Marot file uploaded back finds its annotations already there', async () => {
    const base = `${srv.url}/documents/${SEED_DOC}`;
    const exports = await (await srv.fetch(`${base}/exports`)).text();
    for (const p of ['report.pdf', 'scorecard.xlsx', 'marot.tsv', 'anthea.json', 'xliff.xlf', 'tmx.tmx', 'anthea-project.tsv']) assert.ok(exports.includes(`${SEED_DOC}/${p}`), p);
    const get = async (p: string) => {
      const r = await srv.fetch(`${base}/${p}?at=2026-01-01T00:00:00Z`);
      assert.equal(r.status, 200, p);
      return { type: r.headers.get('content-type') ?? '', disposition: r.headers.get('content-disposition') ?? '', body: Buffer.from(await r.arrayBuffer()) };
    };
    const xlsx = await get('scorecard.xlsx');
    assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK');
    assert.match(xlsx.disposition, /attachment; filename="?mali-minusma\.generic-nmt-2023\.scorecard\.xlsx/);
    const r1 = await get('report.html');
    const r2 = await get('report.html');
    assert.ok(r1.body.equals(r2.body), 'same data, fixed timestamp: same bytes');
    assert.match((await get('xliff.xlf')).body.toString(), /its:locQualityRatingScore="82\.72"/);
    const marot = await get('marot.tsv');
    const back = await srv.fetch(`${srv.url}/api/import`, { method: 'POST', body: form({}, { file: { name: 'seed.tsv', bytes: marot.body } }) });
    assert.equal(back.status, 201);
    const sum = (await back.json()) as { annotations: number; skipped: Record<string, number> };
    assert.deepEqual([sum.annotations, sum.skipped['already in the database']], [0, 26]);
    const corpus = await srv.fetch(`${srv.url}/corpora/mali-minusma/report.html`);
    assert.match(await corpus.text(), /Corpus report: mali-minusma/);
    const cmp = await srv.fetch(`${srv.url}/corpora/mali-minusma/compare/mali-minusma.html`);
    assert.equal(cmp.status, 200);
    assert.equal((await srv.fetch(`${srv.url}/corpora/nope/report.html`)).status, 404);
  });
});
