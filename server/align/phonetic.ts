// Consonant skeletons that meet across scripts: a Latin name and its Arabic transliteration
// reduce to the same string of sound classes (Kidal → KDL ← كيدال, MINUSMA → MNSM ← مينوسما,
// Tuareg → TRK ← الطوارق). Vowels, w, y and the Arabic long vowels and hamza carriers are
// dropped; letters that transliterate into one another share a class (g, j, k, q ↔ ج غ ق ك خ).
// An exact match of classes is hashable, which keeps the aligner linear; the coarse classes
// buy the recall that an edit distance would.
import { foldArabicKey } from '../text/arabic.js';

const LATIN_DIGRAPHS: Array<[string, string]> = [
  ['sch', 'S'], ['sh', 'S'], ['ch', 'S'], ['th', 'T'], ['ph', 'F'], ['kh', 'K'], ['gh', 'K'],
  ['ck', 'K'], ['qu', 'K'], ['dh', 'D'], ['zh', 'S'],
];
const LATIN: Record<string, string> = {
  b: 'B', p: 'B', d: 'D', f: 'F', v: 'F', g: 'K', j: 'K', k: 'K', q: 'K', h: 'H', l: 'L', m: 'M',
  n: 'N', r: 'R', s: 'S', z: 'S', t: 'T', x: 'KS',
};
const ARABIC: Record<string, string> = {
  'ب': 'B', 'پ': 'B', 'ت': 'T', 'ط': 'T', 'ث': 'T', 'ج': 'K', 'ح': 'H', 'خ': 'K', 'د': 'D', 'ذ': 'D',
  'ض': 'D', 'ظ': 'D', 'ر': 'R', 'ز': 'S', 'س': 'S', 'ش': 'S', 'ص': 'S', 'غ': 'K', 'ف': 'F', 'ڤ': 'F',
  'ق': 'K', 'ك': 'K', 'گ': 'K', 'ل': 'L', 'م': 'M', 'ن': 'N', 'ه': 'H',
};

function collapse(s: string): string {
  let out = '';
  for (const ch of s) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

/** Sound-class skeleton of a Latin-script word: "Kidal" → "KDL", "Chad" → "SD". */
export function latinSkeleton(word: string): string {
  const w = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
  let out = '';
  for (let i = 0; i < w.length; ) {
    const di = LATIN_DIGRAPHS.find(([g]) => w.startsWith(g, i));
    if (di) {
      out += di[1];
      i += di[0].length;
      continue;
    }
    const ch = w[i]!;
    if (ch === 'c') out += /[eiy]/.test(w[i + 1] ?? '') ? 'S' : 'K';
    // A final h after a vowel is silent ("Noah", "Allah" in English spelling).
    else if (ch === 'h' && i === w.length - 1) out += '';
    else out += LATIN[ch] ?? '';
    i++;
  }
  return collapse(out);
}

/** Sound-class skeleton of one folded Arabic word (no clitic stripping): "كيدال" → "KDL". */
function arabicSkeletonFolded(w: string): string {
  // تش is how Arabic writes "ch" (تشاد Chad); a final ه (folded ة) is a vowel ending.
  const body = w.replace(/تش/gu, 'ش').replace(/ه$/u, '');
  let out = '';
  for (const ch of body) out += ARABIC[ch] ?? '';
  return collapse(out);
}

/** Proclitic chains an Arabic word may carry: و/ف, then ب/ك/ل, then ال (ل + ال = لل). */
const PROCLITICS = [/^[وف]/u, /^[وف]?(?:[بك]?ال|لل)/u, /^[وف]?[بكل]/u];

/**
 * Skeletons of an Arabic word: as written and with each plausible proclitic chain removed
 * (والطوارق → TRK), since a name may take any of them and a word may merely start like one.
 */
export function arabicSkeletons(word: string): string[] {
  return arabicSkeletonsFolded(foldArabicKey(word));
}

/** The same, for a word already folded (foldArabicKey). */
export function arabicSkeletonsFolded(f: string): string[] {
  const out = new Set<string>([arabicSkeletonFolded(f)]);
  for (const p of PROCLITICS) {
    const m = p.exec(f);
    if (m && f.length - m[0].length >= 2) out.add(arabicSkeletonFolded(f.slice(m[0].length)));
  }
  return [...out];
}
