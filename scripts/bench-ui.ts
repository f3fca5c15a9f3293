// Reviewer page benchmark: a 2,000-bead document rendered by the server and painted by Chromium.
//
//   npm run bench:ui                          # the seed repeated to 2,000 beads, with its review
//   npm run bench:ui -- --from ntrex [--ntrex ../shared/data/ntrex128-en-ar]   # NTREX-128 en→ar
//   npm run bench:ui -- --beads 500 --runs 7
//   npm run bench:ui -- --bare                # the seed without its review (a document not yet reviewed)
//
// Prints: beads, size of the page as first sent (the first 100 pairs; the page fetches the rest),
// server time for the first request (segment + align + check + render) and for later ones (the
// pipeline result is cached), and in Chromium the first and last byte, first contentful paint,
// DOMContentLoaded, load, "ready" (review.js has run and takes keys) and "all pairs" (every bead
// fetched and in the page), medians over --runs fresh browser contexts; and the round trip of
// one change (a bead status) on that document.
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { loadDefaultTypology } from '../server/core/typology.js';
import { readCorpus } from '../server/ingest/corpus.js';
import { readCorpora } from '../server/ingest/corpus.js';
import { importCorpora } from '../server/store/import-corpus.js';
import { openStore } from '../server/store/index.js';
import { createApp } from '../server/web/app.js';
import { createContext } from '../server/web/context.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values } = parseArgs({
  options: {
    beads: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
    from: { type: 'string', default: 'seed' },
    ntrex: { type: 'string', default: path.join(ROOT, '../shared/data/ntrex128-en-ar') },
    chromium: { type: 'string', default: process.env['TADQIQ_CHROMIUM'] ?? '/usr/bin/chromium' },
    bare: { type: 'boolean', default: false },
  },
});
const wanted = Number(values.beads);
const runs = Number(values.runs);

/** A corpus folder holding one generated document. */
function makeCorpus(dir: string): string {
  let source: string;
  let target: string;
  let review = '';
  if (values.from === 'ntrex') {
    const src = fs.readFileSync(path.join(values.ntrex!, 'newstest2019-src.eng.txt'), 'utf8').split('\n').filter(Boolean);
    const ref = fs.readFileSync(path.join(values.ntrex!, 'newstest2019-ref.arb.txt'), 'utf8').split('\n').filter(Boolean);
    // One segment per line: the reference translation stands in for an MT.
    source = src.slice(0, wanted).join('\n') + '\n';
    target = ref.slice(0, wanted).join('\n') + '\n';
  } else {
    // The seed, its paragraphs repeated, with its expert review placed in every copy.
    const seed = readCorpus(path.join(ROOT, 'corpora/mali-minusma')).documents[0]!;
    const s = seed.pair.sourceText.trim();
    const t = seed.pair.targetText.trim();
    const copies = Math.ceil(wanted / 15);
    source = Array(copies).fill(s).join('\n\n') + '\n';
    target = Array(copies).fill(t).join('\n\n') + '\n';
    const lines: string[] = [];
    for (let k = 0; k < copies; k++) {
      for (const a of seed.review) {
        const shift = k * ((a.side === 'source' ? s : t).length + 2);
        lines.push(JSON.stringify({ side: a.side, text: (a.side === 'source' ? s : t).slice(a.start, a.end), start: a.start + shift, end: a.end + shift, category: a.category, severity: a.severity, comment: a.comment, correction: a.correction, author: a.author }));
      }
    }
    if (!values.bare) review = lines.join('\n') + '\n';
  }
  const corpus = path.join(dir, 'bench');
  fs.mkdirSync(corpus, { recursive: true });
  fs.writeFileSync(path.join(corpus, 'source.en.txt'), source);
  fs.writeFileSync(path.join(corpus, 'mt.ar.txt'), target);
  if (review) fs.writeFileSync(path.join(corpus, 'review.jsonl'), review);
  fs.copyFileSync(path.join(ROOT, 'corpora/mali-minusma/glossary.tbx'), path.join(corpus, 'glossary.tbx'));
  fs.writeFileSync(
    path.join(corpus, 'manifest.json'),
    JSON.stringify({
      schema: 'tadqiq.corpus/1', id: 'bench', title: 'Benchmark', sourceLang: 'en', targetLang: 'ar', glossary: 'glossary.tbx',
      documents: [{ id: 'doc', title: `Benchmark (${values.from})`, source: 'source.en.txt', translations: [{ system: 'mt', file: 'mt.ar.txt', ...(review ? { review: 'review.jsonl' } : {}) }] }],
    }),
  );
  return dir;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number) => `${Math.round(x)} ms`;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-bench-ui-'));
  makeCorpus(dir);
  const store = openStore(path.join(dir, 'bench.sqlite'));
  const { corpora, errors } = readCorpora(dir);
  if (errors.length) throw errors[0];
  await importCorpora(store, corpora);
  const app = createApp(createContext(store, loadDefaultTypology()), { demo: true }); // loopback, as npm start
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/documents/doc.mt`;

  const timeRequest = async () => {
    const t = performance.now();
    const res = await fetch(url);
    const html = await res.text();
    return { ms: performance.now() - t, bytes: Buffer.byteLength(html), beads: (html.match(/<section class="bead /g) ?? []).length };
  };
  const cold = await timeRequest();
  if (cold.beads === 0) throw new Error(`no document at ${url}`);
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push((await timeRequest()).ms);

  const browser = await chromium.launch({ executablePath: values.chromium!, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const figures = { ttfb: [] as number[], last: [] as number[], fcp: [] as number[], dcl: [] as number[], load: [] as number[], ready: [] as number[], all: [] as number[] };
  let inPage = 0;
  for (let i = 0; i < runs + 1; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(url, { waitUntil: 'load' });
    // Polled with evaluate: the page's CSP (no unsafe-eval) refuses waitForFunction's string.
    for (const end = Date.now() + 120_000; !(await page.evaluate('performance.getEntriesByName("tadqiq-all-beads").length > 0')); ) {
      if (Date.now() > end) throw new Error('the page never finished loading its pairs');
      await new Promise((r) => setTimeout(r, 20));
    }
    inPage = (await page.evaluate('document.querySelectorAll("#beads > .bead").length')) as number;
    const f = (await page.evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { ttfb: nav.responseStart, last: nav.responseEnd, fcp: fcp ? fcp.startTime : NaN, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, ready: performance.getEntriesByName('tadqiq-ready')[0].startTime, all: performance.getEntriesByName('tadqiq-all-beads')[0].startTime };
    })()`)) as Record<keyof typeof figures, number>;
    // The first context warms Chromium itself (process start, font cache); it is not counted.
    if (i > 0) for (const k of Object.keys(figures) as Array<keyof typeof figures>) figures[k].push(f[k]);
    await context.close();
  }
  await browser.close();

  // One change on the big document: a status, answered with the new summary.
  // As the page does it: the session cookie and its CSRF token (demo mode on loopback).
  const origin = new URL(url).origin;
  const session = await fetch(`${origin}/api/session`);
  const cookie = session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const key = 's0t0';
  const change: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fetch(url.replace('/documents/', '/api/documents/') + `/beads/${key}/status`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken, Origin: origin },
      body: JSON.stringify({ status: i % 2 ? 'not-started' : 'reviewed' }),
    });
    change.push(performance.now() - t);
  }

  server.close();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });

  console.log(`Reviewer page benchmark (${values.from}${values.from === 'ntrex' ? ', no review' : values.bare ? ', no review' : ', with its review'}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}, Chromium ${browser.version()}, median of ${runs})`);
  console.log(`  beads                         ${inPage} (${cold.beads} in the first answer)`);
  console.log(`  HTML of the first answer      ${(cold.bytes / 1024).toFixed(0)} KiB`);
  console.log(`  server, first request         ${ms(cold.ms)}  (segment + align + check + render)`);
  console.log(`  server, later requests        ${ms(median(warm))}  (render; pipeline cached)`);
  console.log(`  Chromium first byte           ${ms(median(figures.ttfb))}`);
  console.log(`  Chromium last byte            ${ms(median(figures.last))}`);
  console.log(`  Chromium first contentful paint ${ms(median(figures.fcp))}`);
  console.log(`  Chromium DOMContentLoaded     ${ms(median(figures.dcl))}`);
  console.log(`  Chromium load                 ${ms(median(figures.load))}`);
  console.log(`  page ready (review.js ran)    ${ms(median(figures.ready))}`);
  console.log(`  all pairs in the page         ${ms(median(figures.all))}`);
  console.log(`  one change (status) round trip ${ms(median(change))}`);
}

await main();
