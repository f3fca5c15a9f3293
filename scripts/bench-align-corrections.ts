// How long one alignment correction takes on a long document, through the real app: the seed
// repeated to ~N pairs (with its glossary, no review), then merges and their undos near the start
// (the worst case: every later pair is renumbered on the page) timed as the browser's request.
// Each change re-runs the checks on the whole document with the new alignment.
//
//   npx tsx scripts/bench-align-corrections.ts [--beads 2000] [--runs 5]
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDefaultTypology } from '../server/core/typology.js';
import { readCorpora, readCorpus } from '../server/ingest/corpus.js';
import { importCorpora } from '../server/store/import-corpus.js';
import { openStore } from '../server/store/index.js';
import { createApp } from '../server/web/app.js';
import { createContext } from '../server/web/context.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values } = parseArgs({ options: { beads: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' } } });
const wanted = Number(values.beads);
const runs = Number(values.runs);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-bench-alignfix-'));
  const seed = readCorpus(path.join(ROOT, 'corpora/mali-minusma')).documents[0]!;
  const copies = Math.ceil(wanted / 15);
  const corpus = path.join(dir, 'bench');
  fs.mkdirSync(corpus);
  fs.writeFileSync(path.join(corpus, 'source.en.txt'), Array(copies).fill(seed.pair.sourceText.trim()).join('\n\n') + '\n');
  fs.writeFileSync(path.join(corpus, 'mt.ar.txt'), Array(copies).fill(seed.pair.targetText.trim()).join('\n\n') + '\n');
  fs.copyFileSync(path.join(ROOT, 'corpora/mali-minusma/glossary.tbx'), path.join(corpus, 'glossary.tbx'));
  fs.writeFileSync(
    path.join(corpus, 'manifest.json'),
    JSON.stringify({ schema: 'tadqiq.corpus/1', id: 'bench', title: 'Benchmark', sourceLang: 'en', targetLang: 'ar', glossary: 'glossary.tbx', documents: [{ id: 'doc', title: 'Benchmark', source: 'source.en.txt', translations: [{ system: 'mt', file: 'mt.ar.txt' }] }] }),
  );
  const store = openStore(path.join(dir, 'bench.sqlite'));
  await importCorpora(store, readCorpora(dir).corpora);
  const app = createApp(createContext(store, loadDefaultTypology()), { demo: true }); // loopback, as npm start
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const api = `${base}/api/documents/doc.mt/alignment`;
  const timed = async <T>(f: () => Promise<T>) => {
    const t = performance.now();
    const v = await f();
    return { ms: performance.now() - t, v };
  };
  const first = await timed(() => fetch(`${base}/documents/doc.mt`).then((r) => r.text()));
  let revision = 0;
  // As the page does it: the session cookie and its CSRF token (demo mode on loopback).
  const origin = new URL(base).origin;
  const session = await fetch(`${origin}/api/session`);
  const cookie = session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const post = async (body: Record<string, unknown>) => {
    const r = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken, Origin: origin }, body: JSON.stringify({ ...body, base: revision }) });
    const j = (await r.json()) as { revision: number; beads: unknown[]; change: { added: number }; before: unknown };
    if (!r.ok) throw new Error(JSON.stringify(j));
    revision = j.revision;
    return j;
  };
  const change: number[] = [];
  const redraw: number[] = [];
  let beads = 0;
  for (let i = 0; i < runs; i++) {
    const m = await timed(() => post({ op: 'merge', bead: 1 }));
    beads = m.v.beads.length + 1;
    change.push(m.ms);
    // What the page fetches next: the changed pairs' HTML.
    redraw.push((await timed(() => fetch(`${base}/documents/doc.mt/beads?from=1&count=${m.v.change.added}`).then((r) => r.text()))).ms);
    change.push((await timed(() => post({ op: 'restore', alignment: m.v.before }))).ms);
  }
  console.log(`pairs: ${beads}`);
  console.log(`first page request (segment + align + check + render): ${Math.round(first.ms)} ms`);
  console.log(`one alignment change (merge or its undo), answer: median ${Math.round(median(change))} ms, max ${Math.round(Math.max(...change))} ms over ${change.length}`);
  console.log(`the changed pairs' HTML: median ${Math.round(median(redraw))} ms`);
  server.closeAllConnections();
  server.close();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
