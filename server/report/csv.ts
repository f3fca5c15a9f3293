// Annotations as CSV, one row per error, with the sentence pair for context. Sentence numbers
// are 1-based here because people read this in spreadsheets; offsets stay 0-based.
import { stringify } from 'csv-stringify/sync';
import type { DocumentPair } from '../core/types.js';
import type { DocumentView } from './document-view.js';

export const CSV_COLUMNS = [
  'document', 'system', 'bead', 'side', 'sentence_no', 'start', 'end', 'text', 'category', 'severity',
  'comment', 'correction', 'author', 'created_at', 'source_sentence', 'target_sentence',
] as const;

/** Spreadsheet formula injection: a cell starting with = + - @ is prefixed with an apostrophe. */
export function safeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function annotationsCsv(docs: Array<{ doc: DocumentPair; view: DocumentView }>): string {
  const rows: string[][] = [];
  for (const { doc, view } of docs) {
    for (const a of view.annotations) {
      const bead = view.beads[a.bead];
      const join = (side: 'source' | 'target') => (bead ? bead[side].map((s) => s.text).join(' ') : '');
      rows.push(
        [
          doc.id, doc.system, String(a.bead + 1), a.side, String(a.sentence + 1), String(a.start), String(a.end), a.text,
          a.category, a.severity, a.comment ?? '', a.correction ?? '', a.author, a.createdAt ?? '', join('source'), join('target'),
        ].map(safeCell),
      );
    }
  }
  // A byte-order mark so that Excel opens the Arabic as UTF-8.
  return '\uFEFF' + stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: '\r\n' });
}
