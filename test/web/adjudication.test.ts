// Several reviewers on the seed: the agreement page and JSON (any reader), adjudication (admins
// only), decisions in the audit history, and the final set's score next to every reviewer's.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { addUser, login, type Client } from '../helpers/auth.js';
import { ROOT } from '../helpers/paths.js';
import { startServer, type TestServer } from '../helpers/server.js';

// Asynchronous, so the server in this process keeps answering (and its keep-alive sockets live).
const score = (...args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
    execFile(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/score.ts'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    ),
  );
const mqmOf = (stdout: string) => (JSON.parse(stdout) as { documents: Array<{ id: string; scores: { mqm: { score: number; signature: string } } }> }).documents.find((d) => d.id === DOC)!.scores.mqm;

const DOC = 'mali-minusma.generic-nmt-2023';
const EXPERT = 'Tadqiq team (expert review)';

/** A second reviewer marks three errors through the API: two on the expert's spans, one elsewhere. */
async function secondReviewer(srv: TestServer, rana: Client) {
  const doc = (await srv.store.documents.get(DOC))!;
  const expert = (await srv.store.annotations.list(DOC)).filter((a) => a.author === EXPERT && a.side === 'target');
  const made = [];
  for (const [a, severity] of [
    [expert[0]!, 'major'],
    [expert[1]!, expert[1]!.severity],
  ] as const) {
    const res = await rana.fetch(`/api/documents/${DOC}/annotations`, { method: 'POST', json: { side: 'target', start: a.start, end: a.end, category: a.category, severity } });
    assert.equal(res.status, 201, await res.clone().text());
    made.push(((await res.json()) as { annotation: { id: number } }).annotation);
  }
  const at = doc.targetText.indexOf('كيدال');
  const res = await rana.fetch(`/api/documents/${DOC}/annotations`, { method: 'POST', json: { side: 'target', start: at, end: at + 5, category: 'Linguistic conventions/Spelling', severity: 'minor' } });
  assert.equal(res.status, 201, await res.clone().text());
  return { expert, made };
}

describe('web: agreement and adjudication with several reviewers', function () {
  this.timeout(60_000);
  let srv: TestServer;
  let admin: Client;
  let rana: Client;
  let viewer: Client;

  before(async () => {
    srv = await startServer({ demo: false });
    await addUser(srv, 'ada', 'admin');
    const r = await addUser(srv, 'rana', 'reviewer');
    await addUser(srv, 'vera', 'viewer');
    await srv.store.assignments.assign(DOC, r.id, 'ada');
    [admin, rana, viewer] = await Promise.all([login(srv, 'ada'), login(srv, 'rana'), login(srv, 'vera')]);
  });
  after(() => srv.stop());

  it('one reviewer: no agreement figures, and the page says why', async () => {
    const res = await viewer.fetch(`/documents/${DOC}/agreement`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /id="agreement-none">Only one reviewer \(Tadqiq team/);
    const json = (await (await viewer.fetch(`/documents/${DOC}/agreement.json`)).json()) as { summary: unknown; pairs: unknown[] };
    assert.deepEqual([json.summary, json.pairs.length], [null, 0]);
  });

  it('two reviewers: kappa, span F1 and correlations per pair, readable by a viewer, linked from the pages', async () => {
    const { expert } = await secondReviewer(srv, rana);
    const json = (await (await viewer.fetch(`/documents/${DOC}/agreement.json`)).json()) as {
      raters: string[];
      pairs: Array<{ a: string; b: string; segments: number; table: Record<string, number>; kappa: { value: number | null }; span: { overlap: number; charsB: number }; exact: { matched: number }; pearson: { value: number | null } }>;
    };
    assert.deepEqual(json.raters, ['rana', EXPERT].sort());
    assert.equal(json.pairs.length, 1);
    const p = json.pairs[0]!;
    const beads = (await (await viewer.fetch(`/api/documents/${DOC}`)).json()) as { alignment: unknown[] };
    assert.equal(p.segments, beads.alignment.length, 'both saw every sentence pair');
    assert.equal(p.table['both']! + p.table['firstOnly']! + p.table['secondOnly']! + p.table['neither']!, p.segments);
    assert.equal(p.exact.matched, 2, 'same span and category (severity does not count for exact F1)');
    assert.ok(p.span.overlap >= expert[0]!.end - expert[0]!.start, 'the shared spans overlap in full');
    assert.equal(typeof p.kappa.value, 'number');
    const html = await (await viewer.fetch(`/documents/${DOC}/agreement`)).text();
    assert.match(html, /id="agreement-pairs"/);
    assert.match(html, /Cohen&#39;s kappa/);
    assert.doesNotMatch(html, /\/adjudicate"/, 'a viewer is not offered adjudication');
    const page = await (await viewer.fetch(`/documents/${DOC}`)).text();
    assert.match(page, /href="\/documents\/mali-minusma\.generic-nmt-2023\/agreement" id="agreement-link"/);
    assert.match(page, /all reviewers \(mean over 2 raters\)/);
    assert.match(await (await viewer.fetch(`/documents/${DOC}/history`)).text(), /id="agreement-link"/);
    const report = await (await viewer.fetch(`/documents/${DOC}/report.html`)).text();
    assert.match(report, /id="agreement"/, 'the downloaded report shows agreement once there are two reviewers');
    assert.match(report, /all reviewers \(mean over 2 raters\)/);
  });

  it('adjudication is for admins: 403 for reviewers and viewers, page and decisions alike', async () => {
    const mark = (await srv.store.annotations.list(DOC))[0]!;
    for (const c of [rana, viewer]) {
      assert.equal((await c.fetch(`/documents/${DOC}/adjudicate`)).status, 403);
      const res = await c.fetch(`/documents/${DOC}/adjudicate/${mark.id}`, { method: 'POST', json: { decision: 'accept', version: 0 } });
      assert.equal(res.status, 403);
    }
    assert.equal((await srv.store.adjudications.list(DOC)).size, 0, 'nothing decided');
    const page = await admin.fetch(`/documents/${DOC}/adjudicate`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, new RegExp(`id="mark-${mark.id}"`));
    assert.match(html, /<p class="adj-context" lang="ar" dir="rtl">[^<]*<mark class="adj-span">/);
    assert.match(html, /id="decided">0</);
  });

  it('decisions: zod and CSRF on the post, recorded in the history, the final set scored apart from all reviewers', async () => {
    const marks = await srv.store.annotations.list(DOC);
    const [m1, m2, m3] = [marks.find((m) => m.author === EXPERT)!, marks.find((m) => m.author === 'rana')!, marks.filter((m) => m.author === EXPERT)[1]!];
    const post = (id: number, json: unknown, init: { noCsrf?: boolean } = {}) => admin.fetch(`/documents/${DOC}/adjudicate/${id}`, { method: 'POST', json, headers: { Accept: 'application/json' }, ...init });

    const bad = await post(m1.id, { decision: 'maybe', version: 0 });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { fields: Array<{ field: string }> }).fields[0]!.field, 'decision');
    const noCsrf = await post(m1.id, { decision: 'accept', version: 0 }, { noCsrf: true });
    assert.equal(noCsrf.status, 403);
    const badSpan = await post(m1.id, { decision: 'edit', version: 0, start: 10, end: 5 });
    assert.equal(badSpan.status, 400);

    assert.equal((await post(m1.id, { decision: 'accept', version: 0 })).status, 200);
    assert.equal((await post(m2.id, { decision: 'reject', version: 0, note: 'duplicate of the expert' })).status, 200);
    const edited = await post(m3.id, { decision: 'edit', version: 0, severity: 'minor', comment: 'minor at most' });
    assert.equal(edited.status, 200);
    const e = (await edited.json()) as { final: { severity: string; comment: string; text: string } };
    assert.deepEqual([e.final.severity, e.final.comment, e.final.text], ['minor', 'minor at most', m3.text]);
    const stale = await post(m1.id, { decision: 'reject', version: 0 });
    assert.equal(stale.status, 409, 'a decision against an older decision version is refused');
    // Re-deciding replaces the decision; the history keeps both.
    assert.equal((await post(m1.id, { decision: 'reject', version: 1 })).status, 200);
    assert.equal((await post(m1.id, { decision: 'accept', version: 2 })).status, 200);

    const history = (await (await viewer.fetch(`/api/documents/${DOC}/history`)).json()) as { events: Array<{ entity: string; entityId: string; action: string; actor: string }> };
    const adj = history.events.filter((x) => x.entity === 'adjudication');
    assert.deepEqual(adj.filter((x) => x.entityId === String(m1.id)).map((x) => x.action), ['accepted', 'rejected', 'accepted'], 'newest first');
    assert.ok(adj.every((x) => x.actor === 'ada'));
    assert.ok(adj.some((x) => x.entityId === String(m2.id) && x.action === 'rejected'));

    const final = await srv.store.annotations.listFinal(DOC);
    assert.equal(final.length, 2, 'accepted + edited; the rejected mark is not in the final set');
    // The score JSON names its set; the final set differs from every reviewer's.
    const all = (await (await viewer.fetch(`/documents/${DOC}/score.json?set=all`)).json()) as { documents: Array<{ scores: { mqm: { score: number; signature: string } } }> };
    const fin = (await (await viewer.fetch(`/documents/${DOC}/score.json?set=final`)).json()) as { documents: Array<{ scores: { mqm: { score: number; signature: string; errors: number } } }> };
    assert.match(all.documents[0]!.scores.mqm.signature, /\|set:all\|/);
    assert.match(fin.documents[0]!.scores.mqm.signature, /\|set:final\|/);
    assert.equal(fin.documents[0]!.scores.mqm.errors, 2);
    assert.notEqual(fin.documents[0]!.scores.mqm.score, all.documents[0]!.scores.mqm.score);
    assert.equal((await viewer.fetch(`/documents/${DOC}/score.json?set=everyone`)).status, 400);
    const page = await (await admin.fetch(`/documents/${DOC}/adjudicate`)).text();
    assert.match(page, new RegExp(`id="final-score">${fin.documents[0]!.scores.mqm.score.toFixed(2)}<`));
    assert.match(page, /adjudicated final set \(3 of \d+ marks decided\)/);
    const doc = await (await viewer.fetch(`/documents/${DOC}`)).text();
    assert.match(doc, new RegExp(`id="final-score">${fin.documents[0]!.scores.mqm.score.toFixed(2)}<`), 'the document page shows the final set too');
  });

  it('npm run score --db: --set picks the set and the signature says which; final by default once every mark is decided', async () => {
    const corpus = path.join(ROOT, 'corpora/mali-minusma');
    const all = await score(corpus, '--db', srv.dbFile, '--set', 'all', '--format', 'json', '--quiet', '--workers', '0');
    assert.equal(all.status, 0, all.stderr);
    const fin = await score(corpus, '--db', srv.dbFile, '--set', 'final', '--format', 'json', '--quiet', '--workers', '0');
    assert.equal(fin.status, 0, fin.stderr);
    assert.match(mqmOf(all.stdout).signature, /\|set:all\|/);
    assert.match(mqmOf(fin.stdout).signature, /\|set:final\|/);
    assert.notEqual(mqmOf(fin.stdout).score, mqmOf(all.stdout).score);
    const web = (await (await viewer.fetch(`/documents/${DOC}/score.json?set=final`)).json()) as { documents: Array<{ scores: { mqm: { score: number } } }> };
    assert.equal(mqmOf(fin.stdout).score, web.documents[0]!.scores.mqm.score, 'the CLI and the web agree on the final set');
    const bad = await score(corpus, '--db', srv.dbFile, '--set', 'everyone');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--set/);
    assert.equal((await score(corpus, '--set', 'final')).status, 2, '--set needs --db');

    // Not complete yet: the default is every reviewer's marks.
    assert.match(mqmOf((await score(corpus, '--db', srv.dbFile, '--format', 'json', '--quiet', '--workers', '0')).stdout).signature, /\|set:all\|/);
    const decisions = await srv.store.adjudications.list(DOC);
    for (const m of await srv.store.annotations.list(DOC)) {
      if (decisions.has(m.id)) continue;
      const res = await admin.fetch(`/documents/${DOC}/adjudicate/${m.id}`, { method: 'POST', json: { decision: 'accept', version: 0 }, headers: { Accept: 'application/json' } });
      assert.equal(res.status, 200);
    }
    assert.match(mqmOf((await score(corpus, '--db', srv.dbFile, '--format', 'json', '--quiet', '--workers', '0')).stdout).signature, /\|set:final\|/);
    const page = await (await admin.fetch(`/documents/${DOC}/adjudicate`)).text();
    assert.match(page, /adjudication complete: scores use the final set/);
    const report = await (await viewer.fetch(`/documents/${DOC}/report.html`)).text();
    assert.match(report, /MQM counts: <strong>adjudicated final set \((\d+) of \1 marks decided\)<\/strong>/);
  });
});
