// An admin adjudicates the seed after a second reviewer: accepts one mark and rejects another
// from the keyboard, and the page shows the final set's score.
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { addUser, PASSWORD } from '../helpers/auth.js';
import { launchBrowser, watchErrors } from '../helpers/browser.js';
import { SEED_DOC, startServer, type TestServer } from '../helpers/server.js';

describe('browser: adjudicating two reviewers on the seed', function () {
  this.timeout(60_000);
  let srv: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    srv = await startServer({ demo: false });
    await addUser(srv, 'ada', 'admin');
    // The second reviewer repeats the seed review's first target mark and adds one of their own.
    const doc = (await srv.store.documents.get(SEED_DOC))!;
    const first = (await srv.store.annotations.list(SEED_DOC)).find((a) => a.side === 'target')!;
    await srv.store.annotations.create(SEED_DOC, { side: 'target', start: first.start, end: first.end, text: first.text, category: first.category, severity: 'critical', author: 'Second reviewer' });
    const at = doc.targetText.indexOf('كيدال');
    await srv.store.annotations.create(SEED_DOC, { side: 'target', start: at, end: at + 5, text: 'كيدال', category: 'Linguistic conventions/Spelling', severity: 'minor', author: 'Second reviewer' });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    watchErrors(page, errors);
  });
  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  it('accepts one mark and rejects another with the keyboard; the final-set score appears', async () => {
    await page.goto(`${srv.url}/login?next=${encodeURIComponent(`/documents/${SEED_DOC}`)}`);
    await page.fill('#username', 'ada');
    await page.fill('#password', PASSWORD);
    await page.press('#password', 'Enter');
    await page.waitForURL(`**/documents/${SEED_DOC}`);
    assert.match((await page.locator('#mqm-set').textContent())!, /all reviewers \(mean over 2 raters\)/);
    await page.click('#adjudicate-link');
    await page.waitForURL('**/adjudicate');
    assert.equal(await page.locator('#final-score').textContent(), '100.00', 'nothing in the final set yet');
    const allScore = await page.locator('#all-score').textContent();

    const second = page.locator('.adj-mark', { has: page.locator('mark.adj-span', { hasText: 'كيدال' }) });
    assert.equal(await second.count(), 1);
    assert.equal(await second.locator('.adj-context').getAttribute('dir'), 'rtl');
    const id = await second.getAttribute('data-id');
    // Keyboard only: focus the button and press Enter.
    await second.locator('button.adj-reject').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/adjudicate#mark-${id}`);
    assert.match((await page.locator(`#mark-${id} .decision`).textContent())!, /rejected/);

    const expertMark = page.locator('.adj-mark.sev-critical').first();
    const eid = await expertMark.getAttribute('data-id');
    await expertMark.locator('button.adj-accept').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/adjudicate#mark-${eid}`);
    assert.match((await page.locator(`#mark-${eid} .decision`).textContent())!, /accepted/);

    // One critical error (25 points) over the document's words: the final set scores apart from all reviewers.
    const finalScore = Number(await page.locator('#final-score').textContent());
    assert.ok(finalScore < 100, `final set score ${finalScore}`);
    assert.notEqual(String(finalScore.toFixed(2)), allScore);
    assert.match((await page.locator('.adjudication-summary').textContent())!, /adjudicated final set \(2 of \d+ marks decided\)/);
    assert.equal(await page.locator('.adj-final-mark').count(), 1);
    // The document page shows it too.
    await page.goto(`${srv.url}/documents/${SEED_DOC}`);
    assert.equal(await page.locator('#final-score').textContent(), finalScore.toFixed(2));
    assert.deepEqual(errors, []);
  });
});
