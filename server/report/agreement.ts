// Agreement between reviewers of one document, computed only over the segments both saw.
// Procedure (printed in the report so it can be reproduced):
//   • span F1: errors are matched one to one, greedily in text order, when they are on the same
//     side of the same segment and their character spans overlap; F1 = 2·matched / (|A| + |B|);
//   • of the matched pairs, the share with the same top-level category and the same severity;
//   • Pearson's r between the two reviewers' per-segment penalties (MQM weights).
import type { DocumentPair, Severity } from '../core/types.js';
import { scoreMqm, MQM_CORE, type MqmProfile, type MqmScore } from '../score/mqm.js';
import type { DocumentView } from './document-view.js';
import { raterSegments } from './marot.js';
import { annotationsBySegment, exportSegments } from './segments.js';

export interface RaterSummary {
  rater: string;
  segments: number;
  mqm: MqmScore;
}

export interface PairAgreement {
  a: string;
  b: string;
  commonSegments: number;
  errorsA: number;
  errorsB: number;
  matched: number;
  spanF1: number;
  sameCategory: number | null;
  sameSeverity: number | null;
  pearson: number | null;
}

export interface Agreement {
  raters: RaterSummary[];
  pairs: PairAgreement[];
  procedure: string;
}

export const AGREEMENT_PROCEDURE =
  'Over the segments both reviewers saw: errors matched one to one (same side, same segment, overlapping spans, greedy in text order); span F1 = 2·matched/(errors A + errors B); category and severity agreement over matched pairs (top-level category); Pearson r of per-segment penalties.';

function pearson(x: number[], y: number[]): number | null {
  const n = x.length;
  if (n < 2) return null;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** null when fewer than two reviewers marked anything. */
export function documentAgreement(doc: DocumentPair, view: DocumentView, words: number, profile: MqmProfile = MQM_CORE): Agreement | null {
  const segments = exportSegments(view.processed);
  const placed = annotationsBySegment(view, segments);
  const annotated = new Map<string, Set<number>>();
  for (const p of placed) {
    if (!annotated.has(p.annotation.author)) annotated.set(p.annotation.author, new Set());
    annotated.get(p.annotation.author)!.add(p.segment);
  }
  const seen = raterSegments(doc, [...annotated.keys()], segments.length, annotated);
  if (seen.size < 2) return null;
  const raters: RaterSummary[] = [...seen].map(([rater, segs]) => {
    const mine = placed.filter((p) => p.annotation.author === rater).map((p) => p.annotation);
    // Words of the segments this reviewer saw, so a partial review is not scored on the whole text.
    const share = segments.length ? segs.size / segments.length : 1;
    return { rater, segments: segs.size, mqm: scoreMqm(mine, Math.round(words * share), profile) };
  });
  const names = [...seen.keys()];
  const pairs: PairAgreement[] = [];
  const weight = (s: Severity) => profile.weights[s];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = names[i]!;
      const b = names[j]!;
      const common = [...seen.get(a)!].filter((s) => seen.get(b)!.has(s)).sort((x, y) => x - y);
      const inCommon = (r: string) => placed.filter((p) => p.annotation.author === r && common.includes(p.segment));
      const A = inCommon(a);
      const B = inCommon(b);
      const used = new Set<number>();
      let matched = 0;
      let sameCat = 0;
      let sameSev = 0;
      for (const x of A) {
        const k = B.findIndex((y, idx) => !used.has(idx) && y.segment === x.segment && y.side === x.side && y.start < x.end && x.start < y.end);
        if (k === -1) continue;
        used.add(k);
        matched++;
        const y = B[k]!;
        if (x.annotation.category.split('/')[0] === y.annotation.category.split('/')[0]) sameCat++;
        if (x.annotation.severity === y.annotation.severity) sameSev++;
      }
      const penalties = (list: typeof A) => common.map((s) => list.filter((p) => p.segment === s).reduce((n, p) => n + weight(p.annotation.severity), 0));
      pairs.push({
        a,
        b,
        commonSegments: common.length,
        errorsA: A.length,
        errorsB: B.length,
        matched,
        spanF1: A.length + B.length ? (2 * matched) / (A.length + B.length) : 1,
        sameCategory: matched ? sameCat / matched : null,
        sameSeverity: matched ? sameSev / matched : null,
        pearson: pearson(penalties(A), penalties(B)),
      });
    }
  }
  return { raters, pairs, procedure: AGREEMENT_PROCEDURE };
}
