// Lexical anchors that need no training data, as hashed keys per sentence:
//   n:15000   numbers in any digit system or as number words (numbers.ts)
//   h:KDL     a capitalised Latin name or acronym, and every Arabic word's consonant skeleton
//             (phonetic.ts) — only when the two sides are in different scripts. Skeletons of four
//             classes or more also enter with each class deleted in turn, so Parliament (BRLMNT)
//             meets برلمان (BRLMN) and Democrats (DMKRTS) meets الديمقراطيين (DMKRTN); a name's
//             exact and fuzzy keys form one group, which matches a sentence at most once
//   a:CBS     a Latin acronym and its Arabic spelling letter by letter (سي بي إس)
//   d:fri     months and weekdays (a closed class, like number words: الجمعة = Friday)
//   w:kida    Latin words: the first four letters (cognates, Simard et al. 1992) when both sides
//             are Latin-script; otherwise whole Latin tokens (MWPs, BBC inside Arabic)
//   p:?       question and exclamation marks, brackets, colons; quotes and commas (، or ,) with
//             their counts, which a translation mostly keeps
//   g:<id>    glossary concepts found on either side (clitic-aware on Arabic)
// A key's occurrence has a type (KeyType) that decides how much a missing counterpart costs;
// Arabic skeletons are an index only (most Arabic words are not names), so they never cost.
import type { Glossary, SegmentedText } from '../core/types.js';
import { foldArabic, foldArabicKey } from '../text/arabic.js';
import { arabicTermRegex } from '../text/clitics.js';
import { englishTermRegex } from '../text/english.js';
import { NUMBER_TOKEN, NumberReader, tokenKind } from './numbers.js';
import { arabicSkeletonsFolded, latinSkeleton } from './phonetic.js';

export const KeyType = {
  Number: 0,
  Name: 1,
  Word: 2,
  Punct: 3,
  Gloss: 4,
  /** Arabic skeletons: found by names, never expected to be found. */
  PhoneticIndex: 5,
  /** A Latin word inside text of another script: nearly always copied from the source. */
  ForeignWord: 6,
  /** A name's skeleton with one class deleted: found by fuzzy matching, never expected. */
  NameFuzzy: 7,
  Acronym: 8,
  Date: 9,
  /**
   * An Arabic word whose skeleton is exactly that of a name on the other side somewhere in the
   * document: most likely that name's transliteration, so it is expected to have a partner.
   */
  NameEcho: 10,
  /**
   * A word of the Latin side when the other side is in another script: found there only when
   * copied (a name in Latin letters, an untranslated sentence), so rarely expected.
   */
  CopyWord: 11,
} as const;
export const KEY_TYPES = 12;
export const KEY_TYPE_NAMES = ['number', 'name', 'word', 'punct', 'glossary', 'phonetic-index', 'foreign-word', 'name-fuzzy', 'acronym', 'date', 'name-echo', 'copy-word'];
/** Types whose absence on the other side costs nothing (an index, or an alternative spelling). */
export const MISSLESS: ReadonlySet<number> = new Set([KeyType.PhoneticIndex, KeyType.NameFuzzy]);

/** Keys of one side, compressed-row: sentence s owns entries offsets[s] … offsets[s+1]-1. */
export interface SideKeys {
  offsets: Int32Array;
  /** Key ids, ascending within a sentence. */
  ids: Int32Array;
  counts: Uint16Array;
  types: Uint8Array;
  /** Entries with the same group (≥ 0) are alternatives for one word: they match at most once. */
  groups: Int32Array;
}

export interface Anchors {
  source: SideKeys;
  target: SideKeys;
  /** Number of distinct keys (ids are 0 … keyCount-1). */
  keyCount: number;
  /** The key strings, for debugging and tests. */
  names: string[];
}

export type Script = 'latin' | 'arabic' | 'other';

/** The script most letters of a text are in (a sample is enough). */
export function dominantScript(text: string): Script {
  let latin = 0;
  let arabic = 0;
  let other = 0;
  const end = Math.min(text.length, 20000);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) latin++;
    else if ((c >= 0x620 && c <= 0x64a) || (c >= 0x66e && c <= 0x6d3) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfefc)) arabic++;
    else if (c >= 0x370 && /\p{L}/u.test(text[i]!)) other++;
  }
  if (arabic >= latin && arabic >= other && arabic > 0) return 'arabic';
  if (latin >= other && latin > 0) return 'latin';
  return 'other';
}

/** Function words that are capitalised at the start of a sentence but are never names. */
const NOT_NAMES = new Set(
  ('the a an and or but if then so of in on at to for from by with about as into over after before under ' +
    'between through during without within is are was were be been being has have had do does did will ' +
    'would can could should may might must it its this that these those there here he she they we you i ' +
    'me him her them us my your his their our what which who whom whose when where why how all any both ' +
    'each few more most other some such no nor not only own same than too very just also now said says ' +
    'say told according meanwhile however despite while since until because although though yet still ' +
    'even last first new one two three mr mrs ms dr').split(' '),
);

const TOKEN = /[\p{L}\p{M}\u0640]+(?:['’][\p{L}]+)?/gu;

/** Skeleton variants with one class deleted, for skeletons of four classes or more. */
function deletions(sk: string): string[] {
  if (sk.length < 4) return [];
  const out = new Set<string>();
  for (let i = 0; i < sk.length; i++) out.add(sk.slice(0, i) + sk.slice(i + 1));
  out.delete(sk);
  return [...out];
}

// Latin letters as Arabic spells them out (CBS = سي بي إس), folded; letters Arabic cannot tell
// apart share a class: B/P (بي), A/E/I (إي), G/J (جي).
const LETTER_NAMES = new Map<string, string>(Object.entries({
  ايه: 'A', اي: 'A', بي: 'B', سي: 'C', دي: 'D', اف: 'F', جي: 'J', اتش: 'H', اش: 'H', ايتش: 'H',
  جاي: 'J', كي: 'K', كاي: 'K', ام: 'M', ان: 'N', او: 'O', كيو: 'Q', ار: 'R', اس: 'S', تي: 'T',
  يو: 'U', في: 'V', دبليو: 'W', اكس: 'X', واي: 'Y', زد: 'Z', زي: 'Z',
}));
const LETTER_CLASS: Record<string, string> = { P: 'B', E: 'A', I: 'A', G: 'J' };
const letterClass = (ch: string) => LETTER_CLASS[ch] ?? ch;

// Months (Gregorian names as used in the Middle East and in Egypt/the Gulf) and weekdays, folded.
const DATE_WORDS: Array<[string, string[], string[]]> = [
  ['jan', ['january', 'jan'], ['يناير', 'كانون الثاني']], ['feb', ['february', 'feb'], ['فبراير', 'شباط']],
  ['mar', ['march'], ['مارس', 'اذار']], ['apr', ['april', 'apr'], ['ابريل', 'نيسان']],
  ['may', ['may'], ['مايو', 'ايار']], ['jun', ['june'], ['يونيو', 'حزيران']],
  ['jul', ['july'], ['يوليو', 'تموز']], ['aug', ['august', 'aug'], ['اغسطس', 'اب']],
  ['sep', ['september', 'sept', 'sep'], ['سبتمبر', 'ايلول']], ['oct', ['october', 'oct'], ['اكتوبر', 'تشرين الاول']],
  ['nov', ['november', 'nov'], ['نوفمبر', 'تشرين الثاني']], ['dec', ['december', 'dec'], ['ديسمبر', 'كانون الاول']],
  ['mon', ['monday'], ['الاثنين']], ['tue', ['tuesday'], ['الثلاثاء']], ['wed', ['wednesday'], ['الاربعاء']],
  ['thu', ['thursday'], ['الخميس']], ['fri', ['friday'], ['الجمعه']], ['sat', ['saturday'], ['السبت']],
  ['sun', ['sunday'], ['الاحد']],
];
const EN_DATES = new Map<string, string>();
/** Folded Arabic date words, single words and two-word month names (كانون الثاني). */
const AR_DATES = new Map<string, string>();
for (const [key, en, ar] of DATE_WORDS) {
  for (const w of en) EN_DATES.set(w, key);
  for (const w of ar) AR_DATES.set(w, key);
}

const dateCache = new Map<string, string | null>();
/** Month names of two words begin with one of these (كانون الثاني, تشرين الأول). */
const TWO_WORD_MONTH = /^[وف]?[بل]?(?:كانون|تشرين)$/u;

/** The date a folded Arabic word (or two) names, with a conjunction or preposition removed. */
function arabicDate(word: string, next: string | undefined): string | undefined {
  if (next !== undefined && (word.endsWith('كانون') || word.endsWith('تشرين')) && TWO_WORD_MONTH.test(word)) {
    const two = AR_DATES.get(`${word.replace(/^[وف]?[بل]?/u, '')} ${next}`);
    if (two) return two;
  }
  let d = dateCache.get(word);
  if (d === undefined) {
    d = null;
    for (const w of [word, word.replace(/^[وف]/u, ''), word.replace(/^[وف]?[بل]/u, ''), word.replace(/^[وف]?(?:[بك]?ال|لل)/u, 'ال')]) {
      const one = AR_DATES.get(w);
      // Weekdays keep their article (الجمعة); without it they are ordinary words (جمعة, أحد).
      if (one && (w.startsWith('ال') || !['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].includes(one))) {
        d = one;
        break;
      }
    }
    if (dateCache.size > 50000) dateCache.clear();
    dateCache.set(word, d);
  }
  return d ?? undefined;
}

/**
 * Interns keys and collects one sentence's keys with their counts, types and groups. Scratch
 * arrays indexed by key id avoid a map per sentence.
 */
class Sink {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  private count = new Int32Array(1024);
  private type = new Uint8Array(1024);
  private group = new Int32Array(1024);
  private touched = new Int32Array(256);
  private nTouched = 0;

  intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(key, id);
      this.names.push(key);
      if (id >= this.count.length) {
        const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
          const b = new (a.constructor as new (n: number) => T)(a.length * 2);
          b.set(a);
          return b;
        };
        this.count = grow(this.count);
        this.type = grow(this.type);
        this.group = grow(this.group);
      }
    }
    return id;
  }

  add(id: number, type: number, group = -1): void {
    if (this.count[id] === 0) {
      if (this.nTouched === this.touched.length) {
        const t = new Int32Array(this.touched.length * 2);
        t.set(this.touched);
        this.touched = t;
      }
      this.touched[this.nTouched++] = id;
      this.type[id] = type;
      this.group[id] = group;
    } else {
      // A key both alone and in a group (or in two groups) keeps its strongest role.
      if (type < this.type[id]!) this.type[id] = type;
      if (this.group[id] !== group) this.group[id] = -1;
    }
    this.count[id]!++;
  }

  /** Moves the collected sentence into the output lists (ids ascending) and resets. */
  flush(out: Growing): void {
    const t = this.touched;
    const n = this.nTouched;
    // Insertion sort: a sentence has tens of keys, where it beats the built-in sort.
    for (let a = 1; a < n; a++) {
      const v = t[a]!;
      let b = a - 1;
      while (b >= 0 && t[b]! > v) {
        t[b + 1] = t[b]!;
        b--;
      }
      t[b + 1] = v;
    }
    out.reserve(n);
    for (let k = 0; k < n; k++) {
      const id = t[k]!;
      const at = out.length++;
      out.ids[at] = id;
      out.counts[at] = Math.min(65535, this.count[id]!);
      out.types[at] = this.type[id]!;
      out.groups[at] = this.group[id]!;
      this.count[id] = 0;
    }
    this.nTouched = 0;
  }
}

/** A side's entries while they are collected, in typed arrays that double when full. */
class Growing {
  length = 0;
  ids = new Int32Array(4096);
  counts = new Uint16Array(4096);
  types = new Uint8Array(4096);
  groups = new Int32Array(4096);

  reserve(extra: number): void {
    if (this.length + extra <= this.ids.length) return;
    const size = Math.max(this.ids.length * 2, this.length + extra);
    const grow = <T extends Int32Array | Uint16Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.ids = grow(this.ids);
    this.counts = grow(this.counts);
    this.types = grow(this.types);
    this.groups = grow(this.groups);
  }

  keys(offsets: Int32Array): SideKeys {
    const n = this.length;
    return { offsets, ids: this.ids.slice(0, n), counts: this.counts.slice(0, n), types: this.types.slice(0, n), groups: this.groups.slice(0, n) };
  }
}

/** What a Latin word of the Latin side contributes when the other side is in another script. */
interface LatinEntry {
  /** Keys added wherever the word occurs: [id, type]. */
  plain: Array<[number, number]>;
  /** The name's exact skeleton and its fuzzy variants (one group per occurrence); may be empty. */
  name: number[];
  /** Under three letters: not taken for a name at the start of a sentence. */
  short: boolean;
}

/** A Latin token without an elided article (French l'Himalaya) or a possessive (Mali's). */
function bareWord(tok: string): string {
  if (tok.indexOf("'") < 0 && tok.indexOf('’') < 0) return tok;
  const elided = /^\p{L}{1,2}['’](\p{L}{2,}.*)$/u.exec(tok);
  return (elided ? elided[1]! : tok).replace(/['’].*$/u, '');
}

type Glossaries = Array<{ id: string; re: RegExp[]; arabic: boolean }>;

/** Adds the keys of each sentence of one side to `sink`, sentence by sentence. */
function extractSide(text: SegmentedText, own: Script, other: Script, glossary: Glossaries, sink: Sink, nextGroup: () => number): SideKeys {
  const crossScript = own !== other;
  const foldCache = new Map<string, string>();
  const fold = (tok: string) => {
    let f = foldCache.get(tok);
    if (f === undefined) foldCache.set(tok, (f = foldArabicKey(tok)));
    return f;
  };
  const latinCache = new Map<string, LatinEntry>();
  const wordCache = new Map<string, number>();
  const P = {
    question: sink.intern('p:?'), bang: sink.intern('p:!'), quote: sink.intern('p:"'),
    paren: sink.intern('p:('), colon: sink.intern('p::'),
  };

  const latinEntry = (bare: string, lower: string): LatinEntry => {
    const plain: Array<[number, number]> = [];
    const date = EN_DATES.get(lower);
    if (date) plain.push([sink.intern(`d:${date}`), KeyType.Date]);
    plain.push([sink.intern(`w:${lower}`), KeyType.CopyWord]);
    if (/^\p{Lu}{2,6}s?$/u.test(bare) && !NOT_NAMES.has(lower)) {
      plain.push([sink.intern(`a:${[...bare.replace(/s$/u, '')].map(letterClass).join('')}`), KeyType.Acronym]);
    }
    const name: number[] = [];
    if (!NOT_NAMES.has(lower) && !date) {
      const sk = latinSkeleton(lower);
      if (sk.length >= 2) {
        name.push(sink.intern(`h:${sk}`));
        for (const d of deletions(sk)) name.push(sink.intern(`h:${d}`));
      }
    }
    return { plain, name, short: bare.length < 3 };
  };

  const arabicKeys = (tok: string): number[] => {
    const set = new Set<string>();
    for (const sk of arabicSkeletonsFolded(fold(tok))) {
      if (sk.length >= 2) set.add(sk);
      for (const d of deletions(sk)) set.add(d);
    }
    return [...set].map((sk) => sink.intern(`h:${sk}`));
  };

  const offsets = new Int32Array(text.sentences.length + 1);
  const out = new Growing();
  // Everything a token contributes is worked out once per distinct token.
  interface ArabicEntry {
    keys: number[];
    folded: string;
    /** Might start or be a date word (most words are neither: no lookup needed for them). */
    dateish: boolean;
  }
  const arabicEntries = new Map<string, ArabicEntry>();
  const arabicEntry = (tok: string): ArabicEntry => {
    let e = arabicEntries.get(tok);
    if (e === undefined) {
      const folded = fold(tok);
      const dateish = arabicDate(folded, undefined) !== undefined || TWO_WORD_MONTH.test(folded);
      arabicEntries.set(tok, (e = { keys: arabicKeys(tok), folded, dateish }));
    }
    return e;
  };
  const arabicDateish: boolean[] = [];
  const reader = new NumberReader();
  const arabicWords: string[] = [];

  text.sentences.forEach((sentence, k) => {
    const t = sentence.text;
    // Punctuation in one pass over the characters.
    let question = false;
    let bang = false;
    let paren = false;
    let colon = false;
    for (let x = 0; x < t.length; x++) {
      const c = t.charCodeAt(x);
      if (c === 0x3f || c === 0x61f) question = true;
      else if (c === 0x21) bang = true;
      else if (c === 0x22 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e) sink.add(P.quote, KeyType.Punct);
      else if (c === 0x28 || c === 0x29) paren = true;
      else if (c === 0x3a) colon = true;
    }
    if (question) sink.add(P.question, KeyType.Punct);
    if (bang) sink.add(P.bang, KeyType.Punct);
    if (paren) sink.add(P.paren, KeyType.Punct);
    if (colon) sink.add(P.colon, KeyType.Punct);
    arabicWords.length = 0;
    arabicDateish.length = 0;
    let first = true;
    for (const m of t.matchAll(NUMBER_TOKEN)) {
      const tok = m[0];
      const kind = tokenKind(tok);
      reader.push(tok, kind);
      if (kind !== 1) continue;
      const c = tok.charCodeAt(0);
      const arabic = c >= 0x600 && c <= 0x6ff ? true : c < 0x250 ? false : /^\p{Script=Arabic}/u.test(tok);
      if (!arabic && (c < 0x250 || /^\p{Script=Latin}/u.test(tok))) {
        const upper = (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde) || (c >= 0x100 && /^\p{Lu}/u.test(tok));
        if (crossScript && own === 'latin') {
          if (!upper) {
            // Lower-case words matter only where the other side copied them (an untranslated
            // sentence, a Latin phrase left in the Arabic).
            let id = wordCache.get(tok);
            if (id === undefined) wordCache.set(tok, (id = sink.intern(`w:${bareWord(tok).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}`)));
            sink.add(id, KeyType.CopyWord);
          } else {
            let entry = latinCache.get(tok);
            if (entry === undefined) {
              const bare = bareWord(tok);
              latinCache.set(tok, (entry = latinEntry(bare, bare.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())));
            }
            for (const [id, type] of entry.plain) sink.add(id, type);
            // A short capitalised word opening the sentence is rarely a name ("At", "So").
            if (entry.name.length > 0 && !(first && entry.short)) {
              const g = nextGroup();
              sink.add(entry.name[0]!, KeyType.Name, g);
              for (let x = 1; x < entry.name.length; x++) sink.add(entry.name[x]!, KeyType.NameFuzzy, g);
            }
          }
        } else {
          // Cognates between two Latin-script languages (first four letters); whole Latin tokens
          // inside text of another script.
          let id = wordCache.get(tok);
          if (id === undefined) {
            const lower = bareWord(tok).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
            wordCache.set(tok, (id = sink.intern(`w:${!crossScript ? lower.slice(0, 4) : lower}`)));
          }
          sink.add(id, !crossScript ? KeyType.Word : KeyType.ForeignWord);
        }
      } else if (arabic && crossScript && own === 'arabic') {
        const e = arabicEntry(tok);
        for (const id of e.keys) sink.add(id, KeyType.PhoneticIndex);
        arabicWords.push(e.folded);
        arabicDateish.push(e.dateish);
      }
      first = false;
    }
    for (const v of reader.end()) sink.add(sink.intern(`n:${v}`), KeyType.Number);
    if (arabicWords.length > 0) {
      for (let x = 0; x < arabicWords.length; x++) {
        if (!arabicDateish[x]) continue;
        const d = arabicDate(arabicWords[x]!, arabicWords[x + 1]);
        if (d) sink.add(sink.intern(`d:${d}`), KeyType.Date);
      }
      for (const acronym of arabicAcronyms(arabicWords)) sink.add(sink.intern(`a:${acronym}`), KeyType.PhoneticIndex);
    }
    if (glossary.length > 0) {
      const folded = own === 'arabic' ? foldArabic(t).text : t;
      for (const g of glossary) {
        for (const re of g.re) {
          re.lastIndex = 0;
          if (re.test(g.arabic ? folded : t)) {
            sink.add(sink.intern(`g:${g.id}`), KeyType.Gloss);
            break;
          }
        }
      }
    }
    sink.flush(out);
    offsets[k + 1] = out.length;
  });
  return out.keys(offsets);
}

/** Runs of two or more spelled-out Latin letters in folded Arabic words: "سي بي اس" → CBS. */
function arabicAcronyms(toks: string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) {
      // Every sub-run of two or more letters: the run may have swallowed a neighbouring word.
      for (let a = 0; a < run.length; a++) for (let b = a + 2; b <= run.length && b - a <= 6; b++) out.push(run.slice(a, b).join(''));
    }
    run = [];
  };
  for (const t of toks) {
    const letter = LETTER_NAMES.get(t);
    // "وإن بي سي": after a conjunction or preposition a new acronym begins.
    const c = t.charCodeAt(0);
    const glued = letter === undefined && (c === 0x648 || c === 0x628) ? LETTER_NAMES.get(t.slice(1)) : undefined;
    if (glued) {
      flush();
      run.push(letterClass(glued));
    } else if (letter) run.push(letterClass(letter));
    else flush();
  }
  flush();
  return out;
}

/** Glossary term patterns for one side's language. */
function glossaryPatterns(glossary: Glossary | undefined, lang: string, script: Script) {
  if (!glossary) return [];
  const base = lang.toLowerCase().split(/[-_]/u)[0];
  const out: Array<{ id: string; re: RegExp[]; arabic: boolean }> = [];
  for (const e of glossary.entries) {
    const re: RegExp[] = [];
    for (const t of e.terms) {
      if (t.lang.toLowerCase().split(/[-_]/u)[0] !== base || !t.text.trim()) continue;
      try {
        re.push(script === 'arabic' ? arabicTermRegex(t.text) : englishTermRegex(t.text));
      } catch {
        // A term that yields no pattern (only punctuation) simply anchors nothing.
      }
    }
    if (re.length > 0) out.push({ id: e.id, re, arabic: script === 'arabic' });
  }
  return out;
}

export interface AnchorOptions {
  glossary?: Glossary;
}

/** Extracts and interns the anchor keys of both sides. */
export function buildAnchors(source: SegmentedText, target: SegmentedText, options: AnchorOptions = {}): Anchors {
  const sScript = dominantScript(source.text);
  const tScript = dominantScript(target.text);
  const sink = new Sink();
  let group = 0;
  const nextGroup = () => group++;
  const src = extractSide(source, sScript, tScript, glossaryPatterns(options.glossary, source.lang, sScript), sink, nextGroup);
  const tgt = extractSide(target, tScript, sScript, glossaryPatterns(options.glossary, target.lang, tScript), sink, nextGroup);
  echoNames(src, tgt, sink.names.length);
  echoNames(tgt, src, sink.names.length);
  return { source: src, target: tgt, keyCount: sink.names.length, names: sink.names };
}

/** Index entries of `side` that spell a name found (exactly) on `other` become NameEcho. */
function echoNames(side: SideKeys, other: SideKeys, keyCount: number): void {
  const isName = new Uint8Array(keyCount);
  for (let e = 0; e < other.ids.length; e++) if (other.types[e] === KeyType.Name) isName[other.ids[e]!] = 1;
  for (let e = 0; e < side.ids.length; e++) {
    if (side.types[e] === KeyType.PhoneticIndex && isName[side.ids[e]!] === 1) side.types[e] = KeyType.NameEcho;
  }
}
