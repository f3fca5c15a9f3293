// Repository interfaces. Callers depend on these, not on SQLite, so another store (PostgreSQL
// for teams that outgrow one machine) can implement them; hence the Promises.
import type { StoredAlignment as SerializedAlignment } from '../align/corrections.js';
import type { Annotation, AnnotationInput, DocumentPair, Side, Severity } from '../core/types.js';

export interface StoredDocument extends DocumentPair {
  createdAt: string;
  updatedAt: string;
}

export interface DocumentSummary {
  id: string;
  corpus: string;
  title: string;
  system: string;
  sourceLang: string;
  targetLang: string;
  annotations: number;
  reviewedBeads: number;
}

export interface DocumentRepository {
  list(): Promise<DocumentSummary[]>;
  get(id: string): Promise<StoredDocument | undefined>;
  /** Inserts a new document; returns false if one with that id exists. */
  insert(doc: DocumentPair): Promise<boolean>;
  /** Replaces metadata, references, glossary and checks; never the texts. */
  updateMetadata(doc: DocumentPair): Promise<void>;
  /** Replaces the texts; refused (throws) if the document has annotations. */
  replaceTexts(doc: DocumentPair): Promise<void>;
}

export interface AnnotationPatch {
  side?: Side;
  start?: number;
  end?: number;
  category?: string;
  severity?: Severity;
  comment?: string;
  correction?: string;
}

export interface StoredAnnotation extends Omit<Annotation, 'sentence'> {
  id: number;
  documentId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The id the reviewer's browser gave it, so retried and queued requests find it. */
  clientId?: string;
  /** The automatic finding this annotation was accepted from. */
  findingId?: string;
}

export type NewAnnotation = AnnotationInput & { text: string; fromCheck?: string; createdAt?: string; clientId?: string; findingId?: string };

/** An annotation is addressed by its number or by the client id it was created with. */
export type AnnotationRef = number | string;

export interface AnnotationRepository {
  list(documentId: string): Promise<StoredAnnotation[]>;
  get(documentId: string, id: AnnotationRef): Promise<StoredAnnotation | undefined>;
  /** A create that repeats a known client id returns the existing annotation (`created: false`). */
  create(documentId: string, a: NewAnnotation): Promise<StoredAnnotation>;
  createOnce(documentId: string, a: NewAnnotation): Promise<{ annotation: StoredAnnotation; created: boolean }>;
  /** The annotation created with this client id, deleted or not. */
  byClientId(documentId: string, clientId: string): Promise<StoredAnnotation | undefined>;
  createMany(documentId: string, list: NewAnnotation[]): Promise<number>;
  update(documentId: string, id: AnnotationRef, patch: AnnotationPatch & { text?: string }): Promise<StoredAnnotation | undefined>;
  /** Soft delete; returns false when there was nothing to delete. */
  remove(documentId: string, id: AnnotationRef): Promise<boolean>;
  /** Undoes a soft delete; returns the annotation, or undefined when it is not deleted. */
  restore(documentId: string, id: AnnotationRef): Promise<StoredAnnotation | undefined>;
}

export type BeadStatus = 'not-started' | 'reviewed' | 'second-opinion';

export interface BeadStatusRepository {
  list(documentId: string): Promise<Map<string, BeadStatus>>;
  set(documentId: string, beadKey: string, status: BeadStatus, author: string): Promise<void>;
}

export interface FindingDecision {
  findingId: string;
  decision: 'dismissed' | 'open';
  author: string;
  decidedAt: string;
}

export interface FindingDecisionRepository {
  list(documentId: string): Promise<Map<string, FindingDecision>>;
  set(documentId: string, findingId: string, decision: FindingDecision['decision'], author: string): Promise<FindingDecision>;
}

export interface PostEdit {
  beadKey: string;
  /** The MT of the bead when the reviewer corrected it. */
  mtText: string;
  text: string;
  author: string;
  updatedAt: string;
  /** How many revisions this bead's post-edit has had. */
  revisions: number;
}

export interface PostEditRepository {
  /** The current (newest, non-empty) post-edit per bead key. */
  list(documentId: string): Promise<Map<string, PostEdit>>;
  /** Appends a revision; an empty text clears the post-edit. Returns the bead's current state. */
  save(documentId: string, beadKey: string, mtText: string, text: string, author: string): Promise<PostEdit | undefined>;
}

export type Verdict = 'undecided' | 'pass' | 'fail';
export const VERDICTS: readonly Verdict[] = ['undecided', 'pass', 'fail'];

export interface DocumentReview {
  notes: string;
  verdict: Verdict;
  author?: string;
  updatedAt?: string;
}

export interface DocumentReviewRepository {
  get(documentId: string): Promise<DocumentReview>;
  set(documentId: string, review: Partial<Pick<DocumentReview, 'notes' | 'verdict'>>, author: string): Promise<DocumentReview>;
}

export interface TimingEvent {
  beadKey: string;
  action: string;
  count: number;
  ms: number;
}

export interface TimingTotal extends TimingEvent {
  reviewer: string;
}

export interface TimingRepository {
  add(documentId: string, reviewer: string, events: TimingEvent[]): Promise<number>;
  /** Sums per bead, reviewer and action, in that order. */
  totals(documentId: string): Promise<TimingTotal[]>;
}

export interface LoggedResponse {
  status: number;
  body: unknown;
}

/** Answers to idempotent requests, so a retried request gets the first answer, not a second effect. */
export interface RequestLogRepository {
  get(key: string): Promise<(LoggedResponse & { method: string; path: string }) | undefined>;
  put(key: string, documentId: string | undefined, method: string, path: string, response: LoggedResponse): Promise<void>;
}

/** One revision of a document's alignment, as the reviewer left it. */
export interface AlignmentRevision {
  /** Increases with every revision of any document; the client sends it back as its base. */
  id: number;
  /** The corrected alignment (serializeAlignment's form), or null: back to the automatic one. */
  alignment: SerializedAlignment | null;
  sourceSha256: string;
  targetSha256: string;
  author: string;
  createdAt: string;
}

export interface AlignmentRepository {
  /** The latest revision (a reset is a revision with `alignment: null`), or undefined when there is none. */
  get(documentId: string): Promise<AlignmentRevision | undefined>;
  /**
   * Saves a new revision. With `base`, only if the latest revision is still that one (0: none),
   * checked and written in one transaction; otherwise nothing is written and it returns undefined.
   */
  save(
    documentId: string,
    alignment: SerializedAlignment | null,
    hashes: { sourceSha256: string; targetSha256: string },
    author: string,
    base?: number,
  ): Promise<AlignmentRevision | undefined>;
}

/** One document of an import: a new document with its annotations, or annotations for a stored one. */
export type ImportItem =
  | { kind: 'new'; doc: DocumentPair; annotations: Array<AnnotationInput & { text: string; createdAt?: string }> }
  | { kind: 'existing'; id: string; annotations: Array<AnnotationInput & { text: string; createdAt?: string }> };

export interface ImportRepository {
  /**
   * Writes every item or none (one transaction): a new document whose id is taken, or an
   * existing one that is missing, aborts the whole import. Returns the annotations written.
   */
  commit(items: ImportItem[]): Promise<{ documents: string[]; annotations: number }>;
}

export interface Store {
  documents: DocumentRepository;
  imports: ImportRepository;
  annotations: AnnotationRepository;
  beadStatus: BeadStatusRepository;
  findingDecisions: FindingDecisionRepository;
  postEdits: PostEditRepository;
  reviews: DocumentReviewRepository;
  timing: TimingRepository;
  requests: RequestLogRepository;
  alignments: AlignmentRepository;
  close(): void;
}
