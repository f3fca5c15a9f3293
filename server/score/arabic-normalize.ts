// Optional Arabic normalisation before reference metrics and HTER: the light spelling
// normalisation of CAMeL Tools and Lucene (alef forms → ا, alef maqsura → ي, taa marbuta → ه,
// diacritics and tatweel dropped), reusing the fold tables of server/text/arabic.ts. It is NOT
// part of sacreBLEU: scores made with it keep sacreBLEU's signature for the metric itself and
// carry this label next to it, so nobody mistakes them for plain sacreBLEU numbers.
import { LETTER_FOLD, MARKS, TATWEEL } from '../text/arabic.js';

/** Printed next to every score computed on normalised text. */
export const ARABIC_NORMALIZATION = 'tadqiq-ar-norm:alef,alef-maqsura,taa-marbuta,diacritics,tatweel|version:1';

const DROP = new RegExp(`${TATWEEL}|${MARKS.source}`, 'gu');
const FOLD = new RegExp(`[${Object.keys(LETTER_FOLD).join('')}]`, 'gu');

/** Normalised copy for scoring only; lengths change, so never use its offsets. */
export function normalizeArabic(text: string): string {
  return text.replace(DROP, '').replace(FOLD, (c) => LETTER_FOLD[c] ?? c);
}
