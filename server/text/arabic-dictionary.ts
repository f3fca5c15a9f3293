// Is this an ordinary Arabic word? The Ayaspell word list (@cspell/dict-ar, LGPL, installed as
// an npm package, never downloaded at run time) answers for every inflected and cliticised form
// (وبالمجلس، جنون، السابقة). The checks use it to tell a word Arabic already has from a sound-
// spelling (الخنتة is not in it; جنون "madness" is). Loading the word list takes a few seconds and
// about 120 MB, so it happens once per process, on first use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { has, importTrie } from 'cspell-trie-lib';
import { memo } from './memo.js';

type Root = ReturnType<typeof importTrie>;
let root: Root | null | undefined;

function load(): Root | null {
  if (root !== undefined) return root;
  try {
    const ext = createRequire(import.meta.url).resolve('@cspell/dict-ar/cspell-ext.json');
    const text = gunzipSync(readFileSync(path.join(path.dirname(ext), 'ar.trie.gz'))).toString('utf8');
    root = importTrie(text.split('\n'));
  } catch {
    // Without the word list the checks still run, with less protection against false alarms.
    root = null;
  }
  return root;
}

const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u0640\u200B-\u200F]/gu;

/** Whether `word` (as written: hamza, taa marbuta) is a word of the Arabic dictionary. */
export const isArabicWord: (word: string) => boolean = memo(lookup);

function lookup(word: string): boolean {
  const r = load();
  if (!r) return false;
  const w = word.normalize('NFC').replace(MARKS, '');
  if (!w) return false;
  if (has(r, w)) return true;
  // Writers often drop the hamza of a leading alef or write final ه/ي for ة/ى.
  const variants = [
    w.replace(/^([وفبكل]?(?:ال)?)ا/u, '$1أ'),
    w.replace(/^([وفبكل]?(?:ال)?)ا/u, '$1إ'),
    w.replace(/ه$/u, 'ة'),
    w.replace(/ي$/u, 'ى'),
  ];
  return variants.some((v) => v !== w && has(r, v));
}

/** Whether the word list could be loaded (the checks say so when it could not). */
export function arabicDictionaryAvailable(): boolean {
  return load() !== null;
}
