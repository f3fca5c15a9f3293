// Reviewer agreement of one document as the report, the agreement page and its JSON show it:
// places each reviewer's marks on segments (beads) and weighs their per-segment penalties with
// the scoring profile, then hands them to server/review/agreement.ts for the figures.
import type { DocumentPair } from '../core/types.js';
import { mqmErrors, mqmUnits } from '../score/document.js';
import { MQM_CORE, mqmUnitStats, scoreMqm, type MqmProfile, type MqmScore } from '../score/mqm.js';
import { AGREEMENT_PROCEDURE, documentAgreement as agreementOf, type AgreementRater, type AgreementSummary, type PairAgreement } from '../review/agreement.js';
import type { DocumentView } from './document-view.js';
import { raterSegments } from './marot.js';

export { AGREEMENT_PROCEDURE };

export interface RaterSummary {
  rater: string;
  segments: number;
  /** Marks on the segments this reviewer saw. */
  marks: number;
  /** Segments this reviewer marked at least one error in. */
  segmentsWithErrors: number;
  mqm: MqmScore;
}

export interface Agreement {
  raters: RaterSummary[];
  pairs: PairAgreement[];
  summary: AgreementSummary;
  procedure: string;
}

/** Every reviewer's inputs to the agreement figures (all reviewers, one or more). */
export function agreementRaters(doc: DocumentPair, view: DocumentView, profile: MqmProfile = MQM_CORE): AgreementRater[] {
  const n = view.beads.length;
  const annotated = new Map<string, Set<number>>();
  for (const a of view.annotations) {
    if (!annotated.has(a.author)) annotated.set(a.author, new Set());
    annotated.get(a.author)!.add(a.bead);
  }
  const seen = raterSegments(doc, [...annotated.keys()], n, annotated);
  const units = mqmUnits(view.processed);
  return [...seen].map(([name, segs]) => {
    const mine = view.annotations.filter((a) => a.author === name);
    // One rater at a time, so each segment's penalty is this reviewer's own (with the cap).
    const { stats } = mqmUnitStats(mqmErrors(view.processed, mine), { words: units.words, ratings: { [name]: [...segs] } }, profile);
    return {
      name,
      seen: segs,
      marks: mine.map((a) => ({ segment: a.bead, side: a.side, start: a.start, end: a.end, category: a.category })),
      penalties: stats.map((s) => s[0]!),
    };
  });
}

/** null when fewer than two reviewers marked anything. */
export function documentAgreement(doc: DocumentPair, view: DocumentView, words: number, profile: MqmProfile = MQM_CORE): Agreement | null {
  const raters = agreementRaters(doc, view, profile);
  if (raters.length < 2) return null;
  const n = view.beads.length;
  const ag = agreementOf(raters);
  return {
    raters: ag.pairs.length
      ? [...raters].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)).map((r) => {
          const mine = r.marks.filter((m) => r.seen.has(m.segment));
          // Words of the segments this reviewer saw, so a partial review is not scored on the whole text.
          const share = n ? r.seen.size / n : 1;
          return {
            rater: r.name,
            segments: r.seen.size,
            marks: mine.length,
            segmentsWithErrors: new Set(mine.map((m) => m.segment)).size,
            mqm: scoreMqm(view.annotations.filter((a) => a.author === r.name), Math.round(words * share), profile),
          };
        })
      : [],
    pairs: ag.pairs,
    summary: ag.summary,
    procedure: AGREEMENT_PROCEDURE,
  };
}
