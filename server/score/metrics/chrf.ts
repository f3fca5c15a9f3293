// chrF (Popović, 2015) and chrF++ (Popović, 2017) as sacreBLEU 2.6.0 computes them
// (metrics/chrf.py, metrics/helpers.py).
import { codePointOffsets, PY_PUNCTUATION, pyLower, pySplit } from '../python-str.js';
import { Metric, Score, type RefStreams, type SignatureValue } from './base.js';

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

type Counts = Map<string, number>;

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

/** Character n-gram counts for n = 1..maxOrder (code points, not UTF-16 units). */
function charNgrams(line: string, maxOrder: number, whitespace: boolean): Counts[] {
  if (!whitespace) line = pySplit(line).join('');
  const off = codePointOffsets(line);
  const len = off.length - 1;
  const out: Counts[] = [];
  for (let n = 1; n <= maxOrder; n++) {
    const counts: Counts = new Map();
    for (let i = 0; i + n <= len; i++) {
      const g = line.slice(off[i]!, off[i + n]!);
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    out.push(counts);
  }
  return out;
}

function wordNgrams(words: readonly string[], n: number): Counts {
  const counts: Counts = new Map();
  for (let i = 0; i + n <= words.length; i++) {
    const g = words.slice(i, i + n).join(' ');
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

interface OrderCounts {
  counts: Counts;
  /** Number of n-grams (the sum of `counts`). */
  total: number;
}

function withTotals(list: Counts[]): OrderCounts[] {
  return list.map((counts) => {
    let total = 0;
    for (const c of counts.values()) total += c;
    return { counts, total };
  });
}

export class CHRF extends Metric<OrderCounts[][], CHRFScore> {
  readonly charOrder: number;
  readonly wordOrder: number;
  readonly beta: number;
  readonly lowercase: boolean;
  readonly whitespace: boolean;
  readonly epsSmoothing: boolean;

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

  private ngrams(sent: string): OrderCounts[] {
    const all = charNgrams(sent, this.charOrder, this.whitespace);
    if (this.wordOrder > 0) {
      const words = chrfWords(sent);
      for (let n = 1; n <= this.wordOrder; n++) all.push(wordNgrams(words, n));
    }
    return withTotals(all);
  }

  protected extractReferenceInfo(refs: readonly string[]): OrderCounts[][] {
    return refs.map((r) => this.ngrams(r));
  }

  protected computeSegmentStatistics(hyp: string, refInfo: OrderCounts[][]): number[] {
    const hypNgrams = this.ngrams(hyp);
    let bestStats: number[] = [];
    let bestF = -1.0;
    // Several references: keep the statistics of the first one with the strictly best F.
    for (const refNgrams of refInfo) {
      const stats: number[] = [];
      for (let k = 0; k < hypNgrams.length; k++) {
        const h = hypNgrams[k]!;
        const r = refNgrams[k]!;
        let match = 0;
        for (const [g, c] of h.counts) {
          const rc = r.counts.get(g);
          if (rc !== undefined) match += c < rc ? c : rc;
        }
        // Hypothesis n-grams count only when the reference has n-grams of that order.
        stats.push(r.counts.size > 0 ? h.total : 0, r.total, match);
      }
      const f = this.fScore(stats);
      if (f > bestF) {
        bestF = f;
        bestStats = stats;
      }
    }
    return bestStats;
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
