// Helpers for format tests: fixture bytes, a fresh in-memory store, and Windows-1256 encoding
// (Node decodes it but cannot encode it, so the table is built from the decoder).
import fs from 'node:fs';
import path from 'node:path';
import { loadDefaultTypology } from '../../server/core/typology.js';
import type { ImportFile } from '../../server/ingest/import.js';
import { openStore } from '../../server/store/index.js';
import type { Store } from '../../server/store/types.js';
import { ROOT } from './paths.js';

export const FORMATS = path.join(ROOT, 'test/fixtures/formats');
export const typology = loadDefaultTypology();
export const fixture = (name: string): ImportFile => ({ name, bytes: fs.readFileSync(path.join(FORMATS, name)) });
export const memoryStore = (): Store => openStore(':memory:', () => '2026-01-01T00:00:00.000Z');

let table: Map<string, number> | undefined;
export function encodeWindows1256(s: string): Buffer {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('windows-1256');
    for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  }
  return Buffer.from([...s].map((ch) => {
    const b = table!.get(ch);
    if (b === undefined) throw new Error(`"${ch}" has no Windows-1256 byte`);
    return b;
  }));
}

export async function counts(store: Store): Promise<{ documents: number; annotations: number }> {
  const docs = await store.documents.list();
  return { documents: docs.length, annotations: docs.reduce((n, d) => n + d.annotations, 0) };
}
