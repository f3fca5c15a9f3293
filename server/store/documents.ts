// SQLite implementation of the document repository.
import { createHash } from 'node:crypto';
import type { DocumentPair } from '../core/types.js';
import type { Db } from './db.js';
import type { DocumentRepository, DocumentSummary, StoredDocument } from './types.js';

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

interface Row {
  id: string;
  corpus: string;
  title: string;
  source_lang: string;
  target_lang: string;
  system: string;
  source_text: string;
  target_text: string;
  references_json: string;
  glossary_json: string | null;
  checks_json: string | null;
  segmentation: string | null;
  meta_json: string | null;
  typology_json: string | null;
  created_at: string;
  updated_at: string;
}

export const INSERT_DOCUMENT_SQL = `
    INSERT INTO documents (id, corpus, title, source_lang, target_lang, system, source_text, target_text,
      source_sha256, target_sha256, references_json, glossary_json, checks_json, segmentation, meta_json, typology_json, created_at, updated_at)
    VALUES (@id, @corpus, @title, @sourceLang, @targetLang, @system, @sourceText, @targetText,
      @sourceSha, @targetSha, @references, @glossary, @checks, @segmentation, @meta, @typology, @now, @now)
    ON CONFLICT(id) DO NOTHING`;

export function documentParams(d: DocumentPair, now: string) {
  return {
    id: d.id,
    corpus: d.corpus,
    title: d.title,
    sourceLang: d.sourceLang,
    targetLang: d.targetLang,
    system: d.system,
    sourceText: d.sourceText,
    targetText: d.targetText,
    sourceSha: sha256(d.sourceText),
    targetSha: sha256(d.targetText),
    references: JSON.stringify(d.references),
    glossary: d.glossary ? JSON.stringify(d.glossary) : null,
    checks: d.checks ? JSON.stringify(d.checks) : null,
    segmentation: d.segmentation ?? null,
    meta: d.meta ? JSON.stringify(d.meta) : null,
    typology: d.typology ? JSON.stringify(d.typology) : null,
    now,
  };
}

function fromRow(r: Row): StoredDocument {
  return {
    id: r.id,
    corpus: r.corpus,
    title: r.title,
    sourceLang: r.source_lang,
    targetLang: r.target_lang,
    system: r.system,
    sourceText: r.source_text,
    targetText: r.target_text,
    references: JSON.parse(r.references_json) as string[],
    ...(r.glossary_json ? { glossary: JSON.parse(r.glossary_json) } : {}),
    ...(r.checks_json ? { checks: JSON.parse(r.checks_json) } : {}),
    ...(r.segmentation === 'lines' ? { segmentation: 'lines' as const } : {}),
    ...(r.meta_json ? { meta: JSON.parse(r.meta_json) } : {}),
    ...(r.typology_json ? { typology: JSON.parse(r.typology_json) } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function sqliteDocuments(db: Db, now: () => string): DocumentRepository {
  const list = db.prepare(`
    SELECT d.id, d.corpus, d.title, d.system, d.source_lang, d.target_lang,
      (SELECT COUNT(*) FROM annotations a WHERE a.document_id = d.id AND a.deleted_at IS NULL) AS annotations,
      (SELECT COUNT(*) FROM bead_status b WHERE b.document_id = d.id AND b.status = 'reviewed') AS reviewed
    FROM documents d ORDER BY d.corpus, d.title, d.system`);
  const get = db.prepare('SELECT * FROM documents WHERE id = ?');
  const stamp = db.prepare('SELECT updated_at FROM documents WHERE id = ?').pluck();
  // Every request on a document reads it (permissions, the route, the view); its row holds both
  // texts and the glossary as JSON. Parsed documents are kept while their updated_at is the same,
  // which another process's change (an import into the same file) also moves. Callers only read them.
  const parsed = new Map<string, StoredDocument>();
  const insert = db.prepare(INSERT_DOCUMENT_SQL);
  const updateMeta = db.prepare(`
    UPDATE documents SET corpus = @corpus, title = @title, source_lang = @sourceLang, target_lang = @targetLang,
      system = @system, references_json = @references, glossary_json = @glossary, checks_json = @checks,
      typology_json = @typology, updated_at = @now
    WHERE id = @id`);
  const replaceTexts = db.prepare(`
    UPDATE documents SET source_text = @sourceText, target_text = @targetText, source_sha256 = @sourceSha,
      target_sha256 = @targetSha, updated_at = @now WHERE id = @id`);
  const countAnnotations = db.prepare('SELECT COUNT(*) AS n FROM annotations WHERE document_id = ?');

  const params = (d: DocumentPair) => documentParams(d, now());

  return {
    async list(): Promise<DocumentSummary[]> {
      return (list.all() as Array<Record<string, unknown>>).map((r) => ({
        id: r['id'] as string,
        corpus: r['corpus'] as string,
        title: r['title'] as string,
        system: r['system'] as string,
        sourceLang: r['source_lang'] as string,
        targetLang: r['target_lang'] as string,
        annotations: r['annotations'] as number,
        reviewedBeads: r['reviewed'] as number,
      }));
    },
    async get(id) {
      const cached = parsed.get(id);
      if (cached && stamp.get(id) === cached.updatedAt) return cached;
      const r = get.get(id) as Row | undefined;
      if (!r) {
        parsed.delete(id);
        return undefined;
      }
      const doc = fromRow(r);
      if (parsed.size >= 256) parsed.clear();
      parsed.set(id, doc);
      return doc;
    },
    async insert(doc) {
      return insert.run(params(doc)).changes === 1;
    },
    async updateMetadata(doc) {
      parsed.delete(doc.id);
      updateMeta.run(params(doc));
    },
    async replaceTexts(doc) {
      const { n } = countAnnotations.get(doc.id) as { n: number };
      if (n > 0) throw new Error(`document ${doc.id} has ${n} annotations; its texts cannot be replaced`);
      parsed.delete(doc.id);
      replaceTexts.run(params(doc));
    },
  };
}
