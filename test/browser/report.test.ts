import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { htmlToPdf } from '../../server/report/pdf.js';
import { CHROMIUM, launchBrowser, watchErrors } from '../helpers/browser.js';
import { FORMATS } from '../helpers/formats.js';
import { ROOT } from '../helpers/paths.js';
import { SEED_DOC, startServer, type TestServer } from '../helpers/server.js';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');

describe('browser: the HTML report, its PDF, and the upload form', function () {
  this.timeout(90_000);
  let srv: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    srv = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    watchErrors(page, errors);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  it('opens the downloaded report offline with no console errors, charts drawn and Arabic right to left', async () => {
    const html = await (await srv.fetch(`${srv.url}/documents/${SEED_DOC}/report.html?at=2026-01-01T00:00:00Z`)).text();
    const file = path.join(ARTIFACTS, 'report.html');
    fs.writeFileSync(file, html);
    // Offline: any request that is not the file itself or a data: URL fails the test.
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://') || url.startsWith('data:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(`file://${file}`);
    assert.equal(await page.locator('figure.chart svg').count(), 2);
    const bar = await page.locator('figure.chart svg').first().boundingBox();
    assert.ok(bar && bar.width > 300 && bar.height > 60, 'the category chart has a size');
    assert.equal(await page.locator('.err .target[dir="rtl"][lang="ar"]').count(), 26);
    const font = await page.locator('.err .target').first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fontFamily: string } }).getComputedStyle(el).fontFamily);
    assert.match(font, /Noto Naskh Arabic/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'report.png'), fullPage: false });
    await page.locator('#charts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-charts.png') });
    assert.deepEqual(outside, []);
    assert.deepEqual(errors, []);
    await page.unroute('**/*');
  });

  it('prints the report to PDF with fixed dates', async function () {
    if (!fs.existsSync(CHROMIUM)) this.skip();
    const html = fs.readFileSync(path.join(ARTIFACTS, 'report.html'), 'utf8');
    const pdf = await htmlToPdf(html, { generatedAt: '2026-01-01T00:00:00Z', chromium: CHROMIUM });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.length > 20_000);
    assert.match(pdf.toString('latin1'), /\/CreationDate \(D:20260101000000/);
    fs.writeFileSync(path.join(ARTIFACTS, 'report.pdf'), pdf);
  });

  it('imports a memoQ file through the upload form and links to the new document', async () => {
    await page.goto(`${srv.url}/import`);
    await page.selectOption('#format', 'xliff');
    await page.setInputFiles('#file', path.join(FORMATS, 'memoq.mqxliff'));
    await page.fill('#system', 'memoq-mt');
    await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
    const done = page.locator('.import-done');
    await done.waitFor();
    assert.match((await done.textContent())!, /Imported[\s\S]*1 document\(s\), 0 annotation\(s\)[\s\S]*3 segments/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'import.png') });
    await page.click('.import-done a');
    await page.waitForURL(/\/documents\/kidal-briefing\.docx\.memoq-mt$/);
    assert.match((await page.locator('#beads').textContent())!, /أمر المجلس العسكري بعثة الأمم المتحدة بالمغادرة\./);
    assert.deepEqual(errors, []);
  });
});
