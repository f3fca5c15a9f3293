// Alignment at scale: one document pair of ~100,000 × 100,000 sentences, built by concatenating
// the NTREX-128 EN–AR documents in shuffled order until the size is reached (repeated text, so
// no sentence is unique: that defeats hapax-based chunking) and perturbing it with the standard
// suite. Prints wall and CPU time, peak memory (max RSS of this process) and the F1 of the result.
//
//   npm run bench:align -- [--sentences 100000] [--ntrex DIR] [--seed 1] [--single-pass] [--options JSON]
// Without the NTREX data (../shared) the bundled Mali/MINUSMA document is repeated instead.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AlignOptions, alignDetailed } from '../server/align/index.js';
import { segment } from '../server/segment/index.js';
import type { GoldBead } from './align/beads.js';
import { fromLines, readNtrex } from './align/data.js';
import { type ParallelDoc, STANDARD_RATES, perturb } from './align/gold.js';
import { rng } from './lib/random.js';
import { scoreDocuments } from './align/score.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const k = argv.indexOf(name);
  return k >= 0 && argv[k + 1] !== undefined ? argv[k + 1]! : fallback;
};
const target = Number(arg('--sentences', '100000'));
const seed = Number(arg('--seed', '1'));
const ntrexDir = arg('--ntrex', path.resolve(ROOT, '../shared/data/ntrex128-en-ar'));

let docs: ParallelDoc[];
let origin: string;
if (fs.existsSync(path.join(ntrexDir, 'DOCUMENT_IDS.tsv'))) {
  docs = readNtrex(ntrexDir);
  origin = 'NTREX-128 EN–AR documents';
} else {
  const en = segment(fs.readFileSync(path.join(ROOT, 'corpora/mali-minusma/source.en.txt'), 'utf8'), 'en').sentences.map((s) => s.text);
  const ar = segment(fs.readFileSync(path.join(ROOT, 'corpora/mali-minusma/mt.ar.txt'), 'utf8'), 'ar').sentences.map((s) => s.text);
  docs = [{ id: 'mali-minusma', source: en, target: ar }];
  origin = 'the bundled Mali/MINUSMA document (NTREX not found)';
}

// Shuffled concatenation up to the requested size, as one document.
const r = rng(seed);
const big: ParallelDoc = { id: 'long', source: [], target: [] };
while (big.source.length < target) {
  const order = docs.map((_, k) => k);
  for (let k = order.length - 1; k > 0; k--) {
    const x = Math.floor(r() * (k + 1));
    [order[k], order[x]] = [order[x]!, order[k]!];
  }
  for (const k of order) {
    const d = docs[k]!;
    const room = target - big.source.length;
    if (room <= 0) break;
    big.source.push(...d.source.slice(0, room));
    big.target.push(...d.target.slice(0, room));
  }
}
// Insertions take a sentence from "another document": give the generator the real documents too.
const [long] = perturb([big, ...docs], seed, STANDARD_RATES);
const source = fromLines(long!.source, 'en');
const targetText = fromLines(long!.target, 'ar');

const cpu0 = process.cpuUsage();
const t0 = performance.now();
// --options '{"decode":"viterbi"}' passes aligner options through (experiments).
const extra = JSON.parse(arg('--options', '{}')) as AlignOptions;
const result = alignDetailed(source, targetText, { ...extra, ...(argv.includes('--single-pass') ? { singlePass: true } : {}) });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
// Segmentation at the same scale, after the alignment so the peak memory above is the
// alignment's: the perturbed texts as paragraphs of 16 sentences each.
const asText = (lines: string[]) => {
  const paras: string[] = [];
  for (let k = 0; k < lines.length; k += 16) paras.push(lines.slice(k, k + 16).join(' '));
  return paras.join('\n\n');
};
const enText = asText(long!.source);
const arText = asText(long!.target);
let t = performance.now();
const segEn = segment(enText, 'en').sentences.length;
const segEnMs = performance.now() - t;
t = performance.now();
const segAr = segment(arText, 'ar').sentences.length;
const segArMs = performance.now() - t;

const s = scoreDocuments([{ gold: long!.gold, test: result.beads.map((b) => [b.source, b.target] as GoldBead) }]);

console.log(`Segmentation: ${(enText.length / 1e6).toFixed(1)} M characters of English into ${segEn} sentences in ${(segEnMs / 1000).toFixed(2)} s; ${(arText.length / 1e6).toFixed(1)} M characters of Arabic into ${segAr} in ${(segArMs / 1000).toFixed(2)} s`);
console.log(`Input: ${source.sentences.length} EN × ${targetText.sentences.length} AR sentences (${origin}, shuffled, standard perturbation, seed ${seed})`);
console.log(`Time: ${seconds.toFixed(1)} s wall, ${(cpu.user / 1e6).toFixed(1)} s user CPU, ${(cpu.system / 1e6).toFixed(1)} s system CPU`);
console.log(`Phases: ${Object.entries(result.timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
console.log(`Peak memory (max RSS of the whole process, input included): ${maxRssMiB.toFixed(0)} MiB`);
console.log(`Cells searched in the final pass: ${result.cells.toLocaleString('en')} (${(result.cells / source.sentences.length).toFixed(1)} per source sentence); band widened ${result.widenings} times`);
console.log(`Strict F1 ${s.f1Strict.toFixed(3)} (P ${s.precisionStrict.toFixed(3)}, R ${s.recallStrict.toFixed(3)}), lax F1 ${s.f1Lax.toFixed(3)}, omission recall ${s.omissionRecall.toFixed(3)}, addition recall ${s.additionRecall.toFixed(3)}`);
