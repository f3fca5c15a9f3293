// mteval-v13a tokenization as sacreBLEU's Tokenizer13a + TokenizerRegexp do it.
import { pyCollapse } from '../python-str.js';
import type { Tokenizer } from './tokenizer.js';

// ASCII only, spelled with escapes because the `u` flag rejects `\~`-style identity escapes:
// { | } ~  [ \ ] ^ _ `  ! " # $ % &  ( ) * +  : ; < = > ? @  /
// sacreBLEU's class also holds the space (its range is ` -&`), which only turns each space
// into three. The later patterns never consume a space as their second character, so the
// length of a space run cannot change where they match: leaving the space out gives the
// same tokens and spares a replacement per word.
const ASCII_PUNCT = /([\x7b-\x7e\x5b-\x60\x21-\x26\x28-\x2b\x3a-\x40\x2f])/gu;
// "Digit" is ASCII [0-9] only, so Arabic-Indic digits do not protect a '.' or ','.
const PERIOD_COMMA_AFTER_NON_DIGIT = /([^0-9])([.,])/gu;
const PERIOD_COMMA_BEFORE_NON_DIGIT = /([.,])([^0-9])/gu;
const DASH_AFTER_DIGIT = /([0-9])(-)/gu;

/** The regex part shared with sacreBLEU's `zh` tokenizer; expects a space-padded line. */
export function postTokenize13a(line: string): string {
  line = line.replace(ASCII_PUNCT, ' $1 ');
  if (line.includes('.') || line.includes(',')) {
    line = line.replace(PERIOD_COMMA_AFTER_NON_DIGIT, '$1 $2 ');
    line = line.replace(PERIOD_COMMA_BEFORE_NON_DIGIT, ' $1 $2');
  }
  if (line.includes('-')) line = line.replace(DASH_AFTER_DIGIT, '$1 $2 ');
  return pyCollapse(line);
}

export function tokenize13a(line: string): string {
  line = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (line.includes('&')) {
    // One after another, as sacreBLEU does, so '&amp;lt;' ends as '<'. '&apos;' stays.
    line = line.replaceAll('&quot;', '"').replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  }
  return postTokenize13a(` ${line} `);
}

export const tokenizer13a: Tokenizer = { signature: '13a', tokenize: tokenize13a };
