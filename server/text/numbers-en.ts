// Numbers in English text: digits with separators and scale words or suffixes (15,000; 1.5
// billion; $5m; 61%), number words (eight, twenty-five, one hundred and fifty, a million),
// ordinals (21st, third) and multipliers (twice). Offsets are into the original text.
import { parseDigits, type NumberMention } from './numbers.js';

// Maps, not object literals: `word in TABLE` makes V8 intern every fresh token string, which was
// the costliest line of the English number scan.

const UNITS = new Map<string, number>(Object.entries({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
}));
const TENS = new Map<string, number>(Object.entries({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
}));
const SCALES = new Map<string, number>(Object.entries({ thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }));
const ORDINALS = new Map<string, number>(Object.entries({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16,
  seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40,
  fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1000,
}));
const MULTIPLIERS = new Map<string, number>(Object.entries({ twice: 2, thrice: 3 }));
/** Words that imply a number without requiring one in the translation (a decade = 10 سنوات). */
const IMPLIED = new Map<string, number[]>(Object.entries({
  half: [50, 0.5], decade: [10], decades: [10], doubled: [2], tripled: [3], quadrupled: [4], dozen: [12],
}));
/** Denominators of fractions (a third, two-thirds, three quarters); half is IMPLIED. */
const DENOMINATORS = new Map<string, number>(Object.entries({
  third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5, sixth: 6, sixths: 6,
  seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10,
}));
const FRACTION_NUMERATORS = new Map<string, number>(Object.entries({ a: 1, an: 1, one: 1, two: 2, three: 3, four: 4 }));
/** Suffixes glued to digits: 5m, 2bn, 10k. */
const DIGIT_SCALES = new Map<string, number>(Object.entries({ k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12, tr: 1e12 }));

interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function isNumberWord(w: string): boolean {
  return UNITS.has(w) || TENS.has(w) || w === 'hundred' || SCALES.has(w);
}

/** Splits a hyphenated word (twenty-five) into its parts when every part is a number word. */
function wordParts(w: string): string[] | null {
  const parts = w.split('-');
  if (parts.every((p) => isNumberWord(p) || ORDINALS.has(p))) return parts;
  return null;
}

/** Anything that could start a number; most sentences have none and are done at once. */
const ANY_NUMBER = /[0-9]|(?<![A-Za-z])(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|first|second|third|fifth|eighth|ninth|twelfth|twice|thrice|half|quarter|decade|doubled|tripled|quadrupled|dozen)/i;
/**
 * ANY_NUMBER's words alone. Digits and letters never share a word and a letter run never spans
 * two words, so a sentence without digits passes ANY_NUMBER exactly when one of its words passes
 * this: the numbers check asks it once per word form instead of scanning every sentence.
 */
export const NUMBER_WORD = /(?<![A-Za-z])(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|first|second|third|fifth|eighth|ninth|twelfth|twice|thrice|half|quarter|decade|doubled|tripled|quadrupled|dozen)/i;

export function englishNumbers(text: string, from = 0, to = text.length): NumberMention[] {
  if (!ANY_NUMBER.test(from === 0 && to === text.length ? text : text.slice(from, to))) return [];
  const toks: Tok[] = [];
  // Hyphenated number words are one token for the scanner, so join letter runs across '-'.
  const re = /[0-9](?:[0-9,.]*[0-9])?|[A-Za-z]+(?:-[A-Za-z]+)*|%/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < to) {
    const lower = m[0].toLowerCase();
    // "six-game", "mother-of-three": the parts are words of their own; "twenty-five" stays whole.
    if (lower.includes('-') && !wordParts(lower)) {
      let at = m.index;
      for (const part of m[0].split('-')) {
        toks.push({ text: part, lower: part.toLowerCase(), start: at, end: at + part.length });
        at += part.length + 1;
      }
    } else toks.push({ text: m[0], lower, start: m.index, end: m.index + m[0].length });
  }
  const out: NumberMention[] = [];
  const glued = (a: Tok, b: Tok | undefined) => b !== undefined && b.start === a.end;
  const gap = (a: Tok, b: Tok | undefined) => b !== undefined && /^[\s\u00A0-]*$/u.test(text.slice(a.end, b.start));
  const percentAfter = (k: number): number => {
    const t = toks[k];
    if (!t) return 0;
    if (t.text === '%' && glued(toks[k - 1]!, t)) return 1;
    if (t.lower === 'percent' || t.lower === 'pct') return 1;
    if (t.lower === 'per' && toks[k + 1]?.lower === 'cent') return 2;
    return 0;
  };

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (/^[0-9]/.test(t.text)) {
      // 1,2 and 3 in a list are three numbers, not one with separators.
      const value = parseDigits(t.text);
      if (value === null) {
        for (const part of t.text.split(/[,.]/)) {
          if (!part) continue;
          const s = t.start + t.text.indexOf(part);
          out.push({ start: s, end: s + part.length, values: [Number(part)], kind: 'digits' });
        }
        continue;
      }
      let end = t.end;
      let values = [value];
      let scale: number | undefined;
      const kind: NumberMention['kind'] = 'digits';
      const next = toks[i + 1];
      const sep = next ? text.slice(t.end, next.start) : '';
      const third = toks[i + 2];
      if (/^\d{1,2}$/.test(t.text) && next && sep === ':' && /^\d{2}$/.test(next.text) && third && text.slice(next.end, third.start) === ':' && /^\d{2}$/.test(third.text)) {
        // 2:19:08, a race time or a duration: hours, minutes and seconds, each said on its own
        // in Arabic (ساعتان و19 دقيقة و8 ثوانٍ).
        for (const x of [t, next, third]) out.push({ start: x.start, end: x.end, values: [Number(x.text)], kind: 'digits' });
        i += 2;
        continue;
      }
      if (/^\d{1,2}$/.test(t.text) && next && sep === ':' && /^\d{2}$/.test(next.text)) {
        // 04:00, 10:30: one time of day, matched by its hour too (الساعة 4).
        const h = Number(t.text);
        const mins = Number(next.text);
        const ampm = toks[i + 2] && /^(am|pm|a|p)$/.test(toks[i + 2]!.lower) && gap(next, toks[i + 2]);
        out.push({ start: t.start, end: ampm ? toks[i + 2]!.end : next.end, values: [h * 100 + mins, h, h > 12 ? h - 12 : h + 12], kind: 'digits' });
        i += ampm ? 2 : 1;
        continue;
      }
      if (/^\d{1,2}\.\d{2}$/.test(t.text) && next && glued(t, next) && /^(am|pm)$/.test(next.lower)) {
        const [h, mins] = t.text.split('.').map(Number) as [number, number];
        out.push({ start: t.start, end: next.end, values: [h * 100 + mins, h, h > 12 ? h - 12 : h + 12], kind: 'digits' });
        i++;
        continue;
      }
      const prev = toks[i - 1];
      if (/^\d{2}$/.test(t.text) && prev && /^\d{4}$/.test(prev.text) && /^[-–]$/u.test(text.slice(prev.end, t.start))) {
        // 1950-53: the second year is 1953.
        values = [Math.floor(Number(prev.text) / 100) * 100 + value, value];
      }
      if (next && glued(t, next) && /^(am|pm)$/.test(next.lower) && value <= 12) {
        out.push({ start: t.start, end: next.end, values: [value, value + 12, value * 100], kind: 'digits' });
        i++;
        continue;
      }
      if (next && glued(t, next) && /^(st|nd|rd|th)$/.test(next.lower)) {
        end = next.end; // 21st: an ordinal, but written in digits, so it must be there
        i++;
      } else if (next && glued(t, next) && DIGIT_SCALES.has(next.lower)) {
        scale = DIGIT_SCALES.get(next.lower)!;
        values = [value * scale, value];
        end = next.end;
        i++;
      } else if (next && glued(t, next) && next.lower === 's' && value >= 1000) {
        // The 1930s: Arabic says ثلاثينيات القرن العشرين, the thirties of the twentieth century.
        values = [value, value % 100, Math.floor(value / 100) + 1];
        end = next.end;
        i++;
      } else if (next && gap(t, next) && SCALES.has(next.lower)) {
        scale = SCALES.get(next.lower)!;
        values = [value * scale, value];
        end = next.end;
        i++;
      } else if (next && gap(t, next) && next.lower === 'hundred') {
        values = [value * 100, value];
        end = next.end;
        i++;
      }
      const p = percentAfter(i + 1);
      const mention: NumberMention = { start: t.start, end, values, kind, ...(scale ? { scale } : {}) };
      if (p) {
        mention.percent = true;
        mention.end = toks[i + p]!.end;
        i += p;
      }
      out.push(mention);
      continue;
    }
    // "a fifth of", "two-thirds of", "three quarters of": a share of something.
    const den = toks[i + 1] && DENOMINATORS.get(toks[i + 1]!.lower);
    if (den && FRACTION_NUMERATORS.has(t.lower) && toks[i + 2]?.lower === 'of') {
      out.push({ start: t.start, end: toks[i + 1]!.end, values: [FRACTION_NUMERATORS.get(t.lower)! / den], kind: 'fraction' });
      i++;
      continue;
    }
    if (ORDINALS.has(t.lower)) {
      // "a third of", "two thirds": fractions, not ordinals.
      const prev = toks[i - 1]?.lower;
      if (t.lower !== 'first' && t.lower !== 'second' && (prev === 'a' || prev === 'one' || prev === 'two')) continue;
      out.push({ start: t.start, end: t.end, values: [ORDINALS.get(t.lower)!], kind: 'ordinal' });
      continue;
    }
    const compound = /^(one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)(fold|somes?|balls?)$/.exec(t.lower);
    if (compound) {
      // fourballs, foursomes, twofold: the number is in the word.
      out.push({ start: t.start, end: t.end, values: [UNITS.get(compound[1]!) ?? TENS.get(compound[1]!)!], kind: 'ordinal' });
      continue;
    }
    if (IMPLIED.has(t.lower) && !(t.lower === 'dozen' && /^(a|one)$/.test(toks[i - 1]?.lower ?? ''))) {
      out.push({ start: t.start, end: t.end, values: IMPLIED.get(t.lower)!, kind: 'ordinal' });
      continue;
    }
    if (MULTIPLIERS.has(t.lower)) {
      out.push({ start: t.start, end: t.end, values: [MULTIPLIERS.get(t.lower)!], kind: 'words' });
      continue;
    }
    const firstParts = wordParts(t.lower);
    const startsWithA = (t.lower === 'a' || t.lower === 'an') && toks[i + 1] && (toks[i + 1]!.lower === 'hundred' || SCALES.has(toks[i + 1]!.lower) || toks[i + 1]!.lower === 'dozen');
    if (!firstParts && !startsWithA) continue;
    // A run of number words: "one hundred and fifty thousand", "twenty-five", "a million".
    let total = 0;
    let current = 0;
    let scaled = false;
    let j = i;
    let end = t.end;
    let any = false;
    let ordinal = false;
    if (startsWithA) {
      current = 1;
      j = i + 1;
    }
    // Place of the last part: units and tens fill 1 (twenty five), hundreds 100, scales theirs.
    // "three one-sided" and "one and three" are two numbers, not four.
    let lastPlace = Number.POSITIVE_INFINITY;
    let lastWasTen = false;
    for (; j < toks.length; j++) {
      const w = toks[j]!;
      if (j > i && !gap(toks[j - 1]!, w)) break;
      if (w.lower === 'and' && any && lastPlace >= 100 && toks[j + 1] && wordParts(toks[j + 1]!.lower)) continue;
      if (w.lower === 'dozen' && current > 0) {
        current *= 12;
        end = w.end;
        any = true;
        continue;
      }
      const parts = wordParts(w.lower);
      if (!parts) break;
      const first = parts[0]!;
      if (any && (UNITS.has(first) || TENS.has(first) || ORDINALS.has(first)) && lastPlace === 1 && !(lastWasTen && UNITS.has(first) && UNITS.get(first)! < 10)) break;
      for (const p of parts) {
        if (UNITS.has(p)) current += UNITS.get(p)!;
        else if (TENS.has(p)) current += TENS.get(p)!;
        else if (p === 'hundred') current = (current || 1) * 100;
        else if (SCALES.has(p)) {
          current = (current || 1) * SCALES.get(p)!;
          total += current;
          current = 0;
          scaled = true;
        } else if (ORDINALS.has(p)) {
          current += ORDINALS.get(p)!;
          ordinal = true;
        }
        lastWasTen = TENS.has(p);
        lastPlace = p === 'hundred' ? 100 : SCALES.has(p) ? SCALES.get(p)! : 1;
      }
      end = w.end;
      any = true;
      if (ordinal) {
        j++;
        break;
      }
    }
    if (!any) continue;
    const value = total + current;
    const mention: NumberMention = { start: t.start, end, values: [value], kind: ordinal ? 'ordinal' : 'words' };
    if (scaled && value >= 1000) {
      // "two million" may be written 2 مليون: keep the count before the scale too.
      const scale = [1e12, 1e9, 1e6, 1e3].find((s) => value % s === 0 && value >= s);
      if (scale) {
        mention.values.push(value / scale);
        mention.scale = scale;
      }
    }
    i = j - 1;
    const p = percentAfter(i + 1);
    if (p) {
      mention.percent = true;
      mention.end = toks[i + p]!.end;
      i += p;
    }
    out.push(mention);
  }
  return out;
}
