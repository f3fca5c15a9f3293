// Mixed-direction text as Chromium lays it out on the reviewer page: the seed's “…”، quotation
// marks and numbers inside Arabic, an Arabic word quoted in an English comment, and an English
// quotation inside an Arabic correction. Positions are measured on screen, character by character.
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { noErrors, openReviewPage } from '../helpers/review-page.js';
import { SEED_DOC, startServer, type TestServer } from '../helpers/server.js';

interface Box {
  left: number;
  right: number;
  top: number;
}

/** The on-screen box of `length` characters starting `at` characters into the first occurrence of `needle` under `selector`. */
function box(page: Page, selector: string, needle: string, at = 0, length = 1): Promise<Box> {
  return page.evaluate(`(() => {
    const root = document.querySelector(${JSON.stringify(selector)});
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let text = '';
    const nodes = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, text.length]); text += n.textContent; }
    const start = text.indexOf(${JSON.stringify(needle)}) + ${at};
    if (start < ${at}) throw new Error('not found: ' + ${JSON.stringify(needle)});
    const point = (i) => { for (let k = nodes.length - 1; k >= 0; k--) if (nodes[k][1] <= i) return [nodes[k][0], i - nodes[k][1]]; };
    const range = document.createRange();
    range.setStart(...point(start));
    range.setEnd(...point(start + ${length}));
    const r = range.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top };
  })()`);
}

describe('browser: right-to-left and mixed text on the reviewer page', function () {
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

  it('keeps quotation marks, the Arabic comma, numbers and quotations where a reader expects them', async () => {
    // An Arabic correction that quotes English, on pair 1.
    const target = (await srv.store.documents.get(SEED_DOC))!.targetText;
    const start = target.indexOf('انسحبت');
    const correction = 'قالت الأمم المتحدة "peacekeepers left Kidal" أمس.';
    const res = await srv.fetch(`${srv.url}/api/documents/${SEED_DOC}/annotations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ side: 'target', start, end: start + 6, category: 'Style', severity: 'neutral', correction }),
    });
    assert.equal(res.status, 201);

    const r = await openReviewPage(browser, srv, { width: 1400, height: 900 });
    const { page } = r;
    const cell = '#bead-2 .cell.target';
    assert.equal(await page.evaluate(`getComputedStyle(document.querySelector('${cell}')).direction`), 'rtl');

    // “ opens the Arabic paragraph: it is its rightmost character.
    const open = await box(page, cell, '“');
    const first = await box(page, cell, 'تعرضت');
    assert.ok(open.left >= first.right - 1, 'the opening quotation mark is right of the first word');
    // ”، : the closing mark, then the Arabic comma to its left, on one line.
    const close = await box(page, cell, '”،', 0);
    const comma = await box(page, cell, '”،', 1);
    assert.ok(Math.abs(close.top - comma.top) < 4);
    assert.ok(comma.right <= close.left + 1, 'the Arabic comma follows the closing quotation mark leftwards');
    const word = await box(page, cell, 'عشوائية”');
    assert.ok(close.right <= word.left + 1, 'the closing mark follows the last quoted word leftwards');

    // 15000 inside Arabic reads left to right.
    const one = await box(page, '#bead-4 .cell.target', '15000', 0);
    const last = await box(page, '#bead-4 .cell.target', '15000', 4);
    assert.ok(one.left < last.left);

    // An Arabic word quoted in an English comment: the comma after it stays after it.
    const comment = '#bead-3 li.annotation .comment';
    const quoted = await box(page, comment, 'ادّعى', 0, 5);
    const after = await box(page, comment, 'ادّعى,', 5);
    assert.ok(after.left >= quoted.right - 1, 'the comma follows the Arabic word rightwards in English');

    // An English quotation inside an Arabic correction: one left-to-right run, in its place.
    const ins = '#bead-0 li.annotation .correction';
    const said = await box(page, ins, 'المتحدة', 0, 7);
    const peacekeepers = await box(page, ins, 'peacekeepers', 0, 12);
    const kidal = await box(page, ins, 'Kidal', 0, 5);
    const yesterday = await box(page, ins, 'أمس', 0, 3);
    assert.ok(peacekeepers.right < kidal.left, 'English reads left to right');
    assert.ok(kidal.right <= said.left + 1, 'the quotation comes after المتحدة (to its left)');
    assert.ok(yesterday.right <= peacekeepers.left + 1, 'and before أمس (to its right)');
    noErrors(r);
  });
});
