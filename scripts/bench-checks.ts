// Benchmark: every check over N sentence pairs (default 100,000) on one core.
//   npx tsx scripts/bench-checks.ts [NTREX folder] [--pairs N]
// The pairs are NTREX-128 EN–AR news documents (../shared/data/ntrex128-en-ar by default),
// repeated until N; without that folder, the bundled corpora are repeated instead. Documents
// keep their own size (NTREX: 16 pairs on average) and gold 1-1 alignment, so only the checks
// are timed (each round works on fresh copies of the documents). Word lists load once per
// process; that start-up time is printed on its own.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runChecks } from '../server/check/index.js';
import type { Bead, SegmentedText } from '../server/core/types.js';
import { readCorpora } from '../server/ingest/corpus.js';
import { align } from '../server/align/index.js';
import { segment } from '../server/segment/index.js';
import { isArabicWord } from '../server/text/arabic-dictionary.js';
import { isEnglishWord } from '../server/text/english-words.js';
import { ntrexDocuments } from './ntrex.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { pairs: { type: 'string', default: '100000' } } });
const target = Number(values.pairs);
const dir = path.resolve(positionals[0] ?? path.join(import.meta.dirname, '../../shared/data/ntrex128-en-ar'));

interface Doc {
  source: SegmentedText;
  target: SegmentedText;
  alignment: Bead[];
}
let base: Doc[];
let origin: string;
if (fs.existsSync(path.join(dir, 'newstest2019-src.eng.txt'))) {
  base = ntrexDocuments(dir).map((d) => ({ source: d.source, target: d.target, alignment: d.alignment }));
  origin = `NTREX-128 (${dir})`;
} else {
  base = readCorpora(path.join(import.meta.dirname, '../corpora')).corpora.flatMap((c) =>
    c.documents.map((d) => {
      const source = segment(d.pair.sourceText, d.pair.sourceLang);
      const tgt = segment(d.pair.targetText, d.pair.targetLang);
      return { source, target: tgt, alignment: align(source, tgt) };
    }),
  );
  origin = 'the bundled corpora (NTREX not found)';
}
const perRound = base.reduce((n, d) => n + d.alignment.length, 0);

let t0 = performance.now();
isArabicWord('جنون');
isEnglishWord('game');
const startup = performance.now() - t0;

const timings = new Map<string, number>();
let pairs = 0;
let findings = 0;
const cpu0 = process.cpuUsage();
t0 = performance.now();
while (pairs < target) {
  for (const b of base) {
    // A fresh copy each round, so nothing cached per document carries over: only word-level
    // caches do, as they would across real documents sharing a vocabulary.
    const d = structuredClone(b);
    findings += runChecks(d, {}, { timings }).length;
    pairs += d.alignment.length;
    if (pairs >= target) break;
  }
}
const total = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(`pairs: ${pairs.toLocaleString('en-US')} from ${origin}, ${perRound} pairs per round`);
console.log(`word lists loaded once: ${(startup / 1000).toFixed(2)} s`);
console.log(`all checks: ${(total / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU (${((cpuMs / pairs) * 1000).toFixed(1)} µs CPU per pair), ${findings} findings`);
console.log(`machine load average while running: ${(await import('node:os')).loadavg()[0]!.toFixed(2)} (wall times are inflated when other processes share the cores)`);
console.log(`total with start-up: ${((total + startup) / 1000).toFixed(2)} s`);
for (const [id, ms] of [...timings].sort((a, b) => b[1] - a[1])) console.log(`  ${id.padEnd(13)} ${(ms / 1000).toFixed(2)} s`);
