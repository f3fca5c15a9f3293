// HTER: TER of the MT against a reviewer's post-edit of it (the post-edit is the reference),
// with sacreBLEU's TER and its signature. Optional Arabic normalisation (arabic-normalize.ts)
// is applied to both sides first and labelled separately; it never changes the signature.
import { ARABIC_NORMALIZATION, normalizeArabic } from './arabic-normalize.js';
import { sumStats, TER, type TEROptions } from './metrics/index.js';

export interface HterOptions extends Omit<TEROptions, 'references'> {
  arabicNormalize?: boolean;
}

export interface HterResult {
  name: 'HTER';
  /** 100 × edits / post-edit words, over all segments. */
  score: number;
  numEdits: number;
  refLength: number;
  /** sacreBLEU's TER signature of the settings used. */
  signature: string;
  normalization?: string;
  /** Per segment: [edits, post-edit words] and its own HTER. */
  segments: Array<{ edits: number; words: number; score: number }>;
}

/** HTER of `mt[i]` against `postEdits[i]`; a segment nobody post-edited should be passed unchanged. */
export function hter(mt: readonly string[], postEdits: readonly string[], options: HterOptions = {}): HterResult {
  if (mt.length !== postEdits.length) throw new Error(`HTER: ${mt.length} MT segments but ${postEdits.length} post-edits`);
  const { arabicNormalize, ...terOptions } = options;
  const norm = arabicNormalize ? normalizeArabic : (s: string) => s;
  const ter = new TER(terOptions);
  const stats = ter.extractCorpusStatistics(mt.map(norm), [postEdits.map(norm)]);
  const total = ter.computeScoreFromStats(sumStats(stats));
  return {
    name: 'HTER',
    score: total.score,
    numEdits: total.numEdits,
    refLength: total.refLength,
    signature: ter.signature().format(),
    ...(arabicNormalize ? { normalization: ARABIC_NORMALIZATION } : {}),
    segments: stats.map(([edits, words]) => ({ edits: edits!, words: words!, score: ter.computeScoreFromStats([edits!, words!]).score })),
  };
}
