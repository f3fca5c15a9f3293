// Imports documents and reviews into the Tadqiq database, all or nothing:
//   npm run import -- FILE [--format F] [options]
//   npm run import -- --source EN.txt --target AR.txt [--reference REF.txt] [--lines] [options]
// Exit codes: 0 done, 2 bad input (the message names file, line and field), 1 failure.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { InputError } from '../server/core/types.js';
import { loadDefaultTypology } from '../server/core/typology.js';
import { parseEncoding } from '../server/ingest/encodings.js';
import { DEFAULT_MAX_BYTES, IMPORT_FORMATS, readImport, runImport, type ImportFormat, type ImportRequest } from '../server/ingest/import.js';
import { readBytes } from '../server/ingest/text-file.js';
import { openStore } from '../server/store/index.js';
import { runMain } from './cli-common.js';

const USAGE = `Usage:
  npm run import -- FILE [options]
  npm run import -- --source EN.txt --target AR.txt [--reference REF.txt]... [--lines] [options]

Formats (--format, default: detected from the file):
  ${IMPORT_FORMATS.join(', ')}

Options:
  --db FILE               database (default: $TADQIQ_DB or data/tadqiq.sqlite)
  --encoding E            auto (default), utf-8, utf-16le, utf-16be, windows-1256
  --source-lang L, --target-lang L, --system NAME, --corpus NAME, --title TEXT, --id ID
  --lines                 plain-text pair with one segment a line, lines aligned
  --author NAME           reviewer for ITS issues that name none
  --max-mb N              refuse larger files (default ${DEFAULT_MAX_BYTES / 1048576})
  --dry-run               read and check the file, write nothing
  -h, --help`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'auto' },
      db: { type: 'string' },
      encoding: { type: 'string' },
      source: { type: 'string' },
      target: { type: 'string' },
      reference: { type: 'string', multiple: true },
      'source-lang': { type: 'string' },
      'target-lang': { type: 'string' },
      system: { type: 'string' },
      corpus: { type: 'string' },
      title: { type: 'string' },
      id: { type: 'string' },
      author: { type: 'string' },
      lines: { type: 'boolean' },
      'max-mb': { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = values.format as ImportFormat;
  if (!IMPORT_FORMATS.includes(format)) throw new InputError(`unknown format "${format}" (${IMPORT_FORMATS.join(', ')})`, { field: '--format' });
  if (positionals.length > 1) throw new InputError('give one file per import (everything in it is imported, or nothing)', { field: 'FILE' });
  const maxMb = values['max-mb'] !== undefined ? Number(values['max-mb']) : undefined;
  if (maxMb !== undefined && !(maxMb > 0)) throw new InputError('must be a positive number of megabytes', { field: '--max-mb' });
  const file = (p: string) => ({ name: p, bytes: readBytes(p) });
  const req: ImportRequest = {
    format: positionals.length ? format : 'text',
    encoding: parseEncoding(values.encoding),
    ...(maxMb !== undefined ? { maxBytes: Math.round(maxMb * 1048576) } : {}),
    ...(positionals[0] ? { file: file(positionals[0]) } : {}),
    ...(values.source ? { source: file(values.source) } : {}),
    ...(values.target ? { target: file(values.target) } : {}),
    ...(values.reference?.length ? { references: values.reference.map(file) } : {}),
    ...(values['source-lang'] ? { sourceLang: values['source-lang'] } : {}),
    ...(values['target-lang'] ? { targetLang: values['target-lang'] } : {}),
    ...(values.system ? { system: values.system } : {}),
    ...(values.corpus ? { corpus: values.corpus } : {}),
    ...(values.title ? { title: values.title } : {}),
    ...(values.id ? { id: values.id } : {}),
    ...(values.author ? { author: values.author } : {}),
    ...(values.lines ? { segmentation: 'lines' as const } : {}),
  };
  if (!req.file && !req.source && !req.target) {
    console.error(USAGE);
    return 2;
  }
  const typology = loadDefaultTypology();
  if (values['dry-run']) {
    const { result, textPair } = readImport(req, typology);
    const docs = result.documents.map((d) => `${d.doc}/${d.system}: ${d.segments.length} segments, ${d.annotations.length} annotations`);
    if (textPair) docs.push(`${textPair.title}/${textPair.system}: plain-text pair`);
    console.log(`${result.format}: ${docs.length} document(s) read, nothing written\n  ${docs.join('\n  ')}`);
    return 0;
  }
  const dbFile = values.db ?? loadConfig().dbFile;
  const store = openStore(dbFile);
  try {
    const s = await runImport(store, typology, req);
    const skipped = Object.entries(s.skipped).map(([k, v]) => `${v} ${k}`).join(', ');
    console.log(`imported ${s.format} into ${path.relative(process.cwd(), dbFile) || dbFile}: ${s.documents.length} document(s), ${s.annotations} annotation(s)${skipped ? `; not imported: ${skipped}` : ''}`);
    for (const d of s.documents) console.log(`  ${d.id}  ${d.created ? 'new' : 'annotations added'}${d.segments !== undefined ? `, ${d.segments} segments` : ''}, ${d.annotations} annotation(s)`);
  } finally {
    store.close();
  }
  return 0;
}

runMain(main);
