// The batch script's readable summary, one block per document.
import type { ScoredDocument } from '../score/batch.js';
import type { Comparison } from '../score/compare.js';
import type { MqmScore } from '../score/mqm.js';
import type { SystemSummary } from '../score/systems.js';

const fixed = (x: number, d = 2) => x.toFixed(d);

export function textSummary(items: ScoredDocument[]): string {
  const lines: string[] = [];
  for (const { doc, view, scores } of items) {
    const p = view.processed;
    const shapes = new Map<string, number>();
    for (const b of p.alignment) shapes.set(`${b.source.length}-${b.target.length}`, (shapes.get(`${b.source.length}-${b.target.length}`) ?? 0) + 1);
    const shapeText = [...shapes].map(([k, v]) => `${v}× ${k}`).join(', ');
    const m = scores.mqm;
    lines.push(`${doc.id}  (${doc.corpus}, system ${doc.system}, ${doc.sourceLang}→${doc.targetLang})`);
    lines.push(`  ${p.source.sentences.length} source / ${p.target.sentences.length} target sentences, ${p.alignment.length} beads (${shapeText}), ${m.words} source words`);
    const mci = m.ci;
    const verdict = m.passThreshold === null && m.model === 'per-segment' ? 'no threshold' : m.pass ? 'PASS' : 'FAIL';
    const size = m.model === 'per-segment'
      ? `mean penalty ${fixed(m.meanSegmentPenalty)} per segment over ${m.segments} rated segment(s)`
      : `penalty ${+m.penalty.toFixed(4)} (${fixed(m.perThousand, 1)} per 1,000 words)`;
    lines.push(
      `  MQM ${withCi(m.score, mci)}  ${verdict}  ${size}  ` +
        `errors ${m.errors}: ${m.bySeverity.critical} critical, ${m.bySeverity.major} major, ${m.bySeverity.minor} minor, ${m.bySeverity.neutral} neutral` +
        (m.raters > 1 ? `  (${m.raters} reviewers, penalties averaged per segment)` : '') + (m.capped ? `  (${m.capped} beyond the per-segment cap not counted)` : ''),
    );
    const cats = Object.entries(m.byCategory).sort((a, b) => b[1].penalty - a[1].penalty);
    if (cats.length) lines.push(`    by category: ${cats.map(([c, v]) => `${c} ${v.count} (${+v.penalty.toFixed(4)} pts)`).join(', ')}`);
    const slices = Object.entries(m.bySlice ?? {});
    if (slices.length) lines.push(`    by slice: ${slices.map(([c, v]) => `${c} ${+v.penalty.toFixed(4)} pts`).join(', ')}`);
    lines.push(`    ${m.signature}`);
    for (const metric of Object.values(scores)) {
      if (metric === m || !metric || !('signature' in metric)) continue;
      const x = metric as MetricLike;
      lines.push(`  ${x.name.padEnd(6)} ${withCi(x.score, x.ci)}  ${x.signature}${x.normalization ? ` + ${x.normalization}` : ''}`);
    }
    if (!scores.chrf) lines.push('  chrF/BLEU: no reference translation given');
    const byCheck = new Map<string, number>();
    for (const f of view.findings) byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1);
    lines.push(`  automatic findings: ${view.findings.length}${byCheck.size ? ` (${[...byCheck].map(([c, n]) => `${c} ${n}`).join(', ')})` : ''}`);
    for (const f of view.findings) {
      if (f.scope === 'document') lines.push(`    [${f.check}/${f.severity}] whole document: ${f.message}`);
      else lines.push(`    [${f.check}/${f.severity}] pair ${f.bead + 1} ${f.side} "${f.text}": ${f.message}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Scores with their interval when one was computed. */
function withCi(score: number, ci?: { low: number; high: number } | null, d = 2): string {
  return ci ? `${fixed(score, d)} [${fixed(ci.low, d)}, ${fixed(ci.high, d)}]` : fixed(score, d);
}

/** One line per system: MQM over all its documents and each metric over all its segments. */
export function systemsText(systems: SystemSummary[]): string {
  if (systems.length === 0) return '';
  const lines = ['Systems (all documents of each system together)'];
  for (const s of systems) {
    const m = s.mqm;
    const ci = m.ci;
    const metrics = Object.values(s.metrics).map((x) => `${x!.name} ${withCi(x!.score, x!.ci)}${x!.normalization ? ' (ar-norm)' : ''}`);
    lines.push(
      `  ${s.corpus}/${s.system}: ${s.documents} document(s), ${s.segments} segments, ${m.words} source words; ` +
        `MQM ${withCi(m.score, ci)} ${m.pass ? 'PASS' : 'FAIL'} (${m.errors} errors, ${fixed(m.perThousand, 1)} per 1,000 words)` +
        (metrics.length ? `; ${metrics.join(', ')}` : ''),
    );
    lines.push(`    ${m.signature}`);
    for (const x of Object.values(s.metrics)) lines.push(`    ${x!.name}: ${x!.signature}${x!.normalization ? ` + ${x!.normalization}` : ''}`);
    lines.push(`    data ${s.dataHash}`);
  }
  return lines.join('\n') + '\n';
}

/** A comparison as a table: systems × metrics with intervals, then each pair's test. */
export function comparisonText(c: Comparison): string {
  const lines = [`Comparison: ${c.corpus}/${c.source === '*' ? '(all documents)' : c.source}, ${c.systems.length} systems on ${c.segments} shared segments`];
  const header = ['system', ...c.metrics.map((m) => m.name)];
  const rows = c.systems.map((s) => [s.system, ...c.metrics.map((m) => withCi(s.scores[m.key]!.score, s.scores[m.key]!.ci))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => '  ' + r.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
  lines.push(fmt(header));
  for (const r of rows) lines.push(fmt(r));
  for (const p of c.pairs) {
    const name = c.metrics.find((m) => m.key === p.metric)!.name;
    lines.push(`  ${p.a} vs ${p.b}, ${name}: Δ ${p.diff >= 0 ? '+' : ''}${fixed(p.diff)}, p = ${p.p.toFixed(4)}${p.significant ? ` (significant: ${p.better} is better)` : ' (not significant)'}`);
  }
  lines.push(`  95% bootstrap CI over ${c.resamples} resamples; paired approximate randomisation, ${c.trials} trials; seed ${c.seed}`);
  return lines.join('\n') + '\n';
}

export const SCORE_TSV_COLUMNS = [
  'level', 'corpus', 'document', 'system', 'segments', 'source_words', 'errors', 'mqm_score', 'mqm_ci_low', 'mqm_ci_high', 'result',
  'penalty', 'penalty_per_1000_words', 'metric', 'metric_score', 'metric_ci_low', 'metric_ci_high', 'metric_signature', 'mqm_signature', 'data_hash',
] as const;

type MetricLike = { name: string; score: number; signature: string; ci?: { low: number; high: number } | null; normalization?: string };

/** TSV rows of one document or system: one row per metric (or one row when there is none). */
export function scoreTsvRows(level: 'document' | 'system', r: { corpus: string; document: string; system: string; segments: number; mqm: MqmScore; metrics: MetricLike[]; dataHash: string }): string[] {
  const clean = (v: string | number) => String(v).replace(/[\t\r\n]+/g, ' ');
  const m = r.mqm;
  const ci = m.ci;
  const base = [level, r.corpus, r.document, r.system, r.segments, m.words, m.errors, m.score.toFixed(4), ci ? ci.low.toFixed(4) : '', ci ? ci.high.toFixed(4) : '', m.pass ? 'PASS' : 'FAIL', m.penalty, m.perThousand.toFixed(4)];
  const tail = (x?: MetricLike) => [x ? x.name + (x.normalization ? ' (ar-norm)' : '') : '', x ? x.score.toFixed(4) : '', x?.ci ? x.ci.low.toFixed(4) : '', x?.ci ? x.ci.high.toFixed(4) : '', x ? x.signature + (x.normalization ? ` + ${x.normalization}` : '') : '', m.signature, r.dataHash];
  const list = r.metrics.length ? r.metrics : [undefined];
  return list.map((x) => [...base, ...tail(x)].map(clean).join('\t'));
}

/** TSV rows of a comparison's pairwise tests. */
export function comparisonTsvRows(c: Comparison): string[] {
  return c.pairs.map((p) => {
    const name = c.metrics.find((m) => m.key === p.metric)!.name;
    return ['pair', c.corpus, c.source, `${p.a} vs ${p.b}`, c.segments, '', '', p.diff.toFixed(4), '', '', p.significant ? 'SIGNIFICANT' : 'n.s.', '', '', name, p.p.toFixed(6), '', '', `ar:${c.trials}|seed:${c.seed}`, '', ''].join('\t');
  });
}
