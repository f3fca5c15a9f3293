// Speed of the format layer on a synthetic translation memory built from the seed sentences:
//   npm run bench:formats -- [segments=5000]
// Prints the time to import a TMX of that size (decode, parse, build, store) and to export it
// as Marot TSV, XLIFF 2.1 + ITS and an HTML report.
import { performance } from 'node:perf_hooks';
import { loadDefaultTypology } from '../server/core/typology.js';
import { readCorpus } from '../server/ingest/corpus.js';
import { runImport } from '../server/ingest/import.js';
import { buildDocumentView } from '../server/report/document-view.js';
import { documentReport } from '../server/report/html.js';
import { marotTsv } from '../server/report/marot.js';
import { documentXliff } from '../server/report/xliff-its.js';
import { processDocument } from '../server/pipeline.js';
import { scoreDocument } from '../server/score/document.js';
import { openStore } from '../server/store/index.js';

const n = Number(process.argv[2] ?? 5000);
const seed = processDocument(readCorpus('corpora/mali-minusma').documents[0]!.pair);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const tus: string[] = [];
for (let i = 0; i < n; i++) {
  const b = seed.alignment[i % seed.alignment.length]!;
  const src = b.source.map((k) => seed.source.sentences[k]!.text).join(' ');
  const tgt = b.target.map((k) => seed.target.sentences[k]!.text).join(' ');
  tus.push(`<tu tuid="${i + 1}"><tuv xml:lang="en"><seg>${esc(src)}</seg></tuv><tuv xml:lang="ar"><seg>${esc(tgt)}</seg></tuv></tu>`);
}
const tmx = `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="bench" creationtoolversion="1"/><body>\n${tus.join('\n')}\n</body></tmx>\n`;
const bytes = Buffer.from(tmx);
const typology = loadDefaultTypology();
const store = openStore(':memory:');
const time = async <T>(label: string, f: () => Promise<T> | T): Promise<T> => {
  const t = performance.now();
  const r = await f();
  console.log(`${label.padEnd(34)} ${(performance.now() - t).toFixed(0).padStart(7)} ms`);
  return r;
};
console.log(`TMX: ${n} segments, ${(bytes.length / 1048576).toFixed(1)} MB`);
const sum = await time('import (decode, parse, store)', () => runImport(store, typology, { file: { name: 'bench.tmx', bytes }, maxBytes: 1 << 30 }));
const doc = (await store.documents.get(sum.documents[0]!.id))!;
const view = await time('pipeline (segment, align, check)', () => buildDocumentView(processDocument(doc), []));
const scores = scoreDocument(doc, view);
await time('export Marot TSV', () => marotTsv([{ doc, view }], typology));
await time('export XLIFF 2.1 + ITS', () => documentXliff(doc, view, { mqm: scores.mqm, passThreshold: 90 }));
await time('HTML report (with charts)', () => documentReport(doc, view, scores, { generatedAt: '2026-01-01T00:00:00Z' }));
store.close();
