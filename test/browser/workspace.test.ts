// The reviewer workspace in Chromium: keyboard-only marking, suggestions, post-editing,
// statuses and notes across reloads and tabs, the offline queue, and a keyboard-only pass over
// the whole seed. Each test starts its own server, so tests do not depend on one another.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/paths.js';
import { activeId, noErrors, openReviewPage, press, selectionText, storageItem, waitSaved, waitUntil, wordsOf } from '../helpers/review-page.js';
import { SEED_DOC, startServer, type TestServer } from '../helpers/server.js';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');

describe('browser: the reviewer workspace', function () {
  this.timeout(60_000);
  let browser: Browser;
  let srv: TestServer;
  before(async () => (browser = await launchBrowser()));
  after(async () => browser?.close());
  beforeEach(async () => (srv = await startServer()));
  afterEach(async () => srv?.stop());

  const stored = async () => srv.store.annotations.list(SEED_DOC);
  const targetText = async () => (await srv.store.documents.get(SEED_DOC))!.targetText;

  it('marks a span from the keyboard alone in four keystrokes after selecting it', async () => {
    const r = await openReviewPage(browser, srv, { reviewer: 'Keyboard Reviewer' });
    const { page } = r;
    await press(page, 'j', 'j', 'j', 'j', 'j'); // pair 5 (index 4)
    assert.equal(await page.locator('.bead.current').getAttribute('id'), 'bead-4');
    const words = await wordsOf(page, 4, 'target');
    const at = words.findIndex((w) => w.text === 'الخنتة');
    assert.ok(at > 0);
    // → puts the cursor on the first word; in Arabic ← moves forward in reading order.
    await press(page, 'ArrowLeft', ...Array<string>(at).fill('ArrowLeft'), 'Shift+ArrowLeft');
    assert.equal(await selectionText(page), 'الخنتة المالية');

    const keystrokes = await press(page, 'Enter', 't', '2', 'Enter');
    assert.ok(keystrokes <= 4);
    await page.locator('#annotation-dialog').waitFor({ state: 'hidden' });
    await waitSaved(page);
    const text = await targetText();
    const mine = (await stored()).filter((a) => a.author === 'Keyboard Reviewer');
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.category, 'Terminology');
    assert.equal(mine[0]!.severity, 'major');
    assert.equal(text.slice(mine[0]!.start, mine[0]!.end), 'الخنتة المالية');
    assert.equal(mine[0]!.start, words[at]!.start);

    // An omission on the source: s switches side, o picks Accuracy › Omission.
    await press(page, 's', 'ArrowRight', 'ArrowRight', 'Shift+ArrowRight');
    const src = await selectionText(page);
    assert.equal(src, 'has now');
    await press(page, 'Enter', 'o', '1', 'Enter');
    await waitSaved(page);
    const omission = (await stored()).find((a) => a.author === 'Keyboard Reviewer' && a.side === 'source')!;
    assert.equal(omission.category, 'Accuracy/Omission');
    assert.equal(omission.severity, 'minor');
    assert.equal(omission.text, 'has now');

    // Character steps trim a proclitic: "بإخلاء" without its ب.
    const i2 = words.findIndex((w) => w.text === 'بإخلاء');
    await press(page, 's', 'ArrowLeft', ...Array<string>(i2).fill('ArrowLeft'), 'Alt+Shift+ArrowLeft');
    assert.equal(await selectionText(page), 'إخلاء');
    await press(page, 'Escape');

    // n marks the whole translation as a non-translation; z undoes it.
    await press(page, 'n');
    assert.equal(await page.inputValue('#form-category'), 'Non-translation');
    await press(page, 'Enter');
    await waitSaved(page);
    const whole = (await stored()).find((a) => a.category === 'Non-translation')!;
    const json = (await (await srv.fetch(`${srv.url}/api/documents/${SEED_DOC}`)).json()) as { target: { sentences: Array<{ start: number; end: number }> } };
    const sentence = json.target.sentences[4]!;
    assert.deepEqual([whole.start, whole.end], [sentence.start, sentence.end]);
    await press(page, 'z');
    await waitSaved(page);
    assert.equal((await stored()).some((a) => a.category === 'Non-translation'), false);
    await page.locator('#bead-4 li[data-category="Non-translation"]').waitFor({ state: 'detached' });
    const li = page.locator('#bead-4 li.annotation[data-category="Terminology"]', { hasText: 'Keyboard Reviewer' });
    await li.waitFor();

    // Edit it with the mouse: the form comes back filled in; 1 makes it minor.
    await li.locator('.edit-annotation').click();
    assert.equal(await page.textContent('#form-span'), 'الخنتة المالية');
    assert.equal(await page.inputValue('#form-category'), 'Terminology');
    assert.equal(await page.isChecked('input[name=severity][value=major]'), true);
    await press(page, '1', 'Enter');
    await waitSaved(page);
    assert.equal((await stored()).find((a) => a.id === mine[0]!.id)!.severity, 'minor');
    // Delete it, then undo the delete with the header's Undo button.
    await li.locator('.delete-annotation').click();
    await waitSaved(page);
    assert.equal((await stored()).some((a) => a.id === mine[0]!.id), false);
    assert.match((await page.getAttribute('#undo', 'title'))!, /undo: deleted minor terminology/i);
    await page.click('#undo');
    await waitSaved(page);
    assert.equal((await stored()).find((a) => a.id === mine[0]!.id)!.severity, 'minor');
    noErrors(r);
  });

  it('accepts, accepts-and-edits, dismisses and restores suggestions; decisions survive a reload', async () => {
    const r = await openReviewPage(browser, srv, { reviewer: 'Suggestion Reviewer' });
    const { page } = r;
    const errorsBefore = Number(await page.textContent('#mqm-errors'));
    const openBefore = Number(await page.textContent('#open-count'));

    // Pair 2 (index 1): "peacekeepers" should be حفظة السلام. Accept it with a.
    await press(page, 'j', 'j');
    assert.match((await page.textContent('#bead-1 li.finding'))!, /peacekeepers/);
    await press(page, 'a');
    await waitSaved(page);
    await page.locator('#bead-1 li.annotation .from-check').waitFor();
    assert.equal(Number(await page.textContent('#mqm-errors')), errorsBefore + 1);
    assert.equal(await page.locator('#bead-1 li.finding').count(), 0);
    const accepted = (await stored()).find((a) => a.author === 'Suggestion Reviewer')!;
    assert.equal(accepted.fromCheck, 'terminology');
    assert.equal(accepted.text, 'peacekeepers');
    assert.equal(accepted.correction, 'حفظة السلام');

    // Pair 3: accept and edit, raising the severity to critical in the form.
    await press(page, 'j', 'Shift+A');
    await page.locator('#annotation-dialog').waitFor();
    assert.equal(await page.inputValue('#form-category'), 'Terminology');
    assert.equal(await page.inputValue('#form-correction'), 'عبوة ناسفة بدائية الصنع');
    await press(page, '3', 'Enter');
    await waitSaved(page);
    const edited = (await stored()).find((a) => a.text === 'improvised explosive devices')!;
    assert.equal(edited.severity, 'critical');
    assert.equal(edited.fromCheck, 'terminology');

    // Pair 4: dismiss its first suggestion (whichever check made it).
    await press(page, 'j');
    const id = (await page.getAttribute('#bead-3 li.finding.state-open >> nth=0', 'data-finding-id'))!;
    const one = `#bead-3 li.finding[data-finding-id="${id}"]`;
    const lit = `#bead-3 .pc[data-marks~="finding:${id}"]`;
    assert.ok((await page.locator(lit).count()) > 0);
    await press(page, 'd');
    await waitSaved(page);
    assert.equal(await page.locator(one).isVisible(), false);
    assert.equal(Number(await page.textContent('#open-count')), openBefore - 3);
    assert.equal(await page.textContent('#dismissed-count'), '1');
    // Dismissing is not an error: the score counts accepted suggestions only.
    assert.equal(Number(await page.textContent('#mqm-errors')), errorsBefore + 2);

    await page.reload();
    const dismissed = page.locator(`${one}.state-dismissed`);
    assert.equal(await dismissed.count(), 1);
    assert.equal(await dismissed.isVisible(), false);
    assert.equal(await page.locator(lit).count(), 0, 'a dismissed suggestion is not highlighted');
    await page.check('#show-dismissed');
    assert.match((await dismissed.textContent())!, /Dismissed by Suggestion Reviewer/);
    await dismissed.locator('.restore-finding').click();
    await waitSaved(page);
    await page.locator(`${one}.state-open`).waitFor();
    assert.ok((await page.locator(lit).count()) > 0);
    noErrors(r);
  });

  it('post-edits a translation and shows the word diff and HTER, keeping the MT unchanged', async () => {
    const r = await openReviewPage(browser, srv, { reviewer: 'Post Editor' });
    const { page } = r;
    assert.equal(await page.textContent('#hter-score'), '–');
    await press(page, 'j', 'j', 'j', 'j', 'j', 'e');
    const box = page.locator('#bead-4 .post-edit-form textarea');
    await box.waitFor();
    const mt = await box.inputValue();
    assert.ok(mt.includes('أمرت الخنتة المالية الحكومية الحديثة'), 'the box starts from the MT');
    await box.fill(mt.replace('أمرت الخنتة المالية الحكومية الحديثة', 'أمر المجلس العسكري الحاكم في مالي مؤخرًا'));
    await press(page, 'Control+Enter');
    await waitSaved(page);
    const diff = page.locator('#bead-4 .post-edit .diff');
    await diff.waitFor();
    assert.equal(await diff.getAttribute('dir'), 'rtl');
    assert.equal((await diff.locator('del').allTextContents()).join(' '), 'أمرت الخنتة المالية الحكومية الحديثة');
    assert.equal((await diff.locator('ins').allTextContents()).join(' '), 'أمر المجلس العسكري الحاكم في مالي مؤخرًا');
    const hter = Number(await page.textContent('#hter-score'));
    assert.ok(hter > 0 && hter < 100, `HTER ${hter}`);
    assert.match((await page.textContent('#hter-detail'))!, /1 post-edited/);

    await page.reload();
    assert.equal(Number(await page.textContent('#hter-score')), hter);
    assert.equal(await page.locator('#bead-4 .post-edit .diff del').count(), 1);
    // The MT on the page and in the store is the original.
    assert.match((await page.textContent('#bead-4 .cell.target'))!, /أمرت الخنتة المالية الحكومية الحديثة/);
    assert.ok((await targetText()).includes('أمرت الخنتة المالية الحكومية الحديثة'));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('#bead-4').screenshot({ path: path.join(ARTIFACTS, 'post-edit-diff.png') });
    noErrors(r);
  });

  it('keeps statuses, notes and the verdict across a reload and shows them in a second tab', async () => {
    const r = await openReviewPage(browser, srv, { reviewer: 'Two Tabs' });
    const { page, context } = r;
    await press(page, 'j', 'r'); // pair 1 reviewed; r moves on to pair 2
    assert.equal(await page.locator('.bead.current').getAttribute('id'), 'bead-1');
    await press(page, 'o');
    await waitSaved(page);
    await press(page, 'v');
    assert.equal(await activeId(page), 'review-notes');
    await page.keyboard.type('Terminology for the junta is wrong throughout; see pairs 5, 8, 10.');
    await press(page, 'Tab', 'ArrowRight'); // the verdict radios: Not decided → Pass
    await waitSaved(page);
    assert.equal((await srv.store.reviews.get(SEED_DOC)).verdict, 'pass');
    assert.equal(await page.textContent('#progress-text'), '1/15');

    const second = await context.newPage();
    await second.goto(`${srv.url}/documents/${SEED_DOC}`);
    assert.equal(await second.textContent('#progress-text'), '1/15');
    assert.match((await second.textContent('#second-text'))!, /1 need a second opinion/);
    assert.equal(await second.inputValue('#bead-1 .status-select'), 'second-opinion');
    assert.equal(await second.inputValue('#review-notes'), 'Terminology for the junta is wrong throughout; see pairs 5, 8, 10.');
    assert.equal(await second.isChecked('input[name=verdict][value=pass]'), true);
    assert.match((await second.textContent('#review-saved'))!, /Last saved by Two Tabs/);

    // The position in the document is kept too.
    await page.reload();
    assert.equal(await page.locator('.bead.current').getAttribute('id'), 'bead-1');
    // The timing log of the first visit arrived (sent when the page was left).
    await waitSaved(page);
    const timing = (await (await srv.fetch(`${srv.url}/api/documents/${SEED_DOC}/timing`)).json()) as {
      beads: Array<{ beadKey: string; visits: number; actions: Record<string, { count: number }> }>;
      byReviewer: Record<string, unknown>;
    };
    const b1 = timing.beads.find((b) => b.beadKey === 's1t1')!;
    assert.ok(b1.visits >= 1);
    assert.equal(b1.actions['status-second-opinion']!.count, 1);
    assert.ok(timing.byReviewer['Two Tabs']);

    // Another tab deletes an error this page still shows: editing it here fails visibly, in the
    // form and in the header, nothing is written, and the edit is kept aside (409, not lost).
    const li = page.locator('#bead-0 li.annotation').first();
    const id = await li.getAttribute('data-id');
    await second.close();
    assert.equal((await srv.fetch(`${srv.url}/api/documents/${SEED_DOC}/annotations/${id}`, { method: 'DELETE' })).status, 204);
    await li.locator('.edit-annotation').click();
    await press(page, '3', 'Enter');
    await waitUntil(page, `/deleted in the meantime/.test(document.getElementById('form-error').textContent)`);
    assert.match((await page.textContent('#save-state'))!, /^failed: editing an error: This mark was deleted in the meantime/);
    assert.equal(await page.textContent('#held-count'), '1');
    await press(page, 'Escape');
    assert.equal((await stored()).some((a) => String(a.id) === id), false);
    noErrors(r);
  });

  it('queues changes while the server is unreachable, survives a reload, and saves each exactly once', async () => {
    const r = await openReviewPage(browser, srv, { reviewer: 'Offline Reviewer' });
    const { page, context } = r;
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await press(page, 'j', 'j', 'j', 'j', 'j', 'ArrowLeft', 'Enter', 'g', '1', 'Enter');
    await page.locator('#annotation-dialog').waitFor({ state: 'hidden' });
    await page.locator('#bead-4 li.pending').waitFor();
    await press(page, 'r');
    await waitUntil(page, `/changes waiting/.test(document.getElementById('save-state').textContent)`);
    const outbox = JSON.parse((await storageItem(page, 'tadqiq.outbox.v1')) ?? '[]') as Array<{ method: string; url: string }>;
    const queued = outbox.map((o) => `${o.method} ${o.url.replace(/^.*\/documents\/[^/]+/, '')}`);
    assert.deepEqual(queued.filter((q) => !q.endsWith('/timing')), ['POST /annotations', 'PUT /beads/s4t4/status']);
    assert.equal((await stored()).some((a) => a.author === 'Offline Reviewer'), false);

    await page.reload();
    await page.locator('#bead-4 li.pending').waitFor();
    assert.equal(await page.inputValue('#bead-4 .status-select'), 'reviewed');

    // The server comes back, but the answer to the first attempt is lost on the way: the
    // change was made, the page does not know, and retries it under the same key.
    await context.unroute('**/api/**');
    let lost = 0;
    await context.route('**/api/**/annotations', async (route) => {
      if (lost++ === 0) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await page.click('#retry-now');
    await waitSaved(page, 20_000);
    const mine = (await stored()).filter((a) => a.author === 'Offline Reviewer');
    assert.equal(mine.length, 1, 'saved exactly once');
    assert.equal(mine[0]!.category, 'Linguistic conventions/Grammar');
    assert.equal((await srv.store.beadStatus.list(SEED_DOC)).get('s4t4'), 'reviewed');
    assert.ok(lost >= 2, 'the create was retried');
    await page.locator('#bead-4 li.annotation:not(.pending)', { hasText: 'Offline Reviewer' }).waitFor();
    assert.equal(await page.locator('#bead-4 li.pending').count(), 0);
    assert.equal(await storageItem(page, 'tadqiq.outbox.v1'), '[]');
    noErrors(r);
  });

  it('sends a long page in batches: the first pairs at once, the rest fetched, all of it usable', async () => {
    const r = await openReviewPage(browser, srv, { reviewer: 'Batch Reviewer', query: '?first=4' });
    const { page } = r;
    await waitUntil(page, `document.body.dataset.loaded === 'true'`);
    assert.equal(await page.locator('#beads > .bead').count(), 15);
    assert.equal(await page.locator('#beads-loading').count(), 0);
    await press(page, ...Array<string>(13).fill('j'));
    assert.equal(await page.locator('.bead.current').getAttribute('id'), 'bead-12');
    const words = await wordsOf(page, 12, 'target');
    await press(page, 'ArrowLeft', 'Enter', 't', '1', 'Enter');
    await waitSaved(page);
    const a = (await stored()).find((x) => x.author === 'Batch Reviewer')!;
    assert.equal(a.start, words[0]!.start);
    await page.locator('#bead-12 li.annotation', { hasText: 'Batch Reviewer' }).waitFor();
    noErrors(r);
  });

  it('reviews the whole seed from the keyboard alone', async () => {
    const r = await openReviewPage(browser, srv, { reviewer: 'Keyboard Only' });
    const { page } = r;
    // Pair 1: mark the first word, then r for reviewed; the same for every pair; the last pair
    // gets a second opinion, u comes back to it, r settles it.
    await press(page, 'j');
    for (let i = 0; i < 15; i++) {
      assert.equal(await page.locator('.bead.current').getAttribute('id'), `bead-${i}`);
      if (i % 5 === 0) {
        await press(page, 'ArrowRight', 'Enter', 's', 't', '0', 'Enter');
        await page.locator('#annotation-dialog').waitFor({ state: 'hidden' });
      }
      await press(page, i === 14 ? 'o' : 'r');
    }
    await waitSaved(page);
    assert.equal(await page.textContent('#progress-text'), '14/15');
    await press(page, 'k', 'u');
    assert.equal(await page.locator('.bead.current').getAttribute('id'), 'bead-14');
    await press(page, 'r');
    await waitSaved(page);
    assert.equal(await page.textContent('#progress-text'), '15/15');
    await press(page, 'v');
    await page.keyboard.type('Reviewed from the keyboard.');
    await press(page, 'Tab', 'ArrowRight', 'ArrowRight'); // Fail
    await waitSaved(page);
    assert.equal((await srv.store.reviews.get(SEED_DOC)).verdict, 'fail');
    const statuses = await srv.store.beadStatus.list(SEED_DOC);
    assert.equal([...statuses.values()].filter((s) => s === 'reviewed').length, 15);
    const styles = (await stored()).filter((a) => a.author === 'Keyboard Only');
    assert.equal(styles.length, 3);
    assert.ok(styles.every((a) => a.category === 'Style' && a.severity === 'neutral'));
    // The shortcut sheet opens with ? and lists every action.
    await press(page, '?');
    assert.equal(await page.locator('#help-dialog').isVisible(), true);
    assert.ok((await page.locator('#help-dialog dt').count()) >= 25);
    await press(page, 'Escape');
    noErrors(r);
  });
});
