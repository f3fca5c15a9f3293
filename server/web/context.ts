// What every route needs: the store, the typology, and a cache of processed documents (the
// pipeline is pure, so a document is segmented, aligned and checked once per text version and
// alignment revision).
import { typologyOf, type Typology } from '../core/typology.js';
import { processDocument, type ProcessedDocument } from '../pipeline.js';
import { buildDocumentView, type DocumentView } from '../report/document-view.js';
import type { AlignmentRevision, StoredDocument, Store } from '../store/types.js';
import { notFound } from './middleware/errors.js';

export interface AppContext {
  store: Store;
  /** The default typology (MQM core); documents may bring their own (see typologyFor). */
  typology: Typology;
  typologyFor(doc: StoredDocument): Typology;
  /** The latest alignment revision of this document (a reviewer's correction or a reset), if any. */
  alignmentFor(doc: StoredDocument): Promise<AlignmentRevision | undefined>;
  /** The pipeline over the document with that alignment revision in force (none: the automatic one). */
  process(doc: StoredDocument, alignment?: AlignmentRevision): ProcessedDocument;
  view(doc: StoredDocument): Promise<DocumentView>;
  /** The stored document with this id; a 404 for the client when there is none. */
  document(id: string): Promise<StoredDocument>;
}

export function createContext(store: Store, typology: Typology, cacheSize = 32): AppContext {
  const cache = new Map<string, ProcessedDocument>();
  // Texts, glossary and checks only change with updatedAt, and a stored alignment only with its
  // revision id, so the key needs no hash of either (hashing a long document on every request
  // cost more than the rest of an answer).
  const process = (doc: StoredDocument, alignment?: AlignmentRevision): ProcessedDocument => {
    const revision = alignment?.alignment ? alignment.id : 0;
    const key = `${doc.id}\u0000${doc.updatedAt}\u0000${doc.sourceText.length}\u0000${doc.targetText.length}\u0000${revision}`;
    let p = cache.get(key);
    if (p) {
      // Most recently used last, so the oldest entry is the one evicted.
      cache.delete(key);
      cache.set(key, p);
    } else {
      // A correction made for other texts is rebased onto these (restoreAlignment).
      p = processDocument(doc, alignment?.alignment ? { stored: alignment.alignment } : {});
      cache.set(key, p);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    }
    return p;
  };
  const alignmentFor = (doc: StoredDocument) => store.alignments.get(doc.id);
  const views = new Map<string, { stamp: string; updatedAt: string; view: DocumentView }>();
  return {
    store,
    async document(id) {
      const doc = await store.documents.get(id);
      if (!doc) throw notFound(`document "${id}"`);
      return doc;
    },
    typology,
    typologyFor: (doc) => (doc.typology ? typologyOf(doc) : typology),
    alignmentFor,
    process,
    async view(doc) {
      // A page load, an export and a summary all build the same view; it is kept until anything
      // in the store changes (a change anywhere is cheap to detect, a change to this document is not).
      const stamp = await store.changeStamp();
      const kept = views.get(doc.id);
      if (kept && kept.stamp === stamp && kept.updatedAt === doc.updatedAt) return kept.view;
      const [annotations, statuses, decisions, postEdits, review, alignment] = await Promise.all([
        store.annotations.list(doc.id),
        store.beadStatus.list(doc.id),
        store.findingDecisions.list(doc.id),
        store.postEdits.list(doc.id),
        store.reviews.get(doc.id),
        alignmentFor(doc),
      ]);
      const view = buildDocumentView(process(doc, alignment), annotations, statuses, { decisions, postEdits, review });
      views.delete(doc.id);
      views.set(doc.id, { stamp, updatedAt: doc.updatedAt, view });
      if (views.size > cacheSize) views.delete(views.keys().next().value!);
      return view;
    },
  };
}
