// chrF (Popović, 2015) and chrF++ (Popović, 2017) as sacreBLEU 2.6.0 computes them
// (metrics/chrf.py, metrics/helpers.py).
import { isPyWhitespace, PY_PUNCTUATION, pyLower, pySplit } from '../python-str.js';
import { Metric, Score, type RefStreams, type SignatureValue } from './base.js';
import { ngramCount, NgramTable, TablePool, Vocab } from './ngrams.js';

export interface CHRFOptions {
  charOrder?: number;
  /** 2 gives chrF++. */
  wordOrder?: number;
  /** Recall weight; only the name shows it (`chrF2`). */
  beta?: number;
  lowercase?: boolean;
  /** Keep whitespace inside character n-grams. */
  whitespace?: boolean;
  /** chrF++.py / Moses / NLTK epsilon smoothing instead of sacreBLEU's effective order. */
  epsSmoothing?: boolean;
  references?: RefStreams;
}

export class CHRFScore extends Score {
  constructor(score: number, readonly charOrder: number, readonly wordOrder: number, readonly beta: number) {
    super(`chrF${beta}${'+'.repeat(wordOrder)}`, score);
  }
}

const PUNCT = new Set(PY_PUNCTUATION);

/** chrF++'s word split: one leading or trailing ASCII punctuation mark becomes a word. */
export function chrfWords(sent: string): string[] {
  const out: string[] = [];
  for (const w of pySplit(sent)) {
    // An ASCII mark is one UTF-16 unit, so testing the first and last units is enough, and a
    // one-code-point word made of a surrogate pair can never match either test.
    if (w.length === 1) out.push(w);
    else if (PUNCT.has(w[w.length - 1]!)) out.push(w.slice(0, -1), w[w.length - 1]!);
    else if (PUNCT.has(w[0]!)) out.push(w[0]!, w.slice(1));
    else out.push(w);
  }
  return out;
}

/** The code points of `line` (Python whitespace dropped unless `whitespace`), as ids. */
function charIds(line: string, whitespace: boolean, vocab: Vocab<number>, add: boolean): Int32Array {
  const ids = new Int32Array(line.length);
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    let c = line.charCodeAt(i);
    if (!whitespace && isPyWhitespace(c)) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length) {
      const d = line.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    ids[n++] = add ? vocab.add(c) : vocab.get(c);
  }
  return ids.subarray(0, n);
}

function wordIds(line: string, vocab: Vocab<string>, add: boolean): Int32Array {
  const words = chrfWords(line);
  const ids = new Int32Array(words.length);
  for (let k = 0; k < words.length; k++) ids[k] = add ? vocab.add(words[k]!) : vocab.get(words[k]!);
  return ids;
}

interface RefNgrams {
  chars: NgramTable;
  words: NgramTable;
  charLen: number;
  wordLen: number;
}

interface CHRFRefInfo {
  charVocab: Vocab<number>;
  wordVocab: Vocab<string>;
  refs: RefNgrams[];
}

export class CHRF extends Metric<CHRFRefInfo, CHRFScore> {
  readonly charOrder: number;
  readonly wordOrder: number;
  readonly beta: number;
  readonly lowercase: boolean;
  readonly whitespace: boolean;
  readonly epsSmoothing: boolean;
  private readonly scratchChars = new Vocab<number>();
  private readonly scratchWords = new Vocab<string>();
  private readonly pool = new TablePool();

  constructor(opts: CHRFOptions = {}) {
    super();
    this.charOrder = opts.charOrder ?? 6;
    this.wordOrder = opts.wordOrder ?? 0;
    this.beta = opts.beta ?? 2;
    this.lowercase = opts.lowercase ?? false;
    this.whitespace = opts.whitespace ?? false;
    this.epsSmoothing = opts.epsSmoothing ?? false;
    if (!Number.isInteger(this.charOrder) || this.charOrder < 0) throw new Error(`CHRF: charOrder must be a non-negative integer, got ${this.charOrder}`);
    if (!Number.isInteger(this.wordOrder) || this.wordOrder < 0) throw new Error(`CHRF: wordOrder must be a non-negative integer, got ${this.wordOrder}`);
    if (this.charOrder + this.wordOrder === 0) throw new Error('CHRF: charOrder + wordOrder must be at least 1');
    if (!Number.isFinite(this.beta)) throw new Error(`CHRF: beta must be a number, got ${this.beta}`);
    if (opts.references) this.cacheReferences(opts.references);
  }

  get order(): number {
    return this.charOrder + this.wordOrder;
  }

  protected get who(): string {
    return 'CHRF';
  }

  protected preprocessSegment(sent: string): string {
    return this.lowercase ? pyLower(sent) : sent;
  }

  protected extractReferenceInfo(refs: readonly string[], transient: boolean): CHRFRefInfo {
    const charVocab = transient ? this.scratchChars : new Vocab<number>();
    const wordVocab = transient ? this.scratchWords : new Vocab<string>();
    if (transient) {
      charVocab.clear();
      wordVocab.clear();
      this.pool.release();
    }
    const table = (base: number, order: number, ids: Int32Array): NgramTable => {
      const t = transient ? this.pool.take(base, order, order * ids.length) : new NgramTable(base, order, order * ids.length);
      t.addSequence(ids);
      return t;
    };
    const seqs = refs.map((ref) => ({
      chars: charIds(ref, this.whitespace, charVocab, true),
      words: this.wordOrder > 0 ? wordIds(ref, wordVocab, true) : new Int32Array(0),
    }));
    return {
      charVocab,
      wordVocab,
      refs: seqs.map(({ chars, words }) => ({
        chars: table(charVocab.base, this.charOrder, chars),
        words: table(wordVocab.base, this.wordOrder, words),
        charLen: chars.length,
        wordLen: words.length,
      })),
    };
  }

  protected computeSegmentStatistics(hyp: string, info: CHRFRefInfo): number[] {
    const chars = charIds(hyp, this.whitespace, info.charVocab, false);
    const words = this.wordOrder > 0 ? wordIds(hyp, info.wordVocab, false) : new Int32Array(0);
    let bestStats: number[] = [];
    let bestF = -1.0;
    // Several references: keep the statistics of the first one with the strictly best F.
    for (const ref of info.refs) {
      const stats = [
        ...this.orderStats(chars, ref.chars, ref.charLen, this.charOrder),
        ...this.orderStats(words, ref.words, ref.wordLen, this.wordOrder),
      ];
      const f = this.fScore(stats);
      if (f > bestF) {
        bestF = f;
        bestStats = stats;
      }
    }
    return bestStats;
  }

  /** [hyp count, ref count, matches] for each order 1..maxOrder. */
  private orderStats(hyp: Int32Array, ref: NgramTable, refLen: number, maxOrder: number): number[] {
    const matches = new Array<number>(maxOrder).fill(0);
    if (maxOrder > 0) ref.clip(hyp, matches);
    const out: number[] = [];
    for (let n = 1; n <= maxOrder; n++) {
      const refCount = ngramCount(refLen, n);
      // Hypothesis n-grams count only when the reference has n-grams of that order.
      out.push(refCount > 0 ? ngramCount(hyp.length, n) : 0, refCount, matches[n - 1]!);
    }
    return out;
  }

  /** chrF from [hyp, ref, match] triples per order; the float operations follow sacreBLEU's. */
  fScore(stats: readonly number[]): number {
    const eps = 1e-16;
    const factor = this.beta ** 2;
    let score = 0.0;
    let effectiveOrder = 0;
    let avgPrec = 0.0;
    let avgRec = 0.0;
    for (let i = 0; i < this.order; i++) {
      const nHyp = stats[3 * i]!;
      const nRef = stats[3 * i + 1]!;
      const nMatch = stats[3 * i + 2]!;
      const prec = nHyp > 0 ? nMatch / nHyp : eps;
      const rec = nRef > 0 ? nMatch / nRef : eps;
      const denom = factor * prec + rec;
      score += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
      if (nHyp > 0 && nRef > 0) {
        avgPrec += prec;
        avgRec += rec;
        effectiveOrder += 1;
      }
    }
    if (this.epsSmoothing) return (100 * score) / this.order;
    if (effectiveOrder === 0) {
      avgPrec = 0.0;
      avgRec = 0.0;
    } else {
      avgPrec /= effectiveOrder;
      avgRec /= effectiveOrder;
    }
    if (avgPrec + avgRec) {
      score = (1 + factor) * avgPrec * avgRec;
      score /= factor * avgPrec + avgRec;
      return 100 * score;
    }
    return 0.0;
  }

  computeScoreFromStats(stats: readonly number[]): CHRFScore {
    if (stats.length !== 3 * this.order) throw new Error(`CHRF: expected ${3 * this.order} statistics, got ${stats.length}`);
    return new CHRFScore(this.fScore(stats), this.charOrder, this.wordOrder, this.beta);
  }

  protected signatureInfo(): [string, SignatureValue, string][] {
    return [
      ['case', this.lowercase ? 'lc' : 'mixed', 'c'],
      ['eff', this.epsSmoothing ? 'no' : 'yes', 'e'],
      ['nc', this.charOrder, 'nc'],
      ['nw', this.wordOrder, 'nw'],
      ['space', this.whitespace ? 'yes' : 'no', 's'],
    ];
  }
}
