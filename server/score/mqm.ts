// MQM scoring: an error-type-weighted penalty per evaluated source word, as the MQM Council's
// scoring model defines it (APT / EWC), reported per 1,000 words and as a quality score
// 100 × (1 − APT / EWC). Every result carries a signature saying how it was made.
import type { Severity } from '../core/types.js';

export interface MqmProfile {
  id: string;
  name: string;
  weights: Record<Severity, number>;
  /** Pass when the quality score is at least this. */
  passThreshold?: number;
  /** Any critical error fails the document whatever the score. */
  criticalFails?: boolean;
}

/** MQM Council defaults "0-1-5-25" (Lommel, Gladkoff et al. 2024). */
export const MQM_CORE: MqmProfile = {
  id: 'mqm-core',
  name: 'MQM Core (neutral 0, minor 1, major 5, critical 25 per source word)',
  weights: { neutral: 0, minor: 1, major: 5, critical: 25 },
  passThreshold: 90,
  criticalFails: true,
};

export interface MqmError {
  severity: Severity;
  category: string;
}

export interface MqmScore {
  profile: string;
  signature: string;
  /** Evaluated word count (source words). */
  words: number;
  errors: number;
  /** Absolute penalty total: Σ weight(severity). */
  penalty: number;
  /** Normed penalty per 1,000 source words. */
  perThousand: number;
  /** 100 × (1 − penalty / words); may go below 0 for very bad text. */
  score: number;
  pass: boolean;
  bySeverity: Record<Severity, number>;
  byCategory: Record<string, { count: number; penalty: number }>;
}

/** Words as MQM counts them: whitespace-separated tokens with at least one letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const tok of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(tok)) n++;
  return n;
}

export function mqmSignature(p: MqmProfile, words: number): string {
  const w = p.weights;
  return `mqm|profile:${p.id}|weights:${w.neutral}/${w.minor}/${w.major}/${w.critical}|unit:source-words|words:${words}|version:tadqiq-1`;
}

export function scoreMqm(errors: MqmError[], words: number, profile: MqmProfile = MQM_CORE): MqmScore {
  const bySeverity: Record<Severity, number> = { neutral: 0, minor: 0, major: 0, critical: 0 };
  const byCategory: MqmScore['byCategory'] = {};
  let penalty = 0;
  for (const e of errors) {
    const w = profile.weights[e.severity];
    penalty += w;
    bySeverity[e.severity]++;
    const top = e.category.split('/')[0]!;
    const slot = (byCategory[top] ??= { count: 0, penalty: 0 });
    slot.count++;
    slot.penalty += w;
  }
  const perThousand = words > 0 ? (penalty / words) * 1000 : 0;
  const score = words > 0 ? 100 * (1 - penalty / words) : 100;
  const failsCritical = profile.criticalFails === true && bySeverity.critical > 0;
  const pass = !failsCritical && (profile.passThreshold === undefined || score >= profile.passThreshold);
  return { profile: profile.id, signature: mqmSignature(profile, words), words, errors: errors.length, penalty, perThousand, score, pass, bySeverity, byCategory };
}
