// What makes an annotation acceptable, whoever sends it (web form, import, API): a real span of
// the original text, a category of the typology, a severity, a comment where the category
// needs one. Returns field-level messages so the door can answer 400 with them.
import type { AnnotationInput, DocumentPair, Side } from '../core/types.js';
import { categoryChoices, isKnownSeverity, type Typology } from '../core/typology.js';

export interface FieldError {
  field: string;
  message: string;
}

export interface AnnotationFields {
  side?: unknown;
  start?: unknown;
  end?: unknown;
  category?: unknown;
  severity?: unknown;
  comment?: unknown;
  correction?: unknown;
}

const MAX_TEXT = 10_000;

/** Validates a full annotation (create) or the merged result of a patch (edit). */
export function validateAnnotation(a: AnnotationFields, doc: DocumentPair, typology: Typology): FieldError[] {
  const errors: FieldError[] = [];
  const side = a.side;
  if (side !== 'source' && side !== 'target') errors.push({ field: 'side', message: 'must be "source" or "target"' });
  const text = side === 'source' ? doc.sourceText : doc.targetText;
  const { start, end } = a;
  if (!Number.isInteger(start) || (start as number) < 0) errors.push({ field: 'start', message: 'must be a whole number ≥ 0' });
  if (!Number.isInteger(end)) errors.push({ field: 'end', message: 'must be a whole number' });
  if (Number.isInteger(start) && Number.isInteger(end) && (side === 'source' || side === 'target')) {
    const s = start as number;
    const e = end as number;
    if (e <= s) errors.push({ field: 'end', message: 'must be greater than start' });
    else if (e > text.length) errors.push({ field: 'end', message: `is past the end of the ${side} text (${text.length})` });
    else if (!/\S/u.test(text.slice(s, e))) errors.push({ field: 'start', message: 'the span holds only whitespace' });
  }
  const choice = categoryChoices(typology).find((c) => c.value === a.category);
  if (typeof a.category !== 'string' || !choice) errors.push({ field: 'category', message: `must be one of the ${typology.name} categories` });
  if (!isKnownSeverity(typology, a.severity)) {
    errors.push({ field: 'severity', message: `must be one of ${typology.severities.map((s) => s.id).join(', ')}` });
  }
  for (const f of ['comment', 'correction'] as const) {
    const v = a[f];
    if (v !== undefined && typeof v !== 'string') errors.push({ field: f, message: 'must be text' });
    else if (typeof v === 'string' && v.length > MAX_TEXT) errors.push({ field: f, message: `is longer than ${MAX_TEXT} characters` });
  }
  if (choice?.needsComment && !(typeof a.comment === 'string' && a.comment.trim())) {
    errors.push({ field: 'comment', message: `is required for "${choice.label}"` });
  }
  return errors;
}

export function spanText(doc: DocumentPair, side: Side, start: number, end: number): string {
  return (side === 'source' ? doc.sourceText : doc.targetText).slice(start, end);
}

export type { AnnotationInput };
