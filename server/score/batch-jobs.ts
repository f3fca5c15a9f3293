// Batch jobs as they travel to workers: a manifest document by reference (the worker reads its
// files, so the main thread never holds a huge corpus), or documents already read.
import { openCorpus, readCorpusDocument, type CorpusHeader } from '../ingest/corpus.js';
import type { BatchJob } from './batch.js';

export type JobRef = BatchJob | { index: number; corpus: string; source: string; manifest: string; docIndex: number };

const headers = new Map<string, CorpusHeader>();

export function resolveJob(ref: JobRef): BatchJob {
  if ('docs' in ref) return ref;
  let h = headers.get(ref.manifest);
  if (!h) headers.set(ref.manifest, (h = openCorpus(ref.manifest)));
  const docs = readCorpusDocument(h, ref.docIndex).map((d) => ({ pair: d.pair, annotations: d.review }));
  return { index: ref.index, corpus: ref.corpus, source: ref.source, docs };
}
