// Corpora on disk: a folder with manifest.json naming the source, the machine translations
// (one per MT system), references, a glossary and review files. See README "Adding a corpus".
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { resolveChecks } from '../check/index.js';
import { InputError, SEVERITIES, type AnnotationInput, type CheckConfig, type DocumentPair, type Glossary } from '../core/types.js';
import { isKnownCategory, isKnownSeverity, loadDefaultTypology, parseTypology, type Typology } from '../core/typology.js';
import { parseGlossaryCsv } from './glossary-csv.js';
import { parseReview } from './review.js';
import { parseTbx } from './tbx.js';
import { readTextFile } from './text-file.js';

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'use letters, digits, ".", "_" or "-" (max 128)');
const CheckConf = z
  .object({ enabled: z.boolean().optional(), severity: z.enum(SEVERITIES as [string, ...string[]]).optional(), options: z.record(z.string(), z.unknown()).optional() })
  .strict();

const ManifestSchema = z
  .object({
    schema: z.literal('tadqiq.corpus/1'),
    id: Id,
    title: z.string().min(1),
    description: z.string().optional(),
    sourceLang: z.string().min(2),
    targetLang: z.string().min(2),
    glossary: z.string().optional(),
    /** A typology profile file (categories and severities) to review with instead of MQM core. */
    typology: z.string().optional(),
    checks: z.record(z.string(), CheckConf).optional(),
    documents: z
      .array(
        z
          .object({
            id: Id,
            title: z.string().min(1),
            source: z.string().min(1),
            references: z.array(z.string().min(1)).optional(),
            /** "lines": one segment a line in every file, line i of each going together (no segmenting or aligning). */
            segmentation: z.literal('lines').optional(),
            translations: z
              .array(
                z
                  .object({ id: Id.optional(), system: z.string().min(1), file: z.string().min(1), review: z.string().optional() })
                  .strict(),
              )
              .min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type Manifest = z.infer<typeof ManifestSchema>;

export interface CorpusDocument {
  pair: DocumentPair;
  /** The bundled expert review, if the manifest names one. */
  review: AnnotationInput[];
  reviewFile?: string;
}

export interface Corpus {
  dir: string;
  manifest: Manifest;
  documents: CorpusDocument[];
}

/** Resolves a manifest path inside the corpus folder; a path that escapes it is refused. */
function inside(dir: string, rel: string, field: string, file: string): string {
  const full = path.resolve(dir, rel);
  if (full !== dir && !full.startsWith(dir + path.sep)) {
    throw new InputError(`path "${rel}" leaves the corpus folder`, { file, field });
  }
  return full;
}

export function readManifest(file: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(readTextFile(file));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`not valid JSON (${(e as Error).message})`, { file });
  }
  const r = ManifestSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new InputError(issue.message, { file, field: issue.path.join('.') });
  }
  return r.data;
}

/** A TBX glossary, or a CSV/TSV one (by extension: .csv, .tsv). */
export function readGlossaryFile(file: string): Glossary {
  const text = readTextFile(file);
  return /\.(?:csv|tsv)$/iu.test(file) ? parseGlossaryCsv(text, file) : parseTbx(text, file);
}

export function readTypologyFile(file: string): Typology {
  let json: unknown;
  const text = readTextFile(file);
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`not valid JSON (${(e as Error).message})`, { file });
  }
  return parseTypology(json, file);
}

/** A corpus whose manifest (and glossary) has been read and checked, documents not yet read. */
export interface CorpusHeader {
  dir: string;
  manifestFile: string;
  manifest: Manifest;
  glossary?: Glossary;
  typology: Typology;
}

/** Reads and checks a manifest, its glossary and its document ids; texts are read later. */
export function openCorpus(dirOrManifest: string): CorpusHeader {
  const manifestFile = dirOrManifest.endsWith('.json') ? path.resolve(dirOrManifest) : path.resolve(dirOrManifest, 'manifest.json');
  const dir = path.dirname(manifestFile);
  if (!fs.existsSync(manifestFile)) throw new InputError('no manifest.json in this folder', { file: manifestFile });
  const m = readManifest(manifestFile);
  // Check names, severities and options are validated now, so a typo stops the corpus with a
  // message naming the field instead of surfacing when a document is first opened.
  if (m.checks) resolveChecks(m.checks as Record<string, CheckConfig>, { file: manifestFile });
  const typology = m.typology ? readTypologyFile(inside(dir, m.typology, 'typology', manifestFile)) : loadDefaultTypology();
  const glossary = m.glossary ? readGlossaryFile(inside(dir, m.glossary, 'glossary', manifestFile)) : undefined;
  const ids = new Set<string>();
  for (const d of m.documents) {
    for (const t of d.translations) {
      const id = t.id ?? `${d.id}.${t.system}`;
      if (ids.has(id)) throw new InputError(`two documents have the id "${id}"`, { file: manifestFile });
      ids.add(id);
    }
  }
  return { dir, manifestFile, manifest: m, typology, ...(glossary ? { glossary } : {}) };
}

/** The translations of manifest document `di`, each a document with its review. */
export function readCorpusDocument(h: CorpusHeader, di: number): CorpusDocument[] {
  const { dir, manifestFile, manifest: m, glossary, typology } = h;
  const d = m.documents[di]!;
  const field = (f: string) => `documents.${di}.${f}`;
  const sourceText = readTextFile(inside(dir, d.source, field('source'), manifestFile));
  const references = (d.references ?? []).map((r, ri) => readTextFile(inside(dir, r, field(`references.${ri}`), manifestFile)));
  return d.translations.map((t, ti) => {
    const targetFile = inside(dir, t.file, field(`translations.${ti}.file`), manifestFile);
    const targetText = readTextFile(targetFile);
    const pair: DocumentPair = {
      id: t.id ?? `${d.id}.${t.system}`,
      corpus: m.id,
      title: d.title,
      sourceLang: m.sourceLang,
      targetLang: m.targetLang,
      system: t.system,
      sourceText,
      targetText,
      references,
      ...(glossary ? { glossary } : {}),
      ...(m.checks ? { checks: m.checks as DocumentPair['checks'] } : {}),
      ...(m.typology ? { typology } : {}),
      ...(d.segmentation ? { segmentation: d.segmentation, meta: { sourceDoc: d.id } } : {}),
    };
    let review: AnnotationInput[] = [];
    let reviewFile: string | undefined;
    if (t.review) {
      reviewFile = inside(dir, t.review, field(`translations.${ti}.review`), manifestFile);
      review = parseReview(readTextFile(reviewFile), { source: sourceText, target: targetText }, reviewFile);
      review.forEach((a, k) => {
        if (!isKnownCategory(typology, a.category)) {
          throw new InputError(`unknown category "${a.category}" in annotation ${k + 1} (typology ${typology.id})`, { file: reviewFile, field: 'category' });
        }
        if (!isKnownSeverity(typology, a.severity)) {
          throw new InputError(`severity "${a.severity}" in annotation ${k + 1} is not in typology ${typology.id}`, { file: reviewFile, field: 'severity' });
        }
      });
    }
    return { pair, review, ...(reviewFile ? { reviewFile } : {}) };
  });
}

/** Reads a corpus folder (or its manifest.json) completely; throws InputError on any problem. */
export function readCorpus(dirOrManifest: string): Corpus {
  const h = openCorpus(dirOrManifest);
  const documents = h.manifest.documents.flatMap((_, di) => readCorpusDocument(h, di));
  return { dir: h.dir, manifest: h.manifest, documents };
}

/**
 * Every corpus folder directly under `root` (folders with a manifest.json). A broken corpus does
 * not hide the others: it is reported in `errors`.
 */
export function readCorpora(root: string): { corpora: Corpus[]; errors: InputError[] } {
  const corpora: Corpus[] = [];
  const errors: InputError[] = [];
  if (!fs.existsSync(root)) return { corpora, errors };
  const dirs = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, 'manifest.json')))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const e of dirs) {
    try {
      corpora.push(readCorpus(path.join(root, e.name)));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      errors.push(err);
    }
  }
  return { corpora, errors };
}

/** A document pair from loose files, for scoring without a manifest. */
export function pairFromFiles(opts: {
  source: string;
  target: string;
  references?: string[];
  glossary?: string;
  sourceLang?: string;
  targetLang?: string;
  system?: string;
}): DocumentPair {
  const glossary = opts.glossary ? readGlossaryFile(opts.glossary) : undefined;
  return {
    id: path.basename(opts.target).replace(/\.[^.]*$/, '') || 'document',
    corpus: 'files',
    title: path.basename(opts.target),
    sourceLang: opts.sourceLang ?? 'en',
    targetLang: opts.targetLang ?? 'ar',
    system: opts.system ?? path.basename(opts.target),
    sourceText: readTextFile(opts.source),
    targetText: readTextFile(opts.target),
    references: (opts.references ?? []).map((f) => readTextFile(f)),
    ...(glossary ? { glossary } : {}),
  };
}
