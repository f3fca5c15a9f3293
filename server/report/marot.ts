// Marot's 10-column MQM TSV (also what the WMT MQM releases use), so Tadqiq reviews open in
// Marot and compare with WMT data: one row per error with its span marked <v>…</v> in the
// segment, token spans in the metadata, and a "No-error" row for each segment a rater saw and
// found clean. Exact character offsets, category, author and correction ride along in
// metadata.tadqiq, so a file exported here imports back unchanged.
import type { DocumentPair, Severity } from '../core/types.js';
import { mapCategory, mapSeverity } from '../ingest/categories.js';
import { antheaTokens, charsToTokens } from '../ingest/tokens.js';
import type { Typology } from '../core/typology.js';
import type { DocumentView } from './document-view.js';
import { annotationsBySegment, exportSegments, flat, type ExportSegment, type SegmentAnnotation } from './segments.js';

export const MAROT_COLUMNS = ['system', 'doc', 'docSegId', 'globalSegId', 'rater', 'source', 'target', 'category', 'severity', 'metadata'];

const cap = (s: Severity) => s[0]!.toUpperCase() + s.slice(1);

/** The name every system's translation of a document shares (Marot's and WMT's "doc"). */
export function sourceDocName(doc: DocumentPair): string {
  if (doc.meta?.sourceDoc) return doc.meta.sourceDoc;
  const suffix = `.${doc.system}`;
  return doc.id.endsWith(suffix) && doc.id.length > suffix.length ? doc.id.slice(0, -suffix.length) : doc.id;
}

/** Raters of a document and the segments each saw: stored ratings, else every segment. */
export function raterSegments(doc: DocumentPair, authors: string[], nSegments: number, annotated: Map<string, Set<number>>): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const [r, segs] of Object.entries(doc.meta?.ratings ?? {})) out.set(r, new Set(segs));
  for (const a of authors) {
    if (!out.has(a)) out.set(a, new Set(Array.from({ length: nSegments }, (_, i) => i)));
    for (const s of annotated.get(a) ?? []) out.get(a)!.add(s);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

const mark = (text: string, start: number, end: number) => `${text.slice(0, start)}<v>${text.slice(start, end)}</v>${text.slice(end)}`;

function epoch(iso: string | undefined): number | undefined {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : undefined;
}

export function marotRows(items: Array<{ doc: DocumentPair; view: DocumentView }>, typology: Typology): string[][] {
  const rows: string[][] = [];
  let first = true;
  for (const { doc, view } of items) {
    const segments: ExportSegment[] = exportSegments(view.processed);
    const placed = annotationsBySegment(view, segments);
    const annotated = new Map<string, Set<number>>();
    for (const p of placed) {
      if (!annotated.has(p.annotation.author)) annotated.set(p.annotation.author, new Set());
      annotated.get(p.annotation.author)!.add(p.segment);
    }
    const raters = raterSegments(doc, [...annotated.keys()], segments.length, annotated);
    const docName = sourceDocName(doc);
    for (const seg of segments) {
      const src = flat(seg.source.text);
      const tgt = flat(seg.target.text);
      const segmentMeta = {
        source_tokens: antheaTokens(src).map((t) => t.text),
        target_tokens: antheaTokens(tgt).map((t) => t.text),
        ...(seg.paragraphStart ? { starts_paragraph: true } : {}),
      };
      for (const [rater, seen] of raters) {
        if (!seen.has(seg.index)) continue;
        const mine = placed.filter((p) => p.segment === seg.index && p.annotation.author === rater);
        const base = [doc.system, docName, seg.meta.id ?? String(seg.index + 1), seg.meta.globalId ?? String(seg.index + 1), rater];
        const evaluation = first ? { evaluation: { template: `tadqiq:${typology.id}`, source_language: doc.sourceLang, target_language: doc.targetLang } } : {};
        if (mine.length === 0) {
          rows.push([...base, src, tgt, 'No-error', 'No-error', JSON.stringify({ segment: segmentMeta, ...evaluation })]);
          first = false;
          continue;
        }
        mine.forEach((p: SegmentAnnotation<DocumentView['annotations'][number]>, k) => {
          const a = p.annotation;
          const o = a.origin;
          const unchanged = o && (o.start === undefined || (o.start === p.start && o.end === p.end));
          const category = o?.category && unchanged && mapCategory(o.category, typology) === a.category ? o.category : a.category;
          const severity = o?.severity && mapSeverity(o.severity) === a.severity ? o.severity : cap(a.severity);
          let source = src;
          let target = tgt;
          const spans: Record<string, unknown> = {};
          if (o?.markup !== undefined && unchanged) {
            if (p.side === 'target') target = o.markup;
            else source = o.markup;
          } else {
            const text = p.side === 'target' ? tgt : src;
            const tokens = charsToTokens(antheaTokens(text), p.start, p.end);
            if (p.side === 'target') target = mark(tgt, p.start, p.end);
            else source = mark(src, p.start, p.end);
            if (tokens) spans[p.side === 'target' ? 'target_spans' : 'source_spans'] = [tokens];
          }
          const corrected = a.correction && p.side === 'target' ? tgt.slice(0, p.start) + a.correction + tgt.slice(p.end) : undefined;
          const ts = epoch(a.createdAt);
          const metadata = {
            ...(ts !== undefined ? { timestamp: ts } : {}),
            ...(a.comment ? { note: a.comment } : {}),
            ...(corrected !== undefined ? { corrected_translation: corrected } : {}),
            ...spans,
            ...(k === 0 ? { segment: segmentMeta } : {}),
            ...evaluation,
            tadqiq: { category: a.category, author: a.author, ...(a.correction ? { correction: a.correction } : {}) },
          };
          rows.push([...base, source, target, category, severity, JSON.stringify(metadata)]);
          first = false;
        });
      }
    }
  }
  return rows;
}

export function marotTsv(items: Array<{ doc: DocumentPair; view: DocumentView }>, typology: Typology): string {
  const rows = marotRows(items, typology);
  return [MAROT_COLUMNS, ...rows].map((r) => r.map((c) => c.replace(/[\t\n\r]/g, ' ')).join('\t')).join('\n') + '\n';
}
