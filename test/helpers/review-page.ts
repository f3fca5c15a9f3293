// What the browser tests of the reviewer page share: a page with its errors collected, the
// words of a cell as the page's own text model sees them, and waiting for "saved".
//
// In-page code is passed as strings: the server tsconfig has no DOM types, and the test
// transpiler rewrites named functions in ways the browser cannot run.
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SEED_DOC, type TestServer } from './server.js';

export interface ReviewPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export async function openReviewPage(
  browser: Browser,
  srv: TestServer,
  opts: { width?: number; height?: number; context?: BrowserContext; reviewer?: string; doc?: string; query?: string } = {},
): Promise<ReviewPage> {
  const context = opts.context ?? (await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 720 } }));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // A blocked request is logged by Chromium as a console error; the tests block on purpose.
    if (m.type() === 'error' && !/Failed to load resource|net::ERR_FAILED/.test(m.text())) errors.push(m.text());
  });
  if (opts.reviewer) await context.addInitScript(`localStorage.setItem('tadqiq.reviewer', ${JSON.stringify(opts.reviewer)})`);
  await page.goto(`${srv.url}/documents/${opts.doc ?? SEED_DOC}${opts.query ?? ''}`);
  return { context, page, errors };
}

/** Words of a bead's cell, in reading order, as the page's text model cuts them. */
export async function wordsOf(page: Page, bead: number, side: 'source' | 'target'): Promise<Array<{ start: number; end: number; text: string }>> {
  return page.evaluate(`(async () => {
    const tm = await import('/assets/text-model.js');
    const m = tm.cellModel(document.querySelector('#bead-${bead} .cell.${side}'));
    return m.words.map((w) => ({ ...w, text: m.text.slice(w.start - m.base, w.end - m.base) }));
  })()`);
}

export const selectionText = (page: Page): Promise<string> => page.evaluate('window.getSelection().toString()');
export const activeId = (page: Page): Promise<string> => page.evaluate('document.activeElement ? document.activeElement.id : ""');
export const storageItem = (page: Page, key: string): Promise<string | null> => page.evaluate(`localStorage.getItem(${JSON.stringify(key)})`);

export async function waitSaved(page: Page, timeout = 10_000): Promise<void> {
  await waitUntil(page, `document.getElementById('save-state').textContent === 'saved'`, timeout);
}

/** Presses keys one by one and returns how many were pressed. */
export async function press(page: Page, ...keys: string[]): Promise<number> {
  for (const k of keys) await page.keyboard.press(k);
  return keys.length;
}

export function noErrors(r: ReviewPage): void {
  assert.deepEqual(r.errors, []);
}

/**
 * Polls an in-page expression until it is true. Not page.waitForFunction: that evaluates the
 * string with eval inside the page, which the Content-Security-Policy (rightly) forbids.
 */
export async function waitUntil(page: Page, expression: string, timeout = 30000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(expression)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
