// What the number parsers of both languages return, and the digit handling they share:
// Western (0-9), Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits, Arabic separators
// ٫ (decimal) and ٬ (thousands), and bidi marks or thin spaces that formatters put inside numbers.

/** A fraction (a fifth of, ثلثا) is a share, never required, compared only with fractions. */
export type NumberKind = 'digits' | 'words' | 'ordinal' | 'dual' | 'fraction';

export interface NumberMention {
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** The value, then other readings that count as the same number (15,000 also as 15 ألف). */
  values: number[];
  kind: NumberKind;
  percent?: boolean;
  /** The scale word written with it (thousand/ألف 1e3, million/مليون 1e6, bn/مليار 1e9 …). */
  scale?: number;
}

/** Maps any decimal digit to ASCII and Arabic separators to Latin ones; drops marks inside. */
export function asciiDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0x660 && c <= 0x669) out += String.fromCharCode(c - 0x660 + 48);
    else if (c >= 0x6f0 && c <= 0x6f9) out += String.fromCharCode(c - 0x6f0 + 48);
    else if (ch === '٫') out += '.';
    else if (ch === '٬' || ch === '،') out += ',';
    else if (/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/u.test(ch)) continue;
    else out += ch;
  }
  return out;
}

/** A digit in any of the three scripts. */
export const DIGIT = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9]';

/**
 * Value of a digit string with separators (ASCII after asciiDigits). "15,000" and "15 000" are
 * fifteen thousand; "3,5" (a decimal comma, as some Arabic writers use) is three and a half;
 * "1.234.567" is grouped with dots.
 */
export function parseDigits(raw: string): number | null {
  const s = raw.replace(/[\s\u00A0\u202F\u2009]/gu, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d+\.\d+$/.test(s) || /^\d+$/.test(s)) return Number(s);
  if (/^\d+,\d{1,2}$/.test(s)) return Number(s.replace(',', '.'));
  return null;
}

/** Equal up to floating-point noise (1.5 × 10⁹ computed two ways). */
export function sameNumber(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}
