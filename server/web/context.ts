// What every route needs: the store, the typology, and a cache of processed documents (the
// pipeline is pure, so a document is segmented, aligned and checked once per text version).
import type { Typology } from '../core/typology.js';
import { processDocument, type ProcessedDocument } from '../pipeline.js';
import { buildDocumentView, type DocumentView } from '../report/document-view.js';
import { sha256 } from '../store/documents.js';
import type { StoredDocument, Store } from '../store/types.js';

export interface AppContext {
  store: Store;
  typology: Typology;
  process(doc: StoredDocument): ProcessedDocument;
  view(doc: StoredDocument): Promise<DocumentView>;
}

export function createContext(store: Store, typology: Typology, cacheSize = 32): AppContext {
  const cache = new Map<string, ProcessedDocument>();
  const process = (doc: StoredDocument): ProcessedDocument => {
    const key = sha256(`${doc.id}\u0000${doc.sourceText}\u0000${doc.targetText}\u0000${doc.updatedAt}`);
    let p = cache.get(key);
    if (!p) {
      p = processDocument(doc);
      cache.set(key, p);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    }
    return p;
  };
  return {
    store,
    typology,
    process,
    async view(doc) {
      const [annotations, statuses] = await Promise.all([store.annotations.list(doc.id), store.beadStatus.list(doc.id)]);
      return buildDocumentView(process(doc), annotations, statuses);
    },
  };
}
