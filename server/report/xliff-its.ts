// XLIFF 2.1 with ITS 2.0 Localization Quality Issue markup: one <unit> per segment, each error
// span a <mrk type="its:generic"> (or an <sm>/<em> pair where spans cross), its type mapped from
// the MQM category, severity 0–100, comment and enabled flag; several issues on one span go to
// a standoff <its:locQualityIssues> in the unit, referenced by its:locQualityIssuesRef. The
// document's MQM score is its:locQualityRatingScore on <file>. A <note category=
// "tadqiq:annotation"> per issue carries what ITS has no field for (exact category, author,
// correction), so Tadqiq reads its own exports back unchanged.
import type { DocumentPair } from '../core/types.js';
import { ITS_SEVERITY, mqmToIts } from '../ingest/categories.js';
import { TADQIQ_NOTE_CATEGORY } from '../ingest/xliff.js';
import type { MqmScore } from '../score/mqm.js';
import type { DocumentView } from './document-view.js';
import { annotationsBySegment, exportSegments, type SegmentAnnotation } from './segments.js';
import { cpElement, escapeXml, xmlText } from './xml-out.js';
import { sourceDocName } from './marot.js';

/** Tadqiq's own attributes (system, title) on <file>; XLIFF allows other namespaces there. */
export const TQ_NS = 'urn:tadqiq:xliff:1';

export const MQM_PROFILE_REF = 'https://themqm.org/error-types-2/typology/';

type Placed = SegmentAnnotation<DocumentView['annotations'][number]>;

interface Marker {
  id: string;
  start: number;
  end: number;
  issues: Placed[];
  /** sm/em instead of mrk, when the span crosses another. */
  split: boolean;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

function markersFor(list: Placed[], prefix: string): Marker[] {
  const bySpan = new Map<string, Placed[]>();
  for (const p of list) {
    const key = `${p.start}:${p.end}`;
    if (!bySpan.has(key)) bySpan.set(key, []);
    bySpan.get(key)!.push(p);
  }
  const markers = [...bySpan.values()]
    .map((issues) => ({ id: '', start: issues[0]!.start, end: issues[0]!.end, issues, split: false }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  markers.forEach((m, k) => (m.id = `${prefix}${k + 1}`));
  // <mrk> must nest; a marker that crosses an open one becomes an <sm>/<em> pair.
  const stack: Marker[] = [];
  for (const m of markers) {
    while (stack.length && stack[stack.length - 1]!.end <= m.start) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.end < m.end) m.split = true;
    else stack.push(m);
  }
  return markers;
}

function issueAttrs(p: Placed, prefix: string): string {
  const a = p.annotation;
  return [
    `${prefix}locQualityIssueType="${mqmToIts(a.category)}"`,
    ...(a.comment ? [`${prefix}locQualityIssueComment="${xmlText(a.comment.replace(/\u2028/g, '\n'))}"`] : []),
    `${prefix}locQualityIssueSeverity="${ITS_SEVERITY[a.severity]}"`,
    `${prefix}locQualityIssueProfileRef="${MQM_PROFILE_REF}"`,
    `${prefix}locQualityIssueEnabled="yes"`,
  ].join(' ');
}

function standoffId(unitId: string, m: Marker) {
  return `lqi-${unitId}-${m.id}`;
}

/** Segment text with the markers placed; offsets cut the text at every marker boundary. */
function markedText(text: string, markers: Marker[], unitId: string, lines: boolean): string {
  const cuts = new Set<number>([0, text.length]);
  for (const m of markers) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const attrsOf = (m: Marker) =>
    m.issues.length > 1 ? `its:locQualityIssuesRef="#its=${standoffId(unitId, m)}"` : issueAttrs(m.issues[0]!, 'its:');
  const piece = (s: string) => xmlText(lines ? s.replace(/\u2028/g, '\n') : s, cpElement);
  let out = '';
  const open: Marker[] = [];
  for (let k = 0; k < points.length; k++) {
    const at = points[k]!;
    // Close what ends here: <mrk> in stack order, <em> for pairs.
    for (let i = open.length - 1; i >= 0; i--) {
      const m = open[i]!;
      if (m.end === at && !m.split) {
        out += '</mrk>';
        open.splice(i, 1);
      }
    }
    for (const m of markers) if (m.split && m.end === at && m.start < at) out += `<em startRef="${m.id}"/>`;
    for (const m of markers.filter((x) => x.start === at && x.end > at)) {
      if (m.split) out += `<sm id="${m.id}" type="its:generic" ${attrsOf(m)}/>`;
      else {
        out += `<mrk id="${m.id}" type="its:generic" ${attrsOf(m)}>`;
        open.push(m);
      }
    }
    const next = points[k + 1];
    if (next !== undefined) out += piece(text.slice(at, next));
  }
  return out;
}

export interface XliffOptions {
  mqm?: MqmScore;
  passThreshold?: number;
}

export function documentXliff(doc: DocumentPair, view: DocumentView, opts: XliffOptions = {}): string {
  const segments = exportSegments(view.processed);
  const placed = annotationsBySegment(view, segments);
  const lines = doc.segmentation === 'lines';
  const fileAttrs = [`id="f1"`, `original="${escapeXml(sourceDocName(doc))}"`, `tq:system="${escapeXml(doc.system)}"`, `tq:title="${escapeXml(doc.title)}"`];
  if (opts.mqm) {
    // ITS scores are 0–100; an MQM score can go below 0, so it is clamped (the note has the value).
    fileAttrs.push(`its:locQualityRatingScore="${fmt(Math.max(0, Math.min(100, opts.mqm.score)))}"`);
    if (opts.passThreshold !== undefined) fileAttrs.push(`its:locQualityRatingScoreThreshold="${fmt(opts.passThreshold)}"`);
    fileAttrs.push(`its:locQualityRatingProfileRef="${MQM_PROFILE_REF}"`);
  }
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:its="http://www.w3.org/2005/11/its" xmlns:tq="${TQ_NS}" version="2.1" srcLang="${escapeXml(doc.sourceLang)}" trgLang="${escapeXml(doc.targetLang)}" its:version="2.0">`,
    `  <file ${fileAttrs.join(' ')}>`,
  ];
  const fileNotes = [
    ...(opts.mqm ? [`<note category="tadqiq:score">${xmlText(`MQM ${opts.mqm.score.toFixed(2)} ${opts.mqm.pass ? 'PASS' : 'FAIL'}; ${opts.mqm.signature}`)}</note>`] : []),
    `<note category="tadqiq:document">${xmlText(`${doc.title} · ${doc.system}`)}</note>`,
  ];
  out.push('    <notes>', ...fileNotes.map((n) => `      ${n}`), '    </notes>');
  const usedIds = new Set<string>();
  for (const seg of segments) {
    let unitId = (seg.meta.id ?? `s${seg.index + 1}`).replace(/[^A-Za-z0-9._-]/g, '_');
    if (!/^[A-Za-z_]/.test(unitId)) unitId = `u${unitId}`;
    while (usedIds.has(unitId)) unitId += '_';
    usedIds.add(unitId);
    const mine = placed.filter((p) => p.segment === seg.index);
    const src = markersFor(mine.filter((p) => p.side === 'source'), 's');
    const tgt = markersFor(mine.filter((p) => p.side === 'target'), 't');
    out.push(`    <unit id="${unitId}">`);
    const multi = [...src, ...tgt].filter((m) => m.issues.length > 1);
    for (const m of multi) {
      out.push(`      <its:locQualityIssues xml:id="${standoffId(unitId, m)}">`);
      for (const p of m.issues) out.push(`        <its:locQualityIssue ${issueAttrs(p, '')}/>`);
      out.push('      </its:locQualityIssues>');
    }
    const notes: string[] = (seg.meta.notes ?? []).map((n) => `<note>${xmlText(n)}</note>`);
    for (const m of [...src, ...tgt]) {
      m.issues.forEach((p, k) => {
        const a = p.annotation;
        const json = { marker: m.id, issue: k, category: a.category, severity: a.severity, author: a.author, ...(a.comment ? { comment: a.comment } : {}), ...(a.correction ? { correction: a.correction } : {}), ...(a.createdAt ? { createdAt: a.createdAt } : {}) };
        notes.push(`<note category="${TADQIQ_NOTE_CATEGORY}" appliesTo="${p.side}">${xmlText(JSON.stringify(json))}</note>`);
      });
    }
    if (notes.length) out.push('      <notes>', ...notes.map((n) => `        ${n}`), '      </notes>');
    const state = /^(initial|translated|reviewed|final)$/.test(seg.meta.state ?? '') ? seg.meta.state! : mine.length || view.beads[seg.index]?.status === 'reviewed' ? 'reviewed' : 'translated';
    const space = (t: string) => (/^\s|\s$|\s\s|\n|\u2028/u.test(t) ? ' xml:space="preserve"' : '');
    out.push(`      <segment id="${unitId}-1" state="${state}">`);
    out.push(`        <source${space(seg.source.text)}>${markedText(seg.source.text, src, unitId, lines)}</source>`);
    if (seg.target.text) out.push(`        <target${space(seg.target.text)}>${markedText(seg.target.text, tgt, unitId, lines)}</target>`);
    out.push('      </segment>', '    </unit>');
  }
  out.push('  </file>', '</xliff>', '');
  return out.join('\n');
}
