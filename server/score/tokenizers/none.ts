// sacreBLEU's NoneTokenizer: the metric only splits on (Python) whitespace.
import type { Tokenizer } from './tokenizer.js';

export const tokenizerNone: Tokenizer = { signature: 'none', tokenize: (line: string) => line };
