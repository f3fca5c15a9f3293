// BLEU (Papineni et al., 2002) exactly as sacreBLEU 2.6.0 computes it (metrics/bleu.py).
import { pyFormatFixed, pyLower, pyRstrip, pySplit } from '../python-str.js';
import { getTokenizer, type Tokenizer } from '../tokenizers/registry.js';
import { Metric, Score, type RefStreams, type SignatureValue } from './base.js';
import { NgramTable, TablePool, Vocab } from './ngrams.js';

export type SmoothMethod = 'none' | 'floor' | 'add-k' | 'exp';

/** Default smoothing values (Chen & Cherry, 2014); `null` = the method takes none. */
export const SMOOTH_DEFAULTS: Readonly<Record<SmoothMethod, number | null>> = {
  none: null, floor: 0.1, 'add-k': 1, exp: null,
};

export const MAX_NGRAM_ORDER = 4;

// Only these target languages change the default tokenizer; Arabic keeps 13a.
const TOKENIZER_FOR_LANG: Readonly<Record<string, string>> = { zh: 'zh', ja: 'ja-mecab', ko: 'ko-mecab' };

export interface BLEUOptions {
  lowercase?: boolean;
  /** Only silences the "looks tokenized" warning; never changes a score. */
  force?: boolean;
  /** `13a` (default), `intl`, `char` or `none`. */
  tokenize?: string | null;
  smoothMethod?: SmoothMethod;
  /** For `floor` and `add-k`; `null` takes the default. */
  smoothValue?: number | null;
  maxNgramOrder?: number;
  effectiveOrder?: boolean;
  /** Target language; only zh/ja/ko change the default tokenizer. */
  trgLang?: string;
  /** Reference streams to pre-compute once, for scoring several systems. */
  references?: RefStreams;
  /** Receives sacreBLEU's warnings (e.g. 100+ hypotheses ending in " ."). */
  onWarning?: (message: string) => void;
}

export class BLEUScore extends Score {
  constructor(
    score: number,
    readonly counts: number[],
    readonly totals: number[],
    readonly precisions: number[],
    readonly bp: number,
    readonly sysLen: number,
    readonly refLen: number,
  ) {
    super('BLEU', score);
  }

  get ratio(): number {
    return this.refLen ? this.sysLen / this.refLen : 0;
  }

  override get verbose(): string {
    const prec = this.precisions.map((p) => pyFormatFixed(p, 1)).join('/');
    return `${prec} (BP = ${pyFormatFixed(this.bp, 3)} ratio = ${pyFormatFixed(this.ratio, 3)} `
      + `hyp_len = ${this.sysLen} ref_len = ${this.refLen})`;
  }
}

function myLog(x: number): number {
  return x === 0 ? -9999999999 : Math.log(x);
}

interface BLEURefInfo {
  vocab: Vocab<string>;
  /** Each n-gram's largest count in any one reference. */
  ngrams: NgramTable;
  lens: number[];
}

export class BLEU extends Metric<BLEURefInfo, BLEUScore> {
  readonly lowercase: boolean;
  readonly force: boolean;
  readonly smoothMethod: SmoothMethod;
  readonly smoothValue: number | null;
  readonly maxNgramOrder: number;
  readonly effectiveOrder: boolean;
  readonly trgLang: string;
  readonly tokenizer: Tokenizer;
  private readonly onWarning: ((message: string) => void) | undefined;
  private readonly scratchVocab = new Vocab<string>();
  private readonly pool = new TablePool();

  constructor(opts: BLEUOptions = {}) {
    super();
    this.lowercase = opts.lowercase ?? false;
    this.force = opts.force ?? false;
    this.smoothMethod = opts.smoothMethod ?? 'exp';
    this.smoothValue = opts.smoothValue ?? null;
    this.maxNgramOrder = opts.maxNgramOrder ?? MAX_NGRAM_ORDER;
    this.effectiveOrder = opts.effectiveOrder ?? false;
    this.trgLang = opts.trgLang ?? '';
    this.onWarning = opts.onWarning;
    checkSmoothing(this.smoothMethod, this.smoothValue);
    if (!Number.isInteger(this.maxNgramOrder) || this.maxNgramOrder < 1) {
      throw new Error(`BLEU: maxNgramOrder must be a positive integer, got ${this.maxNgramOrder}`);
    }
    const name = opts.tokenize ?? TOKENIZER_FOR_LANG[this.trgLang] ?? '13a';
    this.tokenizer = getTokenizer(name);
    if (opts.references) this.cacheReferences(opts.references);
  }

  /**
   * BLEU from summed statistics, with smoothing (sacreBLEU's static compute_bleu, same
   * defaults). `correct`/`total` are copied, so the caller's arrays stay as they were.
   */
  static computeBleu(
    correct: readonly number[], total: readonly number[], sysLen: number, refLen: number,
    smoothMethod: SmoothMethod = 'none', smoothValue: number | null = null,
    effectiveOrder = false, maxNgramOrder = MAX_NGRAM_ORDER,
  ): BLEUScore {
    checkSmoothing(smoothMethod, smoothValue);
    const value = smoothValue ?? SMOOTH_DEFAULTS[smoothMethod] ?? 0;
    const counts = correct.slice(0, maxNgramOrder);
    const totals = total.slice(0, maxNgramOrder);
    if (counts.length < maxNgramOrder || totals.length < maxNgramOrder) {
      throw new Error(`BLEU: need ${maxNgramOrder} correct and total counts`);
    }

    let bp = 1.0;
    if (sysLen < refLen) bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0.0;

    const precisions = new Array<number>(maxNgramOrder).fill(0);
    // No matching n-gram of any order: 0 before any smoothing (sacreBLEU issue #141).
    if (!counts.some((c) => c !== 0)) return new BLEUScore(0, counts, totals, precisions, bp, sysLen, refLen);

    let smoothMteval = 1;
    let effOrder = maxNgramOrder;
    for (let n = 1; n <= maxNgramOrder; n++) {
      if (smoothMethod === 'add-k' && n > 1) {
        counts[n - 1]! += value;
        totals[n - 1]! += value;
      }
      if (totals[n - 1] === 0) break;
      if (effectiveOrder) effOrder = n;
      if (counts[n - 1] === 0) {
        if (smoothMethod === 'exp') {
          smoothMteval *= 2;
          precisions[n - 1] = 100 / (smoothMteval * totals[n - 1]!);
        } else if (smoothMethod === 'floor') {
          precisions[n - 1] = (100 * value) / totals[n - 1]!;
        }
      } else {
        precisions[n - 1] = (100 * counts[n - 1]!) / totals[n - 1]!;
      }
    }
    let logSum = 0;
    for (let n = 0; n < effOrder; n++) logSum += myLog(precisions[n]!);
    const score = bp * Math.exp(logSum / effOrder);
    return new BLEUScore(score, counts, totals, precisions, bp, sysLen, refLen);
  }

  protected get who(): string {
    return 'BLEU';
  }

  protected preprocessSegment(sent: string): string {
    if (this.lowercase) sent = pyLower(sent);
    return this.tokenizer.tokenize(pyRstrip(sent));
  }

  protected extractReferenceInfo(refs: readonly string[], transient: boolean): BLEURefInfo {
    const N = this.maxNgramOrder;
    const vocab = transient ? this.scratchVocab : new Vocab<string>();
    if (transient) {
      vocab.clear();
      this.pool.release();
    }
    const seqs = refs.map((ref) => {
      const tokens = pySplit(ref);
      const ids = new Int32Array(tokens.length);
      for (let k = 0; k < tokens.length; k++) ids[k] = vocab.add(tokens[k]!);
      return ids;
    });
    const tables = seqs.map((ids) => {
      const capacity = N * ids.length;
      const table = transient ? this.pool.take(vocab.base, N, capacity) : new NgramTable(vocab.base, N, capacity);
      table.addSequence(ids);
      return table;
    });
    // Several references: each n-gram may match up to its largest count in any one.
    const ngrams = tables[0] ?? new NgramTable(vocab.base, N);
    for (let k = 1; k < tables.length; k++) ngrams.maxWith(tables[k]!);
    return { vocab, ngrams, lens: seqs.map((ids) => ids.length) };
  }

  protected computeSegmentStatistics(hyp: string, info: BLEURefInfo): number[] {
    const N = this.maxNgramOrder;
    const tokens = pySplit(hyp);
    const ids = new Int32Array(tokens.length);
    for (let k = 0; k < tokens.length; k++) ids[k] = info.vocab.get(tokens[k]!);
    const hypLen = ids.length;
    // Closest reference length; on a tie the shorter reference wins.
    let closestDiff = -1;
    let refLen = -1;
    for (const len of info.lens) {
      const diff = Math.abs(hypLen - len);
      if (closestDiff === -1 || diff < closestDiff) {
        closestDiff = diff;
        refLen = len;
      } else if (diff === closestDiff && len < refLen) {
        refLen = len;
      }
    }
    const correct = new Array<number>(N).fill(0);
    info.ngrams.clip(ids, correct);
    const totals = Array.from({ length: N }, (_, n) => Math.max(0, hypLen - n));
    return [hypLen, refLen, ...correct, ...totals];
  }

  override extractCorpusStatistics(hyps: readonly string[], refs?: RefStreams): number[][] {
    if (!this.force && this.onWarning && Array.isArray(hyps)) {
      let tokenized = 0;
      for (const h of hyps) if (typeof h === 'string' && h.endsWith(' .')) tokenized++;
      if (tokenized >= 100) {
        this.onWarning("That's 100 lines that end in a tokenized period ('.')");
        this.onWarning('It looks like you forgot to detokenize your test data, which may hurt your score.');
        this.onWarning("If you insist your data is detokenized, or don't care, you can suppress this message with the `force` parameter.");
      }
    }
    return super.extractCorpusStatistics(hyps, refs);
  }

  computeScoreFromStats(stats: readonly number[]): BLEUScore {
    const N = this.maxNgramOrder;
    if (stats.length !== 2 + 2 * N) throw new Error(`BLEU: expected ${2 + 2 * N} statistics, got ${stats.length}`);
    return BLEU.computeBleu(
      stats.slice(2, 2 + N), stats.slice(2 + N), Math.trunc(stats[0]!), Math.trunc(stats[1]!),
      this.smoothMethod, this.smoothValue, this.effectiveOrder, N,
    );
  }

  protected signatureInfo(): [string, SignatureValue, string][] {
    let smooth: string = this.smoothMethod;
    const def = SMOOTH_DEFAULTS[this.smoothMethod];
    if (def !== null) smooth += `[${pyFormatFixed(this.smoothValue ?? def, 2)}]`;
    return [
      ['case', this.lowercase ? 'lc' : 'mixed', 'c'],
      ['eff', this.effectiveOrder ? 'yes' : 'no', 'e'],
      ['tok', this.tokenizer.signature, 'tok'],
      ['smooth', smooth, 's'],
    ];
  }
}

function checkSmoothing(method: string, value: number | null): void {
  if (!Object.hasOwn(SMOOTH_DEFAULTS, method)) {
    throw new Error(`BLEU: unknown smooth method '${method}'; use one of: ${Object.keys(SMOOTH_DEFAULTS).join(', ')}`);
  }
  if (value !== null && !Number.isFinite(value)) throw new Error(`BLEU: smooth value must be a finite number, got ${value}`);
}
