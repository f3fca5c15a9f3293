// TMX 1.4b export of a reviewed document's segment pairs, for loading into a CAT tool's memory.
import type { DocumentPair } from '../core/types.js';
import type { DocumentView } from './document-view.js';
import { exportSegments } from './segments.js';
import { escapeXml, xmlText } from './xml-out.js';
import { sourceDocName } from './marot.js';

/** TMX dates are basic ISO 8601 in UTC: 20260101T000000Z. */
const tmxDate = (iso: string) => iso.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');

export function documentTmx(doc: DocumentPair, view: DocumentView, opts: { generatedAt: string }): string {
  const date = tmxDate(opts.generatedAt);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="Tadqiq" creationtoolversion="1" segtype="sentence" o-tmf="tadqiq" adminlang="en" srclang="${escapeXml(doc.sourceLang)}" datatype="plaintext" creationdate="${date}">`,
    `    <prop type="x-document">${xmlText(sourceDocName(doc))}</prop>`,
    `    <prop type="x-system">${xmlText(doc.system)}</prop>`,
    `    <prop type="x-title">${xmlText(doc.title)}</prop>`,
    '  </header>',
    '  <body>',
  ];
  const lines = doc.segmentation === 'lines';
  const text = (s: string) => xmlText(lines ? s.replace(/\u2028/g, '\n') : s);
  for (const seg of exportSegments(view.processed)) {
    if (!seg.source.text && !seg.target.text) continue;
    out.push(`    <tu tuid="${escapeXml(seg.meta.id ?? String(seg.index + 1))}" creationdate="${date}">`);
    for (const n of seg.meta.notes ?? []) out.push(`      <note>${xmlText(n)}</note>`);
    if (seg.meta.state) out.push(`      <prop type="x-state">${xmlText(seg.meta.state)}</prop>`);
    if (seg.source.text) out.push(`      <tuv xml:lang="${escapeXml(doc.sourceLang)}"><seg>${text(seg.source.text)}</seg></tuv>`);
    if (seg.target.text) out.push(`      <tuv xml:lang="${escapeXml(doc.targetLang)}"><seg>${text(seg.target.text)}</seg></tuv>`);
    out.push('    </tu>');
  }
  out.push('  </body>', '</tmx>', '');
  return out.join('\n');
}
