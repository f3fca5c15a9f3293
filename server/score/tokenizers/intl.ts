// mteval-v14 "international" tokenization (sacreBLEU's TokenizerV14International).
import { pyCollapse } from '../python-str.js';
import type { Tokenizer } from './tokenizer.js';

// Unicode general categories, as Python's `regex` module reads \p{P}, \P{N} and \p{S}.
// Both engines scan left to right without overlap, so a number followed by a final period
// (`2023.` at the end of a line) keeps its period, as in mteval-v14.pl.
const PUNCT_AFTER_NON_NUMBER = /([\P{N}])([\p{P}])/gu;
const PUNCT_BEFORE_NON_NUMBER = /([\p{P}])([\P{N}])/gu;
const SYMBOL = /([\p{S}])/gu;

export function tokenizeIntl(line: string): string {
  line = line.replace(PUNCT_AFTER_NON_NUMBER, '$1 $2 ');
  line = line.replace(PUNCT_BEFORE_NON_NUMBER, ' $1 $2');
  line = line.replace(SYMBOL, ' $1 ');
  return pyCollapse(line);
}

export const tokenizerIntl: Tokenizer = { signature: 'intl', tokenize: tokenizeIntl };
