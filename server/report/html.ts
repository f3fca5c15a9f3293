// Self-contained HTML reports — one document, one source translated by several systems, one
// corpus: scorecards, errors by category × severity, charts drawn on the server as SVG, every
// error in its sentence pair, reviewer agreement, metric scores with their signatures. Fonts,
// styles and charts are embedded, so the file can be mailed on and opened (or printed) anywhere.
import ejs from 'ejs';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config.js';
import { dirOf } from '../core/lang.js';
import { SEVERITIES, type DocumentPair, type Severity } from '../core/types.js';
import type { DocumentScores } from '../score/document.js';
import { MQM_CORE } from '../score/mqm.js';
import { documentAgreement, type Agreement } from './agreement.js';
import { bidiRuns, dominantDir } from './bidi.js';
import { categoryBySystemChart, errorsByCategoryChart, penaltyStripChart, scoreBarsChart } from './charts.js';
import type { DocumentView } from './document-view.js';
import { cutPieces } from './highlight.js';
import { sourceDocName } from './marot.js';

let fontDataUrl: string | undefined;
function arabicFont(): string {
  const file = path.join(ROOT, 'node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2');
  return (fontDataUrl ??= `data:font/woff2;base64,${fs.readFileSync(file).toString('base64')}`);
}

export interface HtmlReportOptions {
  /** Fixed "generated at" time, so the same data gives the same bytes. */
  generatedAt?: string;
  /** Which annotations the MQM score counts, in words (default: read from its signature). */
  scoredSet?: string;
}

/** "all reviewers (mean over 2 raters)", "adjudicated final set", "reviewer X only", from a score. */
export function scoredSetLabel(mqm: DocumentScores['mqm']): string {
  const set = /\|set:(.*?)\|(?:rules:|version:)/.exec(mqm.signature)?.[1];
  if (set === 'final') return 'adjudicated final set';
  if (set?.startsWith('reviewer:')) return `reviewer ${set.slice('reviewer:'.length)} only`;
  return `all reviewers (mean over ${mqm.raters} rater${mqm.raters === 1 ? '' : 's'})`;
}

/** Intervals and pairwise tests of a system comparison (server/score/compare.ts), to print. */
export interface ComparisonStats {
  systems: Array<{ system: string; scores: Record<string, { name: string; score: number; ci: { low: number; high: number; level: number } | null }> }>;
  pairs: Array<{ a: string; b: string; metric: string; diff: number; p: number; significant: boolean; better: string | null }>;
  metrics: Array<{ key: string; name: string }>;
  segments: number;
  method: string;
  resamples: number;
  trials: number;
  seed: number;
}

export interface MetricRow {
  name: string;
  score: number;
  signature: string;
  ci?: string;
}

export interface DocumentExtras {
  charts: { categories?: string; strip?: string };
  agreement: Agreement | null;
  metrics: MetricRow[];
  weights: string;
}

/** Severity weights as the score's signature states them (whatever profile made it). */
export function weightsOf(scores: DocumentScores): Record<Severity, number> {
  const m = /weights:([\d.]+)\/([\d.]+)\/([\d.]+)\/([\d.]+)/.exec(scores.mqm.signature);
  if (!m) return MQM_CORE.weights;
  return { neutral: Number(m[1]), minor: Number(m[2]), major: Number(m[3]), critical: Number(m[4]) };
}

function formatCi(ci: unknown): string | undefined {
  if (!ci || typeof ci !== 'object') return undefined;
  const c = ci as Record<string, unknown>;
  const pair = Array.isArray(ci) ? [ci[0], ci[1]] : [c['low'] ?? c['lower'], c['high'] ?? c['upper']];
  if (typeof pair[0] !== 'number' || typeof pair[1] !== 'number') return undefined;
  const lv = c['level'];
  const level = typeof lv === 'number' ? ` (${Math.round(lv <= 1 ? lv * 100 : lv)}%)` : '';
  return `${pair[0].toFixed(2)}–${pair[1].toFixed(2)}${level}`;
}

/** Every reference metric in the scores object (chrF, BLEU, and whatever later work adds). */
export function metricRows(scores: DocumentScores): MetricRow[] {
  const rows: MetricRow[] = [];
  for (const [key, value] of Object.entries(scores as unknown as Record<string, unknown>)) {
    if (key === 'mqm' || !value || typeof value !== 'object') continue;
    const m = value as Record<string, unknown>;
    if (typeof m['score'] !== 'number' || typeof m['signature'] !== 'string') continue;
    const ci = formatCi(m['ci'] ?? m['confidence'] ?? m['interval']);
    rows.push({ name: typeof m['name'] === 'string' ? (m['name'] as string) : key, score: m['score'] as number, signature: m['signature'] as string, ...(ci ? { ci } : {}) });
  }
  return rows;
}

function categoryRows(view: DocumentView) {
  const counts = new Map<string, number>();
  for (const a of view.annotations) {
    const key = `${a.category.split('/')[0]}\u0000${a.severity}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, count]) => {
    const [category, severity] = k.split('\u0000') as [string, Severity];
    return { category, severity, count };
  });
}

export function penaltyRows(view: DocumentView, weights: Record<Severity, number>) {
  return view.beads.map((b) => {
    const penalty = b.annotations.reduce((n, a) => n + weights[a.severity], 0);
    const worst = ([...SEVERITIES].reverse() as Severity[]).find((s) => b.annotations.some((a) => a.severity === s));
    return { pair: b.index + 1, penalty, worst: (worst ?? 'none') as Severity | 'none' };
  });
}

export async function documentExtras(doc: DocumentPair, view: DocumentView, scores: DocumentScores): Promise<DocumentExtras> {
  const weights = weightsOf(scores);
  const [categories, strip] = await Promise.all([errorsByCategoryChart(categoryRows(view)), penaltyStripChart(penaltyRows(view, weights))]);
  return {
    charts: { ...(categories ? { categories } : {}), ...(strip ? { strip } : {}) },
    agreement: documentAgreement(doc, view, scores.mqm.words),
    metrics: metricRows(scores),
    weights: `${weights.neutral}/${weights.minor}/${weights.major}/${weights.critical}`,
  };
}

function render(template: string, data: Record<string, unknown>): string {
  const file = path.join(ROOT, 'views/report', template);
  return ejs.render(fs.readFileSync(file, 'utf8'), { dirOf, dominantDir, bidiRuns, cutPieces, font: arabicFont(), ...data }, { filename: file });
}

/** The document report; without `extras` it has no charts (use documentReport for those). */
export function renderDocumentReport(doc: DocumentPair, view: DocumentView, scores: DocumentScores, options: HtmlReportOptions = {}, extras?: DocumentExtras): string {
  const x = extras ?? { charts: {}, agreement: documentAgreement(doc, view, scores.mqm.words), metrics: metricRows(scores), weights: '' };
  return render('document.ejs', { doc, view, scores, extras: x, scoredSet: options.scoredSet ?? scoredSetLabel(scores.mqm), generatedAt: options.generatedAt ?? new Date().toISOString() });
}

export async function documentReport(doc: DocumentPair, view: DocumentView, scores: DocumentScores, options: HtmlReportOptions = {}): Promise<string> {
  return renderDocumentReport(doc, view, scores, options, await documentExtras(doc, view, scores));
}

export interface ReportItem {
  doc: DocumentPair;
  view: DocumentView;
  scores: DocumentScores;
}

function summaryRow(item: ReportItem) {
  const m = item.scores.mqm;
  return {
    id: item.doc.id,
    title: item.doc.title,
    system: item.doc.system,
    words: m.words,
    errors: m.errors,
    bySeverity: m.bySeverity,
    penalty: m.penalty,
    perThousand: m.perThousand,
    score: m.score,
    pass: m.pass,
    signature: m.signature,
    metrics: metricRows(item.scores),
    reviewed: item.view.progress,
  };
}

function byCategory(items: ReportItem[]) {
  const cats = [...new Set(items.flatMap((i) => i.view.annotations.map((a) => a.category.split('/')[0]!)))].sort();
  return cats.map((c) => ({
    category: c,
    counts: items.map((i) => Object.fromEntries(SEVERITIES.map((s) => [s, i.view.annotations.filter((a) => a.category.split('/')[0] === c && a.severity === s).length]))),
  }));
}

/** Totals over several documents: penalties and words add up, so the score is word-weighted. */
function totals(items: ReportItem[]) {
  const words = items.reduce((n, i) => n + i.scores.mqm.words, 0);
  const penalty = items.reduce((n, i) => n + i.scores.mqm.penalty, 0);
  const errors = items.reduce((n, i) => n + i.scores.mqm.errors, 0);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, items.reduce((n, i) => n + i.scores.mqm.bySeverity[s], 0)])) as Record<Severity, number>;
  return { words, penalty, errors, bySeverity, score: words ? 100 * (1 - penalty / words) : 100, perThousand: words ? (penalty / words) * 1000 : 0 };
}

const passThreshold = (items: ReportItem[]) => {
  const m = /profile:([^|]+)/.exec(items[0]?.scores.mqm.signature ?? '');
  return m?.[1] === MQM_CORE.id ? MQM_CORE.passThreshold : undefined;
};

/** One source document, several systems: who translated it best, and where each went wrong. */
export async function comparisonReport(items: ReportItem[], options: HtmlReportOptions & { stats?: ComparisonStats } = {}): Promise<string> {
  if (items.length === 0) throw new Error('a comparison needs at least one document');
  const sorted = [...items].sort((a, b) => b.scores.mqm.score - a.scores.mqm.score || a.doc.system.localeCompare(b.doc.system));
  const rows = sorted.map(summaryRow);
  const catRows = byCategory(sorted);
  const [scoresChart, categoriesChart] = await Promise.all([
    scoreBarsChart(rows.map((r) => ({ name: r.system, score: r.score, pass: r.pass })), passThreshold(sorted)),
    categoryBySystemChart(catRows.flatMap((c) => sorted.map((it, k) => ({ system: it.doc.system, category: c.category, count: Object.values(c.counts[k]!).reduce((n, v) => n + v, 0) })))),
  ]);
  // Side by side per segment when every system has the same number of segments (imported or
  // pre-aligned files); otherwise the per-document reports have the detail.
  const nBeads = new Set(sorted.map((i) => i.view.beads.length));
  const segments = nBeads.size === 1 ? sorted[0]!.view.beads.map((b, k) => ({ index: k, source: b.source.map((s) => s.text).join(' '), systems: sorted.map((it) => it.view.beads[k]!) })) : [];
  return render('compare.ejs', {
    title: sorted[0]!.doc.title,
    sourceDoc: sourceDocName(sorted[0]!.doc),
    items: sorted,
    rows,
    catRows,
    charts: { scores: scoresChart ?? '', categories: categoriesChart ?? '' },
    segments,
    stats: options.stats ?? null,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
  });
}

/** Every document of a corpus: a table, word-weighted totals, categories, a chart. */
export async function corpusReport(corpus: string, items: ReportItem[], options: HtmlReportOptions = {}): Promise<string> {
  const sorted = [...items].sort((a, b) => a.doc.title.localeCompare(b.doc.title) || a.doc.system.localeCompare(b.doc.system) || a.doc.id.localeCompare(b.doc.id));
  const rows = sorted.map(summaryRow);
  const [scoresChart, categoriesChart] = await Promise.all([
    scoreBarsChart(rows.map((r) => ({ name: r.id, score: r.score, pass: r.pass })), passThreshold(sorted)),
    errorsByCategoryChart(sorted.flatMap((i) => categoryRows(i.view)).reduce<Array<{ category: string; severity: Severity; count: number }>>((acc, r) => {
      const hit = acc.find((x) => x.category === r.category && x.severity === r.severity);
      if (hit) hit.count += r.count;
      else acc.push({ ...r });
      return acc;
    }, [])),
  ]);
  return render('corpus.ejs', {
    corpus,
    items: sorted,
    rows,
    totals: totals(sorted),
    catRows: byCategory(sorted),
    charts: { scores: scoresChart ?? '', categories: categoriesChart ?? '' },
    generatedAt: options.generatedAt ?? new Date().toISOString(),
  });
}
