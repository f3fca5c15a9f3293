// Brings corpora from disk into the store without ever losing reviewer work: new documents are
// inserted with their bundled review; known ones get fresh metadata; changed texts replace the
// stored ones only while nobody has annotated them.
import type { Corpus } from '../ingest/corpus.js';
import { sha256 } from './documents.js';
import type { Store } from './types.js';

export interface ImportReport {
  inserted: string[];
  updated: string[];
  /** Documents whose files changed on disk but whose stored texts were kept (annotated). */
  kept: Array<{ id: string; reason: string }>;
}

export async function importCorpora(store: Store, corpora: Corpus[]): Promise<ImportReport> {
  const report: ImportReport = { inserted: [], updated: [], kept: [] };
  for (const corpus of corpora) {
    for (const { pair, review } of corpus.documents) {
      const existing = await store.documents.get(pair.id);
      if (!existing) {
        await store.documents.insert(pair);
        if (review.length) {
          await store.annotations.createMany(
            pair.id,
            review.map((a) => ({ ...a, text: (a.side === 'source' ? pair.sourceText : pair.targetText).slice(a.start, a.end) })),
          );
        }
        report.inserted.push(pair.id);
        continue;
      }
      await store.documents.updateMetadata(pair);
      const same = sha256(existing.sourceText) === sha256(pair.sourceText) && sha256(existing.targetText) === sha256(pair.targetText);
      if (same) {
        report.updated.push(pair.id);
      } else if ((await store.annotations.list(pair.id)).length === 0) {
        await store.documents.replaceTexts(pair);
        report.updated.push(pair.id);
      } else {
        report.kept.push({ id: pair.id, reason: 'the files changed on disk but the stored texts have annotations; the stored texts were kept' });
      }
    }
  }
  return report;
}
