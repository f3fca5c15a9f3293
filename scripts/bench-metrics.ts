// Speed of Tadqiq's BLEU, chrF, chrF++ and TER at 3,000 and 100,000 segment pairs.
//   npm run bench:metrics -- [REF_FILE] [--sizes 3000,100000] [--repeat 3] [--seed 1]
//                            [--sacrebleu PATH_TO_SACREBLEU] [--keep DIR]
// References: the NTREX-128 Arabic file, repeated to reach the size; hypotheses: a perturbed
// copy (words dropped, swapped and doubled with a seeded RNG). For each metric and size:
//   in-process s  scoring time measured inside a fresh process (read files excluded, JIT cold)
//   tsx process s wall time of `node --import tsx scripts/sacrebleu.ts REF -i HYP -m …` (what
//                 `npm run sacrebleu` runs, without npm's own start-up of about 0.4 s)
//   node process s the same command bundled to one JavaScript file and run by plain `node`
//                 (skipped when esbuild, which tsx depends on, cannot be loaded)
//   sacreBLEU s   with --sacrebleu: the real sacreBLEU command line on the same files, and
//                 whether it prints the same score (4 decimals).
// Times are the best of --repeat runs, the least disturbed by other work on the machine
// (sacreBLEU runs once at sizes above 10,000: it is slow).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BLEU, CHRF, TER } from '../server/score/metrics/index.js';
import { perturbWords, rng } from './lib/random.js';
import { pyLines, pyRstrip } from '../server/score/python-str.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);
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

/** A plausible MT error pattern (lib/random.ts): words dropped, swapped and doubled. */
const perturb = (line: string, rand: () => number) => perturbWords(line, rand).join(' ');

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

interface Options {
  refFile: string;
  sizes: number[];
  repeat: number;
  seed: number;
  sacrebleu: string | null;
  keep: string | null;
}

function parse(argv: string[]): Options {
  const o: Options = { refFile: DEFAULT_REF, sizes: [3000, 100000], repeat: 3, seed: 1, sacrebleu: null, keep: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--sizes') o.sizes = next().split(',').map((s) => Number(s));
    else if (a === '--repeat') o.repeat = Number(next());
    else if (a === '--seed') o.seed = Number(next());
    else if (a === '--sacrebleu') o.sacrebleu = next();
    else if (a === '--keep') o.keep = next();
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else o.refFile = resolve(a);
  }
  if (o.sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error('--sizes takes positive integers, e.g. 3000,100000');
  if (!Number.isInteger(o.repeat) || o.repeat < 1) throw new Error('--repeat takes a positive integer');
  return o;
}

/** Runs a command; its wall time in seconds and its trimmed stdout. */
function timed(cmd: string, args: string[]): { seconds: number; stdout: string } {
  const start = process.hrtime.bigint();
  const res = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, cwd: repoRoot });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${res.stderr || res.error?.message}`);
  return { seconds, stdout: res.stdout.trim() };
}

const best = (xs: number[]): number => Math.min(...xs);

/** Child mode: score one metric on two files, print the score and the scoring time. */
function child(label: string, hypFile: string, refFile: string): void {
  const c = CASES.find((x) => x.label === label);
  if (!c) throw new Error(`unknown metric ${label}`);
  const hyps = pyLines(readFileSync(hypFile, 'utf8')).map(pyRstrip);
  const refs = pyLines(readFileSync(refFile, 'utf8')).map(pyRstrip);
  const start = process.hrtime.bigint();
  const score = c.score(hyps, [refs]);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(`${JSON.stringify({ score, seconds })}\n`);
}

/** Bundles the CLI into one file for plain `node`, or null when esbuild is unavailable. */
async function bundleCli(dir: string): Promise<string | null> {
  try {
    const esbuild = await import('esbuild');
    const outfile = join(dir, 'sacrebleu.mjs');
    await esbuild.build({
      entryPoints: [join(repoRoot, 'scripts/sacrebleu.ts')], bundle: true, platform: 'node', format: 'esm',
      target: 'node20', outfile, logLevel: 'warning',
    });
    return outfile;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    child(argv[1]!, argv[2]!, argv[3]!);
    return;
  }
  const o = parse(argv);
  let refLines: string[];
  try {
    refLines = pyLines(readFileSync(o.refFile, 'utf8')).map(pyRstrip).filter((l) => l !== '');
  } catch {
    throw new Error(`cannot read ${o.refFile} (pass the reference file as the first argument)`);
  }
  const dir = o.keep ?? mkdtempSync(join(tmpdir(), 'bench-metrics-'));
  mkdirSync(dir, { recursive: true });
  const cli = join(repoRoot, 'scripts/sacrebleu.ts');
  const viaTsxArgs = ['--import', 'tsx', cli];
  const bundled = await bundleCli(dir);

  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}; best of ${o.repeat} runs`);
  console.log(`references: ${o.refFile} (${refLines.length} lines, repeated); hypotheses perturbed with seed ${o.seed}`);
  const header = ['metric', 'segments', 'score', 'in-process s', 'segments/s', 'tsx process s', 'node process s'];
  if (o.sacrebleu) header.push('sacreBLEU s', 'same score');
  const rows: string[][] = [header];
  // The first tsx run compiles and caches the TypeScript; keep that out of the timings.
  timed(process.execPath, [...viaTsxArgs, '--version']);
  try {
    for (const size of o.sizes) {
      const { hyps, refs } = makeData(refLines, size, o.seed);
      const hypFile = join(dir, `hyp.${size}.txt`);
      const refFile = join(dir, `ref.${size}.txt`);
      writeFileSync(hypFile, `${hyps.join('\n')}\n`);
      writeFileSync(refFile, `${refs.join('\n')}\n`);
      for (const c of CASES) {
        const args = [refFile, '-i', hypFile, ...c.cliArgs, '-b', '-w', '4'];
        const inProcess: number[] = [];
        const viaTsx: number[] = [];
        const viaNode: number[] = [];
        let score = '';
        for (let r = 0; r < o.repeat; r++) {
          const res = JSON.parse(timed(process.execPath, ['--import', 'tsx', self, '--child', c.label, hypFile, refFile]).stdout) as { score: number; seconds: number };
          inProcess.push(res.seconds);
          const t = timed(process.execPath, [...viaTsxArgs, ...args]);
          viaTsx.push(t.seconds);
          score = t.stdout;
          if (Math.abs(Number(t.stdout) - res.score) > 5e-5) throw new Error(`${c.label}: CLI printed ${t.stdout}, API gave ${res.score}`);
          if (bundled) viaNode.push(timed(process.execPath, [bundled, ...args]).seconds);
        }
        const inS = best(inProcess);
        const row = [c.label, size.toLocaleString('en-US'), score, inS.toFixed(3), Math.round(size / inS).toLocaleString('en-US'),
          best(viaTsx).toFixed(3), bundled ? best(viaNode).toFixed(3) : 'n/a'];
        if (o.sacrebleu) {
          const runs = size <= 10000 ? o.repeat : 1;
          const real = Array.from({ length: runs }, () => timed(o.sacrebleu!, args));
          const same = real.every((r) => r.stdout === score);
          row.push(best(real.map((r) => r.seconds)).toFixed(3), same ? 'yes' : `NO (${real[0]!.stdout})`);
        }
        rows.push(row);
        console.error(`  ${row.join('  ')}`);
      }
    }
  } finally {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }
  const widths = header.map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
  const line = (r: string[]): string => `| ${r.map((c, k) => c.padEnd(widths[k]!)).join(' | ')} |`;
  console.log(line(rows[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
}

main().catch((e: unknown) => {
  console.error(`bench-metrics: ${(e as Error).message}`);
  process.exitCode = 2;
});
