// The words of each sentence with their folded keys, computed once per document side and
// shared by every check (each used to tokenise and fold the same sentences again).
import type { SegmentedText } from '../core/types.js';
import { foldArabicKey } from '../text/arabic.js';
import { eachWord, isCapitalised, type Token } from '../text/tokens.js';

/**
 * What the checks have worked out about a word as written, shared by every occurrence of it in
 * every document: one cache lookup per word, then plain property reads (each check fills its own).
 */
export interface EnglishInfo {
  lower: string;
  nameSkeleton: string;
  skeletons: string[];
  /** In the English word list (calque): worked out only for words that could be calques. */
  englishWord?: boolean;
}

export interface WordInfo {
  folded: string;
  /** One number per folded key (several spellings can share one), within a table generation. */
  foldedId: number;
  english?: EnglishInfo | null;
  calque?: { skeletons: string[] };
  /** English singular candidates (calque): juntas → juntas, junta. */
  forms?: string[];
  nameSkeletons?: string[];
  /** Only Arabic letters once folded (names). */
  arabicLetters?: boolean;
  negation?: boolean;
  /** Attribution word (attribution.ts): 0 none, 1 a marker (بحسب), 2 an unnamed source (مصادر). */
  attribution?: 0 | 1 | 2;
  numberWord?: boolean;
  /** An English number word starts in it (numbers-en NUMBER_WORD). */
  numberWordEn?: boolean;
  /** isCapitalised(text). */
  capitalised?: boolean;
  /** stemCandidates(folded, 2). */
  stems2?: string[];
  /** isArabicWord(text). */
  dictionaryWord?: boolean;
  /** Numbers of the English singular candidates (calque), within a table generation. */
  enFormIds?: number[];
}

/**
 * Every word form met so far (in any document), with what the checks worked out about it, in an
 * open-addressing table. The hash is taken while reading the word's characters in the text, so
 * a form seen before costs neither a new string nor a Map lookup (hashing freshly sliced words
 * was a tenth of all the checks' time); the word then shares the table's string.
 */
const MAX_FORMS = 1 << 18;
let forms: string[] = [];
let infos: WordInfo[] = [];
let foldedIds = new Map<string, number>();
/** Goes up each time the table starts again: numbers from different generations do not mix. */
let generation = 0;
export const tableGeneration = (): number => generation;
// Each slot holds a form's index (-1: empty) and its hash, so a probe that meets another word
// is told apart by the hash alone: reading that word's string is a cache miss (a third of the
// time it took to read a document's words went there).
let slots = new Int32Array(2 << 16).fill(-1);

/**
 * Empties the table, as happens by itself when it is full. Words already read keep their infos,
 * but their numbers (foldedId, enFormIds) no longer compare with new ones; the tests use this to
 * reach the paths that handle it.
 */
export function restartWordTable(): void {
  forms = [];
  infos = [];
  foldedIds = new Map();
  generation++;
  slots = new Int32Array(2 << 16).fill(-1);
}

function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function place(h: number, index: number): void {
  const mask = (slots.length >> 1) - 1;
  let slot = h & mask;
  while (slots[slot << 1] !== -1) slot = (slot + 1) & mask;
  slots[slot << 1] = index;
  slots[(slot << 1) + 1] = h;
}

/** Index of the form text[start, end) in the table, added if new. */
function formIndex(text: string, start: number, end: number): number {
  const len = end - start;
  const h = hashOf(text, start, end) | 0;
  const mask = (slots.length >> 1) - 1;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const k = slots[slot << 1]!;
    if (k === -1) break;
    if (slots[(slot << 1) + 1] !== h) continue;
    const f = forms[k]!;
    if (f.length !== len) continue;
    let i = 0;
    while (i < len && f.charCodeAt(i) === text.charCodeAt(start + i)) i++;
    if (i === len) return k;
  }
  if (forms.length >= MAX_FORMS) {
    // Bounded for a long-running server: start again (words already read keep their info).
    restartWordTable();
  } else if ((forms.length + 1) * 4 > slots.length) {
    slots = new Int32Array(slots.length * 2).fill(-1);
    forms.forEach((f, k) => place(hashOf(f, 0, f.length) | 0, k));
  }
  const form = text.slice(start, end);
  forms.push(form);
  // Every field from the start: checks fill them lazily, and adding properties one by one (in
  // whatever order the checks run) would give the objects many hidden classes and make every
  // read of `info.x` in the checks' word loops a megamorphic lookup.
  const folded = foldArabicKey(form);
  let foldedId = foldedIds.get(folded);
  if (foldedId === undefined) foldedIds.set(folded, (foldedId = foldedIds.size));
  infos.push({ folded, foldedId, english: undefined, calque: undefined, forms: undefined, nameSkeletons: undefined, arabicLetters: undefined, negation: undefined, numberWord: undefined, numberWordEn: undefined, capitalised: undefined, stems2: undefined, dictionaryWord: undefined, enFormIds: undefined });
  place(h, forms.length - 1);
  return forms.length - 1;
}

export interface Word extends Token {
  /** Folded match key (arabic.ts): no marks or tatweel, unified letters, Latin lower-cased. */
  folded: string;
  info: WordInfo;
  /** Index of its sentence. */
  sentence: number;
  /** Its position among the sentence's words. */
  k: number;
}

const cache = new WeakMap<SegmentedText, Word[][]>();
/** The table generation a side's words were read in (-1: the table started again meanwhile). */
const readIn = new WeakMap<SegmentedText, number>();

export function sentenceWords(side: SegmentedText, sentence: number): Word[] {
  return sideWords(side)[sentence] ?? [];
}

/** The words of every sentence of a side, by sentence index (for whole-document passes). */
export function sideWords(side: SegmentedText): Word[][] {
  let all = cache.get(side);
  if (!all) {
    const gen = generation;
    const text = side.text;
    all = side.sentences.map((s) => {
      const out: Word[] = [];
      eachWord(text, s.start, s.end, (start, end) => {
        const k = formIndex(text, start, end);
        const info = infos[k]!;
        out.push({ text: forms[k]!, start, end, folded: info.folded, info, sentence: s.index, k: out.length });
      });
      return out;
    });
    cache.set(side, all);
    readIn.set(side, generation === gen ? gen : -1);
  }
  return all;
}

/** A side's words as flat arrays of numbers, for passes over a whole document. */
export interface SideIndex {
  /** Index of each sentence's first word, and the total at the end. */
  start: Int32Array;
  /** Each word's foldedId. */
  folded: Int32Array;
}

const indexes = new WeakMap<SegmentedText, SideIndex>();

/**
 * The side's words by number. Scanning these is several times faster than following the word
 * objects; null when the word table started again since the words were read (their numbers
 * would not compare), where callers fall back to the words.
 */
export function sideIndex(side: SegmentedText): SideIndex | null {
  const all = sideWords(side);
  if (readIn.get(side) !== generation) return null;
  let ix = indexes.get(side);
  if (!ix) {
    const start = new Int32Array(all.length + 1);
    for (let i = 0; i < all.length; i++) start[i + 1] = start[i]! + all[i]!.length;
    const folded = new Int32Array(start[all.length]!);
    let j = 0;
    for (const ws of all) for (const w of ws) folded[j++] = w.info.foldedId;
    ix = { start, folded };
    indexes.set(side, ix);
  }
  return ix;
}

/** isCapitalised of the word, asked once per word form. */
export const capitalised = (w: Word): boolean => (w.info.capitalised ??= isCapitalised(w.text));
