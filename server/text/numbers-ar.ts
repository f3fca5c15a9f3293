// Numbers in Arabic text: digits in three scripts with Arabic or Latin separators, digits with
// scale words (15 ألف، 1.5 مليون), number words with either gender and in compounds (ثماني،
// ثلاثة عشر، ثلاث عشرة، خمسة وعشرون، مائة وخمسون ألفًا، ألفان), ordinals (الثالث عشر، السابعة),
// decades (التسعينيات) and the dual (جنديان، لهجومين: "two" without a number word).
// Words are matched on folded keys (arabic.ts) behind proclitics (و، ب، ل، ال، لل).
import { foldArabicKey } from './arabic.js';
import { stemCandidates } from './clitics.js';
import { memo } from './memo.js';
import { DIGIT, asciiDigits, parseDigits, type NumberMention } from './numbers.js';

type WordType = 'unit' | 'teen' | 'ten' | 'hundred' | 'scale' | 'scale-plural' | 'ordinal' | 'ordinal-unit' | 'one-of-teen' | 'decade';
interface Entry {
  value: number;
  type: WordType;
}

const LEXICON = new Map<string, Entry>();
const add = (type: WordType, value: number, ...forms: string[]) => {
  for (const f of forms) LEXICON.set(foldArabicKey(f), { value, type });
};
add('unit', 1, 'واحد', 'واحدة', 'واحدا');
add('unit', 2, 'اثنان', 'اثنين', 'اثنتان', 'اثنتين', 'اثنا', 'اثني', 'اثنتا', 'اثنتي', 'ثنتان', 'ثنتين');
// With the accusative ending where it is written (ثلاثًا، أربعًا).
add('unit', 3, 'ثلاثة', 'ثلاث', 'ثلاثا');
add('unit', 4, 'أربعة', 'أربع', 'أربعا');
add('unit', 5, 'خمسة', 'خمس', 'خمسا');
add('unit', 6, 'ستة', 'ست');
add('unit', 7, 'سبعة', 'سبع', 'سبعا');
add('unit', 8, 'ثمانية', 'ثماني', 'ثمان', 'ثمانيا');
add('unit', 9, 'تسعة', 'تسع', 'تسعا');
add('teen', 10, 'عشرة', 'عشر');
// أحد/إحدى mean "one" only in أحد عشر (11); alone أحد is "someone" or Sunday.
add('one-of-teen', 1, 'أحد', 'إحدى');
add('ten', 20, 'عشرون', 'عشرين');
add('ten', 30, 'ثلاثون', 'ثلاثين');
add('ten', 40, 'أربعون', 'أربعين');
add('ten', 50, 'خمسون', 'خمسين');
add('ten', 60, 'ستون', 'ستين');
add('ten', 70, 'سبعون', 'سبعين');
add('ten', 80, 'ثمانون', 'ثمانين');
add('ten', 90, 'تسعون', 'تسعين');
add('hundred', 100, 'مئة', 'مائة', 'مئه', 'مائه');
add('hundred', 200, 'مئتان', 'مئتين', 'مائتان', 'مائتين', 'مئتا', 'مائتا', 'مئتي', 'مائتي');
const HUNDREDS: Array<[number, string[]]> = [
  [300, ['ثلاث']], [400, ['أربع']], [500, ['خمس']], [600, ['ست']], [700, ['سبع']], [800, ['ثمان', 'ثماني']], [900, ['تسع']],
];
for (const [v, stems] of HUNDREDS) for (const s of stems) add('hundred', v, `${s}مئة`, `${s}مائة`);
add('scale', 1e3, 'ألف', 'ألفا', 'ألفًا');
add('scale', 2e3, 'ألفان', 'ألفين', 'ألفا', 'ألفي');
add('scale-plural', 1e3, 'آلاف');
add('scale', 1e6, 'مليون', 'مليونا', 'مليونًا');
add('scale', 2e6, 'مليونان', 'مليونين', 'مليوني');
add('scale-plural', 1e6, 'ملايين');
add('scale', 1e9, 'مليار', 'مليارا', 'بليون', 'بليونا');
add('scale', 2e9, 'ملياران', 'مليارين', 'ملياري');
add('scale-plural', 1e9, 'مليارات');
add('scale', 1e12, 'تريليون', 'تريليونا');
add('scale-plural', 1e12, 'تريليونات');
// The alef of ألفا (accusative) collides with ألفا as the dual construct; the accusative is far
// more common in running text, so ألفا is one thousand.
add('scale', 1e3, 'ألفا');
add('ordinal', 1, 'أول', 'أولى', 'الأول', 'الأولى');
add('ordinal-unit', 2, 'ثاني', 'ثانية', 'ثان');
add('ordinal-unit', 3, 'ثالث', 'ثالثة');
add('ordinal-unit', 4, 'رابع', 'رابعة');
add('ordinal-unit', 5, 'خامس', 'خامسة');
add('ordinal-unit', 6, 'سادس', 'سادسة');
add('ordinal-unit', 7, 'سابع', 'سابعة');
add('ordinal-unit', 8, 'ثامن', 'ثامنة');
add('ordinal-unit', 9, 'تاسع', 'تاسعة');
add('ordinal-unit', 10, 'عاشر', 'عاشرة');
add('ordinal-unit', 1, 'حادي', 'حادية');
const DECADES: Array<[number, string]> = [
  [1920, 'عشرينيات'], [1930, 'ثلاثينيات'], [1940, 'أربعينيات'], [1950, 'خمسينيات'], [1960, 'ستينيات'],
  [1970, 'سبعينيات'], [1980, 'ثمانينيات'], [1990, 'تسعينيات'],
];
for (const [v, w] of DECADES) add('decade', v, w, w.replace('يات', 'ات'));

/** Words that end like a dual (ان/ين) but are not one. */
const NOT_DUAL = new Set(
  ['الآن', 'كان', 'مكان', 'بين', 'حين', 'أين', 'دين', 'سنين', 'إيران', 'لبنان', 'عمان', 'السودان', 'اليابان', 'البرلمان', 'الإنسان', 'إنسان', 'ميدان', 'بلدان', 'أحيان', 'أحيانا', 'ضمان', 'بيان', 'زمان', 'لكن', 'إعلان', 'طيران', 'عنوان', 'ديوان', 'نيسان', 'حزيران', 'تشرين', 'كانون', 'إيمان', 'أمان', 'رمضان', 'ميزان', 'سكان', 'جيران', 'شبان', 'فرسان', 'ألوان', 'قوانين', 'ملايين', 'عناوين', 'دواوين', 'سلاطين', 'ميادين', 'براهين', 'مساكين', 'فلسطين', 'الصين', 'اليمين', 'مسلمين', 'المسلمين', 'يمين', 'تأمين', 'تحسين', 'تعيين', 'تكوين', 'تدوين', 'تخزين', 'تمكين', 'تلقين', 'تزيين']
    .map((w) => foldArabicKey(w)),
);

/** The place a number word fills: units (and unit + ten) 1, hundreds 100, scales their value. */
function place(e: Entry): number {
  if (e.type === 'hundred') return 100;
  if (e.type === 'scale' || e.type === 'scale-plural') return e.value >= 2e3 && e.value % 2 === 0 && [2e3, 2e6, 2e9].includes(e.value) ? e.value / 2 : e.value;
  return 1;
}

type Hit = { entry: Entry; conj: boolean; article: boolean };
const lookup = memo(lookupUncached);

function lookupUncached(folded: string): Hit | null {
  for (const stem of stemCandidates(folded, 2)) {
    const entry = LEXICON.get(stem);
    if (entry) {
      const prefix = folded.slice(0, folded.length - stem.length);
      return { entry, conj: /^[وف]/u.test(prefix), article: /ال$|لل$/u.test(prefix) };
    }
  }
  return null;
}

const isDual = memo(isDualUncached);

function isDualUncached(folded: string): boolean {
  const stems = stemCandidates(folded, 4);
  if (stems.some((s) => NOT_DUAL.has(s) || LEXICON.has(s))) return false;
  return stems.some((s) => s.length >= 5 && /(?:ان|ين)$/u.test(s));
}

// Digits may be grouped with , . ٬ ٫ and, in some Arabic texts, the Arabic comma (30،000).
const TOKEN = new RegExp(`${DIGIT}(?:[${'0-9\\u0660-\\u0669\\u06F0-\\u06F9'},.\\u066B\\u066C\\u060C]*${DIGIT})?|[\\p{L}\\p{M}]+|[%٪]`, 'gu');

interface Tok {
  text: string;
  folded: string;
  start: number;
  end: number;
  digits: boolean;
  /** The number word behind its clitics (null: not one, or digits). */
  hit: Hit | null;
  /** A form of نصف (half). */
  half: boolean;
  /** المئة، بالمئة …: the word of a percentage. */
  percentWord: boolean;
}

const PERCENT_WORDS = new Set(['المئه', 'المائه', 'بالمئه', 'بالمائه', 'مئويه'].map((w) => w));

/** What the scanner asks of a word token, in one cache lookup (tokens are fresh strings). */
const wordToken = memo((raw: string): Pick<Tok, 'folded' | 'hit' | 'half' | 'percentWord'> => {
  const folded = foldArabicKey(raw);
  return { folded, hit: lookup(folded), half: stemCandidates(folded, 3).includes('نصف'), percentWord: PERCENT_WORDS.has(folded) };
});

/** Fractions by their stem: ثلث، ثلثا/ثلثي، ربع، سدس, and the ones spelled like numbers. */
const FRACTIONS = new Map<string, number>([
  ['ثلث', 1 / 3], ['ثلثا', 2 / 3], ['ثلثي', 2 / 3], ['ربع', 1 / 4], ['سدس', 1 / 6],
  ['خمس', 1 / 5], ['سبع', 1 / 7], ['تسع', 1 / 9], ['عشر', 1 / 10],
]);
/** خمس، سبع، تسع، عشر are also the numbers 5, 7, 9, 10 (خمس سنوات). */
const ALSO_NUMBERS = new Set(['خمس', 'سبع', 'تسع', 'عشر']);
const PRONOUN = /(?:ها|هم|هما|هن|ه|كم|نا)$/u;

/**
 * The share a word names (خُمس الطاقة، ثلثي الأطفال، عُشر قيمتها، ربعها), or null. A word spelled
 * like a number is a fraction when it is written with the damma of the fraction (خُمس), carries a
 * pronoun (خمسها), or governs a definite or possessed noun (خمس الإنتاج، عشر قيمتها); a counted
 * noun after a number is indefinite (خمس سنوات), and عشر after a unit is a teen (ثلاثة عشر).
 */
function fractionOf(t: Tok, prev: Tok | undefined, next: Tok | undefined): number | null {
  if (!MAY_BE_FRACTION.test(t.folded)) return null;
  const f = fractionStem(t.text.endsWith('ه') ? `${t.folded}|ه` : t.folded);
  if (!f) return null;
  if (!f.alsoNumber) return f.value;
  if (prev?.hit && (prev.hit.entry.type === 'unit' || prev.hit.entry.type === 'one-of-teen')) return null;
  const damma = t.text.includes(`${f.bare[0]}\u064F`);
  const possessed = f.suffixed || (next !== undefined && !next.digits && !next.hit && (/^(?:ال|لل)/u.test(next.folded) || PRONOUN.test(next.folded)));
  return damma || possessed ? f.value : null;
}

const MAY_BE_FRACTION = /ثلث|ربع|سدس|خمس|سبع|تسع|عشر/u;

/** Plural fractions after a count (ثلاثة أرباعها): the denominator, or undefined. */
const PLURAL_SHARES = new Map<string, number>([['اثلاث', 3], ['ارباع', 4], ['اخماس', 5], ['اسداس', 6], ['اعشار', 10]]);
function pluralShare(folded: string): number | undefined {
  for (const stem of stemCandidates(folded, 3)) {
    const bare = stem.replace(PRONOUN, '');
    const d = PLURAL_SHARES.get(stem) ?? PLURAL_SHARES.get(bare);
    if (d) return d;
  }
  return undefined;
}

/** A folded word's fraction stem ("|ه" marks a word written with a final ه, not ة); null if none. */
const fractionStem = memo((key: string): { value: number; bare: string; alsoNumber: boolean; suffixed: boolean } | null => {
  const [folded, written] = key.split('|') as [string, string | undefined];
  for (const stem of stemCandidates(folded, 3)) {
    // A folded final ه may be a taa marbuta (خمسة, five): a pronoun only where written ه.
    const pronoun = PRONOUN.exec(stem)?.[0] ?? '';
    const suffix = pronoun === 'ه' && written !== 'ه' ? '' : pronoun;
    const bare = FRACTIONS.has(stem) || !suffix ? stem : stem.slice(0, -suffix.length);
    const value = FRACTIONS.get(bare);
    if (value !== undefined) return { value, bare, alsoNumber: ALSO_NUMBERS.has(bare), suffixed: bare !== stem };
  }
  return null;
});

export interface ArabicNumberOptions {
  /** Recognise dual nouns as the number two (default true). */
  duals?: boolean;
}

/** Whether a folded word is a number word (behind clitics), or a word of a percentage. */
export function isArabicNumberWord(folded: string): boolean {
  return lookup(folded) !== null || PERCENT_WORDS.has(folded) || stemCandidates(folded, 3).some((st) => st === 'نصف' || FRACTIONS.has(st.replace(PRONOUN, '')));
}

/** Anything that could be a number (digits or the stem of a number word); duals aside. */
const ANY_NUMBER = /[0-9\u0660-\u0669\u06F0-\u06F9]|واحد|اثن|ثنت|ثلاث|ثالث|ربع|رابع|خمس|خامس|ست|سادس|سبع|سابع|ثمان|ثامن|تسع|تاسع|عشر|عاشر|مئ|مائ|ألف|الف|آلاف|ملي|بليون|تريليون|أول|اول|أولى|ثان|حادي|نصف|ثلث|سدس|ينيات|ينات/u;

export function arabicNumbers(text: string, from = 0, to = text.length, options: ArabicNumberOptions = {}): NumberMention[] {
  if (options.duals === false && !ANY_NUMBER.test(text.slice(from, to))) return [];
  const toks: Tok[] = [];
  TOKEN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null && m.index < to) {
    const digits = /^[0-9\u0660-\u0669\u06F0-\u06F9]/u.test(m[0]);
    const start = m.index;
    const end = start + m[0].length;
    if (digits) toks.push({ text: m[0], folded: asciiDigits(m[0]), start, end, digits, hit: null, half: false, percentWord: false });
    else toks.push({ text: m[0], start, end, digits, ...wordToken(m[0]) });
  }
  const out: NumberMention[] = [];
  const gap = (a: Tok, b: Tok | undefined) => b !== undefined && /^[\s\u00A0\u200E\u200F\u061C-]*$/u.test(text.slice(a.end, b.start));
  const isPercentAt = (k: number): number => {
    const t = toks[k];
    if (!t) return 0;
    if (t.text === '%' || t.text === '٪') return 1;
    if (t.percentWord) return 1;
    if (t.folded === 'في' && toks[k + 1] && (toks[k + 1]!.folded === 'المئه' || toks[k + 1]!.folded === 'المائه')) return 2;
    return 0;
  };

  /** A word (not a number word, not و) right after token k. */
  const nounAfter = (k: number) => {
    const n = toks[k + 1];
    return n !== undefined && !n.digits && !n.hit && n.folded !== 'و' && /^[\s\u00A0]+$/u.test(text.slice(toks[k]!.end, n.start));
  };

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const share = t.digits ? null : fractionOf(t, toks[i - 1], toks[i + 1]);
    if (share !== null) {
      out.push({ start: t.start, end: t.end, values: [share], kind: 'fraction' });
      continue;
    }
    // ثلاثة أرباع، خمسة أعشار: a count of plural shares is one fraction (3/4, 5/10).
    const shares = t.hit?.entry.type === 'unit' && toks[i + 1] && gap(t, toks[i + 1]) ? pluralShare(toks[i + 1]!.folded) : undefined;
    if (shares) {
      out.push({ start: t.start, end: toks[i + 1]!.end, values: [t.hit!.entry.value / shares], kind: 'fraction' });
      i++;
      continue;
    }
    if (t.half) {
      out.push({ start: t.start, end: t.end, values: [50, 0.5], kind: 'ordinal' });
      continue;
    }
    // "في المئة" and "بالمئة" mark a percentage; the مئة there is not a hundred.
    if (isPercentAt(i) && !t.digits) {
      i += isPercentAt(i) - 1;
      continue;
    }
    let total = 0;
    let current = 0;
    let dotThousands = 0;
    let timeValues: number[] = [];
    let end = t.end;
    let kind: NumberMention['kind'] = 'words';
    let scale = 0;
    let j = i;
    let ok = false;
    if (t.digits) {
      const v = parseDigits(t.folded);
      if (v === null) {
        // A list such as 1,2,3: each part is a number.
        for (const part of t.folded.split(/[,.]/)) {
          if (!part) continue;
          const s = t.start + t.folded.indexOf(part);
          out.push({ start: s, end: s + part.length, values: [Number(part)], kind: 'digits' });
        }
        continue;
      }
      current = v;
      kind = 'digits';
      ok = true;
      j = i + 1;
      const nx = toks[i + 1];
      if (/^\d{1,2}$/.test(t.folded) && nx?.digits && text.slice(t.end, nx.start) === ':' && /^\d{2}$/.test(nx.folded)) {
        // 5:30 is a time of day, matched by its hour too.
        const h = Number(t.folded);
        out.push({ start: t.start, end: nx.end, values: [h * 100 + Number(nx.folded), h, h + 12], kind: 'digits' });
        i++;
        continue;
      }
      if (/^\d{1,2}\.\d{2}$/.test(t.folded)) {
        // 7.55 صباحًا: a time written with a dot.
        const [h, mins] = t.folded.split('.').map(Number) as [number, number];
        if (h <= 24 && mins < 60) timeValues = [h * 100 + mins, h, h + 12];
      }
      if (/^\d{1,3}\.\d{3}$/.test(t.folded)) {
        // 76.000 is 76,000 in many Arabic texts (a dot groups thousands there).
        dotThousands = Number(t.folded.replace('.', ''));
      }
    }
    let prevType: WordType | 'digits' | null = t.digits ? 'digits' : null;
    let lastPlace = Number.POSITIVE_INFINITY;
    let ordinal = false;
    for (; j < toks.length; j++) {
      const w = toks[j]!;
      if (w.digits || w.text === '%' || w.text === '٪') break;
      if (j > i && !gap(toks[j - 1]!, w)) break;
      if (isPercentAt(j)) break;
      const hit = w.hit;
      if (!hit) break;
      const { entry } = hit;
      // Inside a compound, a new number word needs و (خمسة وعشرون) unless it is عشر (ثلاثة عشر)
      // or a scale word (ثلاثة آلاف، 15 ألف); parts joined by و go down in place value
      // (ألفان وخمسمائة وخمسة وعشرون), so ألفان وثلاثة آلاف is two numbers.
      if (j > i && prevType !== null) {
        const joins = hit.conj
          ? prevType !== 'digits' && place(entry) < lastPlace && !(entry.type === 'ten' && prevType === 'ten') && !(prevType === 'ten') &&
            // ثلاث وخمس سنوات is three to five: a unit after a unit starts a new number.
            !(entry.type === 'unit' && prevType === 'unit')
          : (entry.type === 'teen' && (prevType === 'unit' || prevType === 'one-of-teen')) ||
            ((entry.type === 'scale' || entry.type === 'scale-plural') && prevType !== 'scale' && prevType !== 'scale-plural') ||
            (entry.type === 'hundred' && entry.value === 100 && prevType === 'unit');
        if (!joins) break;
      }
      if (entry.type === 'one-of-teen') {
        const nx = toks[j + 1];
        if (!nx || !gap(w, nx) || nx.hit?.entry.type !== 'teen') break;
        current += 1;
      } else if (entry.type === 'unit') current += entry.value;
      else if (entry.type === 'teen') current += 10;
      else if (entry.type === 'ten') current += entry.value;
      else if (entry.type === 'hundred') {
        if (entry.value === 100 && current > 0 && current < 10) current *= 100;
        else current += entry.value;
      } else if (entry.type === 'scale') {
        // ألف alone is 1000, ألفان 2000; after a count (15 ألف، مائة وخمسون ألفًا) it multiplies.
        const unit = place(entry);
        // ألفا with a noun after it (ألفا مقعد) is the dual in construct, two thousand: one
        // thousand before a noun is written ألف, and ألفًا stands alone (خمسون ألفًا).
        const dualConstruct = current === 0 && total === 0 && w.folded === 'الفا' && !w.text.includes('\u064B') && nounAfter(j);
        current = current > 0 ? current * unit : dualConstruct ? 2000 : entry.value;
        total += current;
        current = 0;
        scale = unit;
      } else if (entry.type === 'scale-plural') {
        if (current === 0 && total === 0) break; // آلاف alone is "thousands", not a number
        total += current * entry.value;
        current = 0;
        scale = entry.value;
      } else if (entry.type === 'ordinal' || entry.type === 'ordinal-unit' || entry.type === 'decade') {
        if (prevType !== null && entry.type !== 'ordinal-unit') break;
        current += entry.value;
        ordinal = true;
        if (entry.type === 'ordinal-unit') {
          // الحادي عشر، الثالث عشر: an ordinal unit may take عشر/عشرة.
          const nx = toks[j + 1];
          const teen = nx && gap(w, nx) ? nx.hit : null;
          if (teen?.entry.type === 'teen' && !teen.conj) {
            current += 10;
            end = nx!.end;
            j++;
          } else if (teen?.entry.type === 'ten' && teen.conj) {
            // الثالث والستين، الحادي والعشرين: 63rd, 21st.
            current += teen.entry.value;
            end = nx!.end;
            j++;
          } else if (entry.value === 1) {
            break; // حادي alone is not a number
          }
        }
      }
      prevType = entry.type;
      lastPlace = entry.type === 'unit' && current % 100 < 10 ? 10 : place(entry);
      end = toks[j]!.end;
      ok = true;
      if (ordinal) {
        j++;
        break;
      }
    }
    if (!ok) continue;
    // 18 ألفًا و500 and 2 مليون و300 ألف: a smaller part in digits after و completes the number.
    for (let limit = scale; limit >= 1000 && current === 0 && toks[j]?.folded === 'و' && gap(toks[j - 1]!, toks[j]); ) {
      const d = toks[j + 1];
      if (!d?.digits || d.start !== toks[j]!.end) break;
      let part = parseDigits(d.folded);
      let partEnd = d.end;
      let partScale = 1;
      let k = j + 2;
      const sw = toks[k];
      if (sw && gap(d, sw) && (sw.hit?.entry.type === 'scale' || sw.hit?.entry.type === 'scale-plural') && !sw.hit.conj) {
        partScale = place(sw.hit.entry);
        partEnd = sw.end;
        k++;
      }
      if (part === null || part * partScale >= limit || isPercentAt(k)) break;
      part *= partScale;
      total += part;
      end = partEnd;
      j = k;
      limit = partScale;
    }
    const value = total + current;
    if (!t.digits && prevType === 'one-of-teen') continue;
    // A number word with the article is an adjective (المباريات الست، القرن العشرين): it may
    // stand for an ordinal or a compound word in English, so it is never required.
    const adjectival = !t.digits && (/^(?:[وفبل]?ال|لل)/u.test(t.folded) && t.hit?.article === true);
    const mention: NumberMention = { start: t.start, end, values: [value], kind: ordinal || adjectival ? 'ordinal' : kind };
    if (scale) mention.scale = scale;
    if (scale && value / scale !== value) mention.values.push(value / scale);
    if (dotThousands) mention.values.push(scale ? dotThousands * scale : dotThousands);
    if (timeValues.length && !scale) mention.values.push(...timeValues);
    const p = isPercentAt(j);
    if (p) {
      mention.percent = true;
      mention.end = toks[j + p - 1]!.end;
      j += p;
    }
    out.push(mention);
    i = Math.max(i, j - 1);
  }

  if (options.duals !== false) {
    const taken = (s: number) => out.some((o) => s >= o.start && s < o.end);
    for (const t of toks) {
      if (!t.digits && !taken(t.start) && isDual(t.folded)) out.push({ start: t.start, end: t.end, values: [2], kind: 'dual' });
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}
