// Reviewer corrections of the alignment over HTTP, on a fixture where the automatic aligner pairs
// two English sentences with one Arabic sentence (2-1) that really are a 1-1 and a 1-0 (the Arabic
// left out "Nobody spoke."): the change is stored as a revision, annotations stay on their
// sentences, findings are recomputed, stale and bad changes are refused, every export follows.
import assert from 'node:assert/strict';
import { FIXTURE_CORPORA, FIXTURE_DOC } from '../helpers/alignment-fixture.js';
import { startServer, type TestServer } from '../helpers/server.js';

type Json = Record<string, any>;

describe('HTTP: correcting the alignment', () => {
  let srv: TestServer;
  before(async () => (srv = await startServer({ corporaDir: FIXTURE_CORPORA })));
  after(() => srv.stop());

  const api = (p: string) => `${srv.url}/api/documents/${FIXTURE_DOC}${p}`;
  const send = async (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await srv.fetch(api(p), {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as Json };
  };
  const pairs = (beads: Json[]) => beads.map((b) => `${b.source.join(',')}|${b.target.join(',')}${b.corrected ? '*' : ''}`);
  const page = () => srv.fetch(`${srv.url}/documents/${FIXTURE_DOC}`).then((r) => r.text());
  /** The bead section of the page that holds this text. */
  const beadHolding = (html: string, text: string) => {
    const sections = html.split('<section class="bead').slice(1);
    return sections.findIndex((s) => s.includes(text));
  };

  it('splits the wrong 2-1 pair into 1-1 + 1-0: stored, annotations stay put, findings follow', async () => {
    const auto = await send('GET', '/alignment');
    assert.equal(auto.status, 200);
    assert.equal(auto.body['revision'], 0);
    assert.equal(auto.body['status'], 'automatic');
    assert.deepEqual(pairs(auto.body['beads']), ['0,1|0', '2|1', '3|2', '4,5|3'], 'the fixture misaligns as its README says');

    // A reviewer's error on the dropped English sentence, made while it sat in the 2-1 pair.
    const doc = (await srv.store.documents.get(FIXTURE_DOC))!;
    const start = doc.sourceText.indexOf('Nobody spoke.');
    const made = await send('POST', '/annotations', { side: 'source', start, end: start + 13, category: 'Accuracy/Omission', severity: 'major', clientId: 'align-test-0001' });
    assert.equal(made.status, 201);
    const before = (await send('GET', '')).body;
    assert.equal(before['findings'].filter((f: Json) => f.check === 'omission' && f.side === 'source').length, 0);

    const r = await send('POST', '/alignment', { op: 'split', bead: 0, source: 1, target: 1, base: 0 }, { 'X-Tadqiq-Reviewer': encodeURIComponent('مراجعة') });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(pairs(r.body['beads']), ['0|0*', '1|*', '2|1', '3|2', '4,5|3']);
    assert.deepEqual(r.body['change'], { from: 0, removed: 1, added: 2 });
    assert.equal(r.body['base'], 0);
    assert.equal(r.body['before'], null, 'undo of the first correction goes back to the automatic alignment');
    assert.ok(r.body['revision'] > 0);
    assert.equal(r.body['progress'].total, 5);

    const rev = (await srv.store.alignments.get(FIXTURE_DOC))!;
    assert.equal(rev.id, r.body['revision']);
    assert.equal(rev.author, 'مراجعة');
    assert.equal(rev.alignment!.shapes, '1-1* 1-0* 1-1 1-1 2-1');

    // The checks ran again on the new pairs: the 1-0 pair is an omission now.
    const after = (await send('GET', '')).body;
    const omission = after['findings'].filter((f: Json) => f.check === 'omission' && f.side === 'source');
    assert.equal(omission.length, 1);
    assert.equal(omission[0].sentence, 1);
    assert.equal(r.body['findingCounts'].open, after['findings'].filter((f: Json) => f.state === 'open').length);
    assert.deepEqual(after['alignment'][1], { source: [1], target: [], confidence: 1, corrected: true });
    // The annotation is on its sentence, now in pair 2, in the page as in the exports.
    const html = await page();
    assert.equal(beadHolding(html, 'data-client-id="align-test-0001"'), 1);
    assert.match(html, /id="bead-1"[^>]*aria-label="Sentence pair 2"/);
    assert.match(html.split('id="bead-1"')[0]!.split('<section').at(-1)!, /corrected/);
    const csv = await srv.fetch(`${srv.url}/documents/${FIXTURE_DOC}/annotations.csv`).then((x) => x.text());
    const row = csv.split('\n').find((l) => l.includes('Nobody spoke.'))!;
    assert.match(row, /^budget\.engine-a,engine-a,2,source,2,/);
    assert.equal(r.body['revision'], (await send('GET', '/alignment')).body['revision']);
    assert.equal((await send('GET', '/alignment')).body['status'], 'exact');
  });

  it('refuses a change built on another revision with 409 and the current alignment', async () => {
    const now = (await send('GET', '/alignment')).body;
    const r = await send('POST', '/alignment', { op: 'merge', bead: 0, base: 0 });
    assert.equal(r.status, 409);
    assert.match(r.body['error'], /changed by مراجعة/);
    assert.equal(r.body['revision'], now['revision']);
    assert.deepEqual(r.body['beads'], now['beads']);
    assert.equal((await send('GET', '/alignment')).body['revision'], now['revision'], 'nothing written');
  });

  it('refuses bad changes with 400 naming the field, and writes nothing', async () => {
    const base = (await send('GET', '/alignment')).body['revision'];
    const cases: Array<[Json, string]> = [
      [{ op: 'split', bead: 2, source: 5, target: 0, base }, 'source'],
      [{ op: 'split', bead: 2, source: 1, target: 1, base }, 'source'], // changes nothing
      [{ op: 'merge', bead: 9, base }, 'bead'],
      [{ op: 'merge', bead: 4, base }, 'bead'], // the last pair has no next
      [{ op: 'move', bead: 1, side: 'target', direction: 'next', base }, 'side'], // pair 2 has no translation
      [{ op: 'move', bead: 0, side: 'source', direction: 'previous', base }, 'direction'],
      [{ op: 'move', bead: 0, side: 'middle', direction: 'previous', base }, 'side'],
      [{ op: 'rotate', bead: 0, base }, 'op'],
      [{ op: 'merge', bead: 0 }, 'base'],
      [{ op: 'restore', alignment: { shapes: '1-1 1-1', confidence: [1, 1] }, base }, 'alignment'],
    ];
    for (const [body, field] of cases) {
      const r = await send('POST', '/alignment', body);
      assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.status}`);
      assert.ok(r.body['fields'].some((f: Json) => f.field === field), `${JSON.stringify(body)}: ${JSON.stringify(r.body['fields'])}`);
    }
    assert.equal((await send('GET', '/alignment')).body['revision'], base);
  });

  it('applies a retried change once (Idempotency-Key), moves a sentence, and undoes by restoring', async () => {
    const base = (await send('GET', '/alignment')).body['revision'];
    // Move the last English sentence of pair 3 ("The ministers…") to pair 4: a deliberate mistake.
    const key = { 'Idempotency-Key': 'align-move-0001' };
    const r1 = await send('POST', '/alignment', { op: 'move', bead: 2, side: 'source', direction: 'next', base }, key);
    assert.equal(r1.status, 200, JSON.stringify(r1.body));
    assert.deepEqual(pairs(r1.body['beads']), ['0|0*', '1|*', '|1*', '2,3|2*', '4,5|3']);
    const r2 = await send('POST', '/alignment', { op: 'move', bead: 2, side: 'source', direction: 'next', base }, key);
    assert.equal(r2.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(r2.body, r1.body);
    assert.equal((await send('GET', '/alignment')).body['revision'], r1.body['revision']);
    // Undo: the page sends back what the answer called `before`.
    assert.deepEqual(r1.body['before'], { shapes: '1-1* 1-0* 1-1 1-1 2-1', confidence: [1, 1, ...r1.body['before'].confidence.slice(2)] });
    const undo = await send('POST', '/alignment', { op: 'restore', alignment: r1.body['before'], base: r1.body['revision'] });
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.deepEqual(pairs(undo.body['beads']), ['0|0*', '1|*', '2|1', '3|2', '4,5|3']);
    assert.deepEqual(undo.body['change'], { from: 2, removed: 2, added: 2 });
  });

  it('carries the correction into the JSON, XLIFF and HTML report exports', async () => {
    const json = (await srv.fetch(`${srv.url}/documents/${FIXTURE_DOC}/score.json`).then((x) => x.json())) as Json;
    const d = json['documents'][0];
    assert.deepEqual(d.alignment.map((b: Json) => !!b.corrected), [true, true, false, false, false]);
    assert.ok(d.findings.some((f: Json) => f.check === 'omission' && f.sentence === 1));
    const xliff = await srv.fetch(`${srv.url}/documents/${FIXTURE_DOC}/xliff.xlf`).then((x) => x.text());
    assert.equal((xliff.match(/<unit /g) ?? []).length, 5, 'one unit per corrected pair');
    const report = await srv.fetch(`${srv.url}/documents/${FIXTURE_DOC}/report.html?at=2026-01-01T00:00:00Z`).then((x) => x.text());
    assert.match(report, /· 5 sentence pairs ·/);
    assert.match(report, /sentence pair 2 · source/, 'the error is shown in its corrected pair');
    assert.match(report, /<td>omission<\/td><td class="num">2<\/td><td>source<\/td>/);
  });

  it('goes back to the automatic alignment on reset, and says so when it already is', async () => {
    const base = (await send('GET', '/alignment')).body['revision'];
    const r = await send('POST', '/alignment', { op: 'reset', base });
    assert.equal(r.status, 200);
    assert.equal(r.body['corrected'], false);
    assert.deepEqual(pairs(r.body['beads']), ['0,1|0', '2|1', '3|2', '4,5|3']);
    assert.ok(r.body['before'].shapes.includes('*'), 'a reset can be undone');
    const again = await send('POST', '/alignment', { op: 'reset', base: r.body['revision'] });
    assert.equal(again.status, 400);
    assert.equal((await srv.store.alignments.get(FIXTURE_DOC))!.alignment, null);
  });
});

describe('HTTP: a corrected alignment when the texts change', () => {
  let srv: TestServer;
  before(async () => (srv = await startServer({ corporaDir: FIXTURE_CORPORA })));
  after(() => srv.stop());

  it('keeps the corrections whose sentences survived, drops the others, and the page says so', async () => {
    const post = (body: Json) =>
      srv.fetch(`${srv.url}/api/documents/${FIXTURE_DOC}/alignment`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<Json>);
    const split = await post({ op: 'split', bead: 0, source: 1, target: 1, base: 0 });
    assert.equal(split['beads'].length, 5);
    // The corpus file is edited (no one has annotated yet): the first English sentence changes.
    const doc = (await srv.store.documents.get(FIXTURE_DOC))!;
    await srv.store.documents.replaceTexts({ ...doc, sourceText: doc.sourceText.replace('in Bamako', 'in Bamako on Tuesday') });
    const now = (await srv.fetch(`${srv.url}/api/documents/${FIXTURE_DOC}/alignment`).then((r) => r.json())) as Json;
    assert.equal(now['status'], 'rebased');
    assert.equal(now['kept'], 1, 'the 1-0 pair "Nobody spoke." is unchanged');
    assert.equal(now['dropped'], 1, 'the pair whose English changed is aligned automatically again');
    assert.deepEqual(
      now['beads'].map((b: Json) => `${b.source.join(',')}|${b.target.join(',')}${b.corrected ? '*' : ''}`),
      ['0|0', '1|*', '2|1', '3|2', '4,5|3'],
    );
    const html = await srv.fetch(`${srv.url}/documents/${FIXTURE_DOC}`).then((r) => r.text());
    assert.match(html, /id="alignment-rebased"/);
    assert.match(html, /The texts changed after the alignment was corrected: 1 corrected pair was kept, <strong>1 dropped<\/strong>/);
    // A change now is built on the rebased alignment and stored for the new texts.
    const merged = await post({ op: 'merge', bead: 3, base: split['revision'] });
    assert.equal(merged['beads'].length, 4);
    assert.equal((await srv.fetch(`${srv.url}/api/documents/${FIXTURE_DOC}/alignment`).then((r) => r.json()) as Json)['status'], 'exact');
  });
});

describe('HTTP: post-edits across alignment changes', () => {
  let srv: TestServer;
  before(async () => (srv = await startServer({ corporaDir: FIXTURE_CORPORA })));
  after(() => srv.stop());

  it('keeps a post-edit whose pair a merge took away, lists it on the page, and puts it back on undo', async () => {
    const call = (method: string, p: string, body: Json) =>
      srv.fetch(`${srv.url}/api/documents/${FIXTURE_DOC}${p}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as Json }));
    const pe = await call('PUT', '/beads/s3t2/post-edit', { text: 'وقال الرئيس إن الخطة ستبدأ في كانون الثاني.' });
    assert.equal(pe.status, 200);
    const merged = await call('POST', '/alignment', { op: 'merge', bead: 1, base: 0 });
    assert.equal(merged.status, 200);
    assert.equal(merged.body['hter'], null, 'the post-edit no longer counts');
    let html = await srv.fetch(`${srv.url}/documents/${FIXTURE_DOC}`).then((r) => r.text());
    assert.match(html, /id="orphan-post-edits"/);
    assert.match(html, /ستبدأ في كانون الثاني/);
    const undo = await call('POST', '/alignment', { op: 'restore', alignment: merged.body['before'], base: merged.body['revision'] });
    assert.equal(undo.status, 200);
    assert.equal(undo.body['hter'].segments, 1);
    html = await srv.fetch(`${srv.url}/documents/${FIXTURE_DOC}`).then((r) => r.text());
    assert.doesNotMatch(html, /id="orphan-post-edits"/);
    assert.match(html, /data-post-edit="وقال الرئيس إن الخطة ستبدأ في كانون الثاني\."/);
  });
});
