// NTREX-128 EN–AR as Tadqiq documents: one document per news story (DOCUMENT_IDS.tsv), one
// sentence per line on both sides, and the gold 1-1 alignment the line order gives.
import fs from 'node:fs';
import path from 'node:path';
import type { Bead, SegmentedText } from '../server/core/types.js';
import { segment } from '../server/segment/index.js';

export interface NtrexDocument {
  id: string;
  source: SegmentedText;
  target: SegmentedText;
  alignment: Bead[];
}

export function ntrexDocuments(dir: string): NtrexDocument[] {
  const lines = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/\r?\n$/u, '').split(/\r?\n/u);
  const en = lines('newstest2019-src.eng.txt');
  const ar = lines('newstest2019-ref.arb.txt');
  const ids = lines('DOCUMENT_IDS.tsv').map((l) => l.split('\t')[0]!);
  if (en.length !== ar.length || en.length !== ids.length) throw new Error(`${dir}: the three files differ in length`);
  const docs = new Map<string, number[]>();
  ids.forEach((id, i) => docs.set(id, [...(docs.get(id) ?? []), i]));
  return [...docs].map(([id, rows]) => {
    const source = segment(rows.map((i) => en[i]).join('\n'), 'en', { preSegmented: true, paragraphs: 'line' });
    const target = segment(rows.map((i) => ar[i]).join('\n'), 'ar', { preSegmented: true, paragraphs: 'line' });
    if (source.sentences.length !== target.sentences.length) throw new Error(`${id}: empty lines differ between the sides`);
    return { id, source, target, alignment: source.sentences.map((_, i) => ({ source: [i], target: [i], confidence: 1 })) };
  });
}
