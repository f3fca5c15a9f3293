// MQM scoring under a profile (profiles.ts). Two models:
//   per-word (MQM Council): absolute penalty total APT over the evaluated source words EWC,
//     reported per 1,000 words and as the quality score 100 × (1 − APT / EWC);
//   per-segment (WMT, Freitag et al. 2021): at most N errors per segment and rater, a segment's
//     penalty is the mean over its raters, the score is minus the mean penalty per rated segment.
// In both, a segment rated by several reviewers counts the mean of their penalties (a document
// reviewed twice is not penalised twice), and every reviewer also gets a score of their own.
// Penalties are sums over scoring units (segments), so documents, systems and corpora add up
// and resamples (bootstrap, randomisation tests) can be scored from per-unit statistics.
import type { Severity } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { builtInProfile, ruleFor, sliceFor, type MqmProfile, type RuleSubject } from './profiles.js';

export type { MqmProfile } from './profiles.js';

/** MQM Council defaults "0-1-5-25" (Lommel, Gladkoff et al. 2024), per source word. */
export const MQM_CORE: MqmProfile = builtInProfile('mqm-core');
/** WMT / Google MQM: 5/1/0.1/25, ≤ 5 errors per segment, mean over raters and segments. */
export const WMT_GOOGLE: MqmProfile = builtInProfile('wmt-google');

export interface MqmError extends RuleSubject {
  /** Scoring unit (segment) index; 0 when the caller has only one unit. */
  unit?: number;
  /** Who marked it; '' stands for one anonymous reviewer. */
  rater?: string;
}

/** The scoring units (segments) of a document: source words of each, and who rated which. */
export interface MqmUnits {
  words: number[];
  /** Rater → units they rated (also those where they found nothing). A rater who annotated but is not listed here rated every unit. */
  ratings?: Record<string, number[]>;
}

export interface MqmTally {
  count: number;
  penalty: number;
}

export interface MqmRaterScore {
  segments: number;
  words: number;
  errors: number;
  penalty: number;
  perThousand: number;
  score: number;
  pass: boolean;
}

export interface MqmScore {
  profile: string;
  signature: string;
  /** Evaluated word count: source words of the rated segments. */
  words: number;
  /** Annotations counted (every reviewer's). */
  errors: number;
  /** Absolute penalty total: Σ over segments of the mean over raters of Σ weights. */
  penalty: number;
  /** Normed penalty per 1,000 source words. */
  perThousand: number;
  /** per-word: 100 × (1 − penalty / words), may go below 0; per-segment: −penalty / segments. */
  score: number;
  pass: boolean;
  bySeverity: Record<Severity, number>;
  /** Top-level category → annotations and their share of the penalty. */
  byCategory: Record<string, MqmTally>;
  // Fields below were added with profiles; the ones above keep their meaning.
  model: MqmProfile['model'];
  /** The pass threshold on `score`, or null when the profile has none. */
  passThreshold: number | null;
  /** Rated segments (scoring units). */
  segments: number;
  /** Mean penalty per rated segment (the WMT number; lower is better). */
  meanSegmentPenalty: number;
  /** Reviewers whose annotations or ratings were counted. */
  raters: number;
  /** Annotations beyond the per-segment cap, not counted. */
  capped: number;
  /** Profile slice (Accuracy, Fluency, Other …) → annotations and penalty share. */
  bySlice: Record<string, MqmTally>;
  /** Weight rule → annotations it matched and their penalty share. */
  byRule: Record<string, MqmTally>;
  /** Each reviewer's own score over the segments they rated. */
  byRater: Record<string, MqmRaterScore>;
  /** Penalty of each segment (mean over its raters); null where nobody rated it. */
  segmentPenalties: Array<number | null>;
  /** The annotation set scored, when one was named (e.g. "adjudicated"). */
  set?: string;
  /** Bootstrap confidence interval of `score`, when one was computed (statistics.ts). */
  ci?: { low: number; high: number; level: number; mean?: number; resamples?: number; seed?: number };
}

/** Words as MQM counts them: whitespace-separated tokens with at least one letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const tok of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(tok)) n++;
  return n;
}

const weightsText = (p: MqmProfile) => SEVERITIES.map((s) => p.weights[s]).join('/');

/**
 * How a score was made: profile, severity weights, unit, evaluated size, aggregation. The
 * hash of a custom profile's rules is included, since its id alone says nothing.
 */
export function mqmSignature(p: MqmProfile, words: number, extra: { segments?: number; raters?: number; set?: string } = {}): string {
  const parts = [`mqm|profile:${p.id}|weights:${weightsText(p)}`];
  if (p.model === 'per-word') parts.push(`unit:source-words|words:${words}`);
  else parts.push(`unit:segments|segments:${extra.segments ?? 0}`);
  if (p.maxErrorsPerSegment !== undefined) parts.push(`cap:${p.maxErrorsPerSegment}`);
  if ((extra.raters ?? 1) > 1 || p.model === 'per-segment') parts.push(`raters:${extra.raters ?? 1}|agg:segment-mean`);
  if (extra.set) parts.push(`set:${extra.set}`);
  if (p.custom) parts.push(`rules:${p.hash}`);
  parts.push('version:tadqiq-1');
  return parts.join('|');
}

/** Per-unit sufficient statistics: [penalty, words if rated, 1 if rated]. Sums score like the whole. */
export const MQM_STATS = ['penalty', 'words', 'rated'] as const;

/** The score of summed per-unit statistics (a document, a system, a corpus or a resample). */
export function mqmScoreFromStats(profile: MqmProfile, sums: readonly number[]): number {
  const [penalty, words, rated] = sums as [number, number, number];
  if (profile.model === 'per-segment') return rated > 0 ? -penalty / rated : 0;
  return words > 0 ? 100 * (1 - penalty / words) : 100;
}

function passes(profile: MqmProfile, score: number, critical: number): boolean {
  if (profile.criticalFails && critical > 0) return false;
  return profile.passThreshold === undefined || score >= profile.passThreshold;
}

interface Weighed {
  error: MqmError;
  unit: number;
  rater: string;
  weight: number;
  rule: string;
  counted: boolean;
}

function weigh(errors: MqmError[], nUnits: number, profile: MqmProfile): Weighed[] {
  const out: Weighed[] = errors.map((e) => {
    const rule = ruleFor(profile, e.severity, e.category, e.origin);
    const unit = Math.min(Math.max(0, e.unit ?? 0), Math.max(0, nUnits - 1));
    return { error: e, unit, rater: e.rater ?? '', weight: rule.weight, rule: rule.name, counted: true };
  });
  const cap = profile.maxErrorsPerSegment;
  if (cap !== undefined) {
    const groups = new Map<string, Weighed[]>();
    for (const w of out) {
      const key = `${w.unit}\u0000${w.rater}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(w);
    }
    // A rater keeps the most severe errors of a segment; ties keep the earlier annotation.
    for (const g of groups.values()) {
      if (g.length <= cap) continue;
      [...g].sort((a, b) => b.weight - a.weight || out.indexOf(a) - out.indexOf(b)).slice(cap).forEach((w) => (w.counted = false));
    }
  }
  return out;
}

/** Who rated which unit: listed ratings plus every unit for raters who annotated without a list. */
function raterUnits(weighed: Weighed[], units: MqmUnits): Map<string, Set<number>> {
  const all = () => new Set(units.words.map((_, i) => i));
  const out = new Map<string, Set<number>>();
  for (const [r, list] of Object.entries(units.ratings ?? {})) out.set(r, new Set(list.filter((i) => i >= 0 && i < units.words.length)));
  for (const w of weighed) {
    if (!out.has(w.rater)) out.set(w.rater, all());
    out.get(w.rater)!.add(w.unit);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/** Per-unit statistics rows ([penalty, words, rated]) and the weighed annotations behind them. */
export function mqmUnitStats(errors: MqmError[], units: MqmUnits, profile: MqmProfile) {
  const weighed = weigh(errors, units.words.length, profile);
  const raters = raterUnits(weighed, units);
  const n = units.words.length;
  const ratersOf = new Int32Array(n);
  for (const set of raters.values()) for (const u of set) ratersOf[u]!++;
  // With no reviewer at all the document is scored as seen and clean, as before profiles.
  const unrated = raters.size === 0;
  const sums = new Float64Array(n);
  for (const w of weighed) if (w.counted) sums[w.unit]! += w.weight;
  const stats: number[][] = [];
  for (let u = 0; u < n; u++) {
    const k = unrated ? 1 : ratersOf[u]!;
    stats.push(k > 0 ? [sums[u]! / k, units.words[u]!, 1] : [0, 0, 0]);
  }
  return { stats, weighed, raters, ratersOf, unrated };
}

function tally(into: Record<string, MqmTally>, key: string, penalty: number): void {
  const t = (into[key] ??= { count: 0, penalty: 0 });
  t.count++;
  t.penalty += penalty;
}

/** Scores annotations placed on scoring units under a profile. */
export function scoreMqmUnits(errors: MqmError[], units: MqmUnits, profile: MqmProfile = MQM_CORE, options: { set?: string } = {}): MqmScore {
  const { stats, weighed, raters, ratersOf, unrated } = mqmUnitStats(errors, units, profile);
  let penalty = 0;
  let words = 0;
  let segments = 0;
  for (const [p, w, r] of stats as [number, number, number][]) {
    penalty += p;
    words += w;
    segments += r;
  }
  const bySeverity: Record<Severity, number> = { neutral: 0, minor: 0, major: 0, critical: 0 };
  const byCategory: Record<string, MqmTally> = {};
  const bySlice: Record<string, MqmTally> = {};
  const byRule: Record<string, MqmTally> = {};
  let capped = 0;
  for (const w of weighed) {
    bySeverity[w.error.severity]++;
    // An annotation's share of the document penalty: its weight over the raters of its segment.
    const share = w.counted ? w.weight / Math.max(1, ratersOf[w.unit]!) : 0;
    if (!w.counted) capped++;
    tally(byCategory, w.error.category.split('/')[0]!, share);
    tally(byRule, w.rule, share);
    const slice = sliceFor(profile, w.error.category, w.error.origin);
    if (slice) tally(bySlice, slice, share);
  }
  const score = mqmScoreFromStats(profile, [penalty, words, segments]);
  const byRater: Record<string, MqmRaterScore> = {};
  for (const [rater, seen] of raters) {
    let rp = 0;
    let rw = 0;
    let critical = 0;
    let count = 0;
    for (const w of weighed) {
      if (w.rater !== rater) continue;
      count++;
      if (w.counted) rp += w.weight;
      if (w.error.severity === 'critical') critical++;
    }
    for (const u of seen) rw += units.words[u]!;
    const rs = mqmScoreFromStats(profile, [rp, rw, seen.size]);
    byRater[rater || '(anonymous)'] = { segments: seen.size, words: rw, errors: count, penalty: rp, perThousand: rw > 0 ? (rp / rw) * 1000 : 0, score: rs, pass: passes(profile, rs, critical) };
  }
  return {
    profile: profile.id,
    signature: mqmSignature(profile, words, { segments, raters: raters.size, ...(options.set ? { set: options.set } : {}) }),
    words,
    errors: weighed.length,
    penalty,
    perThousand: words > 0 ? (penalty / words) * 1000 : 0,
    score,
    pass: passes(profile, score, bySeverity.critical),
    bySeverity,
    byCategory,
    model: profile.model,
    passThreshold: profile.passThreshold ?? null,
    segments,
    meanSegmentPenalty: segments > 0 ? penalty / segments : 0,
    raters: unrated ? 0 : raters.size,
    capped,
    bySlice,
    byRule,
    byRater,
    segmentPenalties: stats.map(([p, , r]) => (r ? p! : null)),
    ...(options.set ? { set: options.set } : {}),
  };
}

/** Scores errors of one reviewer over a text of `words` source words (one scoring unit). */
export function scoreMqm(errors: Array<Pick<MqmError, 'severity' | 'category' | 'origin'>>, words: number, profile: MqmProfile = MQM_CORE): MqmScore {
  return scoreMqmUnits(errors.map((e) => ({ severity: e.severity, category: e.category, ...(e.origin ? { origin: e.origin } : {}) })), { words: [words] }, profile);
}

/**
 * Totals over several scores made with the same profile (a system over its documents, a
 * corpus): penalties, words and rated segments add up, so a system's score is word-weighted
 * (per-word) or the mean over all its rated segments (per-segment).
 */
export function aggregateMqm(scores: MqmScore[], profile: MqmProfile): MqmScore {
  const sum = (f: (s: MqmScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const words = sum((s) => s.words);
  const penalty = sum((s) => s.penalty);
  const segments = sum((s) => s.segments);
  const merge = (pick: (s: MqmScore) => Record<string, MqmTally>) => {
    const out: Record<string, MqmTally> = {};
    for (const s of scores) for (const [k, v] of Object.entries(pick(s))) {
      const t = (out[k] ??= { count: 0, penalty: 0 });
      t.count += v.count;
      t.penalty += v.penalty;
    }
    return out;
  };
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, sum((x) => x.bySeverity[s])])) as Record<Severity, number>;
  const byRater: Record<string, MqmRaterScore> = {};
  for (const s of scores) for (const [r, v] of Object.entries(s.byRater)) {
    const t = (byRater[r] ??= { segments: 0, words: 0, errors: 0, penalty: 0, perThousand: 0, score: 0, pass: true });
    t.segments += v.segments;
    t.words += v.words;
    t.errors += v.errors;
    t.penalty += v.penalty;
    t.pass &&= v.pass;
  }
  for (const t of Object.values(byRater)) {
    t.perThousand = t.words > 0 ? (t.penalty / t.words) * 1000 : 0;
    t.score = mqmScoreFromStats(profile, [t.penalty, t.words, t.segments]);
    t.pass = t.pass && passes(profile, t.score, 0);
  }
  const raters = new Set(scores.flatMap((s) => Object.keys(s.byRater))).size;
  const score = mqmScoreFromStats(profile, [penalty, words, segments]);
  const sets = [...new Set(scores.map((s) => s.set).filter((x): x is string => !!x))];
  return {
    profile: profile.id,
    signature: mqmSignature(profile, words, { segments, raters, ...(sets.length === 1 ? { set: sets[0]! } : {}) }),
    words,
    errors: sum((s) => s.errors),
    penalty,
    perThousand: words > 0 ? (penalty / words) * 1000 : 0,
    score,
    pass: passes(profile, score, bySeverity.critical),
    bySeverity,
    byCategory: merge((s) => s.byCategory),
    model: profile.model,
    passThreshold: profile.passThreshold ?? null,
    segments,
    meanSegmentPenalty: segments > 0 ? penalty / segments : 0,
    raters,
    capped: sum((s) => s.capped),
    bySlice: merge((s) => s.bySlice),
    byRule: merge((s) => s.byRule),
    byRater,
    segmentPenalties: scores.flatMap((s) => s.segmentPenalties),
    ...(sets.length === 1 ? { set: sets[0]! } : {}),
  };
}
