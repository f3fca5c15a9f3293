// Batch scoring: `npm run score -- corpora/mali-minusma` or
// `npm run score -- --source EN.txt --target AR.txt [--reference REF.txt] [--glossary G.tbx]`.
// Exit codes: 0 done, 2 bad input (the message names the file, line or field).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { InputError, type AnnotationInput, type DocumentPair } from '../server/core/types.js';
import { pairFromFiles, readCorpus } from '../server/ingest/corpus.js';
import { parseReview } from '../server/ingest/review.js';
import { readTextFile } from '../server/ingest/text-file.js';
import { annotationsCsv } from '../server/report/csv.js';
import { renderDocumentReport } from '../server/report/html.js';
import { documentJson, scoreJson } from '../server/report/json.js';
import { textSummary } from '../server/report/text.js';
import { scoreWithAnnotations } from '../server/score/batch.js';
import { openStore } from '../server/store/index.js';

const USAGE = `Usage:
  npm run score -- <corpus folder or manifest.json>... [options]
  npm run score -- --source EN.txt --target AR.txt [--reference REF.txt]... [--glossary G.tbx] [--review R.jsonl] [options]

Options:
  --format text|json|csv|html   output format (default text)
  --out FILE                    write to FILE instead of standard output
  --db FILE                     take annotations from this Tadqiq database instead of review files
  --source-lang L, --target-lang L   languages of loose files (default en, ar)
  --system NAME                 MT system name for loose files
  --generated-at ISO            fixed report timestamp (byte-identical reports)
  -h, --help`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      target: { type: 'string' },
      reference: { type: 'string', multiple: true },
      glossary: { type: 'string' },
      review: { type: 'string' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      db: { type: 'string' },
      'source-lang': { type: 'string' },
      'target-lang': { type: 'string' },
      system: { type: 'string' },
      'generated-at': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = values.format!;
  if (!['text', 'json', 'csv', 'html'].includes(format)) throw new InputError(`unknown format "${format}" (text, json, csv, html)`, { field: '--format' });

  const items: Array<{ pair: DocumentPair; review: AnnotationInput[] }> = [];
  if (values.source || values.target) {
    if (!values.source || !values.target) throw new InputError('--source and --target go together', { field: values.source ? '--target' : '--source' });
    const pair = pairFromFiles({
      source: values.source,
      target: values.target,
      references: values.reference ?? [],
      ...(values.glossary ? { glossary: values.glossary } : {}),
      ...(values['source-lang'] ? { sourceLang: values['source-lang'] } : {}),
      ...(values['target-lang'] ? { targetLang: values['target-lang'] } : {}),
      ...(values.system ? { system: values.system } : {}),
    });
    const review = values.review ? parseReview(readTextFile(values.review), { source: pair.sourceText, target: pair.targetText }, values.review) : [];
    items.push({ pair, review });
  }
  for (const p of positionals) {
    for (const d of readCorpus(p).documents) items.push({ pair: d.pair, review: d.review });
  }
  if (items.length === 0) {
    console.error(USAGE);
    return 2;
  }

  let annotationsFor = (item: (typeof items)[number]): Promise<Array<AnnotationInput>> | AnnotationInput[] => item.review;
  let closeStore = () => {};
  if (values.db) {
    if (!fs.existsSync(values.db)) throw new InputError('database not found', { file: values.db });
    const store = openStore(values.db);
    closeStore = () => store.close();
    annotationsFor = (item) => store.annotations.list(item.pair.id);
  }
  const scored = [];
  for (const item of items) scored.push(scoreWithAnnotations(item.pair, await annotationsFor(item)));
  closeStore();

  let output: string;
  if (format === 'json') output = JSON.stringify(scoreJson(scored.map((s) => documentJson(s.doc, s.view, s.scores))), null, 2) + '\n';
  else if (format === 'csv') output = annotationsCsv(scored);
  else if (format === 'html') {
    if (scored.length !== 1) throw new InputError('--format html writes one document; give one document', { field: '--format' });
    const s = scored[0]!;
    output = renderDocumentReport(s.doc, s.view, s.scores, values['generated-at'] ? { generatedAt: values['generated-at'] } : {});
  } else output = textSummary(scored);

  if (values.out) {
    fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
    fs.writeFileSync(values.out, output);
    console.error(`wrote ${values.out}`);
  } else process.stdout.write(output);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof InputError || (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`error: ${(e as Error).message}`);
      process.exit(2);
    }
    console.error(e);
    process.exit(1);
  },
);
