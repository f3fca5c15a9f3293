// The contract every automatic check follows: one module, one id, one MQM category, a default
// severity, the languages it applies to. A check is prepared once per document (compile
// patterns, scan the whole text) and then asked about each aligned bead.
import type { Bead, Finding, Glossary, SegmentedText, Sentence, Severity, Side } from '../core/types.js';

export interface CheckDocument {
  source: SegmentedText;
  target: SegmentedText;
  alignment: Bead[];
  glossary?: Glossary;
}

/** One aligned bead with its sentences, as a check sees it. */
export interface BeadView {
  index: number;
  bead: Bead;
  source: Sentence[];
  target: Sentence[];
}

/** What a check returns; the engine fills in check id, category and severity when absent. */
export type FindingDraft = Omit<Finding, 'check' | 'category' | 'severity' | 'text'> & {
  category?: string;
  severity?: Severity;
};

export interface Check {
  id: string;
  /** MQM category the check proposes, e.g. "Terminology" or "Accuracy/Omission". */
  category: string;
  severity: Severity;
  /** Primary language subtags it applies to; absent means any. */
  languages?: { source?: string[]; target?: string[] };
  description: string;
  prepare(doc: CheckDocument, options: Record<string, unknown>): (bead: BeadView) => FindingDraft[];
}

export function primaryLang(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

export function sideText(doc: CheckDocument, side: Side): SegmentedText {
  return side === 'source' ? doc.source : doc.target;
}
