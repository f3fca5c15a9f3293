// CSV (or TSV) glossaries, the format terminologists export from spreadsheets:
//
//   id,en,ar,status,note
//   c-junta,junta,المجلس العسكري,preferred,
//   c-junta,,الطغمة العسكرية,admitted,
//   c-junta,,الخنتة,deprecated,Sound-spelling of "junta"; never use.
//
// Columns named by a language tag (en, ar, ar-EG) hold terms; several terms in a cell are
// separated by | . Rows with the same id (or, without an id, the same first-language term) are
// one concept. `status` (preferred, admitted, deprecated, superseded, or TBX/TBX-Min spellings)
// applies to the terms of the row except those of the first language column, the source, which
// are always preferred; `status:ar` (or `ar status`, `status_ar`) sets one language's status.
// Other columns: note, subject, definition, pos / partOfSpeech, gender.
import { parse } from 'csv-parse/sync';
import { InputError, type Glossary, type GlossaryEntry, type Term, type TermStatus } from '../core/types.js';
import { parseTermStatus } from './tbx.js';

const LANG_COLUMN = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/iu;
const KNOWN = new Set(['id', 'concept', 'status', 'note', 'notes', 'comment', 'subject', 'definition', 'pos', 'partofspeech', 'gender']);
const STATUS_COLUMN = /^(?:status[:_ ]([a-z]{2,3}(?:[-_][a-z0-9]{2,8})*)|([a-z]{2,3}(?:[-_][a-z0-9]{2,8})*)[:_ ]status)$/iu;

function fail(message: string, file: string, line?: number, field?: string): never {
  throw new InputError(message, { file, ...(line !== undefined ? { line } : {}), ...(field ? { field } : {}) });
}

export function parseGlossaryCsv(text: string, file = 'glossary.csv'): Glossary {
  const delimiter = /\.tsv$/iu.test(file) || (!text.split('\n', 1)[0]!.includes(',') && text.includes('\t')) ? '\t' : ',';
  let rows: string[][];
  try {
    rows = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (e) {
    const err = e as { message: string; lines?: number };
    fail(`not valid CSV (${err.message})`, file, err.lines);
  }
  if (rows.length === 0) fail('empty glossary: the first line must name the columns (e.g. id,en,ar,status)', file, 1);
  const header = rows[0]!.map((h) => h.trim());
  const columns = header.map((h, i) => {
    const lower = h.toLowerCase();
    const st = STATUS_COLUMN.exec(h);
    if (st) return { i, kind: 'status-of' as const, lang: (st[1] ?? st[2])!.toLowerCase().replace('_', '-') };
    if (KNOWN.has(lower.replace(/[\s_-]/gu, ''))) return { i, kind: lower.replace(/[\s_-]/gu, ''), lang: '' };
    if (LANG_COLUMN.test(h)) return { i, kind: 'lang' as const, lang: lower.replace('_', '-') };
    return fail(`unknown column "${h}" (language tags such as en and ar, or id, status, note, subject, definition, pos, gender)`, file, 1, h);
  });
  const seen = new Set<string>();
  for (const c of columns) {
    const key = c.kind === 'lang' || c.kind === 'status-of' ? `${c.kind}:${c.lang}` : c.kind;
    if (seen.has(key)) fail(`column "${header[c.i]}" appears twice`, file, 1, header[c.i]);
    seen.add(key);
  }
  const langs = columns.filter((c) => c.kind === 'lang');
  if (langs.length < 2) fail('a glossary needs at least two language columns (e.g. en and ar)', file, 1);
  const source = langs[0]!.lang;
  const col = (kind: string) => columns.find((c) => c.kind === kind)?.i;
  const idCol = col('id') ?? col('concept');
  const statusCol = col('status');
  const noteCol = col('note') ?? col('notes') ?? col('comment');

  const entries = new Map<string, GlossaryEntry>();
  rows.slice(1).forEach((row, k) => {
    const line = k + 2;
    const cell = (i: number | undefined) => (i === undefined ? '' : (row[i] ?? '').trim());
    const status = (lang: string): { status: TermStatus; raw?: string } => {
      const own = columns.find((c) => c.kind === 'status-of' && c.lang === lang);
      const raw = own ? cell(own.i) : lang === source ? '' : cell(statusCol);
      if (!raw) return { status: 'preferred' };
      const parsed = parseTermStatus(raw);
      if (!parsed) fail(`unknown status "${raw}" (preferred, admitted, deprecated or superseded)`, file, line, own ? header[own.i] : 'status');
      return { status: parsed, raw };
    };
    const terms: Term[] = [];
    for (const l of langs) {
      for (const text of cell(l.i).split('|').map((t) => t.trim()).filter(Boolean)) {
        const st = status(l.lang);
        const term: Term = { lang: l.lang, text, status: st.status };
        if (st.raw) term.rawStatus = st.raw;
        const note = cell(noteCol);
        if (note && l.lang !== source) term.note = note;
        const pos = cell(col('pos') ?? col('partofspeech'));
        if (pos) term.partOfSpeech = pos;
        const gender = cell(col('gender'));
        if (gender && l.lang !== source) term.gender = gender;
        terms.push(term);
      }
    }
    if (terms.length === 0) return;
    const firstSource = terms.find((t) => t.lang === source)?.text.toLowerCase();
    const id = cell(idCol) || (firstSource ? `term:${firstSource}` : '');
    if (!id) fail(`a row without an id needs a ${source} term, so it can be joined to its concept`, file, line, source);
    let entry = entries.get(id);
    if (!entry) {
      entry = { id, terms: [] };
      entries.set(id, entry);
    }
    const subject = cell(col('subject'));
    if (subject && !entry.subject) entry.subject = subject;
    const definition = cell(col('definition'));
    if (definition && !entry.definition) entry.definition = definition;
    for (const t of terms) {
      // The same term on several rows of a concept (junta next to each Arabic variant) once.
      if (!entry.terms.some((x) => x.lang === t.lang && x.text === t.text)) entry.terms.push(t);
    }
  });
  return { name: file.split(/[\\/]/u).pop() ?? file, entries: [...entries.values()].filter((e) => e.terms.length > 0) };
}
