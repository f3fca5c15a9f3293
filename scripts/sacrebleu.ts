// A sacreBLEU 2.6.0-compatible command line for Tadqiq's BLEU, chrF/chrF++ and TER:
//   npm run sacrebleu -- REF [REF…] -i HYP -m bleu chrf ter [options]
// Same option names, defaults, input reading and output (JSON or text) as `sacrebleu`, for
// one system scored against local reference files. Usage errors exit with code 2.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDecoder } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { BLEU, CHRF, SACREBLEU_VERSION, SMOOTH_DEFAULTS, TER, TOKENIZER_NAMES } from '../server/score/metrics/index.js';
import type { Metric, Score, SmoothMethod } from '../server/score/metrics/index.js';
import { pyLines, pyRstrip } from '../server/score/python-str.js';

class UsageError extends Error {}

type Kind = 'flag' | 'int' | 'float' | 'string' | 'list';
interface OptionSpec {
  names: string[];
  dest: string;
  kind: Kind;
  choices?: readonly string[];
  /** Recognised sacreBLEU option that this port refuses, with the reason. */
  unsupported?: string;
}

const METRIC_NAMES = ['bleu', 'chrf', 'ter'] as const;
const SACREBLEU_TOKENIZERS = ['none', 'zh', '13a', 'intl', 'char', 'ja-mecab', 'ko-mecab', 'spm', 'flores101', 'flores200', 'spBLEU-1K'];
const FORMATS = ['json', 'text', 'latex'];
const NO_TEST_SETS = 'test sets cannot be downloaded here; pass reference files instead';
const NO_STATS = 'statistical tests are not part of this command yet';

const OPTIONS: OptionSpec[] = [
  { names: ['--input', '-i'], dest: 'input', kind: 'list' },
  { names: ['--num-refs', '-nr'], dest: 'numRefs', kind: 'int' },
  { names: ['--encoding', '-e'], dest: 'encoding', kind: 'string' },
  { names: ['--metrics', '-m'], dest: 'metrics', kind: 'list', choices: METRIC_NAMES },
  { names: ['--sentence-level', '-sl'], dest: 'sentenceLevel', kind: 'flag' },
  { names: ['--language-pair', '-l'], dest: 'langpair', kind: 'string' },
  { names: ['--smooth-method', '-s'], dest: 'smoothMethod', kind: 'string', choices: Object.keys(SMOOTH_DEFAULTS) },
  { names: ['--smooth-value', '-sv'], dest: 'smoothValue', kind: 'float' },
  { names: ['--tokenize', '-tok'], dest: 'tokenize', kind: 'string', choices: SACREBLEU_TOKENIZERS },
  { names: ['--lowercase', '-lc'], dest: 'lowercase', kind: 'flag' },
  { names: ['--force'], dest: 'force', kind: 'flag' },
  { names: ['--chrf-char-order', '-cc'], dest: 'chrfCharOrder', kind: 'int' },
  { names: ['--chrf-word-order', '-cw'], dest: 'chrfWordOrder', kind: 'int' },
  { names: ['--chrf-beta'], dest: 'chrfBeta', kind: 'int' },
  { names: ['--chrf-whitespace'], dest: 'chrfWhitespace', kind: 'flag' },
  { names: ['--chrf-lowercase'], dest: 'chrfLowercase', kind: 'flag' },
  { names: ['--chrf-eps-smoothing'], dest: 'chrfEpsSmoothing', kind: 'flag' },
  { names: ['--ter-case-sensitive'], dest: 'terCaseSensitive', kind: 'flag' },
  { names: ['--ter-asian-support'], dest: 'terAsianSupport', kind: 'flag' },
  { names: ['--ter-no-punct'], dest: 'terNoPunct', kind: 'flag' },
  { names: ['--ter-normalized'], dest: 'terNormalized', kind: 'flag' },
  { names: ['--quiet', '-q'], dest: 'quiet', kind: 'flag' },
  { names: ['--short', '-sh'], dest: 'short', kind: 'flag' },
  { names: ['--score-only', '-b'], dest: 'scoreOnly', kind: 'flag' },
  { names: ['--width', '-w'], dest: 'width', kind: 'int' },
  { names: ['--no-color', '-nc'], dest: 'noColor', kind: 'flag' },
  { names: ['--format', '-f'], dest: 'format', kind: 'string', choices: FORMATS },
  { names: ['--version', '-V'], dest: 'version', kind: 'flag' },
  { names: ['--help', '-h'], dest: 'help', kind: 'flag' },
  { names: ['--test-set', '-t'], dest: 'testSet', kind: 'string', unsupported: NO_TEST_SETS },
  { names: ['--origlang', '-ol'], dest: 'origlang', kind: 'string', unsupported: NO_TEST_SETS },
  { names: ['--subset'], dest: 'subset', kind: 'string', unsupported: NO_TEST_SETS },
  { names: ['--download'], dest: 'download', kind: 'string', unsupported: NO_TEST_SETS },
  { names: ['--echo'], dest: 'echo', kind: 'list', unsupported: NO_TEST_SETS },
  { names: ['--list'], dest: 'list', kind: 'flag', unsupported: NO_TEST_SETS },
  { names: ['--citation', '--cite'], dest: 'citation', kind: 'flag', unsupported: NO_TEST_SETS },
  { names: ['--detail', '-d'], dest: 'detail', kind: 'flag', unsupported: NO_TEST_SETS },
  { names: ['--confidence', '-ci'], dest: 'confidence', kind: 'flag', unsupported: NO_STATS },
  { names: ['--confidence-n', '-cin'], dest: 'confidenceN', kind: 'int', unsupported: NO_STATS },
  { names: ['--paired-ar', '-par'], dest: 'pairedAr', kind: 'flag', unsupported: NO_STATS },
  { names: ['--paired-bs', '-pbs'], dest: 'pairedBs', kind: 'flag', unsupported: NO_STATS },
  { names: ['--paired-ar-n', '-parn'], dest: 'pairedArN', kind: 'int', unsupported: NO_STATS },
  { names: ['--paired-bs-n', '-pbsn'], dest: 'pairedBsN', kind: 'int', unsupported: NO_STATS },
  { names: ['--paired-jobs', '-j'], dest: 'pairedJobs', kind: 'int', unsupported: NO_STATS },
];

const BY_NAME = new Map(OPTIONS.flatMap((o) => o.names.map((n) => [n, o] as const)));

type Value = boolean | number | string | string[];

interface Args {
  refs: string[];
  values: Map<string, Value>;
}

/** argparse-like parsing: `--opt value`, `--opt=value`, list options take all following words. */
export function parseArgs(argv: readonly string[]): Args {
  const refs: string[] = [];
  const values = new Map<string, Value>();
  const looksLikeOption = (a: string): boolean => a.startsWith('-') && a !== '-' && !/^-\d/.test(a);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!looksLikeOption(arg)) {
      refs.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = BY_NAME.get(name);
    if (!spec) throw new UsageError(`unrecognized argument: ${name}`);
    if (spec.unsupported) throw new UsageError(`${spec.names[0]} is not supported by this port (${spec.unsupported})`);
    if (spec.kind === 'flag') {
      if (eq > 0) throw new UsageError(`argument ${name}: ignored explicit argument '${arg.slice(eq + 1)}'`);
      values.set(spec.dest, true);
      continue;
    }
    if (spec.kind === 'list') {
      const items: string[] = eq > 0 ? [arg.slice(eq + 1)] : [];
      while (i + 1 < argv.length && !looksLikeOption(argv[i + 1]!)) items.push(argv[++i]!);
      if (items.length === 0) throw new UsageError(`argument ${name}: expected at least one argument`);
      for (const item of items) checkChoice(spec, name, item);
      values.set(spec.dest, items);
      continue;
    }
    let raw: string;
    if (eq > 0) raw = arg.slice(eq + 1);
    else if (i + 1 < argv.length) raw = argv[++i]!;
    else throw new UsageError(`argument ${name}: expected one argument`);
    values.set(spec.dest, convert(spec, name, raw));
  }
  return { refs, values };
}

function checkChoice(spec: OptionSpec, name: string, value: string): void {
  if (spec.choices && !spec.choices.includes(value)) {
    throw new UsageError(`argument ${name}: invalid choice: '${value}' (choose from ${spec.choices.map((c) => `'${c}'`).join(', ')})`);
  }
}

function convert(spec: OptionSpec, name: string, raw: string): Value {
  checkChoice(spec, name, raw);
  if (spec.kind === 'int') {
    if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw new UsageError(`argument ${name}: invalid int value: '${raw}'`);
    return Number.parseInt(raw, 10);
  }
  if (spec.kind === 'float') {
    const v = Number(raw.trim());
    if (raw.trim() === '' || Number.isNaN(v)) throw new UsageError(`argument ${name}: invalid float value: '${raw}'`);
    return v;
  }
  return raw;
}

export interface CliIO {
  readStdin(): Buffer;
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
}

/** Reads a file as sacreBLEU does; relative paths start from `cwd`. */
function readText(path: string, encoding: string, cwd: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(cwd, path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? (e as Error).message})`);
  }
  if (path.endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new UsageError(`${path}: not a valid gzip file`);
    }
  }
  return decode(bytes, encoding, path);
}

function decode(bytes: Uint8Array, encoding: string, what: string): string {
  let decoder: TextDecoder;
  try {
    // ignoreBOM keeps a byte-order mark in the text, as Python's 'utf-8' codec does.
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    throw new UsageError(`unknown encoding: ${encoding}`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new UsageError(`${what}: not valid ${encoding}`);
  }
}

/**
 * Runs the command; returns the exit code. Usage errors and the metrics' own input errors
 * (e.g. a segment without reference) both end as one line on stderr and code 2.
 */
export function runCli(argv: readonly string[], io: CliIO): number {
  try {
    return run(argv, io);
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    io.stderr(`sacrebleu: error: ${e.message.split('\n')[0]}\n`);
    return 2;
  }
}

function run(argv: readonly string[], io: CliIO): number {
  const { refs: refFiles, values } = parseArgs(argv);
  const flag = (k: string): boolean => values.get(k) === true;
  const num = (k: string, d: number): number => (values.get(k) as number | undefined) ?? d;
  const str = (k: string, d: string): string => (values.get(k) as string | undefined) ?? d;

  if (flag('help')) {
    io.stdout(USAGE);
    return 0;
  }
  if (flag('version')) {
    io.stdout(`sacrebleu ${SACREBLEU_VERSION} (Tadqiq TypeScript port)\n`);
    return 0;
  }

  let format = str('format', 'json');
  const envFormat = io.env.SACREBLEU_FORMAT?.toLowerCase();
  if (envFormat && FORMATS.includes(envFormat)) format = envFormat;
  const metricNames = [...new Set((values.get('metrics') as string[] | undefined) ?? ['bleu'])].sort();
  const sentenceLevel = flag('sentenceLevel');
  const encoding = str('encoding', 'utf-8');
  // `npm run` starts scripts in the package folder; INIT_CWD is where the user ran npm.
  const cwd = io.env.INIT_CWD || process.cwd();
  const width = num('width', 1);
  if (width < 0) throw new UsageError(`argument --width: must not be negative, got ${width}`);
  let numRefs = num('numRefs', 1);

  if (sentenceLevel && metricNames.length > 1) throw new UsageError('only one metric can be used in sentence-level mode');
  if (refFiles.length === 0) {
    throw new UsageError('no reference files: give them before -i/--input (test sets are not available here)');
  }
  if (numRefs !== 1 && refFiles.length > 1) {
    throw new UsageError('--num-refs reads tab-separated references from one file; it cannot be used with several reference files');
  }
  if (numRefs < 1) throw new UsageError(`argument --num-refs: must be at least 1, got ${numRefs}`);

  // References: one stream per file, or --num-refs tab-separated fields of one file.
  const refStreams: string[][] = Array.from({ length: Math.max(refFiles.length, numRefs) }, () => []);
  refFiles.forEach((file, refno) => {
    pyLines(readText(file, encoding, cwd)).forEach((raw, k) => {
      const line = pyRstrip(raw);
      if (numRefs === 1) {
        refStreams[refno]!.push(line);
        return;
      }
      const fields = splitMax(line, '\t', numRefs - 1);
      if (fields.length !== numRefs) {
        throw new UsageError(`${file}: line ${k + 1}: expected ${numRefs} tab-separated references, found ${fields.length}`);
      }
      fields.forEach((f, j) => refStreams[j]!.push(f));
    });
  });
  numRefs = refStreams.length;

  // Hypotheses: -i files, or STDIN (tab-separated columns would be several systems).
  const inputs = values.get('input') as string[] | undefined;
  let system: string[];
  let systemName: string;
  if (inputs === undefined) {
    systemName = 'STDIN';
    const lines = pyLines(decode(io.readStdin(), encoding, 'STDIN'), true);
    // sacreBLEU rstrips the first line as a whole but every later field on its own.
    const first = pyRstrip(lines[0] ?? '').split('\t');
    if (first.length > 1) throw multiSystem(`STDIN has ${first.length} tab-separated columns`);
    system = [first[0]!];
    for (let k = 1; k < lines.length; k++) {
      const fields = pyRstrip(lines[k]!).split('\t');
      if (fields.length !== 1) throw new UsageError(`STDIN: line ${k + 1} has ${fields.length} tab-separated fields, the first line has 1`);
      system.push(pyRstrip(fields[0]!));
    }
  } else {
    if (inputs.length > 1) throw multiSystem(`${inputs.length} input files were given`);
    systemName = inputs[0]!;
    system = pyLines(readText(systemName, encoding, cwd)).map(pyRstrip);
    if (system.length === 0) throw new UsageError(`${systemName} contains no lines`);
  }
  refStreams.forEach((stream, k) => {
    if (stream.length !== system.length) {
      const refName = numRefs > refFiles.length ? `${refFiles[0]} (reference ${k + 1})` : refFiles[k];
      throw new UsageError(`${systemName} has ${system.length} lines but ${refName} has ${stream.length}: hypotheses and references must be line-parallel`);
    }
  });

  const warn = (message: string): void => {
    if (!flag('quiet')) io.stderr(`sacreBLEU: ${message}\n`);
  };
  const trgLang = values.has('langpair') ? str('langpair', '').split('-')[1] ?? '' : '';
  const metrics = metricNames.map((name): Metric<unknown, Score> => {
    switch (name) {
      case 'bleu': {
        const tokenize = values.get('tokenize') as string | undefined;
        if (tokenize !== undefined && !TOKENIZER_NAMES.includes(tokenize)) {
          throw new UsageError(`tokenizer '${tokenize}' is not supported by this port (it needs models or libraries not available here); use one of: ${TOKENIZER_NAMES.join(', ')}`);
        }
        return new BLEU({
          lowercase: flag('lowercase'), force: flag('force'), tokenize: tokenize ?? null,
          smoothMethod: str('smoothMethod', 'exp') as SmoothMethod,
          smoothValue: (values.get('smoothValue') as number | undefined) ?? null,
          effectiveOrder: sentenceLevel, trgLang, onWarning: warn,
        });
      }
      case 'chrf':
        return new CHRF({
          charOrder: num('chrfCharOrder', 6), wordOrder: num('chrfWordOrder', 0), beta: num('chrfBeta', 2),
          whitespace: flag('chrfWhitespace'), lowercase: flag('chrfLowercase'),
          epsSmoothing: flag('chrfEpsSmoothing'),
        });
      default:
        return new TER({
          caseSensitive: flag('terCaseSensitive'), asianSupport: flag('terAsianSupport'),
          noPunct: flag('terNoPunct'), normalized: flag('terNormalized'),
        });
    }
  });

  const short = flag('short');
  const scoreOnly = flag('scoreOnly');
  if (sentenceLevel) {
    const metric = metrics[0]!;
    const out: string[] = [];
    system.forEach((hyp, i) => {
      const score = metric.sentenceScore(hyp, refStreams.map((s) => s[i]!));
      out.push(score.format({ width, scoreOnly, signature: metric.signature().format(short) }));
    });
    io.stdout(out.map((l) => `${l}\n`).join(''));
    return 0;
  }

  const isJson = format === 'json';
  const results = metrics.map((metric) => {
    // References go with the call rather than the constructor: one system needs no cache,
    // and building reference n-grams segment by segment keeps memory flat.
    const score = metric.corpusScore(system, refStreams);
    const sig = metric.signature().format(isJson ? false : short);
    return score.format({ width, scoreOnly, signature: sig, isJson });
  });
  io.stdout(formatResults(results, isJson));
  return 0;
}

/** sacreBLEU's print_single_results: a JSON list, or text lines aligned on their '='. */
function formatResults(results: string[], isJson: boolean): string {
  if (isJson) return results.length > 1 ? `[\n${results.join(',\n')}\n]\n` : `${results[0]}\n`;
  if (results.length === 1) return `${results[0]}\n`;
  const lens = results.map((line) => line.indexOf('=') - 1);
  if (lens.some((l) => l < 0)) return results.map((l) => `${l}\n`).join('');
  const w = Math.max(...lens);
  return results.map((line, k) => `${line.slice(0, lens[k]).padStart(w)}${line.slice(lens[k])}\n`).join('');
}

/** Python's `s.split(sep, maxsplit)`. */
function splitMax(s: string, sep: string, maxsplit: number): string[] {
  const parts = s.split(sep);
  if (parts.length <= maxsplit + 1) return parts;
  return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sep)];
}

function multiSystem(what: string): UsageError {
  return new UsageError(`${what}: scoring several systems at once (sacreBLEU's multi-system table) is not supported; score each system on its own`);
}

const USAGE = `usage: npm run sacrebleu -- REF [REF ...] [-i HYP] [-m {bleu,chrf,ter} ...] [options]

sacreBLEU ${SACREBLEU_VERSION}-compatible BLEU, chrF/chrF++ and TER (Tadqiq port).
Reads the hypothesis from STDIN when -i is missing. Output is JSON unless -f text.

  -i, --input HYP            hypothesis file (one system)
  -m, --metrics M [M ...]    bleu (default), chrf, ter
  -nr, --num-refs N          references are N tab-separated fields of one file
  -e, --encoding ENC         file encoding (default utf-8)
  -sl, --sentence-level      one score per line (BLEU with effective order)
  -l, --language-pair SRC-TRG  target language picks BLEU's default tokenizer (zh/ja/ko only)
BLEU:   -tok, --tokenize {13a,intl,char,none}   -s, --smooth-method {none,floor,add-k,exp}
        -sv, --smooth-value V   -lc, --lowercase   --force
chrF:   -cc, --chrf-char-order N   -cw, --chrf-word-order N (2 = chrF++)   --chrf-beta N
        --chrf-whitespace   --chrf-lowercase   --chrf-eps-smoothing
TER:    --ter-case-sensitive   --ter-asian-support   --ter-no-punct   --ter-normalized
Output: -f, --format {json,text}   -w, --width N (default 1)   -b, --score-only
        -sh, --short   -q, --quiet   -V, --version
`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = runCli(process.argv.slice(2), {
    readStdin: () => readFileSync(0),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
  });
  process.exitCode = code;
}
