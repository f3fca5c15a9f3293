// Alignment evaluation: Tadqiq, hunalign (WASM, null dictionary) and plain Gale–Church on the same
// inputs, scored with Vecalign's strict/lax bead P/R/F1 (micro-averaged), plus omission and
// addition recall and a calibration table for Tadqiq's confidences.
//
//   npm run eval:align                       # both datasets from ../shared/data
//   npm run eval:align -- --ntrex DIR --textberg DIR --seed 1 [--suite standard|mild|both]
//                         [--no-hunalign] [--json out.json]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignDetailed } from '../server/align/index.js';
import type { GoldBead } from './align/beads.js';
import { fromLines, readNtrex, readTextBergDev } from './align/data.js';
import { type GoldDoc, MILD_RATES, STANDARD_RATES, perturb, shapeCounts, touchedShare } from './align/gold.js';
import { galeChurch, hunalign } from './align/peers.js';
import { type Scores, scoreDocuments } from './align/score.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

interface Args {
  ntrex: string;
  textberg: string;
  seed: number;
  suite: 'standard' | 'mild' | 'both';
  hunalign: boolean;
  json?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    ntrex: path.resolve(ROOT, '../shared/data/ntrex128-en-ar'),
    textberg: path.resolve(ROOT, '../shared/data/textberg-defr-dev'),
    seed: 1,
    suite: 'standard',
    hunalign: true,
  };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    const next = () => {
      const v = argv[++k];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--ntrex') args.ntrex = path.resolve(next());
    else if (a === '--textberg') args.textberg = path.resolve(next());
    else if (a === '--seed') args.seed = Number(next());
    else if (a === '--suite') args.suite = next() as Args['suite'];
    else if (a === '--no-hunalign') args.hunalign = false;
    else if (a === '--json') args.json = next();
    else fail(`unknown option ${a}`);
  }
  if (!Number.isInteger(args.seed)) fail('--seed must be an integer');
  if (!['standard', 'mild', 'both'].includes(args.suite)) fail('--suite is standard, mild or both');
  return args;
}

function fail(message: string): never {
  console.error(`eval-align: ${message}`);
  process.exit(2);
}

interface Doc {
  id: string;
  source: string[];
  target: string[];
  gold: GoldBead[];
  sourceLang: string;
  targetLang: string;
}

interface Row {
  aligner: string;
  scores: Scores;
  seconds: number;
}

interface Calibration {
  bins: Array<{ from: number; to: number; beads: number; correct: number }>;
}

async function runAll(docs: Doc[], withHunalign: boolean): Promise<{ rows: Row[]; calibration: Calibration }> {
  const rows: Row[] = [];
  const bins = Array.from({ length: 10 }, (_, k) => ({ from: k / 10, to: (k + 1) / 10, beads: 0, correct: 0 }));

  let t0 = performance.now();
  const tadqiq = docs.map((d) => {
    const r = alignDetailed(fromLines(d.source, d.sourceLang), fromLines(d.target, d.targetLang));
    return r.beads;
  });
  rows.push({ aligner: 'Tadqiq', seconds: (performance.now() - t0) / 1000, scores: scoreDocuments(docs.map((d, k) => ({ gold: d.gold, test: tadqiq[k]!.map((b) => [b.source, b.target] as GoldBead) }))) });
  docs.forEach((d, k) => {
    const gold = new Set(d.gold.map((b) => `${b[0]}:${b[1]}`));
    for (const b of tadqiq[k]!) {
      const bin = bins[Math.min(9, Math.floor(b.confidence * 10))]!;
      bin.beads++;
      if (gold.has(`${b.source}:${b.target}`)) bin.correct++;
    }
  });

  if (withHunalign) {
    t0 = performance.now();
    const out: GoldBead[][] = [];
    for (const d of docs) out.push(await hunalign(d.source, d.target));
    rows.push({ aligner: 'hunalign (WASM)', seconds: (performance.now() - t0) / 1000, scores: scoreDocuments(docs.map((d, k) => ({ gold: d.gold, test: out[k]! }))) });
  }

  t0 = performance.now();
  const gc = docs.map((d) => galeChurch(d.source, d.target));
  rows.push({ aligner: 'Gale–Church', seconds: (performance.now() - t0) / 1000, scores: scoreDocuments(docs.map((d, k) => ({ gold: d.gold, test: gc[k]! }))) });
  return { rows, calibration: { bins } };
}

const f3 = (x: number) => x.toFixed(3);

function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  console.log('| Aligner | strict P | strict R | strict F1 | lax P | lax R | lax F1 | omission R | addition R | time (s) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const s = r.scores;
    console.log(`| ${r.aligner} | ${f3(s.precisionStrict)} | ${f3(s.recallStrict)} | **${f3(s.f1Strict)}** | ${f3(s.precisionLax)} | ${f3(s.recallLax)} | ${f3(s.f1Lax)} | ${s.omissions ? f3(s.omissionRecall) : '–'} | ${s.additions ? f3(s.additionRecall) : '–'} | ${r.seconds.toFixed(2)} |`);
  }
}

function printCalibration(c: Calibration): void {
  console.log('\nTadqiq confidence calibration (share of beads exactly right, per confidence bin):');
  console.log('| confidence | beads | exactly right |');
  console.log('|---|---|---|');
  for (const b of c.bins) if (b.beads) console.log(`| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.beads} | ${f3(b.correct / b.beads)} |`);
  const below = c.bins.filter((b) => b.to <= 0.5);
  const above = c.bins.filter((b) => b.from >= 0.5);
  const sum = (bs: typeof c.bins, k: 'beads' | 'correct') => bs.reduce((a, b) => a + b[k], 0);
  const wrong = sum(c.bins, 'beads') - sum(c.bins, 'correct');
  const wrongBelow = sum(below, 'beads') - sum(below, 'correct');
  console.log(`Below 0.5 ("check alignment"): ${sum(below, 'beads')} beads, ${f3(1 - sum(below, 'correct') / Math.max(1, sum(below, 'beads')))} of them wrong; they hold ${f3(wrongBelow / Math.max(1, wrong))} of all wrong beads. At or above 0.5: ${f3(sum(above, 'correct') / Math.max(1, sum(above, 'beads')))} right.`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const report: Record<string, unknown> = { seed: args.seed };
  const ntrexThere = fs.existsSync(path.join(args.ntrex, 'DOCUMENT_IDS.tsv'));
  const textbergThere = fs.existsSync(path.join(args.textberg, 'dev.defr'));
  if (!ntrexThere && !textbergThere) fail(`no data: neither ${args.ntrex} nor ${args.textberg} exists`);

  if (ntrexThere) {
    const base = readNtrex(args.ntrex);
    const suites: Array<[string, GoldDoc[]]> = [];
    if (args.suite !== 'mild') suites.push(['standard', perturb(base, args.seed, STANDARD_RATES)]);
    if (args.suite !== 'standard') suites.push(['mild', perturb(base, args.seed, MILD_RATES)]);
    for (const [name, docs] of suites) {
      const shapes = [...shapeCounts(docs)].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
      const nS = docs.reduce((a, d) => a + d.source.length, 0);
      const nT = docs.reduce((a, d) => a + d.target.length, 0);
      const { rows, calibration } = await runAll(docs.map((d) => ({ ...d, sourceLang: 'en', targetLang: 'ar' })), args.hunalign);
      printTable(`NTREX-128 EN–AR, ${docs.length} documents, ${name} perturbation (seed ${args.seed}): ${nS} EN × ${nT} AR sentences, ${(touchedShare(docs) * 100).toFixed(1)}% of sentences outside 1-1 beads; gold beads: ${shapes}`, rows);
      printCalibration(calibration);
      report[`ntrex-${name}`] = { rows, calibration, touched: touchedShare(docs) };
    }
  } else console.log(`(NTREX skipped: ${args.ntrex} not found)`);

  if (textbergThere) {
    const tb = readTextBergDev(args.textberg);
    const { rows, calibration } = await runAll([{ ...tb, sourceLang: 'de', targetLang: 'fr' }], args.hunalign);
    printTable(`Text+Berg DE–FR dev document: ${tb.source.length} DE × ${tb.target.length} FR sentences, ${tb.gold.length} gold beads`, rows);
    printCalibration(calibration);
    report['textberg-dev'] = { rows, calibration };
  } else console.log(`(Text+Berg skipped: ${args.textberg} not found)`);

  if (args.json) fs.writeFileSync(args.json, JSON.stringify(report, null, 2));
}

await main();
