// Accessibility of the reviewer page, measured in Chromium: every control has a name, text meets
// WCAG AA contrast on the background it is drawn on, focus is visible and follows the reading
// order, and the page works on a 1280×720 screen and at 200% zoom (640×360 CSS pixels).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/paths.js';
import { activeId, noErrors, openReviewPage, press, waitSaved } from '../helpers/review-page.js';
import { SEED_DOC, startServer, type TestServer } from '../helpers/server.js';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');

const AUDIT = path.join(ROOT, 'test/helpers/a11y-audit.js');

async function audit(page: Page, check: 'unnamedControls' | 'lowContrast'): Promise<string[]> {
  if (!(await page.evaluate('typeof window.a11yAudit'))?.toString().startsWith('object')) await page.evaluate(fs.readFileSync(AUDIT, 'utf8')); // not addScriptTag: the CSP refuses inline scripts
  return page.evaluate(`window.a11yAudit.${check}()`);
}
const unnamedControls = (page: Page) => audit(page, 'unnamedControls');
const lowContrast = (page: Page) => audit(page, 'lowContrast');

describe('browser: accessibility of the reviewer page', function () {
  this.timeout(60_000);
  let browser: Browser;
  let srv: TestServer;
  before(async () => {
    browser = await launchBrowser();
    srv = await startServer();
  });
  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  it('names every control, meets AA contrast and shows focus in reading order at 1280×720', async () => {
    const r = await openReviewPage(browser, srv);
    const { page } = r;
    assert.deepEqual(await unnamedControls(page), []);
    assert.deepEqual(await lowContrast(page), []);
    // The header leaves most of a 720-pixel screen to the text.
    assert.ok((await page.locator('#doc-header').boundingBox())!.height <= 180);
    assert.ok(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'));

    // Tab order follows the page: header controls left to right, then the first pair.
    const stops: Array<{ what: string; x: number; y: number; outline: string }> = [];
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate('window.a11yAudit.focused()'));
    }
    for (const s of stops) assert.match(s.outline, /^solid [3-9]/, `focus visible on ${s.what}`);
    for (let i = 1; i < stops.length; i++) {
      const [a, b] = [stops[i - 1]!, stops[i]!];
      // The next stop is further right on the same line, or on a later line.
      assert.ok(b.y > a.y + 4 || (Math.abs(b.y - a.y) <= 12 && b.x > a.x), `focus order: ${a.what} → ${b.what}`);
    }
    const order = stops.map((s) => s.what);
    assert.ok(order.indexOf('reviewer') < order.indexOf('text-smaller'));
    assert.ok(order.includes('status-select'));

    // The error form is labelled and readable too (keys act on the page, not on the focused control).
    await page.evaluate('document.activeElement.blur()');
    await press(page, 'j', 'ArrowRight', 'Enter');
    await page.locator('#annotation-dialog').waitFor();
    assert.deepEqual(await unnamedControls(page), []);
    assert.deepEqual(await lowContrast(page), []);
    assert.equal(await activeId(page), 'form-category');
    await press(page, 'Escape');
    noErrors(r);
  });

  it('works at 200% zoom: one column, no sideways scrolling, the form fits, marking still takes four keys', async () => {
    const context = await browser.newContext({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
    const r = await openReviewPage(browser, srv, { context, reviewer: 'Zoomed Reviewer' });
    const { page } = r;
    assert.ok(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'), 'no horizontal scrolling');
    assert.equal(await page.evaluate(`getComputedStyle(document.getElementById('doc-header')).position`), 'static');
    const [src, tgt] = await Promise.all([page.locator('#bead-0 .cell.source').boundingBox(), page.locator('#bead-0 .cell.target').boundingBox()]);
    assert.ok(tgt!.y >= src!.y + src!.height - 1, 'source above target');
    await press(page, 'j', 'j', 'ArrowLeft');
    await press(page, 'Enter');
    const box = (await page.locator('#annotation-dialog').boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= 640 && box.y >= 0 && box.y + box.height <= 360, `dialog ${JSON.stringify(box)} fits`);
    await press(page, 's', 'p', '1', 'Enter');
    await waitSaved(page);
    const a = (await srv.store.annotations.list(SEED_DOC)).find((x) => x.author === 'Zoomed Reviewer')!;
    assert.equal(a.category, 'Linguistic conventions/Spelling');
    assert.deepEqual(await lowContrast(page), []);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'seed-document-200pct.png') });
    noErrors(r);
    await context.close();
  });
});
