// One import, whatever the door (upload form, JSON API, `npm run import`): decode the bytes,
// read the format, turn it into documents and annotations, check everything, then write it all
// in one transaction or nothing. A file that annotates a document already in the database (a
// Marot TSV or Anthea results exported from Tadqiq) adds its annotations to that document,
// after checking that its segments are exactly that document's segments.
import path from 'node:path';
import type { AnnotationInput, DocumentPair } from '../core/types.js';
import { InputError } from '../core/types.js';
import type { Typology } from '../core/typology.js';
import { processDocument } from '../pipeline.js';
import { annotationsBySegment, exportSegments, flat } from '../report/segments.js';
import { buildDocumentView } from '../report/document-view.js';
import { validateAnnotation } from '../review/validate.js';
import type { ImportItem, Store } from '../store/types.js';
import { parseAntheaProject, parseAntheaResults } from './anthea.js';
import { decodeBytes, normaliseLineEnds, type Encoding } from './encodings.js';
import { parseMarot } from './marot.js';
import { buildDocument, ID_RE, safeId, type ImportResult, type ImportedDocument } from './segmented.js';
import { parseTmx } from './tmx.js';
import { parseTsv } from './tsv.js';
import { parseXliff } from './xliff.js';

export const IMPORT_FORMATS = ['auto', 'text', 'tsv', 'csv', 'tmx', 'xliff', 'anthea-project', 'anthea-results', 'marot'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  auto: 'Detect from the file',
  text: 'Plain-text pair (source + translation files)',
  tsv: 'TSV segment pairs',
  csv: 'CSV segment pairs',
  tmx: 'TMX 1.4b translation memory',
  xliff: 'XLIFF 1.2 / 2.x',
  'anthea-project': 'Anthea project TSV',
  'anthea-results': 'Anthea results JSON',
  marot: 'Marot / WMT MQM TSV (annotations)',
};

/** Larger files are refused before they are decoded (uploads and the CLI alike). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportRequest {
  format?: ImportFormat;
  /** The file, for every format but text pairs. */
  file?: ImportFile;
  /** Text pairs: the source, the translation and optional references. */
  source?: ImportFile;
  target?: ImportFile;
  references?: ImportFile[];
  encoding?: Encoding;
  sourceLang?: string;
  targetLang?: string;
  system?: string;
  corpus?: string;
  title?: string;
  /** Document id, for a file that makes one document. */
  id?: string;
  /** Text pairs: "lines" when each line is one segment and line i of both files go together. */
  segmentation?: 'auto' | 'lines';
  author?: string;
  maxBytes?: number;
}

export interface ImportSummary {
  format: string;
  documents: Array<{ id: string; title: string; system: string; segments?: number; annotations: number; created: boolean }>;
  annotations: number;
  skipped: Record<string, number>;
}

function decode(f: ImportFile, req: ImportRequest): string {
  const max = req.maxBytes ?? DEFAULT_MAX_BYTES;
  if (f.bytes.length > max) {
    throw new InputError(`the file is ${(f.bytes.length / 1048576).toFixed(1)} MB; the limit is ${(max / 1048576).toFixed(0)} MB`, { file: f.name });
  }
  if (f.bytes.length === 0) throw new InputError('the file is empty', { file: f.name });
  return normaliseLineEnds(decodeBytes(f.bytes, f.name, req.encoding ?? 'auto').text);
}

export function detectFormat(name: string, text: string): Exclude<ImportFormat, 'auto' | 'text'> {
  const ext = path.extname(name).toLowerCase();
  const head = text.slice(0, 2000).replace(/^\uFEFF/, '');
  if (ext === '.tmx' || /<tmx[\s>]/.test(head)) return 'tmx';
  if (['.xlf', '.xliff', '.sdlxliff', '.mqxliff', '.xlz'].includes(ext) || /<xliff[\s>]/.test(head)) return 'xliff';
  if (ext === '.json' || head.trimStart().startsWith('{"raterId"') || /^\s*\{[\s\S]*"parsedDocSys"/.test(text.slice(0, 200000))) {
    if (!head.includes('\t')) return 'anthea-results';
  }
  const first = head.split('\n', 1)[0] ?? '';
  if (first.trimStart().startsWith('{')) return 'anthea-project';
  if (/^system\tdoc\t/i.test(first) || (first.split('\t').length >= 9 && /<\/?v>|\tno-error\t/i.test(head))) return 'marot';
  if (ext === '.csv') return 'csv';
  if (['.tsv', '.tab'].includes(ext) || first.includes('\t')) return 'tsv';
  throw new InputError('cannot tell the format; choose one (tmx, xliff, tsv, csv, anthea-project, anthea-results, marot)', { file: name, field: 'format' });
}

function guessLangs(name: string): { source?: string; target?: string } {
  const m = /(?:^|[_.\-\/])([a-z]{2})[-_]?([a-z]{2})(?=[_.\-]|$)/i.exec(path.basename(name).replace(/\.[^.]*$/, ''));
  if (m && m[1]!.toLowerCase() !== m[2]!.toLowerCase()) return { source: m[1]!.toLowerCase(), target: m[2]!.toLowerCase() };
  return {};
}

/** Reads any supported file into documents, without touching the store. */
export function readImport(req: ImportRequest, typology: Typology): { result: ImportResult; textPair?: DocumentPair } {
  if (req.format === 'text' || (!req.file && (req.source || req.target))) {
    if (!req.source || !req.target) throw new InputError('a plain-text pair needs a source file and a translation file', { field: req.source ? 'target' : 'source' });
    const sourceText = decode(req.source, req);
    const targetText = decode(req.target, req);
    const references = (req.references ?? []).map((r) => decode(r, req));
    const title = req.title ?? req.target.name.replace(/\.[^.]*$/, '');
    const system = req.system ?? 'mt';
    const sourceLang = req.sourceLang ?? 'en';
    const targetLang = req.targetLang ?? 'ar';
    if (req.segmentation === 'lines') {
      const s = sourceText.replace(/\n$/, '').split('\n');
      const t = targetText.replace(/\n$/, '').split('\n');
      if (s.length !== t.length) {
        throw new InputError(`one segment a line needs the same number of lines: the source has ${s.length}, the translation ${t.length}`, { file: req.target.name });
      }
      const refs = references.map((r) => r.replace(/\n$/, '').split('\n'));
      refs.forEach((r, k) => {
        if (r.length !== s.length) throw new InputError(`the reference has ${r.length} lines, the source ${s.length}`, { file: req.references![k]!.name });
      });
      const doc: ImportedDocument = {
        doc: title, system, title, sourceLang, targetLang, annotations: [],
        segments: s.map((src, i) => ({ source: src, target: t[i]!, ...(refs.length ? { references: refs.map((r) => r[i]!) } : {}), paragraphStart: i === 0 })),
      };
      return { result: { format: 'text-lines', file: req.target.name, documents: [doc] } };
    }
    const pair: DocumentPair = { id: '', corpus: '', title, sourceLang, targetLang, system, sourceText, targetText, references };
    return { result: { format: 'text', file: req.target.name, documents: [] }, textPair: pair };
  }
  const f = req.file;
  if (!f) throw new InputError('no file was given', { field: 'file' });
  const text = decode(f, req);
  const format = !req.format || req.format === 'auto' ? detectFormat(f.name, text) : req.format;
  const langs = { ...(req.sourceLang ? { sourceLang: req.sourceLang } : {}), ...(req.targetLang ? { targetLang: req.targetLang } : {}) };
  const system = req.system ? { system: req.system } : {};
  let result: ImportResult;
  switch (format) {
    case 'tmx':
      result = parseTmx(text, f.name, { ...langs, ...system, ...(req.title ? { title: req.title } : {}) });
      break;
    case 'xliff':
      result = parseXliff(text, f.name, { typology, ...system, ...(req.author ? { author: req.author } : {}) });
      break;
    case 'tsv':
    case 'csv':
      result = parseTsv(text, f.name, { ...langs, ...system, delimiter: format === 'tsv' ? '\t' : text.split('\n', 1)[0]!.split(';').length > text.split('\n', 1)[0]!.split(',').length ? ';' : ',' });
      break;
    case 'anthea-project':
      result = parseAntheaProject(text, f.name);
      break;
    case 'anthea-results':
      result = parseAntheaResults(text, f.name, typology);
      break;
    case 'marot':
      result = parseMarot(text, f.name, typology);
      break;
    default:
      throw new InputError(`unknown format "${String(format)}"`, { field: 'format' });
  }
  const guess = guessLangs(f.name);
  for (const d of result.documents) {
    if (req.sourceLang) d.sourceLang = req.sourceLang;
    if (req.targetLang) d.targetLang = req.targetLang;
    d.sourceLang ||= guess.source ?? 'en';
    d.targetLang ||= guess.target ?? 'ar';
    if (req.system && format !== 'marot' && format !== 'anthea-results' && format !== 'anthea-project') d.system = req.system;
    if (req.title && result.documents.length === 1) d.title = req.title;
  }
  return { result };
}

type NewAnnotation = AnnotationInput & { text: string; createdAt?: string };

function checkAnnotations(pair: DocumentPair, list: NewAnnotation[], typology: Typology, file: string, docId: string): void {
  list.forEach((a, k) => {
    // A category that needs a comment still imports without one: the file is what it is.
    const errors = validateAnnotation(a, pair, typology).filter((e) => !(e.field === 'comment' && e.message.startsWith('is required')));
    if (errors.length) {
      const e = errors[0]!;
      throw new InputError(`annotation ${k + 1} of document "${docId}" (${a.side} "${a.text.slice(0, 40)}"): ${e.field} ${e.message}`, { file, field: e.field });
    }
  });
}

const sameAnnotation = (a: NewAnnotation, b: { side: string; start: number; end: number; category: string; severity: string; author: string }) =>
  a.side === b.side && a.start === b.start && a.end === b.end && a.category === b.category && a.severity === b.severity && a.author === b.author;

/** Reads the request and writes what it holds into the store, all or nothing. */
export async function runImport(store: Store, typology: Typology, req: ImportRequest): Promise<ImportSummary> {
  const { result, textPair } = readImport(req, typology);
  const corpus = req.corpus?.trim() || 'imported';
  if (!ID_RE.test(corpus)) throw new InputError('use letters, digits, ".", "_" or "-" for the corpus', { field: 'corpus' });
  if (req.id !== undefined && !ID_RE.test(req.id)) throw new InputError('use letters, digits, ".", "_" or "-" (max 128) for the id', { field: 'id' });
  const items: ImportItem[] = [];
  const summary: ImportSummary = { format: result.format, documents: [], annotations: 0, skipped: result.skipped ?? {} };

  if (textPair) {
    const id = req.id ?? safeId(`${corpus}.${textPair.title}.${textPair.system}`);
    if (await store.documents.get(id)) throw new InputError(`a document with the id "${id}" already exists; choose another id`, { field: 'id' });
    items.push({ kind: 'new', doc: { ...textPair, id, corpus }, annotations: [] });
    summary.documents.push({ id, title: textPair.title, system: textPair.system, annotations: 0, created: true });
  }
  if (req.id !== undefined && result.documents.length > 1) throw new InputError(`the file holds ${result.documents.length} documents; an id can name only one`, { field: 'id' });
  const seen = new Set<string>();
  for (const d of result.documents) {
    const id = req.id ?? safeId(`${d.doc}.${d.system}`);
    if (seen.has(id)) throw new InputError(`two documents of the file would both get the id "${id}"`, { file: result.file });
    seen.add(id);
    const existing = await store.documents.get(id);
    if (!existing) {
      const built = buildDocument(d, { id, corpus, format: result.format, file: path.basename(result.file) });
      checkAnnotations(built.pair, built.annotations, typology, result.file, id);
      items.push({ kind: 'new', doc: built.pair, annotations: built.annotations });
      summary.documents.push({ id, title: d.title, system: d.system, segments: d.segments.length, annotations: built.annotations.length, created: true });
      continue;
    }
    if (d.annotations.length === 0) throw new InputError(`a document with the id "${id}" already exists and the file brings no annotations for it`, { file: result.file, field: 'id' });
    // Annotations for a stored document: its segments must be the file's segments, text for text.
    const p = processDocument(existing);
    const segs = exportSegments(p);
    const fileSegs = d.segments.filter((s) => /\S/u.test(s.source) || /\S/u.test(s.target));
    if (fileSegs.length !== segs.length) {
      throw new InputError(`document "${id}" exists with ${segs.length} segments; the file has ${fileSegs.length} for it`, { file: result.file, field: 'doc' });
    }
    const keepIndex = new Map<number, number>();
    d.segments.forEach((s, i) => {
      if (/\S/u.test(s.source) || /\S/u.test(s.target)) keepIndex.set(i, keepIndex.size);
    });
    fileSegs.forEach((s, k) => {
      for (const side of ['source', 'target'] as const) {
        if (flat(s[side]).trim() !== flat(segs[k]![side].text).trim()) {
          throw new InputError(`segment ${k + 1} of "${id}" differs from the stored ${side} text`, { file: result.file, field: side });
        }
      }
    });
    const stored = await store.annotations.list(id);
    const annotations: NewAnnotation[] = [];
    for (const a of d.annotations) {
      const k = keepIndex.get(a.segment)!;
      const slice = segs[k]![a.side];
      const lead = flat(d.segments[a.segment]![a.side]).length - flat(d.segments[a.segment]![a.side]).trimStart().length;
      const start = slice.start + a.start - lead;
      const end = slice.start + a.end - lead;
      const text = (a.side === 'source' ? existing.sourceText : existing.targetText).slice(start, end);
      const n: NewAnnotation = {
        side: a.side, start, end, text, category: a.category, severity: a.severity, author: a.author,
        ...(a.comment ? { comment: a.comment } : {}),
        ...(a.correction ? { correction: a.correction } : {}),
        ...(a.createdAt ? { createdAt: a.createdAt } : {}),
        ...(a.origin ? { origin: a.origin } : {}),
      };
      if (stored.some((s) => sameAnnotation(n, s)) || annotations.some((s) => sameAnnotation(n, s))) {
        summary.skipped['already in the database'] = (summary.skipped['already in the database'] ?? 0) + 1;
        continue;
      }
      annotations.push(n);
    }
    checkAnnotations(existing, annotations, typology, result.file, id);
    items.push({ kind: 'existing', id, annotations });
    summary.documents.push({ id, title: existing.title, system: existing.system, segments: segs.length, annotations: annotations.length, created: false });
  }
  if (items.length === 0) throw new InputError('the file holds no document', { file: result.file });
  const written = await store.imports.commit(items);
  summary.annotations = written.annotations;
  return summary;
}

/** The view of a stored document's annotations, by segment (exports and round-trip tests use it). */
export function segmentAnnotations(pair: DocumentPair, annotations: Parameters<typeof buildDocumentView>[1]) {
  const p = processDocument(pair);
  const view = buildDocumentView(p, annotations);
  const segments = exportSegments(p);
  return { processed: p, view, segments, placed: annotationsBySegment(view, segments) };
}
