// Writes a synthetic n:m gold suite built from the NTREX-128 EN–AR documents (scripts/align/gold.ts)
// as plain files, one set per document: <id>.en and <id>.ar (one sentence a line) and <id>.gold
// (Bleualign/Vecalign bead format), so any aligner can be run and scored on exactly the same data.
//
//   npx tsx scripts/gen-align-gold.ts OUT_DIR [--ntrex DIR] [--seed 1] [--suite standard|mild]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatBeads } from './align/beads.js';
import { readNtrex } from './align/data.js';
import { MILD_RATES, STANDARD_RATES, perturb, shapeCounts, touchedShare } from './align/gold.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const k = argv.indexOf(name);
  return k >= 0 && argv[k + 1] !== undefined ? argv[k + 1]! : fallback;
};
const out = argv[0];
if (!out || out.startsWith('--')) {
  console.error('gen-align-gold: usage: gen-align-gold OUT_DIR [--ntrex DIR] [--seed N] [--suite standard|mild]');
  process.exit(2);
}
const dir = arg('--ntrex', path.resolve(ROOT, '../shared/data/ntrex128-en-ar'));
if (!fs.existsSync(path.join(dir, 'DOCUMENT_IDS.tsv'))) {
  console.error(`gen-align-gold: ${dir}: no NTREX data (DOCUMENT_IDS.tsv) there`);
  process.exit(2);
}
const seed = Number(arg('--seed', '1'));
const suite = arg('--suite', 'standard');
if (!Number.isInteger(seed) || !['standard', 'mild'].includes(suite)) {
  console.error('gen-align-gold: --seed is an integer, --suite is standard or mild');
  process.exit(2);
}
const docs = perturb(readNtrex(dir), seed, suite === 'mild' ? MILD_RATES : STANDARD_RATES);
fs.mkdirSync(out, { recursive: true });
for (const d of docs) {
  const base = path.join(out, d.id.replace(/[^\w.-]/gu, '_'));
  fs.writeFileSync(`${base}.en`, d.source.join('\n') + '\n');
  fs.writeFileSync(`${base}.ar`, d.target.join('\n') + '\n');
  fs.writeFileSync(`${base}.gold`, formatBeads(d.gold));
}
const shapes = [...shapeCounts(docs)].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
console.log(`${docs.length} documents written to ${out} (seed ${seed}, ${suite}): ${(touchedShare(docs) * 100).toFixed(1)}% of sentences outside 1-1 beads; beads ${shapes}`);
