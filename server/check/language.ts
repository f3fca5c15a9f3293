// Document language: the source really is in the source language and the target in the target
// language, judged on the whole text (script share first, then franc), so swapped or wrong files
// get one clear document-level error instead of an "untranslated" finding on every sentence.
// While it reports a problem the engine runs no other check; `enabled: false` (or the expected
// languages in its options) overrides it for a corpus that really is different.
import { francAll } from 'franc';
import { z } from 'zod';
import type { SegmentedText, Side } from '../core/types.js';
import { foldArabicKey } from '../text/arabic.js';
import { scriptCounts } from '../text/tokens.js';
import type { CheckDocument, FindingDraft } from './types.js';
import { defineCheck, primaryLang } from './types.js';
import { sentenceWords } from './words.js';

/** BCP 47 primary subtag → franc's ISO 639-3 code. */
export const FRANC_CODE: Record<string, string> = {
  en: 'eng', ar: 'arb', fr: 'fra', de: 'deu', es: 'spa', it: 'ita', pt: 'por', nl: 'nld', ru: 'rus',
  zh: 'cmn', fa: 'pes', ur: 'urd', tr: 'tur', pl: 'pol', sv: 'swe', id: 'ind', ms: 'zlm', sw: 'swh',
};
const FRANC_ONLY = ['eng', 'arb', 'fra', 'deu', 'spa', 'ita', 'por', 'nld', 'rus', 'cmn', 'pes', 'urd', 'tur', 'pol', 'swe', 'ind', 'zlm', 'swh', 'cat', 'sco'];
const LANGUAGE_NAME: Record<string, string> = {
  eng: 'English', arb: 'Arabic', fra: 'French', deu: 'German', spa: 'Spanish', ita: 'Italian', por: 'Portuguese',
  nld: 'Dutch', rus: 'Russian', cmn: 'Chinese', pes: 'Persian', urd: 'Urdu', tur: 'Turkish', pol: 'Polish',
  swe: 'Swedish', ind: 'Indonesian', zlm: 'Malay', swh: 'Swahili', sco: 'Scots', cat: 'Catalan',
};
export const languageName = (code: string) => LANGUAGE_NAME[code] ?? code;

const FUNCTION_WORDS: Record<string, Set<string>> = {
  eng: new Set('the of and to in a is that for it on was with as at by he she said from be his her are have has an this not but were they which their will would who'.split(' ')),
  arb: new Set(['في', 'من', 'على', 'إلى', 'أن', 'إن', 'التي', 'الذي', 'عن', 'مع', 'هذا', 'هذه', 'أو', 'كان', 'قد', 'ما', 'لا', 'بين', 'بعد', 'كما', 'ذلك', 'الذين', 'حيث', 'وقال', 'قال', 'لم', 'ثم', 'كل', 'منذ', 'هو', 'هي', 'وفي', 'ومن', 'إنه', 'أنه'].map((w) => foldArabicKey(w))),
};
/** Shares measured on news text: English about 0.35, Arabic about 0.15; French or Persian far less. */
const FUNCTION_SHARE: Record<string, number> = { eng: 0.15, arb: 0.07 };

/** Share of function words among the first 300 words (the words every check shares). */
function functionWordShare(side: SegmentedText, code: string): number {
  const set = FUNCTION_WORDS[code]!;
  let total = 0;
  let n = 0;
  for (let i = 0; i < side.sentences.length && total < 300; i++) {
    for (const w of sentenceWords(side, i)) {
      total++;
      if (set.has(w.folded)) n++;
    }
  }
  return total < 20 ? 0 : n / total;
}

const ARABIC_SCRIPT = new Set(['ar', 'fa', 'ur', 'ps', 'ckb', 'sd', 'ug']);
const LATIN_SCRIPT = new Set(['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'tr', 'pl', 'sv', 'id', 'ms', 'sw', 'ca']);

const Options = z
  .object({
    /** Expected franc codes (ISO 639-3) when they differ from the manifest's languages. */
    source: z.string().regex(/^[a-z]{3}$/u).optional(),
    target: z.string().regex(/^[a-z]{3}$/u).optional(),
    /** Fewer letters than this: too short to judge. */
    minLetters: z.number().int().min(1).default(40),
    /** The expected language passes while franc scores it at least this close to the winner. */
    tolerance: z.number().min(0).max(1).default(0.9),
  })
  .strict();
type Options = z.infer<typeof Options>;

interface Verdict {
  ok: boolean;
  /** What the text looks like: "Latin script", "English" … */
  found: string;
  detail: string;
}

function judge(side: SegmentedText, expected: string | undefined, options: Options): Verdict | null {
  const lang = primaryLang(side.lang);
  const counts = scriptCounts(side.text);
  if (counts.letters < options.minLetters) return null;
  const wantScript = ARABIC_SCRIPT.has(lang) ? 'arabic' : LATIN_SCRIPT.has(lang) ? 'latin' : null;
  const want0 = expected ?? FRANC_CODE[lang];
  // Fast path: running text of English or Arabic is full of its function words (the, of, and;
  // في، من، على); when they are there in number, franc need not be asked.
  if (want0 && want0 in FUNCTION_WORDS && functionWordShare(side, want0) >= FUNCTION_SHARE[want0]!) {
    return { ok: true, found: languageName(want0), detail: '' };
  }
  // franc reads 2,048 characters at most; restricting it to the languages Tadqiq names keeps
  // it fast and stops close relatives of Arabic script (Malay in Jawi, Persian) from winning
  // on ties unless they are really there.
  const guesses = francAll(side.text.slice(0, 2048), { minLength: 10, only: FRANC_ONLY });
  const top = guesses[0]?.[0] ?? 'und';
  if (wantScript) {
    const share = counts[wantScript] / counts.letters;
    if (share < 0.5) {
      const other = wantScript === 'arabic' ? 'latin' : 'arabic';
      const otherShare = counts[other] / counts.letters;
      const script = otherShare >= 0.5 ? (other === 'arabic' ? 'Arabic' : 'Latin') : 'other';
      return {
        ok: false,
        found: top !== 'und' ? languageName(top) : `${script} script`,
        detail:
          script === 'other'
            ? `${Math.round((1 - share) * 100)}% of its letters are not ${wantScript === 'arabic' ? 'Arabic' : 'Latin'}`
            : `${Math.round(otherShare * 100)}% of its letters are ${script}`,
      };
    }
  }
  const want = expected ?? FRANC_CODE[lang];
  if (!want || top === 'und') return { ok: true, found: languageName(top), detail: '' };
  if (top === want) return { ok: true, found: languageName(top), detail: '' };
  const score = guesses.find(([c]) => c === want)?.[1] ?? 0;
  if (score >= options.tolerance) return { ok: true, found: languageName(top), detail: '' };
  return { ok: false, found: languageName(top), detail: `franc ranks ${languageName(top)} first and ${languageName(want)} at ${score.toFixed(2)}` };
}

export const language = defineCheck<Options>({
  id: 'language',
  category: 'Non-translation',
  severity: 'critical',
  description: 'The source is in the source language and the target in the target language (whole text, script share then franc); one error per document.',
  example: 'A target file that is really the English source: "The target is English, not Arabic: were the files swapped?"',
  options: Options,
  document(doc: CheckDocument, options: Options): FindingDraft[] {
    const src = judge(doc.source, options.source, options);
    const tgt = judge(doc.target, options.target, options);
    const bad: Array<[Side, Verdict]> = [];
    if (src && !src.ok) bad.push(['source', src]);
    if (tgt && !tgt.ok) bad.push(['target', tgt]);
    if (bad.length === 0) return [];
    const name = (s: SegmentedText) => languageName(FRANC_CODE[primaryLang(s.lang)] ?? s.lang);
    const pointer = (side: Side) => {
      const t = side === 'source' ? doc.source : doc.target;
      const first = t.sentences[0];
      return first ? { sentence: first.index, start: first.start, end: first.end } : null;
    };
    if (bad.length === 2 && src!.found === name(doc.target) && tgt!.found === name(doc.source)) {
      const p = pointer('target');
      if (!p) return [];
      return [{
        side: 'target',
        ...p,
        message: `The source looks ${src!.found} and the target ${tgt!.found}: the two files seem swapped (source: ${src!.detail}; target: ${tgt!.detail}). No other check was run.`,
      }];
    }
    const out: FindingDraft[] = [];
    for (const [side, v] of bad) {
      const p = pointer(side);
      if (!p) continue;
      const t = side === 'source' ? doc.source : doc.target;
      out.push({
        side,
        ...p,
        message: `The ${side} document looks ${v.found}, not ${name(t)} (${v.detail}). Check the file and the corpus languages; no other check was run.`,
      });
    }
    return out;
  },
});
