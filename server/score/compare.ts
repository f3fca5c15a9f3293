// System comparison: several MT outputs of the same source scored side by side on the segments
// they all share, with a bootstrap 95% confidence interval for each system and a paired
// approximate randomisation test for each pair, for MQM and every reference metric alike.
// Everything is computed from per-segment sufficient statistics: MQM's [penalty, words, rated]
// and the sacreBLEU statistics of each metric, summed over any subset of segments.
import type { ProcessedDocument } from '../pipeline.js';
import { mqmErrors, mqmUnits, type ScorableAnnotation } from './document.js';
import { MQM_CORE, mqmScoreFromStats, mqmUnitStats, type MqmProfile } from './mqm.js';
import { metricFor, referenceSegments, runMetrics, type MetricId, type MetricOptions } from './reference-metrics.js';
import { commonSegments, segmentOfBeads, type CommonSegment } from './segments.js';
import { bootstrapCi, DEFAULT_RESAMPLES, DEFAULT_SEED, DEFAULT_TRIALS, pairedRandomization, statTable, type ConfidenceInterval } from './statistics.js';

/** How to turn summed statistics into a score, for one metric. */
export interface Scorer {
  key: string;
  lowerIsBetter: boolean;
  score(sums: number[]): number;
}

/** What a metric in a group is called and how it was made (plain data, sent between threads). */
export interface GroupMetric {
  key: string;
  name: string;
  signature: string;
  /** TER: lower is better. MQM scores are oriented so that higher is better in both profiles. */
  lowerIsBetter: boolean;
}

export interface GroupMember {
  system: string;
  docId: string;
  processed: ProcessedDocument;
  annotations: ScorableAnnotation[];
}

export interface SystemUnits {
  system: string;
  docIds: string[];
  /** Metric key → one statistics row per shared segment. */
  units: Record<string, number[][]>;
}

/** Per-segment statistics of one source document's systems, on the segments they all share. */
export interface UnitGroup {
  corpus: string;
  source: string;
  segments: number;
  metrics: GroupMetric[];
  /** The MQM profile and BLEU tokenizer the statistics were made with (they score resamples). */
  profile: MqmProfile;
  tokenize?: string;
  systems: SystemUnits[];
}

export interface CompareOptions extends MetricOptions {
  profile?: MqmProfile;
  resamples?: number;
  trials?: number;
  seed?: number;
}

/** Score functions for a group's metrics, rebuilt from plain data wherever the group is scored. */
export function scorers(group: Pick<UnitGroup, 'metrics' | 'profile' | 'tokenize'>): Record<string, Scorer> {
  const { profile } = group;
  const options = group.tokenize ? { tokenize: group.tokenize } : {};
  const out: Record<string, Scorer> = {};
  for (const m of group.metrics) {
    if (m.key === 'mqm') out[m.key] = { key: m.key, lowerIsBetter: false, score: (s) => mqmScoreFromStats(profile, s) };
    else {
      const metric = metricFor(m.key as MetricId, options);
      out[m.key] = { key: m.key, lowerIsBetter: m.lowerIsBetter, score: (s) => metric.computeScoreFromStats(s).score };
    }
  }
  return out;
}

export function mqmGroupMetric(profile: MqmProfile): GroupMetric {
  return { key: 'mqm', name: `MQM (${profile.id})`, signature: `mqm|profile:${profile.id}|weights:${profile.weights.neutral}/${profile.weights.minor}/${profile.weights.major}/${profile.weights.critical}|unit:${profile.model === 'per-word' ? 'source-words' : 'segments'}${profile.custom ? `|rules:${profile.hash}` : ''}|version:tadqiq-1`, lowerIsBetter: false };
}

/** Sums per-bead MQM statistics into the shared segments. */
function mqmRows(member: GroupMember, segments: CommonSegment[], profile: MqmProfile): number[][] {
  const p = member.processed;
  const { stats } = mqmUnitStats(mqmErrors(p, member.annotations), mqmUnits(p), profile);
  const rows = segments.map(() => [0, 0, 0]);
  segmentOfBeads(p.alignment, segments).forEach((seg, bead) => {
    const r = rows[seg]!;
    const s = stats[bead]!;
    r[0]! += s[0]!;
    r[1]! += s[1]!;
    // A segment counts as rated once, however many of its beads were.
    r[2] = Math.max(r[2]!, s[2]!);
  });
  return rows;
}

/**
 * The statistics of every system of one source document on their shared segments. Systems must
 * translate the same source text; references (if any) join the segmentation.
 */
export function unitGroup(corpus: string, source: string, members: GroupMember[], references: string[], options: CompareOptions = {}): UnitGroup {
  if (members.length === 0) throw new Error('a comparison group needs at least one system');
  const profile = options.profile ?? MQM_CORE;
  const first = members[0]!.processed;
  for (const m of members) {
    if (m.processed.pair.sourceText !== first.pair.sourceText) throw new Error(`"${m.docId}" does not translate the same source text as "${members[0]!.docId}"`);
  }
  let segments: CommonSegment[];
  const metricUnits: Array<Record<string, number[][]>> = members.map(() => ({}));
  const metrics: GroupMetric[] = [mqmGroupMetric(profile)];
  if (references.length > 0) {
    const rs = referenceSegments(members.map((m) => m.processed), references);
    segments = rs.segments;
    members.forEach((_, k) => {
      for (const run of runMetrics(rs.hyps[k]!, rs.refs, options)) {
        metricUnits[k]![run.id] = run.stats;
        if (k === 0) metrics.push({ key: run.id, name: run.score.name, signature: run.score.signature, lowerIsBetter: run.id === 'ter' });
      }
    });
  } else {
    segments = commonSegments(members.map((m) => m.processed.alignment), first.source.sentences.length);
  }
  const systems: SystemUnits[] = members.map((m, k) => ({ system: m.system, docIds: [m.docId], units: { mqm: mqmRows(m, segments, profile), ...metricUnits[k]! } }));
  return { corpus, source, segments: segments.length, metrics, profile, ...(options.tokenize ? { tokenize: options.tokenize } : {}), systems };
}

export interface ComparedScore {
  name: string;
  score: number;
  ci: ConfidenceInterval | null;
}

export interface PairTest {
  a: string;
  b: string;
  metric: string;
  /** score(a) − score(b). */
  diff: number;
  p: number;
  /** p < 0.05 */
  significant: boolean;
  /** Which system is better on this metric (null when they tie). */
  better: string | null;
}

export interface Comparison {
  corpus: string;
  /** The source document, or "*" for a system-level comparison over several documents. */
  source: string;
  documents: number;
  segments: number;
  systems: Array<{ system: string; docIds: string[]; scores: Record<string, ComparedScore> }>;
  pairs: PairTest[];
  metrics: GroupMetric[];
  method: string;
  resamples: number;
  trials: number;
  seed: number;
}

export const COMPARISON_METHOD =
  'Bootstrap 95% CI: segments resampled with replacement, 2.5th–97.5th percentile of the resampled corpus scores. Paired approximate randomisation: each segment\'s statistics swapped between the two systems with probability ½; p = (trials with |Δ| > real |Δ| + 1) / (trials + 1), two-sided, as in sacreBLEU 2.6.0; seeded xoshiro128** (numbers differ from sacreBLEU\'s NumPy generator in the last digits).';

/** Side-by-side scores, intervals and pairwise tests of a group (one document or a whole corpus). */
export function compareGroup(group: UnitGroup, options: CompareOptions = {}): Comparison {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  const score = scorers(group);
  const keys = group.metrics.map((m) => m.key);
  const tables = group.systems.map((s) => Object.fromEntries(keys.map((k) => [k, statTable(s.units[k] ?? [])])));
  const systems = group.systems.map((s, i) => ({
    system: s.system,
    docIds: s.docIds,
    scores: Object.fromEntries(
      keys.map((k) => {
        const sc = score[k]!;
        const name = group.metrics.find((m) => m.key === k)!.name;
        const t = tables[i]![k]!;
        const total = new Array<number>(t.width).fill(0);
        for (let r = 0; r < t.rows; r++) for (let c = 0; c < t.width; c++) total[c]! += t.data[r * t.width + c]!;
        return [k, { name, score: sc.score(total), ci: bootstrapCi(t, sc.score, { resamples, seed }) }];
      }),
    ),
  }));
  const pairs: PairTest[] = [];
  for (let i = 0; i < group.systems.length; i++) {
    for (let j = i + 1; j < group.systems.length; j++) {
      for (const k of keys) {
        const sc = score[k]!;
        const r = pairedRandomization(tables[i]![k]!, tables[j]![k]!, sc.score, { trials, seed });
        const a = group.systems[i]!.system;
        const b = group.systems[j]!.system;
        const aBetter = sc.lowerIsBetter ? r.diff < 0 : r.diff > 0;
        pairs.push({ a, b, metric: k, diff: r.diff, p: r.p, significant: r.p < 0.05, better: r.diff === 0 ? null : aBetter ? a : b });
      }
    }
  }
  return {
    corpus: group.corpus,
    source: group.source,
    documents: Math.max(...group.systems.map((s) => s.docIds.length)),
    segments: group.segments,
    systems,
    pairs,
    metrics: group.metrics,
    method: COMPARISON_METHOD,
    resamples,
    trials,
    seed,
  };
}

/**
 * System level: the groups' segments one after another, for the systems every group has (a
 * paired test needs the same segments on both sides). Metrics every group computed only.
 */
export function concatGroups(corpus: string, groups: UnitGroup[]): UnitGroup | null {
  if (groups.length === 0) return null;
  const systems = groups
    .map((g) => new Set(g.systems.map((s) => s.system)))
    .reduce((acc, s) => new Set([...acc].filter((x) => s.has(x))));
  if (systems.size === 0) return null;
  const keys = groups[0]!.metrics.map((m) => m.key).filter((k) => groups.every((g) => g.metrics.some((m) => m.key === k)));
  const names = [...systems].sort();
  return {
    corpus,
    source: '*',
    segments: groups.reduce((n, g) => n + g.segments, 0),
    metrics: groups[0]!.metrics.filter((m) => keys.includes(m.key)),
    profile: groups[0]!.profile,
    ...(groups[0]!.tokenize ? { tokenize: groups[0]!.tokenize } : {}),
    systems: names.map((name) => {
      const parts = groups.map((g) => g.systems.find((s) => s.system === name)!);
      return { system: name, docIds: parts.flatMap((p) => p.docIds), units: Object.fromEntries(keys.map((k) => [k, parts.flatMap((p) => p.units[k]!)])) };
    }),
  };
}

/**
 * The comparison of already-scored documents of one source (web route, reports): null unless
 * there are at least two systems translating the same source text.
 */
export function compareDocuments(items: Array<{ doc: { id: string; system: string; corpus: string; references: string[] }; view: { processed: ProcessedDocument; annotations: ScorableAnnotation[] } }>, options: CompareOptions = {}): Comparison | null {
  if (items.length < 2) return null;
  const src = items[0]!.view.processed.pair.sourceText;
  if (!items.every((i) => i.view.processed.pair.sourceText === src)) return null;
  const members = items.map((i) => ({ system: i.doc.system, docId: i.doc.id, processed: i.view.processed, annotations: i.view.annotations }));
  return compareGroup(unitGroup(items[0]!.doc.corpus, items[0]!.doc.id, members, items[0]!.doc.references, options), options);
}
