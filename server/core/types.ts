// The domain types every pipeline stage shares. Plain data only: no classes, no I/O.
import type { Typology } from './typology.js';
//
// Offsets: every `start`/`end` is a UTF-16 code-unit offset into the ORIGINAL text of a side
// (the file as decoded, byte-order mark removed). Normalised copies never leak offsets.

export type Side = 'source' | 'target';

export type Severity = 'neutral' | 'minor' | 'major' | 'critical';
export const SEVERITIES: readonly Severity[] = ['neutral', 'minor', 'major', 'critical'];

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Index in this side's sentence list. */
  index: number;
  /** Index of the paragraph (blank-line separated block, or line in line mode) it sits in. */
  paragraph: number;
  text: string;
}

export interface Paragraph extends Span {
  index: number;
}

/** One side of a document pair, segmented. `text` is the original, never altered. */
export interface SegmentedText {
  lang: string;
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

/** A monotone alignment unit: 1-1, 1-2, 2-1, 1-0, 0-1 … `source`/`target` are sentence indices. */
export interface Bead {
  source: number[];
  target: number[];
  /** How sure the aligner is, in [0, 1]. */
  confidence: number;
  /** True when a reviewer changed this bead by hand. */
  corrected?: boolean;
}

/** An automatic check's proposal. It becomes an Annotation only when a reviewer accepts it. */
export interface Finding extends Span {
  check: string;
  category: string;
  severity: Severity;
  side: Side;
  /** Index into that side's sentence list. */
  sentence: number;
  text: string;
  message: string;
  suggestion?: string;
  /** "document" for a finding about the whole document (wrong language); its span is a pointer. */
  scope?: 'document';
}

/** A reviewer's decision: an error span with an MQM category and severity. */
export interface AnnotationInput extends Span {
  side: Side;
  category: string;
  severity: Severity;
  comment?: string;
  correction?: string;
  author: string;
  /** Provenance of an imported annotation. */
  origin?: AnnotationOrigin;
}

export interface Annotation extends AnnotationInput {
  id: number | string;
  sentence: number;
  text: string;
  /** The check a reviewer accepted this from, if any. */
  fromCheck?: string;
  createdAt?: string;
  updatedAt?: string;
}

export type TermStatus = 'preferred' | 'admitted' | 'deprecated' | 'superseded';

export interface Term {
  lang: string;
  text: string;
  status: TermStatus;
  /** The status as written in the file, kept for round trips. */
  rawStatus?: string;
  gender?: string;
  partOfSpeech?: string;
  note?: string;
}

export interface GlossaryEntry {
  id: string;
  subject?: string;
  definition?: string;
  terms: Term[];
}

export interface Glossary {
  name: string;
  entries: GlossaryEntry[];
}

/** A source text and one machine translation of it, as read from disk or an upload. */
export interface DocumentPair {
  id: string;
  corpus: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  system: string;
  sourceText: string;
  targetText: string;
  /** Reference translations of the whole document (same paragraphing as the source). */
  references: string[];
  glossary?: Glossary;
  /** Per-document check configuration from the manifest. */
  checks?: Record<string, CheckConfig>;
  /** The team's own error typology, when the manifest names one (else MQM core). */
  typology?: Typology;
  /**
   * "lines": the texts are pre-segmented and pre-aligned, one segment a line (imported TMX,
   * XLIFF, TSV, Anthea, Marot); line i of the source goes with line i of the target and lines
   * blank on both sides are paragraph breaks. Absent: paragraphs → sentences → aligner.
   */
  segmentation?: 'lines';
  /** What an import knew about the document that its texts do not say. */
  meta?: DocumentMeta;
}

/** Per-segment facts from an imported file; index = segment (bead) index. */
export interface SegmentMeta {
  /** The segment's id in its file (XLIFF unit/segment id, TMX tuid). */
  id?: string;
  /** A corpus-wide segment id (Marot globalSegId, WMT seg_id). */
  globalId?: string;
  notes?: string[];
  /** The CAT tool's state (XLIFF state, Trados confirmation level, memoQ status). */
  state?: string;
}

export interface DocumentMeta {
  /** The format and file it came from. */
  format?: string;
  file?: string;
  /** The document's name shared by every system's translation of it (Marot/WMT "doc"). */
  sourceDoc?: string;
  segments?: SegmentMeta[];
  /** Rater → indices of the segments they rated (also those where they found no error). */
  ratings?: Record<string, number[]>;
  notes?: string[];
}

/** What the file an annotation was imported from said, where Tadqiq's fields say it differently. */
export interface AnnotationOrigin {
  format: string;
  /** The category and severity as written in the file (before mapping onto the typology). */
  category?: string;
  severity?: string;
  /** The span as it was imported; an export writes `markup` back while the span is unchanged. */
  start?: number;
  end?: number;
  /** The file's own marked-up segment text, when its span could not be kept exactly (empty, missing). */
  markup?: string;
  timestamp?: number | string;
  metadata?: Record<string, unknown>;
}

export interface CheckConfig {
  enabled?: boolean;
  severity?: Severity;
  options?: Record<string, unknown>;
}

/** Where a bad input was found, so a message can name file, line and field. */
export interface InputLocation {
  file?: string;
  line?: number;
  field?: string;
}

/** Bad input is expected, not exceptional: every door turns this into a 400 or exit code 2. */
export class InputError extends Error {
  readonly location: InputLocation;
  constructor(message: string, location: InputLocation = {}) {
    const where = [
      location.file,
      location.line !== undefined ? `line ${location.line}` : undefined,
      location.field !== undefined ? `field "${location.field}"` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    super(where ? `${where}: ${message}` : message);
    this.name = 'InputError';
    this.location = location;
  }
}
