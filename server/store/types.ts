// Repository interfaces. Callers depend on these, not on SQLite, so another store (PostgreSQL
// for teams that outgrow one machine) can implement them; hence the Promises.
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
}

export interface AnnotationRepository {
  list(documentId: string): Promise<StoredAnnotation[]>;
  get(documentId: string, id: number): Promise<StoredAnnotation | undefined>;
  create(documentId: string, a: AnnotationInput & { text: string; fromCheck?: string; createdAt?: string }): Promise<StoredAnnotation>;
  createMany(documentId: string, list: Array<AnnotationInput & { text: string; fromCheck?: string; createdAt?: string }>): Promise<number>;
  update(documentId: string, id: number, patch: AnnotationPatch & { text?: string }): Promise<StoredAnnotation | undefined>;
  /** Soft delete; returns false when there was nothing to delete. */
  remove(documentId: string, id: number): Promise<boolean>;
}

export type BeadStatus = 'not-started' | 'reviewed' | 'second-opinion';

export interface BeadStatusRepository {
  list(documentId: string): Promise<Map<string, BeadStatus>>;
  set(documentId: string, beadKey: string, status: BeadStatus, author: string): Promise<void>;
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
  close(): void;
}
