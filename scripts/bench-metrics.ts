// Speed of Tadqiq's BLEU, chrF, chrF++ and TER at 3,000 and 100,000 segment pairs.
//   npm run bench:metrics -- [REF_FILE] [--sizes 3000,100000] [--seed 1] [--sacrebleu CMD] [--keep DIR]
// References: the NTREX-128 Arabic file (repeated to reach the size); hypotheses: a perturbed
// copy (words dropped, swapped and duplicated with a seeded RNG). For each metric and size it
// prints the in-process scoring time and the wall time of a fresh `sacrebleu.ts` process that
// reads the files and prints the score; with --sacrebleu it times the real sacreBLEU too and
// checks that both print the same score.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BLEU, CHRF, TER } from '../server/score/metrics/index.js';
import { pyLines, pyRstrip, pySplit } from '../server/score/python-str.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_REF = resolve(repoRoot, '../shared/data/ntrex128-en-ar/newstest2019-ref.arb.txt');

interface Case {
  label: string;
  cliArgs: string[];
  score(hyps: string[], refs: string[][]): number;
}

const CASES: Case[] = [
  { label: 'BLEU', cliArgs: ['-m', 'bleu'], score: (h, r) => new BLEU().corpusScore(h, r).score },
  { label: 'chrF', cliArgs: ['-m', 'chrf'], score: (h, r) => new CHRF().corpusScore(h, r).score },
  { label: 'chrF++', cliArgs: ['-m', 'chrf', '--chrf-word-order', '2'], score: (h, r) => new CHRF({ wordOrder: 2 }).corpusScore(h, r).score },
  { label: 'TER', cliArgs: ['-m', 'ter'], score: (h, r) => new TER().corpusScore(h, r).score },
];

/** mulberry32: small, fast and reproducible across platforms. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plausible MT error pattern: ~8% of words dropped, ~8% swapped with the next, ~4% doubled. */
function perturb(line: string, rand: () => number): string {
  const words = pySplit(line);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const r = rand();
    if (r < 0.08) continue;
    if (r < 0.16 && i + 1 < words.length) {
      out.push(words[i + 1]!, words[i]!);
      i++;
    } else if (r < 0.2) {
      out.push(words[i]!, words[i]!);
    } else {
      out.push(words[i]!);
    }
  }
  return out.join(' ');
}

function makeData(refLines: string[], size: number, seed: number): { hyps: string[]; refs: string[] } {
  const rand = rng(seed);
  const hyps: string[] = [];
  const refs: string[] = [];
  for (let i = 0; i < size; i++) {
    const ref = refLines[i % refLines.length]!;
    refs.push(ref);
    hyps.push(perturb(ref, rand));
  }
  return { hyps, refs };
}

function parse(argv: string[]): { refFile: string; sizes: number[]; seed: number; sacrebleu: string | null; keep: string | null } {
  let refFile = DEFAULT_REF;
  let sizes = [3000, 100000];
  let seed = 1;
  let sacrebleu: string | null = null;
  let keep: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--sizes') sizes = next().split(',').map((s) => Number.parseInt(s, 10));
    else if (a === '--seed') seed = Number.parseInt(next(), 10);
    else if (a === '--sacrebleu') sacrebleu = next();
    else if (a === '--keep') keep = next();
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else refFile = resolve(a);
  }
  if (sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error('--sizes takes positive integers, e.g. 3000,100000');
  return { refFile, sizes, seed, sacrebleu, keep };
}

/** Runs a command and returns its wall time in seconds and its stdout. */
function timeCommand(cmd: string, args: string[]): { seconds: number; stdout: string } {
  const start = process.hrtime.bigint();
  const res = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${res.stderr || res.error?.message}`);
  return { seconds, stdout: res.stdout.trim() };
}

function main(): void {
  const { refFile, sizes, seed, sacrebleu, keep } = parse(process.argv.slice(2));
  let refLines: string[];
  try {
    refLines = pyLines(readFileSync(refFile, 'utf8')).map(pyRstrip).filter((l) => l !== '');
  } catch {
    throw new Error(`cannot read ${refFile} (pass the reference file as the first argument)`);
  }
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'bench-metrics-'));
  mkdirSync(dir, { recursive: true });
  const tsx = join(repoRoot, 'node_modules/.bin/tsx');
  const cli = join(repoRoot, 'scripts/sacrebleu.ts');

  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
  console.log(`references: ${refFile} (${refLines.length} lines, repeated), hypotheses perturbed with seed ${seed}`);
  const header = ['metric', 'segments', 'score', 'in-process s', 'segments/s', 'process s'];
  if (sacrebleu) header.push('sacreBLEU s', 'same score');
  const rows: string[][] = [header];
  try {
    for (const size of sizes) {
      const { hyps, refs } = makeData(refLines, size, seed);
      const hypFile = join(dir, `hyp.${size}.txt`);
      const refPath = join(dir, `ref.${size}.txt`);
      writeFileSync(hypFile, `${hyps.join('\n')}\n`);
      writeFileSync(refPath, `${refs.join('\n')}\n`);
      for (const c of CASES) {
        const start = process.hrtime.bigint();
        const score = c.score(hyps, [refs]);
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        const args = [refPath, '-i', hypFile, ...c.cliArgs, '-b', '-w', '4'];
        const proc = timeCommand(tsx, [cli, ...args]);
        const row = [c.label, String(size), proc.stdout, seconds.toFixed(3), Math.round(size / seconds).toLocaleString('en-US'),
          proc.seconds.toFixed(3)];
        if (sacrebleu) {
          const real = timeCommand(sacrebleu, args);
          row.push(real.seconds.toFixed(3), real.stdout === proc.stdout ? 'yes' : `NO (${real.stdout})`);
        }
        if (Math.abs(Number(proc.stdout) - score) > 5e-5) row[2] += ' (in-process score differs!)';
        rows.push(row);
        console.error(`  ${row.join('  ')}`);
      }
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  const widths = header.map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
  const line = (r: string[]): string => `| ${r.map((c, k) => c.padEnd(widths[k]!)).join(' | ')} |`;
  console.log(line(rows[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
}

try {
  main();
} catch (e) {
  console.error(`bench-metrics: ${(e as Error).message}`);
  process.exitCode = 2;
}
