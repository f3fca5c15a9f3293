// Correcting an alignment in Chromium, on the fixture whose Arabic dropped a sentence (the aligner
// pairs it 2-1, confidence below 0.5): find the uncertain pair with l, split it with Shift+S 1,
// undo with z, split it again with the mouse, merge and undo, reload and see it kept, and see
// the exports carry it.
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { FIXTURE_CORPORA, FIXTURE_DOC } from '../helpers/alignment-fixture.js';
import { launchBrowser } from '../helpers/browser.js';
import { noErrors, openReviewPage, press, waitSaved, waitUntil } from '../helpers/review-page.js';
import { startServer, type TestServer } from '../helpers/server.js';

describe('browser: correcting the alignment', function () {
  this.timeout(60_000);
  let browser: Browser;
  let srv: TestServer;
  before(async () => {
    browser = await launchBrowser();
    srv = await startServer({ corporaDir: FIXTURE_CORPORA });
  });
  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  /** Each pair as "source sentences:target sentences", with * when corrected, as the page shows them. */
  const shapes = (page: Page): Promise<string[]> =>
    page.evaluate(`[...document.querySelectorAll('#beads > .bead')].map((b, i) =>
      (b.id === 'bead-' + i ? '' : 'BAD-ID ') + b.querySelectorAll('.cell.source .sentence').length + ':' + b.querySelectorAll('.cell.target .sentence').length + (b.classList.contains('corrected') ? '*' : ''))`);
  const waitShapes = async (page: Page, want: string[]) => {
    // Polled from outside: the page's CSP (no unsafe-eval) refuses waitForFunction's string.
    await waitUntil(
      page,
      `JSON.stringify([...document.querySelectorAll('#beads > .bead')].map((b) => b.querySelectorAll('.cell.source .sentence').length + ':' + b.querySelectorAll('.cell.target .sentence').length + (b.classList.contains('corrected') ? '*' : ''))) === ${JSON.stringify(JSON.stringify(want))}`,
      10_000,
    );
    assert.deepEqual(await shapes(page), want);
  };
  const stored = async () => (await srv.store.alignments.get(FIXTURE_DOC))?.alignment?.shapes ?? 'automatic';

  it('splits a wrong pair in one move from the keyboard, undoes, redoes with the mouse, and keeps it across a reload', async () => {
    const r = await openReviewPage(browser, srv, { doc: FIXTURE_DOC, reviewer: 'Alignment Reviewer' });
    const { page } = r;
    const automatic = ['2:1', '1:1', '1:1', '2:1'];
    assert.deepEqual(await shapes(page), automatic, 'the fixture misaligns as its README says');
    assert.match((await page.getAttribute('#bead-0', 'class'))!, /low-confidence/);
    assert.match((await page.textContent('#bead-0 .bead-shape'))!, /check alignment/);

    // l finds the uncertain pair; Shift+S opens its menu with the likeliest split first; 1 picks it.
    await press(page, 'l');
    assert.equal(await page.locator('.bead.current').getAttribute('id'), 'bead-0');
    await press(page, 'Shift+S');
    await page.locator('#alignment-dialog').waitFor({ state: 'visible' });
    assert.match((await page.textContent('#align-split-options button:first-child'))!, /^1\s+1:1 \+ 1:0/);
    await press(page, '1');
    await waitSaved(page);
    const fixed = ['1:1*', '1:0*', '1:1', '1:1', '2:1'];
    await waitShapes(page, fixed);
    assert.equal(await stored(), '1-1* 1-0* 1-1 1-1 2-1');
    // The pair left without translation is an omission now, and says so.
    await page.locator('#bead-1 li.finding[data-check="omission"]').waitFor();
    assert.match((await page.textContent('#bead-1 .cell.target'))!, /possible omission/);
    assert.equal(await page.getAttribute('#bead-4', 'aria-label'), 'Sentence pair 5');
    assert.equal(await page.textContent('#bead-4 .bead-no'), '5');
    assert.equal(await page.textContent('#progress-text'), '0/5');
    assert.equal(await page.textContent('#pair-count'), '5');
    // The menu quotes each side's sentence end in its own language and direction.
    await page.click('#bead-0 .align-open');
    await page.locator('#alignment-dialog').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#align-split-options bdi[lang="ar"][dir="rtl"]').count(), 1, 'a 1:1 pair splits two ways, one quoting its Arabic');
    assert.equal(await page.locator('#align-split-options bdi[lang="en"][dir="ltr"]').count(), 1);
    await press(page, 'Escape');

    // z takes it back (to the automatic alignment), the header's Undo is how the mouse does it.
    await press(page, 'z');
    await waitSaved(page);
    await waitShapes(page, automatic);
    assert.equal(await stored(), 'automatic');

    // The same fix with the mouse: the pair's Alignment… button, then the option.
    await page.click('#bead-0 .align-open');
    await page.locator('#alignment-dialog').waitFor({ state: 'visible' });
    await page.click('#align-split-options button:has-text("1:1 + 1:0")');
    await waitSaved(page);
    await waitShapes(page, fixed);

    // Shift+J merges pairs 3 and 4; z undoes that alone.
    await press(page, 'j', 'j');
    assert.equal(await page.locator('.bead.current').getAttribute('id'), 'bead-2');
    await press(page, 'Shift+J');
    await waitSaved(page);
    await waitShapes(page, ['1:1*', '1:0*', '2:2*', '2:1']);
    await press(page, 'z');
    await waitSaved(page);
    await waitShapes(page, fixed);
    // ] on the translation side of pair 4 moves its last sentence on; [ on pair 5 brings it back.
    await press(page, 'j', ']');
    await waitSaved(page);
    await waitShapes(page, ['1:1*', '1:0*', '1:1', '1:0*', '2:2*']);
    await press(page, 'j', '[');
    await waitSaved(page);
    await waitShapes(page, ['1:1*', '1:0*', '1:1', '1:1*', '2:1*']);

    await page.reload();
    await page.locator('body[data-loaded="true"]').waitFor({ state: 'attached' });
    await waitShapes(page, ['1:1*', '1:0*', '1:1', '1:1*', '2:1*']);
    assert.doesNotMatch((await page.getAttribute('#bead-0', 'class'))!, /low-confidence/);
    assert.match((await page.textContent('#bead-0 .bead-shape'))!, /corrected/);

    // The downloads carry the corrected alignment.
    const json = (await (await srv.fetch(`${srv.url}/documents/${FIXTURE_DOC}/score.json`)).json()) as { documents: Array<{ alignment: Array<{ source: number[]; target: number[]; corrected?: boolean }> }> };
    assert.deepEqual(
      json.documents[0]!.alignment.map((b) => `${b.source.join(',')}|${b.target.join(',')}${b.corrected ? '*' : ''}`),
      ['0|0*', '1|*', '2|1', '3|2*', '4,5|3*'],
    );
    noErrors(r);
    await r.context.close();
  });

  it('shows the alignment another reviewer saved when its own change is refused (409)', async () => {
    const r = await openReviewPage(browser, srv, { doc: FIXTURE_DOC, reviewer: 'Second Reviewer' });
    const { page } = r;
    const before = await shapes(page);
    // Someone else goes back to the automatic alignment after this page loaded.
    const base = (await srv.store.alignments.get(FIXTURE_DOC))!.id;
    const res = await srv.fetch(`${srv.url}/api/documents/${FIXTURE_DOC}/alignment`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Tadqiq-Reviewer': 'Other' }, body: JSON.stringify({ op: 'reset', base }) });
    assert.equal(res.status, 200);
    assert.notDeepEqual(before, ['2:1', '1:1', '1:1', '2:1']);
    await press(page, 'j', 'Shift+J');
    await waitShapes(page, ['2:1', '1:1', '1:1', '2:1']);
    await page.locator('#toast', { hasText: /changed by Other/ }).waitFor();
    assert.equal(await stored(), 'automatic', 'the refused merge wrote nothing');
    // The page builds on what it now shows: the next change goes through.
    await press(page, 'Shift+J');
    await waitSaved(page);
    await waitShapes(page, ['3:2*', '1:1', '2:1']);
    await r.context.close();
  });
});
