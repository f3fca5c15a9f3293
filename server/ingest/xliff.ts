// XLIFF 1.2 (memoQ .mqxliff, Trados .sdlxliff, Okapi) and XLIFF 2.0/2.1 bilingual files. Each
// <file> becomes a document; each segment (XLIFF 2 <segment>, or a <mrk mtype="seg"> of a 1.2
// <seg-source>, or a whole 1.2 <trans-unit>) becomes a segment, each unit a paragraph. Notes
// and states are kept per segment. ITS 2.0 Localization Quality Issues on <mrk>/<sm> (local or
// standoff) come in as annotations; Tadqiq's own <note category="tadqiq:annotation"> carries
// what ITS cannot (exact category, author, correction), so its XLIFF exports round-trip.
import { z } from 'zod';
import { InputError, SEVERITIES, type Severity } from '../core/types.js';
import type { Typology } from '../core/typology.js';
import { ITS_TO_MQM, severityFromIts } from './categories.js';
import type { ImportAnnotation, ImportResult, ImportSegment, ImportedDocument } from './segmented.js';
import { child, elements, flattenInline, parseXml, textOf, type InlineMark, type XmlElement } from './xml.js';

const KEEP_12 = new Set(['g', 'mrk']);
const KEEP_2 = new Set(['pc', 'mrk']);

export interface XliffOptions {
  system?: string;
  author?: string;
  typology: Typology;
}

/** Tadqiq's note for one issue of one marker (xliff-its export writes it). */
export const TadqiqNote = z.object({
  marker: z.string(),
  issue: z.number().int().nonnegative().default(0),
  category: z.string(),
  severity: z.enum(SEVERITIES as [Severity, ...Severity[]]),
  author: z.string(),
  comment: z.string().optional(),
  correction: z.string().optional(),
  createdAt: z.string().optional(),
});
export const TADQIQ_NOTE_CATEGORY = 'tadqiq:annotation';

function descendants(e: XmlElement, pred: (x: XmlElement) => boolean, out: XmlElement[] = []): XmlElement[] {
  for (const c of elements(e)) {
    if (pred(c)) out.push(c);
    else descendants(c, pred, out);
  }
  return out;
}

interface Issue {
  type?: string;
  comment?: string;
  severity?: number;
  enabled: boolean;
}

function issueFrom(attrs: Record<string, string>, prefix: string): Issue | null {
  const get = (k: string) => attrs[`${prefix}${k}`];
  const type = get('locQualityIssueType');
  const comment = get('locQualityIssueComment');
  if (type === undefined && comment === undefined) return null;
  const sev = get('locQualityIssueSeverity');
  return {
    ...(type !== undefined ? { type } : {}),
    ...(comment !== undefined ? { comment } : {}),
    ...(sev !== undefined && sev !== '' ? { severity: Number(sev) } : {}),
    enabled: get('locQualityIssueEnabled') !== 'no',
  };
}

/** The ITS issues a marker carries: local attributes, or a standoff list in the same unit. */
function issuesOf(m: XmlElement, standoff: Map<string, Issue[]>, file: string): Issue[] {
  const ref = m.attrs['its:locQualityIssuesRef'];
  if (ref !== undefined) {
    const id = ref.replace(/^#(its=)?/, '');
    const list = standoff.get(id);
    if (!list) throw new InputError(`its:locQualityIssuesRef="${ref}" points at no <its:locQualityIssues> in its unit`, { file, field: 'its:locQualityIssuesRef' });
    return list;
  }
  const local = issueFrom(m.attrs, 'its:');
  return local ? [local] : [];
}

function standoffIssues(unit: XmlElement): Map<string, Issue[]> {
  const out = new Map<string, Issue[]>();
  for (const list of descendants(unit, (e) => e.local === 'locQualityIssues')) {
    const id = list.attrs['xml:id'] ?? list.attrs['id'];
    if (!id) continue;
    out.set(id, elements(list, 'locQualityIssue').map((i) => issueFrom(i.attrs, '') ?? { enabled: true }));
  }
  return out;
}

function tadqiqNotes(unit: XmlElement, file: string): Map<string, z.infer<typeof TadqiqNote>> {
  const out = new Map<string, z.infer<typeof TadqiqNote>>();
  const notes = child(unit, 'notes');
  for (const n of notes ? elements(notes, 'note') : elements(unit, 'note')) {
    if (n.attrs['category'] !== TADQIQ_NOTE_CATEGORY) continue;
    let json: unknown;
    try {
      json = JSON.parse(textOf(n));
    } catch {
      throw new InputError(`a ${TADQIQ_NOTE_CATEGORY} note is not JSON`, { file, field: `unit ${unit.attrs['id']}` });
    }
    const r = TadqiqNote.safeParse(json);
    if (!r.success) throw new InputError(`a ${TADQIQ_NOTE_CATEGORY} note is invalid: ${r.error.issues[0]!.message}`, { file, field: `unit ${unit.attrs['id']}` });
    out.set(`${r.data.marker}#${r.data.issue}`, r.data);
  }
  return out;
}

function plainNotes(holder: XmlElement): string[] {
  const notes = child(holder, 'notes');
  return (notes ? elements(notes, 'note') : elements(holder, 'note'))
    .filter((n) => n.attrs['category'] !== TADQIQ_NOTE_CATEGORY)
    .map((n) => textOf(n).trim())
    .filter(Boolean);
}

class DocBuilder {
  segments: ImportSegment[] = [];
  annotations: ImportAnnotation[] = [];
  skipped = 0;
  constructor(
    readonly file: string,
    readonly opts: XliffOptions,
  ) {}

  addMarks(segment: number, side: 'source' | 'target', marks: InlineMark[], unit: XmlElement, standoff: Map<string, Issue[]>, notes: ReturnType<typeof tadqiqNotes>) {
    for (const m of marks) {
      const issues = issuesOf(m.el, standoff, this.file);
      issues.forEach((issue, k) => {
        const markerId = m.el.attrs['id'] ?? '';
        const own = notes.get(`${markerId}#${k}`);
        if (!issue.enabled && !own) {
          this.skipped++;
          return;
        }
        if (m.end <= m.start) {
          this.skipped++;
          return;
        }
        const mapped = own?.category ?? ITS_TO_MQM[issue.type ?? 'other'] ?? 'Other';
        const severity = own?.severity ?? severityFromIts(issue.severity ?? 50);
        this.annotations.push({
          segment,
          side,
          start: m.start,
          end: m.end,
          category: mapped,
          severity,
          ...((own?.comment ?? issue.comment) ? { comment: own?.comment ?? issue.comment! } : {}),
          ...(own?.correction ? { correction: own.correction } : {}),
          author: own?.author ?? this.opts.author ?? 'imported (XLIFF ITS)',
          ...(own?.createdAt ? { createdAt: own.createdAt } : {}),
          ...(own ? {} : { origin: { format: 'xliff-its', ...(issue.type ? { category: issue.type } : {}), ...(issue.severity !== undefined ? { severity: String(issue.severity) } : {}) } }),
        });
      });
    }
    void unit;
  }
}

function parse2(root: XmlElement, file: string, opts: XliffOptions): ImportResult {
  const srcLang = root.attrs['srcLang'];
  const trgLang = root.attrs['trgLang'];
  if (!srcLang) throw new InputError('<xliff> has no srcLang', { file, field: 'srcLang' });
  if (!trgLang) throw new InputError('<xliff> has no trgLang: a monolingual file has no translation to review', { file, field: 'trgLang' });
  const documents: ImportedDocument[] = [];
  let skipped = 0;
  for (const f of elements(root, 'file')) {
    const b = new DocBuilder(file, opts);
    const units = descendants(f, (e) => e.local === 'unit');
    for (const unit of units) {
      const standoff = standoffIssues(unit);
      const own = tadqiqNotes(unit, file);
      const notes = plainNotes(unit);
      const segs = elements(unit).filter((e) => e.local === 'segment');
      segs.forEach((seg, k) => {
        const src = child(seg, 'source');
        if (!src) throw new InputError('<segment> without <source>', { file, field: `unit ${unit.attrs['id'] ?? '?'}` });
        const tgt = child(seg, 'target');
        const s = flattenInline(src, KEEP_2, file);
        const t = tgt ? flattenInline(tgt, KEEP_2, file) : { text: '', marks: [] };
        const index = b.segments.length;
        const id = segs.length > 1 ? `${unit.attrs['id'] ?? ''}#${seg.attrs['id'] ?? k + 1}` : (unit.attrs['id'] ?? '');
        const state = [seg.attrs['state'], seg.attrs['subState']].filter(Boolean).join(' ');
        b.segments.push({
          source: s.text,
          target: t.text,
          paragraphStart: k === 0,
          meta: { ...(id ? { id } : {}), ...(state ? { state } : {}), ...(k === 0 && notes.length ? { notes } : {}) },
        });
        b.addMarks(index, 'source', s.marks, unit, standoff, own);
        b.addMarks(index, 'target', t.marks, unit, standoff, own);
      });
    }
    if (b.segments.length === 0) continue;
    skipped += b.skipped;
    const doc = f.attrs['original'] ?? f.attrs['id'] ?? 'xliff';
    documents.push({
      doc: doc.replace(/^.*[\\/]/, ''),
      system: opts.system ?? f.attrs['tq:system'] ?? 'xliff',
      title: f.attrs['tq:title'] ?? doc,
      sourceLang: srcLang,
      targetLang: trgLang,
      segments: b.segments,
      annotations: b.annotations,
      ...(plainNotes(f).length ? { notes: plainNotes(f) } : {}),
    });
  }
  if (documents.length === 0) throw new InputError('the XLIFF file holds no <unit> with a <segment>', { file });
  return { format: 'xliff', file, documents, ...(skipped ? { skipped: { 'disabled or empty ITS issues': skipped } } : {}) };
}

function parse12(root: XmlElement, file: string, opts: XliffOptions): ImportResult {
  const documents: ImportedDocument[] = [];
  let skipped = 0;
  for (const f of elements(root, 'file')) {
    const srcLang = f.attrs['source-language'];
    const trgLang = f.attrs['target-language'];
    if (!srcLang) throw new InputError('<file> has no source-language', { file, field: 'source-language' });
    if (!trgLang) throw new InputError('<file> has no target-language: a file without translations cannot be reviewed', { file, field: 'target-language' });
    const body = child(f, 'body');
    if (!body) throw new InputError('<file> has no <body>', { file });
    const b = new DocBuilder(file, opts);
    for (const tu of descendants(body, (e) => e.local === 'trans-unit')) {
      const source = child(tu, 'source');
      if (!source) throw new InputError('<trans-unit> without <source>', { file, field: `trans-unit ${tu.attrs['id'] ?? '?'}` });
      const target = child(tu, 'target');
      const segSource = child(tu, 'seg-source');
      const notes = elements(tu, 'note').map((n) => textOf(n).trim()).filter(Boolean);
      const tuState = [target?.attrs['state'], tu.attrs['mq:status'], tu.attrs['approved'] === 'yes' ? 'approved' : undefined].filter(Boolean).join(' ');
      // Trados keeps each segment's confirmation level in <sdl:seg-defs>.
      const sdlConf = new Map<string, string>();
      for (const s of descendants(tu, (e) => e.local === 'seg' && e.name.includes(':'))) if (s.attrs['id']) sdlConf.set(s.attrs['id'], s.attrs['conf'] ?? '');
      const isSeg = (e: XmlElement) => e.local === 'mrk' && e.attrs['mtype'] === 'seg';
      const pieces: Array<{ mid: string; src: XmlElement; tgt?: XmlElement }> = [];
      if (segSource && descendants(segSource, isSeg).length) {
        const tmrks = new Map((target ? descendants(target, isSeg) : []).map((m) => [m.attrs['mid'] ?? '', m]));
        for (const m of descendants(segSource, isSeg)) {
          const mid = m.attrs['mid'] ?? '';
          const t = tmrks.get(mid);
          pieces.push({ mid, src: m, ...(t ? { tgt: t } : {}) });
        }
      } else pieces.push({ mid: '', src: source, ...(target ? { tgt: target } : {}) });
      pieces.forEach((p, k) => {
        const s = flattenInline(p.src, KEEP_12, file);
        const t = p.tgt ? flattenInline(p.tgt, KEEP_12, file) : { text: '', marks: [] };
        const index = b.segments.length;
        const id = pieces.length > 1 || p.mid ? `${tu.attrs['id'] ?? ''}${p.mid ? `#${p.mid}` : ''}` : (tu.attrs['id'] ?? '');
        const state = [sdlConf.get(p.mid), tuState].filter(Boolean).join(' ');
        b.segments.push({
          source: s.text,
          target: t.text,
          paragraphStart: k === 0,
          meta: { ...(id ? { id } : {}), ...(state ? { state } : {}), ...(k === 0 && notes.length ? { notes } : {}) },
        });
        // ITS issues in XLIFF 1.2 ride on <mrk> too (Okapi writes mtype="x-its").
        b.addMarks(index, 'source', s.marks.filter((m) => !isSeg(m.el)), tu, new Map(), new Map());
        b.addMarks(index, 'target', t.marks.filter((m) => !isSeg(m.el)), tu, new Map(), new Map());
      });
    }
    if (b.segments.length === 0) continue;
    skipped += b.skipped;
    const doc = f.attrs['original'] ?? 'xliff';
    documents.push({
      doc: doc.replace(/^.*[\\/]/, ''),
      system: opts.system ?? f.attrs['tool-id'] ?? f.attrs['tool'] ?? 'xliff',
      title: doc.replace(/^.*[\\/]/, ''),
      sourceLang: srcLang,
      targetLang: trgLang,
      segments: b.segments,
      annotations: b.annotations,
    });
  }
  if (documents.length === 0) throw new InputError('the XLIFF file holds no <trans-unit>', { file });
  return { format: 'xliff', file, documents, ...(skipped ? { skipped: { 'disabled or empty ITS issues': skipped } } : {}) };
}

export function parseXliff(xml: string, file: string, opts: XliffOptions): ImportResult {
  const root = parseXml(xml, file);
  if (root.local !== 'xliff') throw new InputError(`not an XLIFF file: the root element is <${root.name}>, expected <xliff>`, { file, line: 1 });
  const version = root.attrs['version'] ?? '';
  if (/^2\./.test(version)) return parse2(root, file, opts);
  if (/^1\.[0-2]$/.test(version)) return parse12(root, file, opts);
  throw new InputError(`unsupported XLIFF version "${version}" (1.0–1.2, 2.0, 2.1 and 2.2 are read)`, { file, field: 'version' });
}
