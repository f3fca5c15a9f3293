// Foreign error categories and severities (WMT/Marot, Anthea, ITS 2.0) mapped onto Tadqiq's MQM
// typology. The mapping follows the MQM 2.0 renaming (Fluency → Linguistic conventions) and the
// W3C "Localization quality types mappings"; the original label is kept on the annotation so an
// export can write it back unchanged.
import { InputError, type Severity } from '../core/types.js';
import { isKnownCategory, type Typology } from '../core/typology.js';

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ').replace(/!$/, '');

/** Subtype (or whole-category) names from WMT, Anthea and MQM-Full, to a typology value. */
const SUBTYPES: Record<string, string> = {
  mistranslation: 'Accuracy/Mistranslation',
  'gender mismatch': 'Accuracy/Mistranslation',
  'creative reinterpretation': 'Accuracy',
  reinterpretation: 'Accuracy',
  overtranslation: 'Accuracy/Mistranslation',
  undertranslation: 'Accuracy/Mistranslation',
  omission: 'Accuracy/Omission',
  addition: 'Accuracy/Addition',
  untranslated: 'Accuracy/Untranslated',
  'untranslated text': 'Accuracy/Untranslated',
  'source language fragment': 'Accuracy/Untranslated',
  'do not translate': 'Accuracy/Untranslated',
  grammar: 'Linguistic conventions/Grammar',
  spelling: 'Linguistic conventions/Spelling',
  punctuation: 'Linguistic conventions/Punctuation',
  register: 'Style',
  awkward: 'Style',
  'unnatural or awkward': 'Style',
  'bad sentence structure': 'Style',
  'sentence structure': 'Style',
  'archaic word': 'Style',
  inconsistency: 'Style',
  'character encoding': 'Linguistic conventions',
  display: 'Linguistic conventions',
  'text breaking': 'Linguistic conventions',
};

const DIMENSIONS: Record<string, string> = {
  accuracy: 'Accuracy',
  fluency: 'Linguistic conventions',
  'linguistic conventions': 'Linguistic conventions',
  terminology: 'Terminology',
  style: 'Style',
  'locale convention': 'Locale conventions',
  'locale conventions': 'Locale conventions',
  'audience appropriateness': 'Audience appropriateness',
  design: 'Design and markup',
  'design and markup': 'Design and markup',
  other: 'Other',
  'non translation': 'Non-translation',
  'source issue': 'Other',
  'source error': 'Other',
};

/** ITS 2.0 locQualityIssueType → typology value. */
export const ITS_TO_MQM: Record<string, string> = {
  terminology: 'Terminology',
  mistranslation: 'Accuracy/Mistranslation',
  omission: 'Accuracy/Omission',
  untranslated: 'Accuracy/Untranslated',
  addition: 'Accuracy/Addition',
  duplication: 'Accuracy/Addition',
  inconsistency: 'Style',
  grammar: 'Linguistic conventions/Grammar',
  legal: 'Audience appropriateness',
  register: 'Style',
  'locale-specific-content': 'Locale conventions',
  'locale-violation': 'Locale conventions',
  style: 'Style',
  characters: 'Linguistic conventions',
  misspelling: 'Linguistic conventions/Spelling',
  typographical: 'Linguistic conventions/Punctuation',
  formatting: 'Design and markup',
  'inconsistent-entities': 'Terminology',
  numbers: 'Locale conventions',
  markup: 'Design and markup',
  'pattern-problem': 'Other',
  whitespace: 'Linguistic conventions',
  internationalization: 'Design and markup',
  length: 'Design and markup',
  'non-conformance': 'Other',
  uncategorized: 'Other',
  other: 'Other',
};

/** Typology value → ITS 2.0 locQualityIssueType (the most specific rule wins). */
export function mqmToIts(category: string): string {
  const [dim = '', sub = ''] = category.split('/');
  const bySub: Record<string, string> = {
    Mistranslation: 'mistranslation', Omission: 'omission', Addition: 'addition', Untranslated: 'untranslated',
    Grammar: 'grammar', Spelling: 'misspelling', Punctuation: 'typographical',
  };
  if (bySub[sub]) return bySub[sub]!;
  const byDim: Record<string, string> = {
    Terminology: 'terminology', Accuracy: 'mistranslation', 'Linguistic conventions': 'grammar', Style: 'style',
    'Locale conventions': 'locale-violation', 'Audience appropriateness': 'locale-specific-content',
    'Design and markup': 'markup', 'Non-translation': 'mistranslation', Other: 'other',
  };
  return byDim[dim] ?? 'other';
}

/**
 * Maps a category label from another tool onto the typology: an exact typology value first,
 * then "Dimension/Subtype" through the tables above, then the dimension alone.
 */
export function mapCategory(label: string, typology: Typology): string | undefined {
  if (isKnownCategory(typology, label)) return label;
  const parts = label.split('/').map((p) => p.trim());
  const exact = parts.join('/');
  if (isKnownCategory(typology, exact)) return exact;
  const [dim = '', ...rest] = parts;
  const sub = rest.join('/');
  if (sub) {
    const viaSub = SUBTYPES[norm(sub)];
    if (viaSub && isKnownCategory(typology, viaSub)) return viaSub;
    const d = DIMENSIONS[norm(dim)];
    if (d && isKnownCategory(typology, `${d}/${sub}`)) return `${d}/${sub}`;
  }
  const viaDim = DIMENSIONS[norm(dim)] ?? SUBTYPES[norm(dim)];
  if (viaDim && isKnownCategory(typology, viaDim)) return viaDim;
  return undefined;
}

/** Severity words of other tools; undefined for rows that are not errors (No-error, HOTW tests). */
export function mapSeverity(raw: string): Severity | undefined {
  const s = norm(raw);
  if (s === 'neutral' || s === 'trivial' || s === 'none') return s === 'trivial' ? 'minor' : 'neutral';
  if (s === 'minor') return 'minor';
  if (s === 'major') return 'major';
  if (s === 'critical') return 'critical';
  return undefined;
}

export const NOT_AN_ERROR = new Set(['no error', 'hotw test', 'hotw']);

export function isNotAnError(category: string, severity: string): boolean {
  return NOT_AN_ERROR.has(norm(severity)) || NOT_AN_ERROR.has(norm(category));
}

export function requireCategory(label: string, typology: Typology, where: { file: string; line?: number; field?: string }): string {
  const c = mapCategory(label, typology);
  if (!c) throw new InputError(`unknown error category "${label}" (no match in the ${typology.name} typology)`, { field: 'category', ...where });
  return c;
}

/** ITS severity 0–100 (higher is worse) ↔ MQM severity; the midpoints between 0, 10, 50 and 100 decide. */
export const ITS_SEVERITY: Record<Severity, number> = { neutral: 0, minor: 10, major: 50, critical: 100 };
export function severityFromIts(v: number): Severity {
  if (v <= 0) return 'neutral';
  if (v < 30) return 'minor';
  if (v < 75) return 'major';
  return 'critical';
}
