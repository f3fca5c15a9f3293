// Segment pairs as TSV (id, source, target, reference…, note), the spreadsheet form that the
// TSV import reads back; a blank row between paragraphs.
import type { DocumentPair } from '../core/types.js';
import type { DocumentView } from './document-view.js';
import { exportSegments, flat } from './segments.js';

export function segmentsTsv(doc: DocumentPair, view: DocumentView): string {
  const refs = doc.segmentation === 'lines' ? doc.references.map((r) => r.split('\n').filter((l) => l.trim())) : [];
  const header = ['id', 'source', 'target', ...refs.map((_, k) => (refs.length > 1 ? `reference ${k + 1}` : 'reference')), 'note'];
  const rows = [header.join('\t')];
  exportSegments(view.processed).forEach((seg, k) => {
    if (k > 0 && seg.paragraphStart) rows.push('');
    const cells = [seg.meta.id ?? String(k + 1), seg.source.text, seg.target.text, ...refs.map((r) => r[k] ?? ''), (seg.meta.notes ?? []).join(' / ')];
    rows.push(cells.map(flat).join('\t'));
  });
  return rows.join('\n') + '\n';
}
