// Corpora of planted errors (corpora/checks-dev, corpora/checks-heldout): the corpus and its
// expected.jsonl, and the check that every listed error is really in the texts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readCorpus } from '../../server/ingest/corpus.js';

export interface Planted {
  document: string;
  check: string;
  side: string;
  text: string;
  context?: string;
}

export function readPlanted(dir: string) {
  const corpus = readCorpus(dir);
  const expected = fs
    .readFileSync(path.join(dir, 'expected.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => JSON.parse(l) as Planted);
  return { corpus, expected };
}

/** Every listed error names a document of the corpus and text (in its context) that it holds. */
export function assertListedErrorsExist({ corpus, expected }: ReturnType<typeof readPlanted>): void {
  for (const e of expected) {
    const d = corpus.documents.find((x) => x.pair.id === e.document);
    assert.ok(d, e.document);
    const text = e.side === 'source' ? d.pair.sourceText : d.pair.targetText;
    assert.ok(text.includes(e.context ?? e.text) && (e.context ?? e.text).includes(e.text), `${e.document}: «${e.text}»`);
  }
}
