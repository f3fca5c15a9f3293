// Scores whole documents outside the web server: pipeline, annotations placed on beads, MQM and
// reference metrics. The batch script (in-process or in worker threads) and the tests call this;
// the web routes use the same parts. A batch job is one source document with every system's
// translation of it, so systems can be compared on the segments they share.
import { createHash } from 'node:crypto';
import type { Annotation, AnnotationInput, CheckConfig, DocumentPair, Glossary } from '../core/types.js';
import { CHECKS } from '../check/index.js';
import type { StoredAlignment } from '../align/corrections.js';
import { processDocument } from '../pipeline.js';
import { annotationsCsv } from '../report/csv.js';
import { buildDocumentView, type DocumentView } from '../report/document-view.js';
import { documentJson } from '../report/json.js';
import { textSummary } from '../report/text.js';
import { compareGroup, unitGroup, type Comparison, type UnitGroup } from './compare.js';
import { scoreDocument, type DocumentScores, type ScoreOptions } from './document.js';
import { sumStats } from './metrics/index.js';
import { MQM_CORE, mqmUnitStats, mqmScoreFromStats, scoreMqmUnits, type MqmProfile } from './mqm.js';
import { mqmErrors, mqmUnits } from './document.js';
import { referenceSegments, runMetrics, type MetricId, type MetricOptions } from './reference-metrics.js';
import { bootstrapCi, statTable } from './statistics.js';

export interface ScoredDocument {
  doc: DocumentPair;
  view: DocumentView;
  scores: DocumentScores;
}

type AnyAnnotation = AnnotationInput | Annotation;

function place(doc: DocumentPair, annotations: AnyAnnotation[]) {
  return annotations.map((a, k) => ({
    id: 'id' in a ? a.id : k + 1,
    sentence: 0,
    text: (a.side === 'source' ? doc.sourceText : doc.targetText).slice(a.start, a.end),
    ...a,
  }));
}

export function scoreWithAnnotations(doc: DocumentPair, annotations: AnyAnnotation[], options: ScoreOptions = {}): ScoredDocument {
  const processed = processDocument(doc);
  const view = buildDocumentView(processed, place(doc, annotations));
  return { doc, view, scores: scoreDocument(doc, view, options) };
}

/** What a batch does to every document; plain data, so it can be sent to worker threads. */
export interface BatchOptions extends MetricOptions {
  profile: MqmProfile;
  /** Checks to run (ids); undefined keeps each document's configuration. */
  checks?: string[];
  /** A glossary for every document (replacing the manifest's). */
  glossary?: Glossary;
  /** Extra references for every document (loose files). */
  references?: string[];
  /** Bootstrap intervals on every document's scores. */
  ci?: boolean;
  resamples?: number;
  trials?: number;
  seed?: number;
  /** Keep per-segment statistics for system-level intervals and tests. */
  keepUnits?: boolean;
  /** What each document is rendered to in the worker (html keeps the whole view instead). */
  render: 'text' | 'json' | 'csv' | 'tsv' | 'html';
}

export interface BatchDoc {
  pair: DocumentPair;
  annotations: AnyAnnotation[];
  /** A reviewer-corrected alignment (from the database) to use instead of the automatic one. */
  alignment?: StoredAlignment;
  /** The annotation set these are (all, final, reviewer:NAME), for the MQM signature. */
  set?: string;
}

export interface BatchJob {
  index: number;
  corpus: string;
  /** The source document every translation in the job shares. */
  source: string;
  docs: BatchDoc[];
}

export interface DocResult {
  id: string;
  corpus: string;
  system: string;
  title: string;
  source: string;
  sourceLang: string;
  targetLang: string;
  scores: DocumentScores;
  /** sha256 over source, target, references and the scored annotations. */
  dataHash: string;
  beads: number;
  findings: number;
  /** Summed sufficient statistics: MQM [penalty, words, rated] and each metric's. */
  sums: Record<string, number[]>;
  /** The document in the output format (JSON object, text block, CSV rows). */
  rendered?: unknown;
  /** For HTML reports, made in-process. */
  item?: ScoredDocument;
}

export interface GroupResult {
  index: number;
  docs: DocResult[];
  comparison?: Comparison;
  units?: UnitGroup;
}

/** A stable hash of what a score was computed from. */
export function dataHash(doc: DocumentPair, annotations: AnyAnnotation[], alignment?: StoredAlignment): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([doc.sourceText, doc.targetText, doc.references, doc.segmentation ?? '']));
  const rows = annotations.map((a) => [a.side, a.start, a.end, a.category, a.severity, a.author]).map((r) => JSON.stringify(r)).sort();
  h.update(rows.join('\n'));
  // A corrected alignment changes the segments scored; without one the hash is as it always was.
  if (alignment) h.update(`\nalignment:${alignment.shapes}`);
  return `sha256:${h.digest('hex').slice(0, 16)}`;
}

function applyOverrides(pair: DocumentPair, o: BatchOptions): DocumentPair {
  let p = pair;
  if (o.checks) {
    const checks: Record<string, CheckConfig> = {};
    for (const c of CHECKS) checks[c.id] = { ...(pair.checks?.[c.id] ?? {}), enabled: o.checks.includes(c.id) };
    p = { ...p, checks };
  }
  if (o.glossary) p = { ...p, glossary: o.glossary };
  if (o.references?.length) p = { ...p, references: [...p.references, ...o.references] };
  return p;
}

function scoreOne(raw: BatchDoc, source: string, o: BatchOptions): { result: DocResult; member: Parameters<typeof unitGroup>[2][number] } {
  const pair = applyOverrides(raw.pair, o);
  const p = processDocument(pair, raw.alignment ? { stored: raw.alignment } : {});
  const placed = place(pair, raw.annotations);
  // The view (highlight pieces for every sentence) is only needed to render a document.
  const view = o.render === 'tsv' ? undefined : buildDocumentView(p, placed);
  const annotations = view ? view.annotations : placed;
  const profile = o.profile ?? MQM_CORE;
  const errors = mqmErrors(p, annotations);
  const units = mqmUnits(p);
  const scores: DocumentScores = { mqm: scoreMqmUnits(errors, units, profile, raw.set ? { set: raw.set } : {}) };
  const sums: Record<string, number[]> = {};
  const mqm = mqmUnitStats(errors, units, profile);
  sums['mqm'] = mqm.stats.length ? sumStats(mqm.stats) : [0, 0, 0];
  const ciOpts = { ...(o.resamples !== undefined ? { resamples: o.resamples } : {}), ...(o.seed !== undefined ? { seed: o.seed } : {}) };
  if (o.ci) {
    const ci = bootstrapCi(statTable(mqm.stats), (s) => mqmScoreFromStats(profile, s), ciOpts);
    if (ci) scores.mqm.ci = ci;
  }
  if (pair.references.length > 0) {
    const rs = referenceSegments([p], pair.references);
    for (const run of runMetrics(rs.hyps[0]!, rs.refs, o)) {
      const s = { ...run.score };
      if (o.ci) {
        const ci = bootstrapCi(statTable(run.stats), (x) => run.metric.computeScoreFromStats(x).score, ciOpts);
        if (ci) s.ci = ci;
      }
      scores[run.id as MetricId] = s;
      sums[run.id] = sumStats(run.stats);
    }
  }
  const item: ScoredDocument | undefined = view ? { doc: pair, view, scores } : undefined;
  const hash = dataHash(pair, raw.annotations, raw.alignment);
  let rendered: unknown;
  if (item && o.render === 'json') rendered = { ...documentJson(pair, item.view, scores), dataHash: hash };
  else if (item && o.render === 'text') rendered = textSummary([item]);
  else if (item && o.render === 'csv') rendered = annotationsCsv([item]);
  const result: DocResult = {
    id: pair.id, corpus: pair.corpus, system: pair.system, title: pair.title, source, sourceLang: pair.sourceLang, targetLang: pair.targetLang,
    scores, dataHash: hash, beads: p.alignment.length, findings: p.findings.length, sums,
    ...(rendered !== undefined ? { rendered } : {}),
    ...(o.render === 'html' && item ? { item } : {}),
  };
  return { result, member: { system: pair.system, docId: pair.id, processed: p, annotations } };
}

/** Scores every document of a job, and compares its systems when there are several. */
export function scoreGroup(job: BatchJob, o: BatchOptions): GroupResult {
  const scored = job.docs.map((d) => scoreOne(d, job.source, o));
  const out: GroupResult = { index: job.index, docs: scored.map((s) => s.result) };
  const sameSource = scored.every((s) => s.member.processed.pair.sourceText === scored[0]!.member.processed.pair.sourceText);
  if ((scored.length > 1 && sameSource) || o.keepUnits) {
    const members = sameSource ? scored.map((s) => s.member) : [scored[0]!.member];
    const refs = scored[0]!.member.processed.pair.references;
    const group = unitGroup(job.corpus, job.source, members, refs, { ...o, profile: o.profile });
    if (members.length > 1) out.comparison = compareGroup(group, o);
    if (o.keepUnits && sameSource) out.units = group;
  }
  return out;
}
