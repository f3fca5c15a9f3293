// Tokenizer lookup by sacreBLEU name, with a clear refusal for the ones Tadqiq lacks.
import { tokenizer13a } from './13a.js';
import { tokenizerChar } from './char.js';
import { tokenizerIntl } from './intl.js';
import { tokenizerNone } from './none.js';
import type { Tokenizer } from './tokenizer.js';

export type { Tokenizer } from './tokenizer.js';

const TOKENIZERS: Readonly<Record<string, Tokenizer>> = {
  '13a': tokenizer13a,
  intl: tokenizerIntl,
  char: tokenizerChar,
  none: tokenizerNone,
};

// sacreBLEU 2.6.0 names whose implementations need MeCab, SentencePiece models or a
// Chinese segmenter; scoring with a stand-in would silently give different numbers.
const UNSUPPORTED: Readonly<Record<string, string>> = {
  zh: 'needs sacreBLEU\'s Chinese segmenter',
  'ja-mecab': 'needs MeCab with the ipadic dictionary',
  'ko-mecab': 'needs MeCab with the mecab-ko dictionary',
  flores101: 'needs the FLORES-101 SentencePiece model',
  flores200: 'needs the FLORES-200 SentencePiece model',
  'spBLEU-1K': 'needs the spBLEU-1K SentencePiece model',
  spm: 'needs the FLORES-101 SentencePiece model',
};

/** Names `getTokenizer` accepts. */
export const TOKENIZER_NAMES: readonly string[] = Object.keys(TOKENIZERS);

export function getTokenizer(name: string): Tokenizer {
  const tok = Object.hasOwn(TOKENIZERS, name) ? TOKENIZERS[name] : undefined;
  if (tok) return tok;
  if (Object.hasOwn(UNSUPPORTED, name)) {
    throw new Error(`Tokenizer '${name}' is not supported by Tadqiq (it ${UNSUPPORTED[name]}); use one of: ${TOKENIZER_NAMES.join(', ')}`);
  }
  throw new Error(`Unknown tokenizer '${name}'; use one of: ${TOKENIZER_NAMES.join(', ')}`);
}
