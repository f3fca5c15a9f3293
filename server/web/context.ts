// What every route needs: the store, the typology, and a cache of processed documents (the
// pipeline is pure, so a document is segmented, aligned and checked once per text version and
// alignment).
import type { Bead } from '../core/types.js';
import { typologyOf, type Typology } from '../core/typology.js';
import { processDocument, type ProcessedDocument } from '../pipeline.js';
import { buildDocumentView, type DocumentView } from '../report/document-view.js';
import { sha256 } from '../store/documents.js';
import type { StoredDocument, Store } from '../store/types.js';

export interface AppContext {
  store: Store;
  /** The default typology (MQM core); documents may bring their own (see typologyFor). */
  typology: Typology;
  typologyFor(doc: StoredDocument): Typology;
  /** The reviewer-corrected alignment in force for this document, if any. */
  alignmentFor(doc: StoredDocument): Promise<Bead[] | undefined>;
  process(doc: StoredDocument, alignment?: Bead[]): ProcessedDocument;
  view(doc: StoredDocument): Promise<DocumentView>;
}

export function createContext(store: Store, typology: Typology, cacheSize = 32): AppContext {
  const cache = new Map<string, ProcessedDocument>();
  // Texts, glossary and checks only change with updatedAt, so the key needs no hash of the texts
  // (hashing a long document on every request cost more than the rest of an answer).
  const process = (doc: StoredDocument, alignment?: Bead[]): ProcessedDocument => {
    const key = `${doc.id}\u0000${doc.updatedAt}\u0000${doc.sourceText.length}\u0000${doc.targetText.length}\u0000${alignment ? JSON.stringify(alignment) : ''}`;
    let p = cache.get(key);
    if (p) {
      // Most recently used last, so the oldest entry is the one evicted.
      cache.delete(key);
      cache.set(key, p);
    } else {
      p = processDocument(doc, alignment ? { alignment } : {});
      cache.set(key, p);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    }
    return p;
  };
  const hashes = new Map<string, { at: string; source: string; target: string }>();
  /** The texts' hashes, computed once per text version. */
  const hashesOf = (doc: StoredDocument) => {
    let h = hashes.get(doc.id);
    if (!h || h.at !== doc.updatedAt) {
      h = { at: doc.updatedAt, source: sha256(doc.sourceText), target: sha256(doc.targetText) };
      hashes.set(doc.id, h);
    }
    return h;
  };
  const alignmentFor = async (doc: StoredDocument): Promise<Bead[] | undefined> => {
    const a = await store.alignments.get(doc.id);
    if (!a) return undefined;
    // A correction made for other texts (the files changed before anyone annotated) no longer applies.
    const h = hashesOf(doc);
    return a.sourceSha256 === h.source && a.targetSha256 === h.target ? a.beads : undefined;
  };
  return {
    store,
    typology,
    typologyFor: (doc) => (doc.typology ? typologyOf(doc) : typology),
    alignmentFor,
    process,
    async view(doc) {
      const [annotations, statuses, decisions, postEdits, review, alignment] = await Promise.all([
        store.annotations.list(doc.id),
        store.beadStatus.list(doc.id),
        store.findingDecisions.list(doc.id),
        store.postEdits.list(doc.id),
        store.reviews.get(doc.id),
        alignmentFor(doc),
      ]);
      return buildDocumentView(process(doc, alignment), annotations, statuses, { decisions, postEdits, review });
    },
  };
}
