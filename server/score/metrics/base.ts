// Shared machinery of the sacreBLEU port: signatures, score objects, reference handling and
// the statistics-based scoring flow (sacrebleu/metrics/base.py).
import { pyFloatRepr, pyFormatFixed } from '../python-str.js';

/** The sacreBLEU release whose behaviour, scores and signatures this port reproduces. */
export const SACREBLEU_VERSION = '2.6.0';

/** `refs[k][i]` is reference k of segment i; `null` means "no reference k for segment i". */
export type RefStreams = readonly (readonly (string | null)[])[];

export type SignatureValue = string | number | boolean | null | undefined;

// Global keys in sacreBLEU's order; `version` is always printed last.
const GLOBAL_ABBR: Readonly<Record<string, string>> = {
  version: 'v', nrefs: '#', bs: 'bs', ar: 'ar', seed: 'rs',
  test: 't', lang: 'l', origlang: 'o', subset: 'S',
};

/**
 * A reproducibility signature such as `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0`.
 * `null`/`undefined` values are left out and booleans print as `yes`/`no`, as in sacreBLEU.
 */
export class Signature {
  private readonly info = new Map<string, SignatureValue>();
  private readonly abbr: Record<string, string> = { ...GLOBAL_ABBR };

  /**
   * @param numRefs references per segment, or -1 when it varies (printed `var`)
   * @param metricInfo the metric's own keys, in print order, with their short names
   */
  constructor(numRefs: number, metricInfo: readonly (readonly [key: string, value: SignatureValue, short: string])[]) {
    this.info.set('version', SACREBLEU_VERSION);
    this.info.set('nrefs', numRefs === -1 ? 'var' : numRefs);
    for (const key of ['bs', 'ar', 'seed', 'test', 'lang', 'origlang', 'subset']) this.info.set(key, null);
    for (const [key, value, short] of metricInfo) {
      this.info.set(key, value);
      this.abbr[key] = short;
    }
  }

  /**
   * Sets a key, e.g. `update('bs', 1000)` and `update('seed', 12345)` after bootstrap
   * resampling, or `update('ar', 10000)` after approximate randomisation.
   */
  update(key: string, value: SignatureValue): this {
    this.info.set(key, value);
    return this;
  }

  /** `[key, value]` pairs in print order, long key names. */
  entries(): [string, string][] {
    const keys = [...this.info.keys()].filter((k) => k !== 'version');
    keys.push('version');
    const out: [string, string][] = [];
    for (const key of keys) {
      const value = this.info.get(key);
      if (value === null || value === undefined) continue;
      out.push([key, typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)]);
    }
    return out;
  }

  format(short = false): string {
    return this.entries().map(([k, v]) => `${short ? (this.abbr[k] ?? k) : k}:${v}`).join('|');
  }

  toString(): string {
    return this.format();
  }
}

export interface FormatOptions {
  /** Decimals of the score (sacreBLEU's `width`; its Python API default is 2, the CLI's 1). */
  width?: number;
  /** Only the number, as the CLI's `-b` prints it. */
  scoreOnly?: boolean;
  /** A formatted signature to print after the name (`BLEU|nrefs:1|… = …`). */
  signature?: string;
  /** The CLI's JSON object instead of the text line. */
  isJson?: boolean;
}

/** What every metric's score has; other code can treat BLEU, chrF and TER alike through it. */
export interface MetricResult {
  readonly name: string;
  readonly score: number;
  readonly signature: string;
}

/** A metric score with sacreBLEU's text and JSON forms (Score.format). */
export abstract class Score {
  /** Bootstrap estimate, printed as `(μ = mean ± ci)` when set (sacreBLEU's estimate_ci). */
  confidence: { mean: number; ci: number } | null = null;

  constructor(readonly name: string, readonly score: number) {}

  /** The part after the score in the text form (BLEU's precisions and lengths). */
  get verbose(): string {
    return '';
  }

  format(opts: FormatOptions = {}): string {
    const width = opts.width ?? 2;
    const signature = opts.signature ?? '';
    let sc = pyFormatFixed(this.score, width);
    const json: [string, string][] = [
      ['name', JSON.stringify(this.name)],
      ['score', pyFloatRepr(Number(sc))],
      ['signature', JSON.stringify(signature)],
    ];
    if (this.confidence && this.confidence.mean > 0) {
      const mean = pyFormatFixed(this.confidence.mean, width);
      const ci = pyFormatFixed(this.confidence.ci, width);
      const text = `μ = ${mean} ± ${ci}`;
      sc += ` (${text})`;
      json.push(['confidence_mean', pyFloatRepr(Number(mean))], ['confidence_var', pyFloatRepr(Number(ci))],
        ['confidence', JSON.stringify(text)]);
    }
    if (opts.scoreOnly) return sc;
    let line = `${signature ? `${this.name}|${signature}` : this.name} = ${sc}`;
    const verbose = this.verbose;
    if (verbose) {
      line += ` ${verbose}`;
      json.push(['verbose_score', JSON.stringify(verbose)]);
    }
    if (!opts.isJson) return line;
    if (signature) {
      for (const param of signature.split('|')) {
        const [key, value] = param.split(':') as [string, string | undefined];
        setJsonKey(json, key, JSON.stringify(value ?? ''));
      }
    }
    // json.dumps(d, indent=1, ensure_ascii=False)
    return `{\n${json.map(([k, v]) => ` ${JSON.stringify(k)}: ${v}`).join(',\n')}\n}`;
  }

  toString(): string {
    return this.format();
  }
}

// A Python dict keeps a key's first position when it is assigned again.
function setJsonKey(json: [string, string][], key: string, value: string): void {
  const at = json.findIndex(([k]) => k === key);
  if (at >= 0) json[at] = [key, value];
  else json.push([key, value]);
}

/**
 * Element-wise sum of per-segment statistics, in segment order (sacreBLEU's sum_of_lists),
 * optionally over a resample given as segment indices (repeats allowed).
 */
export function sumStats(stats: readonly (readonly number[])[], indices?: ArrayLike<number>): number[] {
  const count = indices ? indices.length : stats.length;
  if (count === 0) throw new Error('No segment statistics to sum');
  const first = stats[indices ? indices[0]! : 0];
  if (!first) throw new Error('Segment index out of range');
  const total = new Array<number>(first.length).fill(0);
  for (let s = 0; s < count; s++) {
    const row = stats[indices ? indices[s]! : s];
    if (!row) throw new Error('Segment index out of range');
    for (let k = 0; k < total.length; k++) total[k]! += row[k]!;
  }
  return total;
}

/** References of each segment with missing (null) ones dropped, and the nrefs value. */
export interface SegmentRefs {
  perSegment: string[][];
  /** References per segment, or -1 when the count varies. */
  numRefs: number;
}

/** Transposes reference streams and checks their shape; `who` prefixes error messages. */
export function segmentReferences(who: string, refs: RefStreams): SegmentRefs {
  if (!Array.isArray(refs) || refs.length === 0) {
    throw new Error(`${who}: refs must be a non-empty array of reference streams (refs[k][i] is reference k of segment i)`);
  }
  const n = refs[0]!.length;
  refs.forEach((stream, k) => {
    if (!Array.isArray(stream)) throw new Error(`${who}: reference stream ${k} is not an array`);
    if (stream.length !== n) {
      throw new Error(`${who}: reference streams have different lengths (stream 0 has ${n} segments, stream ${k} has ${stream.length})`);
    }
  });
  const perSegment: string[][] = [];
  const counts = new Set<number>();
  for (let i = 0; i < n; i++) {
    const seg: string[] = [];
    for (let k = 0; k < refs.length; k++) {
      const r = refs[k]![i];
      if (r === null || r === undefined) continue;
      if (typeof r !== 'string') throw new Error(`${who}: reference ${k} of segment ${i} is not a string or null`);
      seg.push(r);
    }
    if (seg.length === 0) throw new Error(`${who}: segment ${i} has no reference (every stream is null there)`);
    counts.add(seg.length);
    perSegment.push(seg);
  }
  return { perSegment, numRefs: counts.size === 1 ? [...counts][0]! : -1 };
}

/**
 * The statistics-based flow every metric follows (sacreBLEU's Metric): per-segment
 * sufficient statistics, summed in segment order, then one score from the sums.
 */
export abstract class Metric<RefInfo, S extends Score> {
  private refCache: RefInfo[] | null = null;
  private numRefs: number | null = null;

  /** Class name used in error messages, like sacreBLEU's. */
  protected abstract get who(): string;
  /** Lowercasing and tokenisation applied to hypotheses and references. */
  protected abstract preprocessSegment(sent: string): string;
  /**
   * What a segment's (preprocessed) references contribute: n-grams, lengths, words.
   * `transient`: the result is used for this segment only and may live in buffers that the
   * next call reuses.
   */
  protected abstract extractReferenceInfo(refs: readonly string[], transient: boolean): RefInfo;
  /** Sufficient statistics of one preprocessed hypothesis against its references. */
  protected abstract computeSegmentStatistics(hyp: string, info: RefInfo): number[];
  /** The metric's own signature keys. */
  protected abstract signatureInfo(): [string, SignatureValue, string][];
  /** The score from statistics already summed over a corpus (or a resample of it). */
  abstract computeScoreFromStats(stats: readonly number[]): S;

  /** Pre-computes reference information, so several systems can be scored against it. */
  cacheReferences(refs: RefStreams): void {
    const { perSegment, numRefs } = segmentReferences(this.who, refs);
    this.numRefs = numRefs;
    this.refCache = perSegment.map((seg) => this.referenceInfo(seg, false));
  }

  private referenceInfo(refs: readonly string[], transient: boolean): RefInfo {
    return this.extractReferenceInfo(refs.map((r) => this.preprocessSegment(r)), transient);
  }

  /**
   * Per-segment sufficient statistics (one array per segment). Sum any subset with
   * `sumStats` and pass the sums to `computeScoreFromStats`, e.g. for bootstrap resampling.
   * Without `refs`, the references given to the constructor are used.
   */
  extractCorpusStatistics(hyps: readonly string[], refs?: RefStreams): number[][] {
    if (!Array.isArray(hyps)) throw new Error(`${this.who}: hyps must be an array of strings`);
    let info: (i: number) => RefInfo;
    let segments: number;
    if (refs && refs.length > 0) {
      // Reference information is built segment by segment and dropped right away: holding
      // it for a whole corpus only feeds the garbage collector.
      const { perSegment, numRefs } = segmentReferences(this.who, refs);
      this.numRefs = numRefs;
      info = (i) => this.referenceInfo(perSegment[i]!, true);
      segments = perSegment.length;
    } else if (this.refCache) {
      const cache = this.refCache;
      info = (i) => cache[i]!;
      segments = cache.length;
    } else {
      throw new Error(`${this.who}: no references given and none cached`);
    }
    if (hyps.length !== segments) {
      throw new Error(`${this.who}: ${hyps.length} hypotheses but ${segments} reference segments`);
    }
    const stats: number[][] = [];
    for (let i = 0; i < hyps.length; i++) {
      const hyp = hyps[i];
      if (typeof hyp !== 'string') throw new Error(`${this.who}: hypothesis ${i} is not a string`);
      stats.push(this.computeSegmentStatistics(this.preprocessSegment(hyp), info(i)));
    }
    return stats;
  }

  /** Sums per-segment statistics in order and scores the sums. */
  aggregateAndCompute(stats: readonly (readonly number[])[]): S {
    return this.computeScoreFromStats(sumStats(stats));
  }

  corpusScore(hyps: readonly string[], refs?: RefStreams): S {
    if (Array.isArray(hyps) && hyps.length === 0) throw new Error(`${this.who}: no hypotheses to score`);
    return this.aggregateAndCompute(this.extractCorpusStatistics(hyps, refs));
  }

  /** One hypothesis against its references (the corpus score of a one-segment corpus). */
  sentenceScore(hyp: string, refs: readonly (string | null)[]): S {
    if (typeof hyp !== 'string') throw new Error(`${this.who}: the hypothesis must be a string`);
    if (!Array.isArray(refs) || refs.length === 0) throw new Error(`${this.who}: refs must be an array of at least one reference string`);
    return this.aggregateAndCompute(this.extractCorpusStatistics([hyp], refs.map((r) => [r])));
  }

  /** The signature of the last evaluation (nrefs is only known once references were seen). */
  signature(): Signature {
    if (this.numRefs === null) {
      throw new Error(`${this.who}: number of references unknown, evaluate the metric first`);
    }
    return new Signature(this.numRefs, this.signatureInfo());
  }

  /** `{ name, score, signature }` of a score this metric just computed. */
  result(score: Score): MetricResult {
    return { name: score.name, score: score.score, signature: this.signature().format() };
  }

  /** Corpus score as `{ name, score, signature }`, for code that treats every metric alike. */
  corpusResult(hyps: readonly string[], refs?: RefStreams): MetricResult {
    return this.result(this.corpusScore(hyps, refs));
  }
}
