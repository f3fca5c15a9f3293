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
  /** The account that made it; absent for imported annotations and those made before accounts. */
  userId?: number;
  /** 'final': the adjudicated set (see AdjudicationRepository); absent: a reviewer's own mark. */
  layer?: 'final';
  /** Set when it is soft-deleted (only on answers that include deleted annotations). */
  deletedAt?: string;
}

export type NewAnnotation = AnnotationInput & { text: string; fromCheck?: string; createdAt?: string; clientId?: string; findingId?: string; userId?: number };

/** Who makes a change: an account, or (scripts, imports) just a name. */
export interface Actor {
  userId?: number;
  name: string;
}

/** What an edit, delete or restore may check: the version the client saw, and who acts. */
export interface ChangeOptions {
  expectedVersion?: number;
  actor?: Actor;
}

/** An annotation is addressed by its number or by the client id it was created with. */
export type AnnotationRef = number | string;

/**
 * Reviewers' marks (the 'review' layer). Edits, deletes and restores throw VersionConflict
 * (store/conflict.ts) when `expectedVersion` is given and the stored version differs, and record
 * an audit event in the same transaction as the change.
 */
export interface AnnotationRepository {
  list(documentId: string): Promise<StoredAnnotation[]>;
  /** The adjudicated set (layer 'final'). */
  listFinal(documentId: string): Promise<StoredAnnotation[]>;
  /** Soft-deleted reviewer marks, most recently deleted first (the history view restores them). */
  listDeleted(documentId: string): Promise<StoredAnnotation[]>;
  /** A mark by number, deleted or not (for history and conflicts). */
  getAny(documentId: string, id: AnnotationRef): Promise<StoredAnnotation | undefined>;
  get(documentId: string, id: AnnotationRef): Promise<StoredAnnotation | undefined>;
  /** A create that repeats a known client id returns the existing annotation (`created: false`). */
  create(documentId: string, a: NewAnnotation): Promise<StoredAnnotation>;
  createOnce(documentId: string, a: NewAnnotation): Promise<{ annotation: StoredAnnotation; created: boolean }>;
  /** The annotation created with this client id, deleted or not. */
  byClientId(documentId: string, clientId: string): Promise<StoredAnnotation | undefined>;
  createMany(documentId: string, list: NewAnnotation[]): Promise<number>;
  update(documentId: string, id: AnnotationRef, patch: AnnotationPatch & { text?: string }, opts?: ChangeOptions): Promise<StoredAnnotation | undefined>;
  /** Soft delete; returns false when there was nothing to delete. */
  remove(documentId: string, id: AnnotationRef, opts?: ChangeOptions): Promise<boolean>;
  /** Undoes a soft delete; returns the annotation, or undefined when it is not deleted. */
  restore(documentId: string, id: AnnotationRef, opts?: ChangeOptions): Promise<StoredAnnotation | undefined>;
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
  /** Records the decision, and an audit event (dismiss or reopen) in the same transaction. */
  set(documentId: string, findingId: string, decision: FindingDecision['decision'], author: string, actor?: Actor): Promise<FindingDecision>;
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

export type Role = 'admin' | 'reviewer' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'reviewer', 'viewer'];

export interface User {
  id: number;
  username: string;
  role: Role;
  /** False for the loopback demo account, which nobody can sign in as. */
  hasPassword: boolean;
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface UserRepository {
  list(): Promise<User[]>;
  get(id: number): Promise<User | undefined>;
  /** Case-insensitive for ASCII letters, after NFC normalisation. */
  byName(username: string): Promise<User | undefined>;
  /** The stored scrypt hash, for sign-in only. */
  passwordHash(id: number): Promise<string | undefined>;
  /** Throws InputError (field username) when the name is taken. */
  create(u: { username: string; role: Role; passwordHash: string | null; mustChangePassword?: boolean }): Promise<User>;
  update(id: number, patch: { role?: Role; passwordHash?: string; mustChangePassword?: boolean; disabled?: boolean }): Promise<User | undefined>;
  /** Accounts that can sign in (have a password and are not disabled). */
  countSignIn(): Promise<number>;
}

export interface Session {
  idHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface SessionRepository {
  create(s: Session): Promise<void>;
  get(idHash: string): Promise<{ session: Session; user: User } | undefined>;
  touch(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  remove(idHash: string): Promise<void>;
  /** Signs a user out everywhere (password change, disabling), except the session given. */
  removeForUser(userId: number, except?: string): Promise<number>;
  purgeExpired(now: string): Promise<number>;
}

export interface Assignment {
  documentId: string;
  userId: number;
  username: string;
  assignedBy: string;
  assignedAt: string;
}

export interface AssignmentRepository {
  forDocument(documentId: string): Promise<Assignment[]>;
  forUser(userId: number): Promise<Assignment[]>;
  isAssigned(documentId: string, userId: number): Promise<boolean>;
  /** Replaces the user's assignments with these documents; returns how many changed. */
  setForUser(userId: number, documentIds: string[], by: string): Promise<{ added: number; removed: number }>;
  assign(documentId: string, userId: number, by: string): Promise<boolean>;
  unassign(documentId: string, userId: number): Promise<boolean>;
}

export type AuditEntity = 'annotation' | 'finding' | 'adjudication';

export interface AuditEvent {
  id: number;
  documentId: string;
  entity: AuditEntity;
  entityId: string;
  /** create, accept (a suggestion), edit, delete, restore; dismiss, reopen; accepted, edited, rejected. */
  action: string;
  userId?: number;
  actor: string;
  at: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRepository {
  /** Newest first. */
  list(documentId: string, opts?: { entity?: AuditEntity; entityId?: string; limit?: number; beforeId?: number }): Promise<AuditEvent[]>;
  count(documentId: string): Promise<number>;
}

export type AdjudicationDecision = 'accepted' | 'edited' | 'rejected';

export interface Adjudication {
  markId: number;
  markVersion: number;
  decision: AdjudicationDecision;
  finalId?: number;
  note: string;
  userId?: number;
  decidedBy: string;
  decidedAt: string;
  version: number;
}

/** What an edited mark becomes in the final set (a correction of the reviewer's mark). */
export type FinalFields = Pick<StoredAnnotation, 'side' | 'start' | 'end' | 'text' | 'category' | 'severity' | 'comment' | 'correction'>;

export interface AdjudicationRepository {
  list(documentId: string): Promise<Map<number, Adjudication>>;
  /**
   * Records a decision on one reviewer mark and brings the final set in line, in one
   * transaction: accepted → a copy of the mark, edited → `final`, rejected → nothing. Throws
   * VersionConflict when `expectedVersion` (of an earlier decision; 0 = none yet) is stale.
   */
  decide(
    documentId: string,
    mark: StoredAnnotation,
    decision: AdjudicationDecision,
    final: FinalFields | undefined,
    note: string,
    actor: Actor,
    expectedVersion?: number,
  ): Promise<{ adjudication: Adjudication; final?: StoredAnnotation }>;
}

export interface Store {
  users: UserRepository;
  sessions: SessionRepository;
  assignments: AssignmentRepository;
  audit: AuditRepository;
  adjudications: AdjudicationRepository;
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
  /**
   * Resolves once every change committed so far is on stable storage. Changes are committed at
   * once but flushed in groups (one fsync for all the requests that arrived meanwhile); answer
   * a change only after this resolves.
   */
  durable(): Promise<void>;
  /**
   * A token that differs after any change to the stored data, made by this process or another,
   * so what is derived from it (a document's view) can be kept until the next change.
   */
  changeStamp(): Promise<string>;
  /** A consistent copy of the whole database, taken while it is in use. */
  backup(file: string): Promise<void>;
  close(): void;
}
