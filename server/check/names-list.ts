// The shipped names list (data/names-en-ar.tsv): English names and capitalised words whose
// Arabic is not a transliteration, read once per process, and what the names check asks of it.
import { englishSkeleton } from '../text/skeleton.js';
import { ArabicWordSet } from '../text/word-set.js';
import { dataRows } from './data.js';

export interface Known {
  /** Arabic forms; empty: an ordinary capitalised word, not checked. */
  forms: string[];
}

/** The list's multi-word names (White House, North Korea), matched as phrases. */
let phrases: Array<[string, Known]> | undefined;
export const builtInPhrases = () => (phrases ??= [...builtInNames()].filter(([en]) => en.includes(' ')));

let builtIn: Map<string, Known> | undefined;
export function builtInNames(): Map<string, Known> {
  if (!builtIn) {
    builtIn = new Map();
    for (const [en, ar] of dataRows('names-en-ar.tsv')) {
      builtIn.set(en!, { forms: !ar || ar === '-' ? [] : ar.split('|').map((f) => f.trim()).filter(Boolean) });
    }
  }
  return builtIn;
}

/** Two English names whose consonant skeletons are at most a third apart (Zambia, Zimbabwe). */
export function likeSounding(a: string, b: string): boolean {
  const x = englishSkeleton(a);
  const y = englishSkeleton(b);
  const d: number[] = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    let diag = d[0]!;
    d[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const up = d[j]!;
      d[j] = Math.min(up + 1, d[j - 1]! + 1, diag + (x[i - 1] === y[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return d[y.length]! <= Math.max(x.length, y.length) / 3;
}

let listedSet: ArabicWordSet | undefined;
/** Every Arabic form of the names list, labelled with its English name. */
export function listedForms(): ArabicWordSet {
  if (!listedSet) {
    listedSet = new ArabicWordSet();
    for (const [en, k] of builtInNames()) for (const f of k.forms) if (!/\s/u.test(f.trim())) listedSet.add(f, en);
  }
  return listedSet;
}
