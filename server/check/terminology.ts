// Glossary terminology: a forbidden (deprecated or superseded) target term is an error wherever
// it appears; a source term whose glossary translation is missing from the aligned target is
// flagged on the source side. Arabic matching folds letters and tolerates clitics (والخنتة،
// للخنتة); English matching tolerates plurals and possessives (juntas, Mali's).
import type { GlossaryEntry, Sentence, Term } from '../core/types.js';
import { foldArabic } from '../text/arabic.js';
import { arabicTermRegex } from '../text/clitics.js';
import { englishTermRegex } from '../text/english.js';
import { originalSpan, type Folded } from '../text/fold.js';
import type { BeadView, CheckDocument, FindingDraft } from './types.js';
import { defineCheck, primaryLang, sentenceOf } from './types.js';

interface Occurrence {
  start: number;
  end: number;
  term: Term;
}

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

/** Finds every occurrence of `terms` in `text`; Arabic terms are matched on a folded copy. */
function findAll(text: string, folded: () => Folded, terms: Term[]): Occurrence[] {
  const out: Occurrence[] = [];
  for (const term of terms) {
    if (ARABIC_SCRIPT.test(term.text)) {
      const f = folded();
      for (const m of f.text.matchAll(arabicTermRegex(term.text))) {
        out.push({ ...originalSpan(f, m.index, m.index + m[0].length), term });
      }
    } else {
      for (const m of text.matchAll(englishTermRegex(term.text))) {
        out.push({ start: m.index, end: m.index + m[0].length, term });
      }
    }
  }
  // Longest first at the same place, so "military junta" wins over "junta".
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((o, i) => i === 0 || !(o.start >= out[i - 1]!.start && o.end <= out[i - 1]!.end));
}

function inSentences(occ: Occurrence[], sentences: Sentence[]): Occurrence[] {
  return occ.filter((o) => sentences.some((s) => o.start >= s.start && o.end <= s.end));
}

const isForbidden = (t: Term) => t.status === 'deprecated' || t.status === 'superseded';

export const terminology = defineCheck({
  id: 'terminology',
  category: 'Terminology',
  severity: 'major',
  description: 'Forbidden glossary terms in the target; glossary translations missing from the aligned target.',
  example: 'الخنتة is deprecated in the glossary for "junta": use المجلس العسكري.',
  prepare(doc: CheckDocument) {
    const entries: GlossaryEntry[] = doc.glossary?.entries ?? [];
    const srcLang = primaryLang(doc.source.lang);
    const tgtLang = primaryLang(doc.target.lang);
    let srcFold: Folded | undefined;
    let tgtFold: Folded | undefined;
    const srcFolded = () => (srcFold ??= foldArabic(doc.source.text));
    const tgtFolded = () => (tgtFold ??= foldArabic(doc.target.text));

    // Scan the whole text once per term; beads then only filter by offset.
    const prepared = entries
      .map((entry) => {
        const src = entry.terms.filter((t) => primaryLang(t.lang) === srcLang);
        const tgt = entry.terms.filter((t) => primaryLang(t.lang) === tgtLang);
        if (tgt.length === 0) return null;
        const preferred = tgt.find((t) => t.status === 'preferred') ?? tgt.find((t) => !isForbidden(t));
        return {
          entry,
          preferred,
          srcOcc: findAll(doc.source.text, srcFolded, src),
          tgtOcc: findAll(doc.target.text, tgtFolded, tgt),
        };
      })
      .filter((p) => p !== null);

    return (bead: BeadView): FindingDraft[] => {
      const findings: FindingDraft[] = [];
      for (const p of prepared) {
        const tgtHere = inSentences(p.tgtOcc, bead.target);
        const forbidden = tgtHere.filter((o) => isForbidden(o.term));
        for (const o of forbidden) {
          const suggestion = p.preferred?.text;
          findings.push({
            side: 'target',
            sentence: sentenceOf(bead.target, o.start),
            start: o.start,
            end: o.end,
            severity: o.term.status === 'deprecated' ? 'major' : 'minor',
            message:
              `"${o.term.text}" is ${o.term.status === 'deprecated' ? 'a forbidden' : 'an outdated'} term in the glossary` +
              (o.term.note ? ` (${o.term.note})` : '') +
              (suggestion ? `; use "${suggestion}".` : '.'),
            ...(suggestion ? { suggestion } : {}),
          });
        }
        if (bead.target.length === 0 || forbidden.length > 0) continue;
        const srcHere = inSentences(p.srcOcc, bead.source);
        if (srcHere.length === 0 || !p.preferred) continue;
        if (tgtHere.some((o) => !isForbidden(o.term))) continue;
        const first = srcHere[0]!;
        const allowed = p.entry.terms.filter((t) => primaryLang(t.lang) === tgtLang && !isForbidden(t)).map((t) => `"${t.text}"`);
        findings.push({
          side: 'source',
          sentence: sentenceOf(bead.source, first.start),
          start: first.start,
          end: first.end,
          severity: 'minor',
          message: `"${doc.source.text.slice(first.start, first.end)}" should be translated as ${allowed.join(' or ')} (glossary); none of them is in the aligned translation.`,
          suggestion: p.preferred.text,
        });
      }
      return findings;
    };
  },
});
