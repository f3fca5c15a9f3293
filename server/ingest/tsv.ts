// Segment pairs in a spreadsheet: TSV or CSV, one segment per row. With a header row the
// columns are found by name (source, target, reference…, doc, system, id, note); without one,
// column 1 is the source, column 2 the target and further columns are references. Rows with
// doc/system columns make one document per (doc, system); an empty row is a paragraph break.
import { parse } from 'csv-parse/sync';
import { InputError } from '../core/types.js';
import type { ImportResult, ImportSegment, ImportedDocument } from './segmented.js';

export interface TsvOptions {
  sourceLang?: string;
  targetLang?: string;
  system?: string;
  delimiter?: '\t' | ',' | ';';
}

const NAMES: Record<string, string> = {
  source: 'source', src: 'source', 'source text': 'source', original: 'source',
  target: 'target', tgt: 'target', mt: 'target', translation: 'target', hypothesis: 'target', 'target text': 'target',
  doc: 'doc', document: 'doc', system: 'system', sys: 'system', id: 'id', 'segment id': 'id', segment: 'id', note: 'note', notes: 'note', comment: 'note',
};

function columnOf(header: string): string | undefined {
  const h = header.trim().toLowerCase();
  if (NAMES[h]) return NAMES[h];
  if (/^(reference|ref)(\s*\d+)?$/.test(h)) return 'reference';
  return undefined;
}

export function sniffDelimiter(text: string, file: string): '\t' | ',' | ';' {
  if (/\.tsv$|\.tab$|\.txt$/i.test(file)) return '\t';
  if (/\.csv$/i.test(file)) {
    const first = text.split('\n', 1)[0] ?? '';
    return (first.match(/;/g) ?? []).length > (first.match(/,/g) ?? []).length ? ';' : ',';
  }
  const first = text.split('\n', 1)[0] ?? '';
  return first.includes('\t') ? '\t' : ',';
}

export function parseTsv(text: string, file: string, opts: TsvOptions = {}): ImportResult {
  const delimiter = opts.delimiter ?? sniffDelimiter(text, file);
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter,
      // TSV from CAT tools and WMT is not quoted: a quote mark is just a character.
      quote: delimiter === '\t' ? false : '"',
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new InputError(`not valid ${delimiter === '\t' ? 'TSV' : 'CSV'}: ${err.message}`, { file, ...(err.lines ? { line: err.lines } : {}) });
  }
  if (rows.length === 0) throw new InputError('the file is empty', { file });
  const head = rows[0]!.map(columnOf);
  const hasHeader = head.includes('source') && head.includes('target');
  const col = (name: string) => (hasHeader ? head.indexOf(name) : name === 'source' ? 0 : name === 'target' ? 1 : -1);
  const refCols = hasHeader ? head.flatMap((h, i) => (h === 'reference' ? [i] : [])) : rows[0]!.slice(2).map((_, i) => i + 2);
  const [cs, ct, cd, csys, cid, cnote] = ['source', 'target', 'doc', 'system', 'id', 'note'].map(col) as [number, number, number, number, number, number];
  const docs = new Map<string, ImportedDocument>();
  let paragraphBreak = true;
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  rows.forEach((row, i) => {
    const line = i + 1;
    if (hasHeader && i === 0) return;
    if (row.every((c) => !c.trim())) {
      paragraphBreak = true;
      return;
    }
    if (!hasHeader && row.length < 2) {
      throw new InputError(`expected at least 2 ${delimiter === '\t' ? 'tab' : 'comma'}-separated columns (source, target), found ${row.length}`, { file, line });
    }
    const cell = (c: number) => (c >= 0 ? (row[c] ?? '') : '');
    const doc = cell(cd).trim() || base;
    const system = cell(csys).trim() || opts.system || 'mt';
    const key = `${doc}\u0000${system}`;
    let d = docs.get(key);
    if (!d) {
      d = { doc, system, title: doc, sourceLang: opts.sourceLang ?? 'en', targetLang: opts.targetLang ?? 'ar', segments: [], annotations: [] };
      docs.set(key, d);
    }
    const id = cell(cid).trim();
    const note = cell(cnote).trim();
    const seg: ImportSegment = {
      source: cell(cs),
      target: cell(ct),
      ...(refCols.length ? { references: refCols.map((c) => row[c] ?? '') } : {}),
      paragraphStart: paragraphBreak,
      ...(id || note ? { meta: { ...(id ? { id } : {}), ...(note ? { notes: [note] } : {}) } } : {}),
    };
    d.segments.push(seg);
    paragraphBreak = false;
  });
  if (docs.size === 0) throw new InputError('no segment rows', { file });
  return { format: delimiter === '\t' ? 'tsv' : 'csv', file, documents: [...docs.values()] };
}
