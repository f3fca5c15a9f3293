// The batch scorer at scale: automatic checks plus chrF over many sentence pairs, through
// `npm run score` itself (corpus reading, pipeline, checks, metrics, worker threads, output).
//   npm run bench:batch -- [NTREX_DIR] [--pairs 1000000] [--lines 2000] [--variants 25]
//                           [--workers N] [--metrics chrf] [--checks ID,ID|none] [--keep DIR]
// Data: NTREX-128 en→ar (default ../shared/data/ntrex128-en-ar): the English source and the
// Arabic reference, rotated and repeated to --lines lines a document; the "MT" is the reference
// with words dropped, swapped and doubled by a seeded RNG, and the Mali glossary's junta term
// spliced into some lines so the terminology check has work. --variants distinct documents
// are written and the manifest lists as many documents as --pairs needs (one segment a line).
// Prints wall time, pairs per second and the peak resident memory of the scorer process
// (sampled every 100 ms from /proc, worker threads included).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { perturbWords, rng } from './lib/random.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : def;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
const ntrex = path.resolve(positional[0] ?? path.join(root, '../shared/data/ntrex128-en-ar'));
const pairs = Number(opt('pairs', '1000000'));
const lines = Number(opt('lines', '2000'));
const variants = Number(opt('variants', '25'));
const metrics = opt('metrics', 'chrf');
const workers = opt('workers', String(os.availableParallelism()));
const keep = opt('keep', '');
const checks = opt('checks', '');

const srcFile = path.join(ntrex, 'newstest2019-src.eng.txt');
const refFile = path.join(ntrex, 'newstest2019-ref.arb.txt');
if (!fs.existsSync(srcFile) || !fs.existsSync(refFile)) {
  console.error(`bench:batch: NTREX files not found in ${ntrex} (give the folder as the first argument)`);
  process.exit(2);
}
const src = fs.readFileSync(srcFile, 'utf8').replace(/\n$/, '').split('\n');
const ref = fs.readFileSync(refFile, 'utf8').replace(/\n$/, '').split('\n');

function perturb(line: string, rand: () => number): string {
  const out = perturbWords(line, rand);
  // Now and then the deprecated transliteration the glossary check looks for.
  if (rand() < 0.02) out.splice(Math.floor(rand() * out.length), 0, 'الخنتة');
  return out.join(' ');
}

const dir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-bench-batch-'));
fs.mkdirSync(dir, { recursive: true });
const t0 = Date.now();
const rand = rng(1);
for (let v = 0; v < variants; v++) {
  const s: string[] = [];
  const r: string[] = [];
  const h: string[] = [];
  for (let i = 0; i < lines; i++) {
    const k = (v * 997 + i) % src.length;
    // "junta" in some sources, so the check also looks for the glossary's translation.
    s.push(i % 50 === 0 ? `${src[k]!} The junta said so.` : src[k]!);
    r.push(ref[k]!);
    h.push(perturb(ref[k]!, rand));
  }
  fs.writeFileSync(path.join(dir, `src-${v}.en`), s.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, `ref-${v}.ar`), r.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, `mt-${v}.ar`), h.join('\n') + '\n');
}
fs.copyFileSync(path.join(root, 'corpora/mali-minusma/glossary.tbx'), path.join(dir, 'glossary.tbx'));
const nDocs = Math.ceil(pairs / lines);
const documents = Array.from({ length: nDocs }, (_, d) => ({
  id: `d${d}`, title: `Document ${d}`, source: `src-${d % variants}.en`, references: [`ref-${d % variants}.ar`], segmentation: 'lines',
  translations: [{ system: 'perturbed', file: `mt-${d % variants}.ar` }],
}));
fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ schema: 'tadqiq.corpus/1', id: 'bench', title: 'NTREX repeated', sourceLang: 'en', targetLang: 'ar', glossary: 'glossary.tbx', documents }));
const genS = (Date.now() - t0) / 1000;

const out = path.join(dir, 'scores.tsv');
const started = Date.now();
// The same command as package.json's "score" script (see the README on --single-threaded-gc).
const child = spawn(process.execPath, ['--single-threaded-gc', '--import', 'tsx', 'scripts/score.ts', dir, '--metrics', metrics, '--format', 'tsv', '--out', out, '--workers', workers, '--quiet', ...(checks ? ['--checks', checks] : [])], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
let peakKb = 0;
const sample = setInterval(() => {
  try {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    if (m) peakKb = Math.max(peakKb, Number(m[1]));
  } catch {
    /* the process has ended */
  }
}, 100);
child.on('exit', (code) => {
  clearInterval(sample);
  const wall = (Date.now() - started) / 1000;
  const tsv = fs.existsSync(out) ? fs.readFileSync(out, 'utf8').trimEnd().split('\n') : [];
  const system = tsv.find((l) => l.startsWith('system\t'))?.split('\t') ?? [];
  const header = tsv[0]?.split('\t') ?? [];
  const total = nDocs * lines;
  console.log(`data: ${total.toLocaleString('en')} sentence pairs in ${nDocs} documents of ${lines} lines (${variants} distinct), written in ${genS.toFixed(1)} s to ${dir}`);
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('');
  console.log('| task | pairs | workers | wall s | pairs/s | peak RSS MB | MQM | metric | exit |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  console.log(`| ${checks ? `checks (${checks})` : 'all checks'} + ${metrics} | ${total.toLocaleString('en')} | ${workers} | ${wall.toFixed(1)} | ${Math.round(total / wall).toLocaleString('en')} | ${(peakKb / 1024).toFixed(0)} | ${system[header.indexOf('mqm_score')] ?? '?'} | ${system[header.indexOf('metric')] ?? ''} ${system[header.indexOf('metric_score')] ?? '?'} | ${code} |`);
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 1);
});
