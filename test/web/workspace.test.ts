import assert from 'node:assert/strict';
import { SEED_DOC, startServer, type TestServer } from '../helpers/server.js';

type Json = Record<string, any>;

describe('HTTP: the reviewer workspace', () => {
  let srv: TestServer;
  let target: string;
  before(async () => {
    srv = await startServer();
    target = (await srv.store.documents.get(SEED_DOC))!.targetText;
  });
  after(() => srv.stop());

  const api = (path: string) => `${srv.url}/api/documents/${SEED_DOC}${path}`;
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await srv.fetch(api(path), {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as Json };
  };
  const doc = async () => (await send('GET', '')).body;

  describe('automatic findings as suggestions', () => {
    it('accepts a finding as an annotation that records the check, and the suggestion closes', async () => {
      const before = await send('GET', '/summary');
      const finding = (await doc())['findings'].find((f: Json) => f.text === 'الخنتة');
      const view = await srv.fetch(`${srv.url}/documents/${SEED_DOC}`).then((r) => r.text());
      const id = /data-finding-id="(terminology:target:\d+-\d+)"/.exec(view)![1]!;
      assert.equal(id, `terminology:target:${finding.start}-${finding.end}`);
      const r = await send('POST', '/annotations', {
        side: 'target', start: finding.start, end: finding.end, category: finding.category, severity: finding.severity,
        comment: finding.message, correction: finding.suggestion, findingId: id, clientId: 'accept-test-0001',
      });
      assert.equal(r.status, 201);
      assert.equal(r.body['annotation'].fromCheck, 'terminology');
      assert.equal(r.body['annotation'].findingId, id);
      assert.equal(r.body['mqm'].errors, before.body['mqm'].errors + 1);
      assert.equal(r.body['findingCounts'].open, before.body['findingCounts'].open - 1);
      assert.equal(r.body['findingCounts'].accepted, 1);
      // Accepting it again is refused; the same create retried is answered with the first one.
      const again = { side: 'target', start: finding.start, end: finding.end, category: finding.category, severity: finding.severity, findingId: id };
      assert.equal((await send('POST', '/annotations', { ...again, clientId: 'accept-test-0002' })).status, 409);
      const retried = await send('POST', '/annotations', { ...again, clientId: 'accept-test-0001' });
      assert.equal(retried.status, 200);
      assert.equal(retried.body['annotation'].id, r.body['annotation'].id);
      // An accepted finding can no longer be dismissed; its annotation is deleted instead.
      assert.equal((await send('PUT', `/findings/${encodeURIComponent(id)}/decision`, { decision: 'dismissed' })).status, 409);
      assert.equal((await send('DELETE', '/annotations/accept-test-0001')).status, 204);
      const after = await send('GET', '/summary');
      assert.equal(after.body['findingCounts'].open, before.body['findingCounts'].open);
      assert.equal(after.body['mqm'].errors, before.body['mqm'].errors);
    });

    it('refuses a findingId that is not a finding of this document', async () => {
      const start = target.indexOf('كيدال');
      const r = await send('POST', '/annotations', { side: 'target', start, end: start + 5, category: 'Style', severity: 'minor', findingId: 'terminology:target:1-2' });
      assert.equal(r.status, 400);
      assert.deepEqual(r.body['fields'].map((f: Json) => f.field), ['findingId']);
    });

    it('dismisses a finding with who and when, hides it from the highlights, and restores it', async () => {
      const html = await srv.fetch(`${srv.url}/documents/${SEED_DOC}`).then((r) => r.text());
      const id = [...html.matchAll(/data-finding-id="([^"]+)"/g)].map((m) => m[1]!).find((x) => x.startsWith('terminology:'))!;
      const highlighted = (page: string) => [...page.matchAll(/data-marks="([^"]*)"/g)].some((m) => m[1]!.split(' ').includes(`finding:${id}`));
      assert.equal(highlighted(html), true);
      const r = await send('PUT', `/findings/${encodeURIComponent(id)}/decision`, { decision: 'dismissed' }, { 'X-Tadqiq-Reviewer': encodeURIComponent('مراجع أول') });
      assert.equal(r.status, 200);
      assert.equal(r.body['finding'].author, 'مراجع أول');
      assert.match(r.body['finding'].at, /^\d{4}-\d\d-\d\dT/);
      const page = await srv.fetch(`${srv.url}/documents/${SEED_DOC}`).then((r) => r.text());
      assert.equal(highlighted(page), false, 'a dismissed finding is not highlighted');
      assert.match(page, new RegExp(`state-dismissed" data-finding-id="${id}"`));
      assert.match(page, /Dismissed by مراجع أول/);
      const restored = await send('PUT', `/findings/${encodeURIComponent(id)}/decision`, { decision: 'open' });
      assert.equal(restored.body['findingCounts'].dismissed, 0);
      assert.equal((await send('PUT', '/findings/nope/decision', { decision: 'dismissed' })).status, 404);
    });
  });

  describe('retries', () => {
    it('creates once for one client id, and edits and deletes by that id', async () => {
      const start = target.indexOf('غاو');
      const body = { clientId: 'retry-test-0001', side: 'target', start, end: start + 3, category: 'Locale conventions', severity: 'minor', comment: 'retry' };
      const first = await send('POST', '/annotations', body);
      const second = await send('POST', '/annotations', body);
      assert.equal(first.status, 201);
      assert.equal(second.status, 200);
      assert.equal(second.body['annotation'].id, first.body['annotation'].id);
      const all = (await srv.store.annotations.list(SEED_DOC)).filter((a) => a.comment === 'retry');
      assert.equal(all.length, 1);
      const edited = await send('PATCH', '/annotations/retry-test-0001', { severity: 'major' });
      assert.equal(edited.body['annotation'].severity, 'major');
      assert.equal((await send('DELETE', '/annotations/retry-test-0001')).status, 204);
      // Undo of a delete brings it back as it was.
      assert.equal((await send('POST', '/annotations/retry-test-0001/restore')).status, 415, 'a body-less post is refused');
      const back = await send('POST', '/annotations/retry-test-0001/restore', {});
      assert.equal(back.status, 200);
      assert.equal(back.body['annotation'].severity, 'major');
      assert.equal((await send('POST', '/annotations/retry-test-0001/restore', {})).status, 404);
      await send('DELETE', '/annotations/retry-test-0001');
    });

    it('replays the answer to a repeated Idempotency-Key instead of applying the change twice', async () => {
      const key = 'timing-key-0001';
      const events = [{ beadKey: 's0t0', action: 'viewed', count: 1, ms: 1200 }];
      const a = await send('POST', '/timing', { events }, { 'Idempotency-Key': key });
      const b = await send('POST', '/timing', { events }, { 'Idempotency-Key': key });
      assert.equal(a.status, 201);
      assert.equal(b.status, 201);
      assert.equal(b.headers.get('idempotent-replayed'), 'true');
      const t = (await send('GET', '/timing')).body;
      const bead = t['beads'].find((x: Json) => x.beadKey === 's0t0');
      assert.equal(bead.ms, 1200);
      assert.equal(bead.visits, 1);
      // The same key on another request is a client bug, not a retry.
      assert.equal((await send('PUT', '/review', { notes: 'x' }, { 'Idempotency-Key': key })).status, 422);
      assert.equal((await send('PUT', '/review', { notes: 'x' }, { 'Idempotency-Key': 'bad key' })).status, 400);
    });

    it('does not remember refusals, so a corrected retry under the same key goes through', async () => {
      const key = 'status-key-0001';
      assert.equal((await send('PUT', '/beads/s1t1/status', { status: 'done' }, { 'Idempotency-Key': key })).status, 400);
      assert.equal((await send('PUT', '/beads/s1t1/status', { status: 'second-opinion' }, { 'Idempotency-Key': key })).status, 200);
      assert.equal((await send('GET', '/summary')).body['progress'].secondOpinion, 1);
      await send('PUT', '/beads/s1t1/status', { status: 'not-started' });
    });
  });

  describe('post-editing and HTER', () => {
    it('stores a post-edit apart from the MT, diffs it by words and scores HTER with sacreBLEU TER', async () => {
      const d = await doc();
      const mt = d['target'].sentences[4].text as string;
      const postEdit = mt.replace('الخنتة المالية الحكومية الحديثة', 'المجلس العسكري الحاكم في مالي مؤخرًا');
      const r = await send('PUT', '/beads/s4t4/post-edit', { text: `  ${postEdit}\n` });
      assert.equal(r.status, 200);
      assert.equal(r.body['postEdit'].text, postEdit, 'trimmed');
      // 4 MT words replaced by 6: TER counts substitutions and insertions against the post-edit's words.
      const words = postEdit.split(/\s+/).length;
      assert.equal(r.body['postEdit'].ter.words, words);
      assert.equal(r.body['postEdit'].ter.edits, 6);
      assert.equal(r.body['hter'].segments, 1);
      assert.equal(r.body['hter'].score.toFixed(4), ((100 * 6) / words).toFixed(4));
      assert.match(r.body['hter'].signature, /^hter\|ref:post-edits\|nrefs:1\|case:lc\|tok:tercom\|norm:no\|punct:yes\|asian:no\|version:2\.6\.0$/);
      const diff = r.body['postEdit'].diff as Array<{ text: string; op: string }>;
      assert.equal(diff.filter((p) => p.op === 'removed').map((p) => p.text).join(' '), 'الخنتة المالية الحكومية الحديثة');
      assert.equal(diff.filter((p) => p.op === 'added').map((p) => p.text).join(' '), 'المجلس العسكري الحاكم في مالي مؤخرًا');
      // The MT is never altered.
      assert.equal((await srv.store.documents.get(SEED_DOC))!.targetText, target);

      // The JSON export carries the post-edit and HTER for MT engineers.
      const exported = (await (await srv.fetch(`${srv.url}/documents/${SEED_DOC}/score.json`)).json()) as Json;
      const review = exported['documents'][0].review;
      assert.equal(review.postEdits.length, 1);
      assert.equal(review.postEdits[0].text, postEdit);
      assert.equal(review.postEdits[0].mt, mt);
      assert.equal(review.hter.score, r.body['hter'].score);
      assert.ok(exported['documents'][0].findings.every((f: Json) => ['open', 'accepted', 'dismissed'].includes(f.state)));

      // Saving the same text again adds no revision; a new text does; '' clears.
      await send('PUT', '/beads/s4t4/post-edit', { text: postEdit });
      const third = await send('PUT', '/beads/s4t4/post-edit', { text: postEdit.replace('مؤخرًا', 'مؤخراً') });
      assert.equal(third.body['postEdit'].revisions, 2);
      const cleared = await send('PUT', '/beads/s4t4/post-edit', { text: '' });
      assert.equal(cleared.body['postEdit'], null);
      assert.equal(cleared.body['hter'], null);
    });

    it('refuses a post-edit of an unknown bead or a too long text', async () => {
      assert.equal((await send('PUT', '/beads/s99t99/post-edit', { text: 'x' })).status, 404);
      assert.equal((await send('PUT', '/beads/s0t0/post-edit', { text: 'x'.repeat(10_001) })).status, 400);
    });
  });

  describe('the page in batches', () => {
    it('sends the first pairs with the page and the rest on request, in order', async () => {
      const page = await srv.fetch(`${srv.url}/documents/${SEED_DOC}?first=4`).then((r) => r.text());
      assert.equal((page.match(/<section class="bead /g) ?? []).length, 4);
      assert.match(page, /id="beads-loading" role="status" data-next="4" data-total="15"/);
      const rest = await srv.fetch(`${srv.url}/documents/${SEED_DOC}/beads?from=4&count=600`).then((r) => r.text());
      assert.deepEqual([...rest.matchAll(/id="bead-(\d+)"/g)].map((m) => Number(m[1])), [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
      const whole = await srv.fetch(`${srv.url}/documents/${SEED_DOC}`).then((r) => r.text());
      assert.equal(whole.includes('beads-loading'), false);
      assert.equal(await srv.fetch(`${srv.url}/documents/${SEED_DOC}/beads?from=99`).then((r) => r.text()), '');
    });
  });

  describe('statuses, notes, verdict and timing', () => {
    it('keeps per-document notes and a verdict, with who saved them', async () => {
      const r = await send('PUT', '/review', { notes: 'Terminology needs a pass: الخنتة throughout.', verdict: 'fail' }, { 'X-Tadqiq-Reviewer': 'Lead%20Reviewer' });
      assert.equal(r.status, 200);
      assert.equal(r.body['review'].author, 'Lead Reviewer');
      const v = await send('PUT', '/review', { verdict: 'pass' });
      assert.equal(v.body['review'].notes, 'Terminology needs a pass: الخنتة throughout.', 'a verdict change keeps the notes');
      assert.equal((await send('PUT', '/review', { verdict: 'maybe' })).status, 400);
      const page = await srv.fetch(`${srv.url}/documents/${SEED_DOC}`).then((r) => r.text());
      assert.match(page, /<textarea id="review-notes"[^>]*>Terminology needs a pass: الخنتة throughout\.<\/textarea>/);
      assert.match(page, /value="pass" checked/);
      const report = await srv.fetch(`${srv.url}/documents/${SEED_DOC}/report.html`).then((r) => r.text());
      assert.match(report, /Reviewer's verdict: <strong class="pass">PASS<\/strong> \(reviewer,/);
      assert.match(report, /Terminology needs a pass: <bdi dir="rtl" lang="ar">الخنتة<\/bdi> throughout\./);
      const list = await srv.fetch(`${srv.url}/`).then((r) => r.text());
      assert.match(list, /<td>pass<\/td>/);
    });

    it('sums timing deltas per bead, reviewer and action, and refuses unknown beads', async () => {
      const events = [
        { beadKey: 's2t2', action: 'viewed', count: 1, ms: 4000 },
        { beadKey: 's2t2', action: 'saved-mark', count: 1, ms: 2500 },
      ];
      await send('POST', '/timing', { events }, { 'X-Tadqiq-Reviewer': 'A' });
      await send('POST', '/timing', { events: [{ beadKey: 's2t2', action: 'viewed', count: 1, ms: 1000 }] }, { 'X-Tadqiq-Reviewer': 'B' });
      const t = (await send('GET', '/timing')).body;
      const bead = t['beads'].find((x: Json) => x.beadKey === 's2t2');
      assert.equal(bead.ms, 5000);
      assert.equal(bead.visits, 2);
      assert.deepEqual(bead.actions['saved-mark'], { count: 1, ms: 2500 });
      assert.equal(t['byReviewer']['A'].ms, 4000);
      assert.equal(t['byReviewer']['B'].beads, 1);
      const bad = await send('POST', '/timing', { events: [{ beadKey: 's99t99', action: 'viewed', count: 1, ms: 1 }] });
      assert.equal(bad.status, 400);
      assert.equal(bad.body['fields'][0].field, 'events.0.beadKey');
      assert.equal((await send('POST', '/timing', { events: [{ beadKey: 's2t2', action: 'viewed', count: 1, ms: 99_999_999 }] })).status, 400);
    });

    it('takes the reviewer from the header (percent-encoded, Arabic allowed) and refuses a bad one', async () => {
      const start = target.indexOf('كيدال');
      const r = await send('POST', '/annotations', { side: 'target', start, end: start + 5, category: 'Style', severity: 'neutral' }, { 'X-Tadqiq-Reviewer': encodeURIComponent('سارة') });
      assert.equal(r.body['annotation'].author, 'سارة');
      await send('DELETE', `/annotations/${r.body['annotation'].id}`);
      assert.equal((await send('PUT', '/review', { notes: '' }, { 'X-Tadqiq-Reviewer': '%E0%A4%A' })).status, 400);
      assert.equal((await send('PUT', '/review', { notes: '' }, { 'X-Tadqiq-Reviewer': '%20' })).status, 400);
    });
  });
});

describe('HTTP: a document reviewed with its corpus typology', () => {
  let srv: TestServer;
  const DOC = 'notice.engine-a';
  before(async () => (srv = await startServer({ corporaDir: `${process.cwd()}/test/fixtures/corpora` })));
  after(() => srv.stop());

  it('offers the team categories and severities in the error form', async () => {
    const html = await srv.fetch(`${srv.url}/documents/${DOC}`).then((r) => r.text());
    assert.match(html, /<option value="Meaning\/Missing"[^>]*>Meaning › Missing<\/option>/);
    assert.match(html, /<option value="House style"/);
    assert.equal(html.includes('<option value="Terminology"'), false);
    assert.match(html, /value="critical" data-key="3"> Blocking/);
    assert.equal(html.includes('value="neutral"'), false);
    assert.match(html, /typology newsroom-lqa/);
  });

  it('validates annotations against that typology', async () => {
    const target = (await srv.store.documents.get(DOC))!.targetText;
    const start = target.indexOf('الميزانية');
    const post = (body: unknown) =>
      srv.fetch(`${srv.url}/api/documents/${DOC}/annotations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await post({ side: 'target', start, end: start + 9, category: 'Meaning/Wrong', severity: 'major' })).status, 201);
    const wrong = await post({ side: 'target', start, end: start + 9, category: 'Terminology', severity: 'neutral' });
    assert.equal(wrong.status, 400);
    const body = (await wrong.json()) as { fields: Array<{ field: string; message: string }> };
    assert.deepEqual(body.fields.map((f) => f.field).sort(), ['category', 'severity']);
    assert.match(JSON.stringify(body), /Newsroom LQA/);
  });
});
