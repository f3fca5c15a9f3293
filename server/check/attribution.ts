// An attribution the source does not make: "بحسب مصادر محلية" (according to local sources),
// "أفادت تقارير" (reports said) where the English names no source, report or witness. Language
// models add these to sound like news copy; the sentence then claims a sourcing it never had.
// Part of the omission check (check 6 covers additions); English source, Arabic target.
import type { SegmentedText, Sentence } from '../core/types.js';
import { foldArabicKey } from '../text/arabic.js';
import { stemCandidates } from '../text/clitics.js';
import type { FindingDraft } from './types.js';
import { sentenceWords, type Word } from './words.js';

const fold = (words: string[]) => new Set(words.map(foldArabicKey));

/** Words that attribute what follows: according to, citing, reported, said, confirmed. */
const MARKERS = fold(['حسب', 'بحسب', 'حسبما', 'وفقا', 'طبقا', 'نقلا', 'أفادت', 'أفاد', 'ذكرت', 'ذكر', 'قالت', 'قال', 'أكدت', 'أكد', 'أشارت', 'أشار', 'كشفت', 'كشف']);
/** Unnamed sources: sources, a source, reports, the media, witnesses, officials, agencies. */
const SOURCES = fold(['مصادر', 'مصدر', 'تقارير', 'تقرير', 'وسائل', 'شهود', 'مسؤولين', 'مسؤولون', 'وكالات', 'أنباء']);
/** Words that may stand between the marker and the source: عن (نقلا عن), ما (حسب ما), إلى (أشارت إلى). */
const BETWEEN = fold(['عن', 'ما', 'إلى', 'الى']);

/** English that makes an attribution of this kind: the Arabic one is then a translation. */
const ENGLISH_ATTRIBUTION =
  /(?<![\p{L}])(?:sources?|sourced|report(?:s|ed|edly|ing|ers?)?|media|press|news|officials?|witness(?:es)?|eyewitness(?:es)?|according|insiders?|spokes(?:man|woman|person|people)|quoted|quoting|citing|cited|wires?)(?![\p{L}])/iu;

function classify(folded: string): 0 | 1 | 2 {
  const stems = stemCandidates(folded, 2);
  return stems.some((st) => MARKERS.has(st)) ? 1 : stems.some((st) => SOURCES.has(st)) ? 2 : 0;
}
/** 1 for a marker, 2 for an unnamed source, 0 otherwise; worked out once per word form. */
const kind = (w: Word): 0 | 1 | 2 => (w.info.attribution ??= classify(w.folded));

/** Findings for attributions in `target` sentences that the `source` sentences do not make. */
export function addedAttributions(source: Sentence[], target: SegmentedText, sentences: Sentence[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const s of sentences) {
    const ws = sentenceWords(target, s.index);
    for (let k = 0; k < ws.length; k++) {
      if (kind(ws[k]!) !== 1) continue;
      let j = k + 1;
      while (j < ws.length && j <= k + 2 && BETWEEN.has(ws[j]!.folded)) j++;
      const noun = ws[j];
      if (!noun || kind(noun) !== 2) continue;
      // Rare by now: only here is the English read.
      if (source.some((x) => ENGLISH_ATTRIBUTION.test(x.text))) return [];
      // The adjective that qualifies the sources belongs to the claim (مصادر محلية، تقارير إعلامية).
      const adj = ws[j + 1];
      const end = adj && /[ةه]$/u.test(adj.folded) && target.text.slice(noun.end, adj.start).trim() === '' ? adj : noun;
      out.push({
        side: 'target',
        sentence: s.index,
        start: ws[k]!.start,
        end: end.end,
        category: 'Accuracy/Addition',
        message: `"${target.text.slice(ws[k]!.start, end.end)}" attributes this to sources, reports or witnesses that the English does not mention: the attribution may have been added.`,
      });
      break;
    }
  }
  return out;
}
