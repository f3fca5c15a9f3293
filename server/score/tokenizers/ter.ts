// Tercom's normaliser as sacreBLEU's TercomTokenizer re-implements it (tokenizer_ter.py).
import { pyCollapse, pyLower } from '../python-str.js';
import type { Tokenizer } from './tokenizer.js';

export interface TercomOptions {
  normalized?: boolean;
  noPunct?: boolean;
  asianSupport?: boolean;
  caseSensitive?: boolean;
}

const ASCII_PUNCT = /([\x7b-\x7e\x5b-\x60\x20-\x26\x28-\x2b\x3a-\x40\x2f])/gu;
// Python's `$` also matches before a final '\n'.
const POSSESSIVE_AT_END = /'s(?=\n?$)/gu;

const ASIAN_PUNCT = /([\u3001\u3002\u3008-\u3011\u3014-\u301f\uff61-\uff65\u30fb])/gu;
const FULL_WIDTH_PUNCT = /([\uff0e\uff0c\uff1f\uff1a\uff1b\uff01\uff02\uff08\uff09])/gu;

function normalizeGeneralAndWestern(sent: string): string {
  sent = sent.replaceAll('\n-', '').replaceAll('\n', ' ');
  sent = sent.replaceAll('&quot;', '"').replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  sent = ` ${sent} `;
  sent = sent.replace(ASCII_PUNCT, ' $1 ');
  sent = sent.replaceAll("'s ", " 's ");
  sent = sent.replace(POSSESSIVE_AT_END, " 's");
  sent = sent.replace(/([^0-9])([.,])/gu, '$1 $2 ');
  sent = sent.replace(/([.,])([^0-9])/gu, ' $1 $2');
  sent = sent.replace(/([0-9])(-)/gu, '$1 $2 ');
  return sent;
}

function normalizeAsian(sent: string): string {
  // CJK ideographs, strokes, radicals and compatibility blocks become one token each.
  sent = sent.replace(/([\u4e00-\u9fff\u3400-\u4dbf])/gu, ' $1 ');
  sent = sent.replace(/([\u31c0-\u31ef\u2e80-\u2eff])/gu, ' $1 ');
  sent = sent.replace(/([\u3300-\u33ff\uf900-\ufaff\ufe30-\ufe4f])/gu, ' $1 ');
  sent = sent.replace(/([\u3200-\u3f22])/gu, ' $1 ');
  // Kana runs: sacreBLEU's patterns anchor on the string start, so on a space-padded line
  // they never match; kept as written for parity.
  sent = sent.replace(/(^|^[\u3040-\u309f])([\u3040-\u309f]+)(?=\n?$|^[\u3040-\u309f])/gu, '$1 $2 ');
  sent = sent.replace(/(^|^[\u30a0-\u30ff])([\u30a0-\u30ff]+)(?=\n?$|^[\u30a0-\u30ff])/gu, '$1 $2 ');
  sent = sent.replace(/(^|^[\u31f0-\u31ff])([\u31f0-\u31ff]+)(?=\n?$|^[\u31f0-\u31ff])/gu, '$1 $2 ');
  sent = sent.replace(ASIAN_PUNCT, ' $1 ');
  sent = sent.replace(FULL_WIDTH_PUNCT, ' $1 ');
  return sent;
}

function removePunct(sent: string, asian: boolean): string {
  sent = sent.replace(/[.,?:;!"()]/gu, '');
  if (asian) sent = sent.replace(ASIAN_PUNCT, '').replace(FULL_WIDTH_PUNCT, '');
  return sent;
}

export class TercomTokenizer implements Tokenizer {
  readonly signature = 'tercom';
  readonly normalized: boolean;
  readonly noPunct: boolean;
  readonly asianSupport: boolean;
  readonly caseSensitive: boolean;

  constructor(opts: TercomOptions = {}) {
    this.normalized = opts.normalized ?? false;
    this.noPunct = opts.noPunct ?? false;
    this.asianSupport = opts.asianSupport ?? false;
    this.caseSensitive = opts.caseSensitive ?? false;
  }

  tokenize(sent: string): string {
    if (!sent) return '';
    if (!this.caseSensitive) sent = pyLower(sent);
    if (this.normalized) {
      sent = normalizeGeneralAndWestern(sent);
      if (this.asianSupport) sent = normalizeAsian(sent);
    }
    if (this.noPunct) sent = removePunct(sent, this.asianSupport);
    return pyCollapse(sent);
  }
}
