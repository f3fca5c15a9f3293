// Google's Anthea: the project TSV it annotates (line 1 JSON parameters, then
// source⇥target⇥doc⇥system[⇥JSON] rows, a blank row or one with only doc⇥system = paragraph
// break) and the results JSON it saves (parsedDocSys + one result per non-blank segment with
// token-indexed errors). Both hold full segment texts, so they can create documents.
import { z } from 'zod';
import { InputError } from '../core/types.js';
import type { Typology } from '../core/typology.js';
import { isNotAnError, mapSeverity, requireCategory } from './categories.js';
import type { ImportAnnotation, ImportResult, ImportSegment, ImportedDocument } from './segmented.js';
import { antheaTokens, tokensToChars } from './tokens.js';

const unescape = (s: string) => s.replace(/\\n/g, '\n').replace(/\\t/g, '\t');

function languages(params: Record<string, unknown>, file: string, line?: number) {
  const src = params['source_language'] ?? params['source-language'] ?? params['srcLang'];
  const tgt = params['target_language'] ?? params['target-language'] ?? params['tgtLang'];
  if (typeof src !== 'string' || !src) throw new InputError('the parameters have no source_language', { file, ...(line ? { line } : {}), field: 'source_language' });
  if (typeof tgt !== 'string' || !tgt) throw new InputError('the parameters have no target_language', { file, ...(line ? { line } : {}), field: 'target_language' });
  return { sourceLang: src, targetLang: tgt };
}

export function parseAntheaProject(text: string, file: string): ImportResult {
  const lines = text.split('\n');
  let params: Record<string, unknown>;
  try {
    params = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    if (!params || typeof params !== 'object' || Array.isArray(params)) throw new Error('not an object');
  } catch (e) {
    throw new InputError(`line 1 of an Anthea project must be a JSON object of parameters (${(e as Error).message})`, { file, line: 1 });
  }
  const { sourceLang, targetLang } = languages(params, file, 1);
  const docs = new Map<string, ImportedDocument>();
  let lastKey = '';
  let pendingBreak = true;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!;
    const cols = raw.split('\t');
    if (!raw.trim() || (cols.length >= 4 && !cols[0]!.trim() && !cols[1]!.trim())) {
      pendingBreak = true;
      continue;
    }
    if (cols.length < 4) throw new InputError(`expected source⇥target⇥doc⇥system[⇥JSON], found ${cols.length} column(s)`, { file, line: i + 1 });
    const [src, tgt, doc, system] = cols as [string, string, string, string];
    const key = `${doc}\u0000${system}`;
    let d = docs.get(key);
    if (!d) {
      d = { doc, system, title: doc, sourceLang, targetLang, segments: [], annotations: [] };
      docs.set(key, d);
    }
    if (key !== lastKey) pendingBreak = true;
    lastKey = key;
    let refs: string[] | undefined;
    if (cols[4]?.trim()) {
      let anno: Record<string, unknown>;
      try {
        anno = JSON.parse(cols[4]) as Record<string, unknown>;
      } catch (e) {
        throw new InputError(`the annotation column is not JSON (${(e as Error).message})`, { file, line: i + 1, field: 'annotation' });
      }
      const r = anno['references'];
      if (r && typeof r === 'object') refs = Object.values(r as Record<string, unknown>).map(String);
    }
    const seg: ImportSegment = { source: unescape(src), target: unescape(tgt), paragraphStart: pendingBreak, ...(refs ? { references: refs } : {}) };
    d.segments.push(seg);
    pendingBreak = false;
  }
  if (docs.size === 0) throw new InputError('the project has no segment rows', { file });
  return { format: 'anthea-project', file, documents: [...docs.values()] };
}

const AntheaError = z
  .object({
    location: z.enum(['source', 'translation', 'translation2']),
    start: z.number().int(),
    end: z.number().int(),
    severity: z.string(),
    type: z.string(),
    subtype: z.string().optional(),
    prefix: z.string().optional(),
    selected: z.string().optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    marked_deleted: z.boolean().optional(),
  })
  .passthrough();

const Results = z
  .object({
    raterId: z.string(),
    projectName: z.string().optional(),
    templateName: z.string().optional(),
    template: z.record(z.string(), z.unknown()).optional(),
    parameters: z.record(z.string(), z.unknown()),
    parsedDocSys: z.array(
      z.object({ doc: z.string(), sys: z.string(), srcSegments: z.array(z.string()), tgtSegments: z.array(z.string()) }).passthrough(),
    ),
    results: z.array(z.object({ errors: z.array(AntheaError).default([]), visited: z.boolean().optional(), timestamp: z.number().optional() }).passthrough()),
  })
  .passthrough();

/** A template's display names for a type/subtype, as Anthea's own Marot export writes them. */
function categoryLabel(template: Record<string, unknown> | undefined, type: string, subtype?: string): string {
  const errors = (template?.['errors'] ?? {}) as Record<string, { display?: string; subtypes?: Record<string, { display?: string }> }>;
  const t = errors[type];
  const typeName = t?.display ?? type;
  const subName = subtype ? (t?.subtypes?.[subtype]?.display ?? subtype) : '';
  return subName ? `${typeName}/${subName}` : typeName;
}

export function parseAntheaResults(text: string, file: string, typology: Typology): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`not valid JSON (${(e as Error).message})`, { file });
  }
  const r = Results.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new InputError(`not an Anthea results file: ${issue.message}`, { file, field: issue.path.join('.') });
  }
  const data = r.data;
  const { sourceLang, targetLang } = languages(data.parameters, file);
  const rater = data.projectName ? `${data.projectName}:${data.raterId}` : data.raterId;
  const documents: ImportedDocument[] = [];
  const skipped: Record<string, number> = {};
  let resultIndex = 0;
  data.parsedDocSys.forEach((ds, di) => {
    const d: ImportedDocument = { doc: ds.doc, system: ds.sys, title: ds.doc, sourceLang, targetLang, segments: [], annotations: [], ratings: { [rater]: [] } };
    let pendingBreak = true;
    ds.srcSegments.forEach((src, l) => {
      if (!src) {
        pendingBreak = true;
        return;
      }
      const tgt = ds.tgtSegments[l] ?? '';
      const seg = d.segments.length;
      d.segments.push({ source: src, target: tgt, paragraphStart: pendingBreak });
      pendingBreak = false;
      const result = data.results[resultIndex++];
      if (!result) throw new InputError(`fewer results (${data.results.length}) than non-blank segments`, { file, field: 'results' });
      if (result.visited === false) return;
      d.ratings![rater]!.push(seg);
      result.errors.forEach((e, ei) => {
        const field = `results.${resultIndex - 1}.errors.${ei}`;
        if (e.marked_deleted) return void (skipped['deleted errors'] = (skipped['deleted errors'] ?? 0) + 1);
        if (isNotAnError(e.type, e.severity)) return void (skipped['attention checks'] = (skipped['attention checks'] ?? 0) + 1);
        const severity = mapSeverity(e.severity);
        if (!severity) throw new InputError(`unknown severity "${e.severity}"`, { file, field: `${field}.severity` });
        const label = categoryLabel(data.template, e.type, e.subtype);
        const category = requireCategory(label, typology, { file, field: `${field}.type` });
        const side = e.location === 'source' ? 'source' : 'target';
        const segText = side === 'source' ? src : tgt;
        const meta = e.metadata ?? {};
        // Tadqiq's own export keeps the exact characters next to the token span.
        const exact = meta['tadqiq'] as { start?: number; end?: number; category?: string; correction?: string; author?: string } | undefined;
        let span = tokensToChars(antheaTokens(segText), e.start, e.end);
        if (exact && typeof exact.start === 'number' && typeof exact.end === 'number' && exact.end > exact.start && exact.end <= segText.length) {
          span = { start: exact.start, end: exact.end };
        }
        if (!span || !/\S/u.test(segText.slice(span.start, span.end))) {
          skipped['errors without a span'] = (skipped['errors without a span'] ?? 0) + 1;
          return;
        }
        const note = typeof meta['note'] === 'string' ? (meta['note'] as string) : undefined;
        const ts = typeof meta['timestamp'] === 'number' ? new Date(meta['timestamp'] as number).toISOString() : undefined;
        const a: ImportAnnotation = {
          segment: seg,
          side,
          start: span.start,
          end: span.end,
          category: exact?.category ? requireCategory(exact.category, typology, { file, field: `${field}.metadata.tadqiq.category` }) : category,
          severity,
          ...(note ? { comment: note } : {}),
          ...(exact?.correction ? { correction: exact.correction } : {}),
          author: exact?.author ?? rater,
          ...(ts ? { createdAt: ts } : {}),
          ...(exact ? {} : { origin: { format: 'anthea', category: label, severity: e.severity } }),
        };
        d.annotations.push(a);
      });
    });
    if (d.segments.length) documents.push(d);
    void di;
  });
  if (resultIndex !== data.results.length) {
    throw new InputError(`${data.results.length} results for ${resultIndex} non-blank segments; the file does not match its own project`, { file, field: 'results' });
  }
  return { format: 'anthea-results', file, documents, ...(Object.keys(skipped).length ? { skipped } : {}) };
}
