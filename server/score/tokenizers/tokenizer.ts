/** A sacreBLEU tokenizer: a line in, a space-separated line out (split it with `pySplit`). */
export interface Tokenizer {
  /** The name sacreBLEU prints in signatures (`tok:13a`). */
  readonly signature: string;
  tokenize(line: string): string;
}
