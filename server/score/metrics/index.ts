// Public entry point of the sacreBLEU 2.6.0 port: BLEU, chrF/chrF++ and TER.
export {
  Metric, Score, Signature, SACREBLEU_VERSION, segmentReferences, sumStats,
  type FormatOptions, type MetricResult, type RefStreams, type SegmentRefs, type SignatureValue,
} from './base.js';
export { BLEU, BLEUScore, MAX_NGRAM_ORDER, SMOOTH_DEFAULTS, type BLEUOptions, type SmoothMethod } from './bleu.js';
export { CHRF, CHRFScore, chrfWords, type CHRFOptions } from './chrf.js';
export { TER, TERScore, type TEROptions } from './ter.js';
export { translationEditRate } from './lib-ter.js';
export { getTokenizer, TOKENIZER_NAMES, type Tokenizer } from '../tokenizers/registry.js';
export { TercomTokenizer, type TercomOptions } from '../tokenizers/ter.js';
