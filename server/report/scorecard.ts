// Scorecards for spreadsheets: one row per document with its MQM score, result, words, errors
// by severity and reference metrics (CSV), and an XLSX workbook with the scorecard, every error
// in context and the category × severity table. Same data → same bytes: rows are sorted and
// the workbook's dates (document properties and zip entries) are the report's timestamp.
import { stringify } from 'csv-stringify/sync';
import { SEVERITIES } from '../core/types.js';
import { metricRows, type ReportItem } from './html.js';
import { safeCell } from './csv.js';

const metricNames = (items: ReportItem[]) => [...new Set(items.flatMap((i) => metricRows(i.scores).map((m) => m.name)))].sort();

function sorted(items: ReportItem[]) {
  return [...items].sort((a, b) => a.doc.corpus.localeCompare(b.doc.corpus) || a.doc.id.localeCompare(b.doc.id));
}

export function scorecardRows(items: ReportItem[]): { header: string[]; rows: Array<Array<string | number | boolean>> } {
  const metrics = metricNames(items);
  const header = ['document', 'corpus', 'title', 'system', 'source_lang', 'target_lang', 'source_words', 'errors', ...SEVERITIES.map((s) => `${s}_errors`), 'penalty', 'penalty_per_1000_words', 'mqm_score', 'result', 'reviewed_pairs', 'total_pairs', ...metrics.flatMap((m) => [m, `${m}_signature`]), 'mqm_signature'];
  const rows = sorted(items).map((i) => {
    const m = i.scores.mqm;
    const ms = metricRows(i.scores);
    return [
      i.doc.id, i.doc.corpus, i.doc.title, i.doc.system, i.doc.sourceLang, i.doc.targetLang, m.words, m.errors,
      ...SEVERITIES.map((s) => m.bySeverity[s]), m.penalty, Number(m.perThousand.toFixed(2)), Number(m.score.toFixed(2)), m.pass ? 'PASS' : 'FAIL',
      i.view.progress.reviewed, i.view.progress.total,
      ...metrics.flatMap((name) => {
        const hit = ms.find((x) => x.name === name);
        return hit ? [Number(hit.score.toFixed(2)), hit.signature] : ['', ''];
      }),
      m.signature,
    ];
  });
  return { header, rows };
}

export function scorecardCsv(items: ReportItem[]): string {
  const { header, rows } = scorecardRows(items);
  return '\uFEFF' + stringify(rows.map((r) => r.map((c) => (typeof c === 'string' ? safeCell(c) : String(c)))), { header: true, columns: header, record_delimiter: '\r\n' });
}

export async function scorecardXlsx(items: ReportItem[], opts: { generatedAt: string }): Promise<Buffer> {
  // Loaded on first use (slow to load, seldom needed).
  const [{ default: ExcelJS }, { default: JSZip }] = await Promise.all([import('exceljs'), import('jszip')]);
  const when = new Date(opts.generatedAt);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tadqiq';
  wb.lastModifiedBy = 'Tadqiq';
  wb.created = when;
  wb.modified = when;

  const { header, rows } = scorecardRows(items);
  const card = wb.addWorksheet('Scorecard', { views: [{ state: 'frozen', ySplit: 1 }] });
  card.addRow(header);
  for (const r of rows) card.addRow(r.map((c) => (typeof c === 'string' ? safeCell(c) : c)));
  card.getRow(1).font = { bold: true };
  card.columns.forEach((c, k) => (c.width = Math.min(60, Math.max(10, String(header[k] ?? '').length + 2))));
  const resultCol = header.indexOf('result') + 1;
  card.eachRow((row, n) => {
    if (n === 1) return;
    const cell = row.getCell(resultCol);
    cell.font = { bold: true, color: { argb: cell.value === 'PASS' ? 'FF116329' : 'FFA40E26' } };
  });

  const errors = wb.addWorksheet('Errors', { views: [{ state: 'frozen', ySplit: 1 }] });
  errors.addRow(['document', 'system', 'pair', 'side', 'start', 'end', 'text', 'category', 'severity', 'comment', 'correction', 'author', 'source sentence', 'target sentence']);
  errors.getRow(1).font = { bold: true };
  for (const i of sorted(items)) {
    for (const a of i.view.annotations) {
      const bead = i.view.beads[a.bead];
      const join = (side: 'source' | 'target') => (bead ? bead[side].map((s) => s.text).join(' ') : '');
      errors.addRow([i.doc.id, i.doc.system, a.bead + 1, a.side, a.start, a.end, a.text, a.category, a.severity, a.comment ?? '', a.correction ?? '', a.author, join('source'), join('target')].map((c) => (typeof c === 'string' ? safeCell(c) : c)));
    }
  }
  [24, 16, 6, 8, 7, 7, 28, 28, 10, 40, 28, 20, 60, 60].forEach((w, k) => (errors.getColumn(k + 1).width = w));
  // Arabic cells read right to left.
  for (const col of [7, 11, 14]) errors.getColumn(col).alignment = { readingOrder: 'rtl', wrapText: true };

  const cats = wb.addWorksheet('Categories');
  cats.addRow(['document', 'category', ...SEVERITIES, 'total']);
  cats.getRow(1).font = { bold: true };
  for (const i of sorted(items)) {
    const byCat = [...new Set(i.view.annotations.map((a) => a.category))].sort();
    for (const c of byCat) {
      const counts = SEVERITIES.map((s) => i.view.annotations.filter((a) => a.category === c && a.severity === s).length);
      cats.addRow([i.doc.id, c, ...counts, counts.reduce((n, v) => n + v, 0)]);
    }
  }
  cats.getColumn(1).width = 30;
  cats.getColumn(2).width = 32;

  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  // exceljs stamps zip entries with the current time; rewrite them with the report's time.
  const zip = await JSZip.loadAsync(raw);
  const names = Object.keys(zip.files).sort();
  const out = new JSZip();
  for (const name of names) {
    const f = zip.files[name]!;
    if (f.dir) continue;
    out.file(name, await f.async('uint8array'), { date: when, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
