// Batch scoring for people and pipelines:
//   npm run score -- corpora/mali-minusma
//   npm run score -- 'corpora/*' data/wmt.tsv --profile wmt-google --metrics chrf,chrf++,bleu,ter --format json --out s.json
//   npm run score -- --source EN.txt --target AR.txt [--reference REF.txt]... [--glossary G.tbx] [--review R.jsonl]
// Exit codes: 0 done (every threshold met), 1 a --fail-under threshold missed, 2 bad input (the
// message names the file, line or field), 3 an unexpected failure.
import { SingleBar } from 'cli-progress';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CHECKS } from '../server/check/index.js';
import { InputError, type AnnotationInput, type DocumentPair } from '../server/core/types.js';
import { loadDefaultTypology } from '../server/core/typology.js';
import { openCorpus, pairFromFiles, readGlossaryFile } from '../server/ingest/corpus.js';
import { readImport } from '../server/ingest/import.js';
import { parseReview } from '../server/ingest/review.js';
import { buildDocument, safeId } from '../server/ingest/segmented.js';
import { readBytes, readTextFile } from '../server/ingest/text-file.js';
import { comparisonReport, corpusReport, documentReport } from '../server/report/html.js';
import { sourceDocName } from '../server/report/marot.js';
import { SCORE_SCHEMA } from '../server/report/json.js';
import { comparisonText, comparisonTsvRows, SCORE_TSV_COLUMNS, scoreTsvRows, systemsText } from '../server/report/text.js';
import type { BatchOptions, DocResult, GroupResult, ScoredDocument } from '../server/score/batch.js';
import type { JobRef } from '../server/score/batch-jobs.js';
import { runJobs } from '../server/score/batch-pool.js';
import { compareGroup, concatGroups, type Comparison, type UnitGroup } from '../server/score/compare.js';
import { SACREBLEU_VERSION } from '../server/score/metrics/index.js';
import { resolveProfile } from '../server/score/profiles.js';
import { checkTokenizer, DEFAULT_METRICS, parseMetrics, type MetricId } from '../server/score/reference-metrics.js';
import { ARABIC_NORMALIZATION } from '../server/score/arabic-normalize.js';
import { DEFAULT_RESAMPLES, DEFAULT_SEED, DEFAULT_TRIALS } from '../server/score/statistics.js';
import { SystemTotals, type SystemSummary } from '../server/score/systems.js';
import { openStore } from '../server/store/index.js';
import { loadDocumentSets } from '../server/store/annotation-sets.js';
import { parseSet, selectSet, type SetChoice } from '../server/review/sets.js';
import { runMain } from './cli-common.js';

const FORMATS = ['text', 'json', 'csv', 'tsv', 'html'] as const;
const DEFAULT_WORKER_HEAP_MB = 512;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage:
  npm run score -- <corpus folder | manifest.json | segment file | glob>... [options]
  npm run score -- --source EN.txt --target AR.txt [--reference REF.txt]... [--review R.jsonl] [options]

Inputs: corpus folders or their manifest.json; segment files Tadqiq imports (TSV/CSV, TMX,
XLIFF, Marot/WMT MQM TSV, Anthea JSON); quoted globs ('corpora/*', 'wmt/*.tsv'); or loose files.
Systems that translate the same source document are compared side by side.

Scoring:
  --profile mqm-core|wmt-google|FILE.json   MQM profile (default mqm-core)
  --metrics chrf,bleu,chrf++,ter            reference metrics (default chrf,bleu)
  --tokenize 13a|intl|char|none             BLEU tokenizer (default 13a)
  --arabic-normalize                        normalise alef, yaa, taa marbuta, diacritics, tatweel
                                            before the metrics (labelled; not part of sacreBLEU)
  --checks ID,ID | none                     automatic checks to run (default: as configured)
  --glossary FILE.tbx                       glossary for every document
  --reference FILE                          reference translation (loose files; repeatable)
  --db FILE                                 annotations stored by the UI instead of review files
  --set final|all|reviewer:NAME             with --db: the annotations MQM counts (default: the
                                            adjudicated final set once every mark is decided, else all)
  --ci                                      bootstrap 95% intervals on every score
  --resamples N, --trials N, --seed N       bootstrap resamples (1000), randomisation trials
                                            (10000), seed (12345)
Output:
  --format text|json|csv|tsv|html           default text; csv lists the errors, tsv the scores
  --out FILE                                write to FILE (complete or not at all)
  --fail-under [METRIC=]N                   exit 1 when a system scores below N (MQM by
                                            default; chrf=, bleu=, chrf++=; ter= fails above N)
  --workers N                               worker threads (default: one per core; 0 = none)
  --worker-heap-mb N                        heap limit of each worker (default 512; 0 = V8's)
  --quiet                                   no progress
  --generated-at ISO                        fixed report timestamp (byte-identical reports)
  --source-lang L, --target-lang L, --system NAME, --corpus NAME, --max-mb N
  -h, --help

Exit codes: 0 done, 1 below a --fail-under threshold, 2 bad input, 3 unexpected failure.`;

interface Threshold {
  metric: 'mqm' | MetricId;
  value: number;
}

function parseThreshold(spec: string): Threshold {
  const m = /^(?:([a-z+]+)\s*[=:]\s*)?(-?\d+(?:\.\d+)?)$/i.exec(spec.trim());
  if (!m) throw new InputError(`"${spec}" is not a threshold; write 90 or chrf=55`, { field: '--fail-under' });
  const name = (m[1] ?? 'mqm').toLowerCase();
  const metric = name === 'mqm' ? 'mqm' : parseMetrics(name)[0]!;
  return { metric, value: Number(m[2]) };
}

const num = (v: string | undefined, field: string, min: number): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InputError(`must be a whole number ≥ ${min}`, { field });
  return n;
};

/** Every input turned into jobs (one per source document); files are read lazily for corpora. */
interface Plan {
  refs: JobRef[];
  documents: number;
  /** Systems per corpus, to know whether system-level comparisons will be possible. */
  systems: Map<string, Set<string>>;
  inputs: string[];
}

async function expandInputs(positionals: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of positionals) {
    if (isDynamicPattern(p)) {
      const hits = (await glob(p, { onlyFiles: false, expandDirectories: false })).sort();
      if (hits.length === 0) throw new InputError('the pattern matches nothing', { file: p });
      out.push(...hits);
    } else out.push(p);
  }
  return out;
}

function isManifest(file: string): boolean {
  if (!file.endsWith('.json')) return false;
  const head = fs.readFileSync(file, 'utf8').slice(0, 4000);
  return head.includes('tadqiq.corpus/1');
}

interface CliValues {
  source?: string; target?: string; reference?: string[]; glossary?: string; review?: string; db?: string;
  'source-lang'?: string; 'target-lang'?: string; system?: string; corpus?: string; 'max-mb'?: string;
}

async function plan(inputs: string[], v: CliValues): Promise<Plan> {
  const refs: JobRef[] = [];
  const systems = new Map<string, Set<string>>();
  let documents = 0;
  const note = (corpus: string, system: string) => (systems.get(corpus) ?? systems.set(corpus, new Set()).get(corpus)!).add(system);
  const push = (corpus: string, source: string, docs: Array<{ pair: DocumentPair; annotations: AnnotationInput[] }>) => {
    refs.push({ index: refs.length, corpus, source, docs });
    documents += docs.length;
    for (const d of docs) note(corpus, d.pair.system);
  };
  if (v.source || v.target) {
    if (!v.source || !v.target) throw new InputError('--source and --target go together', { field: v.source ? '--target' : '--source' });
    const pair = pairFromFiles({
      source: v.source, target: v.target, references: v.reference ?? [],
      ...(v.glossary ? { glossary: v.glossary } : {}),
      ...(v['source-lang'] ? { sourceLang: v['source-lang'] } : {}),
      ...(v['target-lang'] ? { targetLang: v['target-lang'] } : {}),
      ...(v.system ? { system: v.system } : {}),
    });
    const review = v.review ? parseReview(readTextFile(v.review), { source: pair.sourceText, target: pair.targetText }, v.review) : [];
    push(pair.corpus, pair.id, [{ pair, annotations: review }]);
  }
  const typology = loadDefaultTypology();
  for (const input of inputs) {
    if (!fs.existsSync(input)) throw new InputError('file not found', { file: input });
    if (fs.statSync(input).isDirectory() || isManifest(input)) {
      const h = openCorpus(input);
      h.manifest.documents.forEach((d, di) => {
        refs.push({ index: refs.length, corpus: h.manifest.id, source: d.id, manifest: h.manifestFile, docIndex: di });
        documents += d.translations.length;
        for (const t of d.translations) note(h.manifest.id, t.system);
      });
      continue;
    }
    // A segment-level file: read whole (size-limited, as for import), one job per source document.
    const maxBytes = (num(v['max-mb'], '--max-mb', 1) ?? 256) * 1024 * 1024;
    const { result, textPair } = readImport({ file: { name: input, bytes: readBytes(input) }, maxBytes, ...(v['source-lang'] ? { sourceLang: v['source-lang'] } : {}), ...(v['target-lang'] ? { targetLang: v['target-lang'] } : {}), ...(v.system ? { system: v.system } : {}) }, typology);
    if (textPair) throw new InputError('a plain-text pair: use --source and --target', { file: input });
    const corpus = safeId(v.corpus ?? path.basename(input).replace(/\.[^.]*$/, ''));
    const bySource = new Map<string, Array<{ pair: DocumentPair; annotations: AnnotationInput[] }>>();
    const seen = new Set<string>();
    for (const d of result.documents) {
      const id = safeId(`${d.doc}.${d.system}`);
      if (seen.has(id)) throw new InputError(`two documents of the file would both get the id "${id}"`, { file: input });
      seen.add(id);
      const built = buildDocument(d, { id, corpus, format: result.format, file: path.basename(input) });
      const key = sourceDocName(built.pair);
      (bySource.get(key) ?? bySource.set(key, []).get(key)!).push({ pair: built.pair, annotations: built.annotations });
    }
    for (const [source, docs] of bySource) push(corpus, source, docs);
  }
  if (refs.length === 0) throw new InputError('nothing to score: give a corpus folder, a manifest, a segment file or --source/--target', {});
  return { refs, documents, systems, inputs };
}

/** Loads annotations and corrected alignments from the database instead of review files (same documents, by id). */
async function withDbAnnotations(p: Plan, dbFile: string, choice: SetChoice | undefined): Promise<Plan> {
  if (!fs.existsSync(dbFile)) throw new InputError('database not found', { file: dbFile });
  const { resolveJob } = await import('../server/score/batch-jobs.js');
  const store = openStore(dbFile);
  try {
    const refs: JobRef[] = [];
    for (const ref of p.refs) {
      const job = resolveJob(ref);
      const docs = [];
      for (const d of job.docs) {
        // The reviewer's corrected alignment too: per-segment scores, metrics and checks follow it.
        const stored = (await store.alignments.get(d.pair.id))?.alignment;
        // The set scored: named in the MQM signature (|set:…|) so a score says what it counted.
        const sets = await loadDocumentSets(store, d.pair.id);
        const set = selectSet(choice, sets.marks, sets.final, sets.decisions);
        docs.push({ pair: d.pair, annotations: set.annotations as AnnotationInput[], set: set.name, ...(stored ? { alignment: stored } : {}) });
      }
      refs.push({ ...job, docs });
    }
    return { ...p, refs };
  } finally {
    store.close();
  }
}

/** Writes the output as documents arrive, in one of the formats; html needs them all at once. */
interface Writer {
  begin(): void;
  document(d: DocResult): void;
  comparison(c: Comparison): void;
  end(run: RunSummary): Promise<void>;
}

interface RunSummary {
  signature: string;
  dataHash: string;
  systems: SystemSummary[];
  comparisons: Comparison[];
  items: ScoredDocument[];
  generatedAt?: string;
}

/** The one place that maps --format to a writer (add a format here). */
function writerFor(format: Format, write: (s: string) => void): Writer {
  const comparisons: Comparison[] = [];
  switch (format) {
    case 'json': {
      let first = true;
      const indent = (json: string, pad: string) => json.replace(/\n/g, `\n${pad}`);
      return {
        begin: () => write(`{\n  "schema": ${JSON.stringify(SCORE_SCHEMA)},\n  "documents": [`),
        document: (d) => {
          write(`${first ? '' : ','}\n    ${indent(JSON.stringify(d.rendered, null, 2), '    ')}`);
          first = false;
        },
        comparison: () => {},
        end: async (run) => {
          write(first ? ']' : '\n  ]');
          const tail = { run: { signature: run.signature, dataHash: run.dataHash }, systems: run.systems, comparisons: run.comparisons };
          for (const [k, val] of Object.entries(tail)) write(`,\n  ${JSON.stringify(k)}: ${indent(JSON.stringify(val, null, 2), '  ')}`);
          write('\n}\n');
        },
      };
    }
    case 'csv': {
      let first = true;
      return {
        begin: () => {},
        // Each document's CSV carries the BOM and header; keep them once.
        document: (d) => {
          const text = d.rendered as string;
          write(first ? text : text.slice(text.indexOf('\r\n') + 2));
          first = false;
        },
        comparison: () => {},
        end: async () => {},
      };
    }
    case 'tsv':
      return {
        begin: () => write(SCORE_TSV_COLUMNS.join('\t') + '\n'),
        document: (d) => {
          const metrics = Object.entries(d.scores).filter(([k]) => k !== 'mqm').map(([, v]) => v as never);
          for (const row of scoreTsvRows('document', { corpus: d.corpus, document: d.id, system: d.system, segments: d.beads, mqm: d.scores.mqm, metrics, dataHash: d.dataHash })) write(row + '\n');
        },
        comparison: (c) => comparisons.push(c),
        end: async (run) => {
          for (const s of run.systems) for (const row of scoreTsvRows('system', { corpus: s.corpus, document: '*', system: s.system, segments: s.segments, mqm: s.mqm, metrics: Object.values(s.metrics) as never[], dataHash: s.dataHash })) write(row + '\n');
          for (const c of run.comparisons) for (const row of comparisonTsvRows(c)) write(row + '\n');
        },
      };
    case 'html':
      return {
        begin: () => {},
        document: () => {},
        comparison: () => {},
        // One document: its report; one source in several systems: the comparison; else the corpus report.
        end: async (run) => {
          const items = run.items;
          const opts = run.generatedAt ? { generatedAt: run.generatedAt } : {};
          if (items.length === 1) write(await documentReport(items[0]!.doc, items[0]!.view, items[0]!.scores, opts));
          else if (new Set(items.map((i) => `${i.doc.corpus}\u0000${sourceDocName(i.doc)}`)).size === 1) {
            const stats = run.comparisons.find((c) => c.source !== '*');
            write(await comparisonReport(items, { ...opts, ...(stats ? { stats } : {}) }));
          }
          else write(await corpusReport(items[0]!.doc.corpus, items, opts));
        },
      };
    default:
      return {
        begin: () => {},
        document: (d) => write(d.rendered as string),
        comparison: (c) => write(comparisonText(c) + '\n'),
        end: async (run) => {
          if (run.systems.length > 1 || run.systems.some((s) => s.documents > 1)) write(systemsText(run.systems) + '\n');
          for (const c of run.comparisons) if (c.source === '*') write(comparisonText(c) + '\n');
          write(`run ${run.signature}\n`);
        },
      };
  }
}

/** Progress on standard error: a bar on a terminal, plain lines every few seconds otherwise. */
function progress(total: number, quiet: boolean) {
  const started = Date.now();
  if (quiet) return { tick: (_docs: number, _segs: number) => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ stream: process.stderr, format: 'scoring |{bar}| {value}/{total} documents · {segments} segments · {eta_formatted} left', hideCursor: true, etaBuffer: 50 });
    bar.start(total, 0, { segments: 0 });
    return { tick: (docs: number, segs: number) => bar.update(docs, { segments: segs.toLocaleString('en') }), stop: () => bar.stop() };
  }
  let last = started;
  let state = { docs: 0, segs: 0 };
  const line = () => console.error(`score: ${state.docs}/${total} documents, ${state.segs.toLocaleString('en')} segments, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    tick: (docs: number, segs: number) => {
      state = { docs, segs };
      if (Date.now() - last >= 5000) {
        last = Date.now();
        line();
      }
    },
    stop: () => {
      if (Date.now() - started >= 5000) line();
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      target: { type: 'string' },
      reference: { type: 'string', multiple: true },
      glossary: { type: 'string' },
      review: { type: 'string' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      db: { type: 'string' },
      set: { type: 'string' },
      profile: { type: 'string', default: 'mqm-core' },
      metrics: { type: 'string' },
      tokenize: { type: 'string' },
      'arabic-normalize': { type: 'boolean' },
      checks: { type: 'string' },
      ci: { type: 'boolean' },
      resamples: { type: 'string' },
      trials: { type: 'string' },
      seed: { type: 'string' },
      'fail-under': { type: 'string', multiple: true },
      workers: { type: 'string' },
      'worker-heap-mb': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      'source-lang': { type: 'string' },
      'target-lang': { type: 'string' },
      system: { type: 'string' },
      corpus: { type: 'string' },
      'max-mb': { type: 'string' },
      'generated-at': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new InputError(`unknown format "${format}" (${FORMATS.join(', ')})`, { field: '--format' });
  if (values['generated-at'] && Number.isNaN(Date.parse(values['generated-at']))) throw new InputError('must be an ISO 8601 date-time', { field: '--generated-at' });
  const profile = resolveProfile(values.profile!);
  const metrics = values.metrics ? parseMetrics(values.metrics) : [...DEFAULT_METRICS];
  if (values.tokenize) checkTokenizer(values.tokenize);
  let checks: string[] | undefined;
  if (values.checks !== undefined) {
    checks = values.checks === 'none' ? [] : values.checks.split(/[\s,]+/).filter(Boolean);
    for (const c of checks) if (!CHECKS.some((k) => k.id === c)) throw new InputError(`unknown check "${c}" (${CHECKS.map((k) => k.id).join(', ')}, or none)`, { field: '--checks' });
  }
  const thresholds = (values['fail-under'] ?? []).map(parseThreshold);
  const resamples = num(values.resamples, '--resamples', 1) ?? DEFAULT_RESAMPLES;
  const trials = num(values.trials, '--trials', 1) ?? DEFAULT_TRIALS;
  const seed = num(values.seed, '--seed', 0) ?? DEFAULT_SEED;
  const glossary = values.glossary && !values.source ? readGlossaryFile(values.glossary) : undefined;
  if (values.reference?.length && !values.source) throw new InputError('--reference goes with --source/--target; a corpus names its references in its manifest', { field: '--reference' });

  const inputs = await expandInputs(positionals);
  if (inputs.length === 0 && !values.source && !values.target) {
    console.error(USAGE);
    return 2;
  }
  let p = await plan(inputs, values);
  if (values.set !== undefined && !values.db) throw new InputError('--set chooses among annotations stored in a database: give --db too', { field: '--set' });
  if (values.db) p = await withDbAnnotations(p, values.db, values.set !== undefined ? parseSet(values.set) : undefined);
  const multiSystem = [...p.systems.values()].some((s) => s.size > 1);
  const options: BatchOptions = {
    profile, metrics, ...(values.tokenize ? { tokenize: values.tokenize } : {}), ...(values['arabic-normalize'] ? { arabicNormalize: true } : {}),
    ...(checks ? { checks } : {}), ...(glossary ? { glossary } : {}),
    ci: values.ci === true, resamples, trials, seed, keepUnits: multiSystem || values.ci === true, render: format,
  };
  // With a worker on every core, V8's parallel garbage-collection helpers only take time from
  // the other workers: package.json runs this script with --single-threaded-gc (12% less CPU
  // on 2 cores, measured with npm run bench:batch; see the README).
  const requested = num(values.workers, '--workers', 0);
  let workers = Math.min(requested ?? os.availableParallelism(), p.refs.length);
  // HTML reports need every view in this thread; one job, or one core, gains nothing from a worker.
  if (format === 'html' || p.refs.length < 2 || (workers === 1 && requested === undefined)) workers = 0;
  // V8 lets a busy worker's heap grow far beyond what it holds before collecting; a cap keeps
  // memory flat (1,000,000 pairs with every check: 0.8 GB instead of 1.6 GB, no slower).
  const workerHeapMb = num(values['worker-heap-mb'], '--worker-heap-mb', 0) ?? DEFAULT_WORKER_HEAP_MB;

  // Output goes to a temporary file renamed at the end: a failed run leaves nothing half-written.
  const outFile = values.out ? path.resolve(values.out) : undefined;
  const tmp = outFile ? `${outFile}.${process.pid}.tmp` : undefined;
  if (outFile) fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const fd = tmp ? fs.openSync(tmp, 'w') : undefined;
  const write = (s: string) => (fd !== undefined ? fs.writeSync(fd, s) : process.stdout.write(s));
  const writer = writerFor(format, write);
  const totals = new SystemTotals(profile, values.tokenize);
  const unitGroups = new Map<string, UnitGroup[]>();
  const comparisons: Comparison[] = [];
  const items: ScoredDocument[] = [];
  const runHash = createHash('sha256');
  const bar = progress(p.documents, values.quiet === true || p.documents < 2);
  let docsDone = 0;
  let segsDone = 0;
  try {
    writer.begin();
    await runJobs(p.refs, options, {
      workers,
      ...(workerHeapMb ? { workerHeapMb } : {}),
      onResult: (r: GroupResult) => {
        for (const d of r.docs) {
          writer.document(d);
          totals.add(d);
          runHash.update(d.dataHash + '\n');
          if (d.item) items.push(d.item);
          docsDone++;
          segsDone += d.beads;
        }
        if (r.comparison) {
          comparisons.push(r.comparison);
          writer.comparison(r.comparison);
        }
        if (r.units) (unitGroups.get(r.units.corpus) ?? unitGroups.set(r.units.corpus, []).get(r.units.corpus)!).push(r.units);
        bar.tick(docsDone, segsDone);
      },
    });
    bar.stop();
    // System level: every corpus's shared segments one after another (intervals, and tests when several systems).
    for (const [corpus, groups] of unitGroups) {
      const all = concatGroups(corpus, groups);
      if (!all) continue;
      const docsOf = new Set(groups.map((g) => g.source));
      if (all.systems.length > 1 || options.ci) {
        const c = compareGroup(all, options);
        if (docsOf.size > 1 || all.systems.length === 1) comparisons.push(c);
        systemCis.set(corpus, c);
      }
    }
    const systems = totals.summaries().map((s) => attachCis(s, systemCis.get(s.corpus)));
    const dataHash = `sha256:${runHash.digest('hex').slice(0, 16)}`;
    const signature = [
      `tadqiq-score|profile:${profile.id}${profile.custom ? `:${profile.hash}` : ''}`,
      `metrics:${metrics.join(',')}`,
      `tok:${values.tokenize ?? '13a'}`,
      `norm:${values['arabic-normalize'] ? ARABIC_NORMALIZATION.split('|')[0] : 'none'}`,
      `checks:${checks ? checks.join(',') || 'none' : 'configured'}`,
      ...(options.keepUnits ? [`bs:${resamples}|ar:${trials}|seed:${seed}`] : []),
      `data:${dataHash}`,
      `sacrebleu:${SACREBLEU_VERSION}|version:tadqiq-1`,
    ].join('|');
    await writer.end({ signature, dataHash, systems, comparisons, items, ...(values['generated-at'] ? { generatedAt: values['generated-at'] } : {}) });
    if (fd !== undefined) {
      fs.closeSync(fd);
      fs.renameSync(tmp!, outFile!);
      console.error(`wrote ${values.out}`);
    }
    // Thresholds: every system's score over all its documents.
    const failures: string[] = [];
    for (const t of thresholds) {
      for (const s of systems) {
        const score = t.metric === 'mqm' ? s.mqm.score : s.metrics[t.metric]?.score;
        if (score === undefined) {
          failures.push(`${s.corpus}/${s.system}: no ${t.metric} score (no reference)`);
          continue;
        }
        const lowerBetter = t.metric === 'ter';
        if (lowerBetter ? score > t.value : score < t.value) {
          failures.push(`${s.corpus}/${s.system}: ${t.metric === 'mqm' ? 'MQM' : t.metric} ${score.toFixed(2)} ${lowerBetter ? '>' : '<'} ${t.value}`);
        }
      }
    }
    if (failures.length) {
      for (const f of failures) console.error(`below threshold: ${f}`);
      return 1;
    }
    return 0;
  } catch (e) {
    bar.stop();
    if (fd !== undefined) {
      fs.closeSync(fd);
      fs.rmSync(tmp!, { force: true });
    }
    throw e;
  }
}

const systemCis = new Map<string, Comparison>();

/** A system summary with the bootstrap intervals of its system-level comparison. */
function attachCis(s: SystemSummary, c: Comparison | undefined): SystemSummary {
  const row = c?.systems.find((x) => x.system === s.system);
  if (!row) return s;
  const metrics = { ...s.metrics };
  for (const [k, v] of Object.entries(metrics)) {
    const ci = row.scores[k]?.ci;
    if (v && ci) metrics[k as MetricId] = { ...v, ci };
  }
  const ci = row.scores['mqm']?.ci;
  return { ...s, mqm: ci ? { ...s.mqm, ci } : s.mqm, metrics };
}

// 1 is taken by --fail-under, so an unexpected failure exits with 3.
runMain(main, 3);
