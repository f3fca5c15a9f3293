// Exports reports and interchange files, from the database, from corpus folders, or straight
// from another format (conversion):
//   npm run export -- --db data/tadqiq.sqlite --doc ID --format pdf --out report.pdf
//   npm run export -- corpora/mali-minusma --format marot --out seed.tsv
//   npm run export -- --from wmt.tsv --format xliff --out-dir out/
// Exit codes: 0 done, 2 bad input, 1 failure.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { InputError } from '../server/core/types.js';
import { loadDefaultTypology } from '../server/core/typology.js';
import { readCorpus } from '../server/ingest/corpus.js';
import { parseEncoding } from '../server/ingest/encodings.js';
import { runImport, type ImportFormat } from '../server/ingest/import.js';
import { readBytes } from '../server/ingest/text-file.js';
import { antheaProjectTsv, antheaResults } from '../server/report/anthea.js';
import { annotationsCsv } from '../server/report/csv.js';
import { buildDocumentView } from '../server/report/document-view.js';
import { comparisonReport, corpusReport, documentReport, type ReportItem } from '../server/report/html.js';
import { documentJson, scoreJson } from '../server/report/json.js';
import { marotTsv } from '../server/report/marot.js';
import { segmentsTsv } from '../server/report/pairs.js';
import { htmlToPdf } from '../server/report/pdf.js';
import { scorecardCsv, scorecardXlsx } from '../server/report/scorecard.js';
import { documentTmx } from '../server/report/tmx.js';
import { documentXliff } from '../server/report/xliff-its.js';
import { scoreWithAnnotations } from '../server/score/batch.js';
import { compareDocuments } from '../server/score/compare.js';
import { scoreDocument } from '../server/score/document.js';
import { MQM_CORE } from '../server/score/mqm.js';
import { processDocument } from '../server/pipeline.js';
import { openStore } from '../server/store/index.js';
import type { Store } from '../server/store/types.js';
import { loadDocumentSets } from '../server/store/annotation-sets.js';
import { parseSet, selectSet, type SetChoice } from '../server/review/sets.js';
import { runMain, writeOutput } from './cli-common.js';

/** Formats that write one file per document, and those that put every document in one file. */
const PER_DOCUMENT = { html: 'report.html', pdf: 'report.pdf', xliff: 'xlf', tmx: 'tmx', tsv: 'segments.tsv' } as const;
const COMBINED = ['marot', 'anthea', 'anthea-project', 'csv', 'scorecard-csv', 'xlsx', 'json', 'compare-html', 'corpus-html', 'corpus-pdf'] as const;
type Format = keyof typeof PER_DOCUMENT | (typeof COMBINED)[number];
const FORMATS = [...Object.keys(PER_DOCUMENT), ...COMBINED] as Format[];

const USAGE = `Usage:
  npm run export -- [CORPUS_DIR...] [--db FILE [--doc ID]... [--corpus NAME]] [--from FILE] --format F [--out FILE | --out-dir DIR]

Formats:
  one file per document:  html (report), pdf (report), xliff (2.1 + ITS), tmx, tsv (segment pairs)
  one file for all:       marot (TSV), anthea (results JSON), anthea-project (TSV), csv (errors),
                          scorecard-csv, xlsx (scorecard workbook), json (tadqiq.score/1),
                          compare-html (one source, several systems), corpus-html, corpus-pdf
Sources:
  CORPUS_DIR              a corpus folder; its review files give the annotations
  --db FILE               the database (default $TADQIQ_DB or data/tadqiq.sqlite), with
  --doc ID / --corpus N   the documents to export (default: all)
  --set final|all|reviewer:NAME  the annotations MQM counts (with --db; default: the
                          adjudicated final set once adjudication is complete, else all)
  --from FILE             any importable file (TMX, XLIFF, TSV, Anthea, Marot), converted
                          without touching a database (--from-format, --encoding as for import)
Options:
  --at ISO                timestamp written into the files (byte-identical output)
  -h, --help`;

async function fromStore(store: Store, ids: string[] | undefined, corpus: string | undefined, choice?: SetChoice): Promise<Array<ReportItem & { setLabel: string }>> {
  let list = (await store.documents.list()).map((d) => d);
  if (corpus) list = list.filter((d) => d.corpus === corpus);
  if (ids?.length) {
    for (const id of ids) if (!list.some((d) => d.id === id)) throw new InputError(`no document "${id}"${corpus ? ` in corpus "${corpus}"` : ''}`, { field: '--doc' });
    list = list.filter((d) => ids.includes(d.id));
  }
  const items: Array<ReportItem & { setLabel: string }> = [];
  for (const s of list.sort((a, b) => a.id.localeCompare(b.id))) {
    const doc = (await store.documents.get(s.id))!;
    const stored = (await store.alignments.get(doc.id))?.alignment;
    const view = buildDocumentView(processDocument(doc, stored ? { stored } : {}), await store.annotations.list(doc.id), await store.beadStatus.list(doc.id));
    // The view keeps every reviewer's marks (errors in context, agreement); the score counts the set.
    const sets = await loadDocumentSets(store, doc.id);
    const set = selectSet(choice, sets.marks, sets.final, sets.decisions);
    items.push({ doc, view, scores: scoreDocument(doc, view, { annotationSet: { name: set.name, annotations: set.annotations } }), setLabel: set.label });
  }
  return items;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      'out-dir': { type: 'string' },
      db: { type: 'string' },
      doc: { type: 'string', multiple: true },
      corpus: { type: 'string' },
      set: { type: 'string' },
      from: { type: 'string' },
      'from-format': { type: 'string', default: 'auto' },
      encoding: { type: 'string' },
      at: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.format) {
    console[values.help ? 'log' : 'error'](USAGE);
    return values.help ? 0 : 2;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new InputError(`unknown format "${format}" (${FORMATS.join(', ')})`, { field: '--format' });
  const at = values.at ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(at))) throw new InputError('must be an ISO 8601 date-time', { field: '--at' });
  const generatedAt = new Date(at).toISOString();
  const typology = loadDefaultTypology();

  const choice = values.set !== undefined ? parseSet(values.set) : undefined;
  const items: Array<ReportItem & { setLabel?: string }> = [];
  for (const dir of positionals) {
    for (const d of readCorpus(dir).documents) items.push(scoreWithAnnotations(d.pair, d.review.map((a, k) => ({ ...a, id: k + 1, sentence: 0, text: '', createdAt: generatedAt }))));
  }
  if (values.from) {
    const store = openStore(':memory:');
    await runImport(store, typology, { format: values['from-format'] as ImportFormat, file: { name: values.from, bytes: readBytes(values.from) }, encoding: parseEncoding(values.encoding), ...(values.corpus ? { corpus: values.corpus } : {}) });
    items.push(...(await fromStore(store, values.doc, undefined)));
    store.close();
  }
  if (values.db || (!positionals.length && !values.from)) {
    const dbFile = values.db ?? loadConfig().dbFile;
    if (!fs.existsSync(dbFile)) throw new InputError('database not found', { file: dbFile });
    const store = openStore(dbFile);
    try {
      items.push(...(await fromStore(store, values.doc, values.corpus, choice)));
    } finally {
      store.close();
    }
  }
  if (items.length === 0) throw new InputError('nothing to export: no document matched', { field: '--doc' });

  if (format in PER_DOCUMENT) {
    const ext = PER_DOCUMENT[format as keyof typeof PER_DOCUMENT];
    if (items.length > 1 && !values['out-dir']) throw new InputError(`${items.length} documents: give --out-dir for one ${format} file each, or choose one with --doc`, { field: '--out-dir' });
    for (const it of items) {
      let body: string | Buffer;
      const report = { generatedAt, ...(it.setLabel ? { scoredSet: it.setLabel } : {}) };
      if (format === 'html') body = await documentReport(it.doc, it.view, it.scores, report);
      else if (format === 'pdf') body = await htmlToPdf(await documentReport(it.doc, it.view, it.scores, report), { generatedAt });
      else if (format === 'xliff') body = documentXliff(it.doc, it.view, { mqm: it.scores.mqm, passThreshold: MQM_CORE.passThreshold! });
      else if (format === 'tsv') body = segmentsTsv(it.doc, it.view);
      else body = documentTmx(it.doc, it.view, { generatedAt });
      writeOutput(values['out-dir'] ? path.join(values['out-dir'], `${it.doc.id.replace(/[^A-Za-z0-9._-]/g, '_')}.${ext}`) : values.out, body);
    }
    return 0;
  }
  let body: string | Buffer;
  switch (format) {
    case 'marot': body = marotTsv(items, typology); break;
    case 'anthea': body = JSON.stringify(antheaResults(items, typology, { generatedAt }), null, 1) + '\n'; break;
    case 'anthea-project': body = antheaProjectTsv(items); break;
    case 'csv': body = annotationsCsv(items); break;
    case 'scorecard-csv': body = scorecardCsv(items); break;
    case 'xlsx': body = await scorecardXlsx(items, { generatedAt }); break;
    case 'json': body = JSON.stringify(scoreJson(items.map((i) => documentJson(i.doc, i.view, i.scores))), null, 2) + '\n'; break;
    case 'compare-html': { const stats = compareDocuments(items); body = await comparisonReport(items, { generatedAt, ...(stats ? { stats } : {}) }); break; }
    case 'corpus-html': body = await corpusReport(values.corpus ?? items[0]!.doc.corpus, items, { generatedAt }); break;
    default: body = await htmlToPdf(await corpusReport(values.corpus ?? items[0]!.doc.corpus, items, { generatedAt }), { generatedAt });
  }
  if (Buffer.isBuffer(body) && !values.out && process.stdout.isTTY) throw new InputError('binary output: give --out FILE', { field: '--out' });
  writeOutput(values.out ?? (values['out-dir'] ? path.join(values['out-dir'], `export.${format}`) : undefined), body);
  return 0;
}

runMain(main);
