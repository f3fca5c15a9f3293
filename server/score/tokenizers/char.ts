// sacreBLEU's TokenizerChar: every code point becomes a token.
import type { Tokenizer } from './tokenizer.js';

export function tokenizeChar(line: string): string {
  // for…of walks code points, like iterating a Python str; whitespace "tokens" vanish
  // when the metric splits the result.
  const chars: string[] = [];
  for (const ch of line) chars.push(ch);
  return chars.join(' ');
}

export const tokenizerChar: Tokenizer = { signature: 'char', tokenize: tokenizeChar };
