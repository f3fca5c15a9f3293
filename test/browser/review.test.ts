import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from '../helpers/browser.js';
import { ROOT } from '../helpers/paths.js';
import { SEED_DOC, startServer, type TestServer } from '../helpers/server.js';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');

describe('browser: reviewing the seed document', function () {
  this.timeout(60_000);
  let srv: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    srv = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    watchErrors(page, errors);
  });
  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  it('selects الخنتة with the mouse, flags it Terminology/major with a correction, and finds it after reload and in the report', async () => {
    await page.goto(`${srv.url}/documents/${SEED_DOC}`);
    await page.fill('#reviewer', 'Browser Reviewer');
    await page.press('#reviewer', 'Tab');
    const word = page.locator('#bead-4 .cell.target .pc.has-finding');
    assert.equal(await word.textContent(), 'الخنتة');
    await word.scrollIntoViewIfNeeded();
    const box = (await word.boundingBox())!;
    // Arabic runs right to left: the word starts at its right edge.
    await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + 1, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();

    const dialog = page.locator('#annotation-dialog');
    await dialog.waitFor({ state: 'visible' });
    assert.equal(await page.locator('#form-span').textContent(), 'الخنتة');
    await page.selectOption('#form-category', 'Terminology');
    await page.check('input[name=severity][value=major]');
    await page.fill('#form-correction', 'المجلس العسكري');
    await page.fill('#form-comment', 'browser test: transliterated calque');
    await page.click('#form-save');
    await dialog.waitFor({ state: 'hidden' });

    const mine = page.locator('#bead-4 li.annotation', { hasText: 'browser test: transliterated calque' });
    await mine.waitFor();
    assert.match((await mine.textContent())!, /Terminology[\s\S]*الخنتة[\s\S]*المجلس العسكري[\s\S]*Browser Reviewer/);
    assert.equal(await page.locator('#save-state').textContent(), 'saved');

    await page.reload();
    const afterReload = page.locator('#bead-4 li.annotation', { hasText: 'browser test: transliterated calque' });
    assert.equal(await afterReload.count(), 1);
    assert.match((await afterReload.locator('.sev-badge').textContent())!, /major/);
    const stored = (await srv.store.annotations.list(SEED_DOC)).find((a) => a.comment === 'browser test: transliterated calque')!;
    const text = (await srv.store.documents.get(SEED_DOC))!.targetText;
    assert.equal(text.slice(stored.start, stored.end), 'الخنتة');
    assert.equal(stored.start, text.indexOf('الخنتة'));

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'seed-document.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=HTML report')]);
    const report = fs.readFileSync((await download.path())!, 'utf8');
    assert.match(report, /browser test: transliterated calque/);
    assert.match(report, /Terminology/);
    assert.match(report, /Correction: <ins lang="ar" dir="auto"><bdi>المجلس العسكري<\/bdi><\/ins>/);
    fs.writeFileSync(path.join(ARTIFACTS, 'seed-report.html'), report);

    assert.deepEqual(errors, []);
  });
});
