// TER (Snover et al., 2006) as sacreBLEU 2.6.0 computes it (metrics/ter.py).
import { pyRstrip, pySplit } from '../python-str.js';
import { TercomTokenizer } from '../tokenizers/ter.js';
import { Metric, Score, type RefStreams, type SignatureValue } from './base.js';
import { translationEditRate } from './lib-ter.js';

export interface TEROptions {
  /** Tercom's normalisation and punctuation tokenisation. */
  normalized?: boolean;
  /** Remove `. , ? : ; ! " ( )` (and CJK punctuation with asianSupport). */
  noPunct?: boolean;
  /** CJK handling; only has an effect with `normalized` and/or `noPunct`. */
  asianSupport?: boolean;
  /** TER lowercases unless this is set. */
  caseSensitive?: boolean;
  references?: RefStreams;
}

export class TERScore extends Score {
  constructor(score: number, readonly numEdits: number, readonly refLength: number) {
    super('TER', score);
  }
}

export class TER extends Metric<string[][], TERScore> {
  readonly normalized: boolean;
  readonly noPunct: boolean;
  readonly asianSupport: boolean;
  readonly caseSensitive: boolean;
  readonly tokenizer: TercomTokenizer;

  constructor(opts: TEROptions = {}) {
    super();
    this.normalized = opts.normalized ?? false;
    this.noPunct = opts.noPunct ?? false;
    this.asianSupport = opts.asianSupport ?? false;
    this.caseSensitive = opts.caseSensitive ?? false;
    this.tokenizer = new TercomTokenizer(opts);
    if (opts.references) this.cacheReferences(opts.references);
  }

  protected get who(): string {
    return 'TER';
  }

  protected preprocessSegment(sent: string): string {
    return this.tokenizer.tokenize(pyRstrip(sent));
  }

  protected extractReferenceInfo(refs: readonly string[], _transient: boolean): string[][] {
    // sacreBLEU preprocesses reference words a second time here (the cache already did
    // once); both passes are kept so that odd inputs tokenize identically.
    return refs.map((r) => pySplit(this.preprocessSegment(r)));
  }

  protected computeSegmentStatistics(hyp: string, refWords: string[][]): number[] {
    const hypWords = pySplit(hyp);
    let refLengths = 0;
    let bestEdits = Number.POSITIVE_INFINITY;
    for (const words of refWords) {
      // Integer codes: reference words get 1.., hypothesis words absent from this
      // reference share 0, since only hypothesis-reference equality matters.
      const codes = new Map<string, number>();
      const ref = new Int32Array(words.length);
      for (let k = 0; k < words.length; k++) {
        let c = codes.get(words[k]!);
        if (c === undefined) {
          c = codes.size + 1;
          codes.set(words[k]!, c);
        }
        ref[k] = c;
      }
      const hypCodes = new Int32Array(hypWords.length);
      for (let k = 0; k < hypWords.length; k++) hypCodes[k] = codes.get(hypWords[k]!) ?? 0;
      const [edits, refLen] = translationEditRate(hypCodes, ref);
      refLengths += refLen;
      if (edits < bestEdits) bestEdits = edits;
    }
    return [bestEdits, refLengths / refWords.length];
  }

  computeScoreFromStats(stats: readonly number[]): TERScore {
    if (stats.length !== 2) throw new Error(`TER: expected 2 statistics, got ${stats.length}`);
    const [edits, refLength] = stats as [number, number];
    let score: number;
    if (refLength > 0) score = edits / refLength;
    else if (edits > 0) score = 1.0; // empty reference(s), non-empty hypothesis
    else score = 0.0; // both empty
    return new TERScore(100 * score, Math.trunc(edits), refLength);
  }

  protected signatureInfo(): [string, SignatureValue, string][] {
    return [
      ['case', this.caseSensitive ? 'mixed' : 'lc', 'c'],
      ['tok', this.tokenizer.signature, 't'],
      ['norm', this.normalized, 'nr'],
      ['punct', !this.noPunct, 'pn'],
      ['asian', this.asianSupport, 'as'],
    ];
  }
}
