// Which annotations a score counts: every reviewer's marks (mean over raters), one reviewer's,
// or the adjudicated final set. The default is the final set once adjudication is complete
// (every current reviewer mark has a decision on its current version), else all reviewers, so
// a score never silently counts a half-adjudicated set; the name goes into the MQM signature
// (`|set:…|`) and the label onto every page and report that shows the score.
import { InputError } from '../core/types.js';
import type { Adjudication, StoredAnnotation } from '../store/types.js';

export type SetChoice = { kind: 'all' } | { kind: 'final' } | { kind: 'reviewer'; name: string };

export interface AdjudicationProgress {
  /** Reviewer marks (not deleted). */
  marks: number;
  /** Marks with a decision on their current version. */
  decided: number;
  /** Marks decided on an older version (changed by the reviewer since). */
  stale: number;
  accepted: number;
  edited: number;
  rejected: number;
  complete: boolean;
}

export interface AnnotationSet {
  /** For the signature: all, final, reviewer:NAME. */
  name: string;
  /** For people: "all reviewers (mean over 2 raters)", "adjudicated final set (3 of 5 marks decided)". */
  label: string;
  annotations: StoredAnnotation[];
}

/** `final`, `all` or `reviewer:NAME` (the --set option and ?set= parameter). */
export function parseSet(raw: string, field = '--set'): SetChoice {
  if (raw === 'all' || raw === 'final') return { kind: raw };
  const m = /^reviewer:(.+)$/su.exec(raw);
  if (m && m[1]!.trim()) return { kind: 'reviewer', name: m[1]!.trim() };
  throw new InputError(`"${raw}" is not an annotation set; write final, all or reviewer:NAME`, { field });
}

export function adjudicationProgress(marks: StoredAnnotation[], decisions: Map<number, Adjudication>): AdjudicationProgress {
  const p = { marks: marks.length, decided: 0, stale: 0, accepted: 0, edited: 0, rejected: 0, complete: false };
  for (const m of marks) {
    const d = decisions.get(m.id);
    if (!d) continue;
    if (d.markVersion !== m.version) {
      p.stale++;
      continue;
    }
    p.decided++;
    p[d.decision]++;
  }
  p.complete = p.marks > 0 && p.decided === p.marks;
  return p;
}

const raterCount = (marks: StoredAnnotation[]) => new Set(marks.map((m) => m.author)).size;

export function allReviewersLabel(marks: StoredAnnotation[]): string {
  const n = raterCount(marks);
  return `all reviewers (mean over ${n} rater${n === 1 ? '' : 's'})`;
}

export function finalSetLabel(progress: AdjudicationProgress): string {
  return `adjudicated final set (${progress.decided} of ${progress.marks} marks decided${progress.stale ? `, ${progress.stale} changed since` : ''})`;
}

/**
 * The annotations of a set. Final-set marks keep the reviewer's name in the store but are
 * scored as one rater ('final'): the adjudicator merged the reviewers' marks into one set.
 */
export function selectSet(choice: SetChoice | undefined, marks: StoredAnnotation[], final: StoredAnnotation[], decisions: Map<number, Adjudication>): AnnotationSet {
  const progress = adjudicationProgress(marks, decisions);
  const kind = choice ?? (progress.complete ? { kind: 'final' as const } : { kind: 'all' as const });
  if (kind.kind === 'final') return { name: 'final', label: finalSetLabel(progress), annotations: final.map((a) => ({ ...a, author: 'final' })) };
  if (kind.kind === 'reviewer') {
    const mine = marks.filter((m) => m.author === kind.name);
    return { name: `reviewer:${kind.name}`, label: `reviewer ${kind.name} only`, annotations: mine };
  }
  return { name: 'all', label: allReviewersLabel(marks), annotations: marks };
}
