// Evaluation data read from a path (never copied into the repository): the NTREX-128 EN–AR news
// set split into its 123 documents, and the Text+Berg DE–FR development document with its gold.
import fs from 'node:fs';
import path from 'node:path';
import type { SegmentedText } from '../../server/core/types.js';
import { type GoldBead, parseBeads } from './beads.js';
import type { ParallelDoc } from './gold.js';

const lines = (file: string) => fs.readFileSync(file, 'utf8').replace(/^\uFEFF/u, '').split(/\r?\n/u);

export function readNtrex(dir: string): ParallelDoc[] {
  const en = lines(path.join(dir, 'newstest2019-src.eng.txt'));
  const ar = lines(path.join(dir, 'newstest2019-ref.arb.txt'));
  const ids = lines(path.join(dir, 'DOCUMENT_IDS.tsv'));
  const docs: ParallelDoc[] = [];
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!.trim();
    if (!id) continue;
    let doc = docs[docs.length - 1];
    if (!doc || doc.id !== id) docs.push((doc = { id, source: [], target: [] }));
    doc.source.push(en[k]!.trim());
    doc.target.push(ar[k]!.trim());
  }
  return docs;
}

export interface GoldFile {
  id: string;
  source: string[];
  target: string[];
  gold: GoldBead[];
}

export function readTextBergDev(dir: string): GoldFile {
  const de = lines(path.join(dir, 'dev.de'));
  const fr = lines(path.join(dir, 'dev.fr'));
  const trim = (a: string[]) => (a[a.length - 1] === '' ? a.slice(0, -1) : a);
  const file = path.join(dir, 'dev.defr');
  return { id: 'textberg-dev', source: trim(de), target: trim(fr), gold: parseBeads(fs.readFileSync(file, 'utf8'), file) };
}

/**
 * A side given as one sentence per line, as a SegmentedText: one paragraph, or the paragraph of
 * each sentence from `paragraphOf` (non-decreasing, dense from 0).
 */
export function fromLines(sentences: string[], lang: string, paragraphOf?: number[]): SegmentedText {
  let at = 0;
  const out: SegmentedText = { lang, text: sentences.join('\n'), paragraphs: [], sentences: [] };
  sentences.forEach((s, index) => {
    const paragraph = paragraphOf?.[index] ?? 0;
    if (paragraph !== out.paragraphs.length - 1) out.paragraphs.push({ index: paragraph, start: at, end: at });
    out.sentences.push({ index, paragraph, start: at, end: at + s.length, text: s });
    out.paragraphs[paragraph]!.end = at + s.length;
    at += s.length + 1;
  });
  if (out.paragraphs.length === 0) out.paragraphs.push({ index: 0, start: 0, end: 0 });
  return out;
}
