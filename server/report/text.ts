// The batch script's readable summary, one block per document.
import type { ScoredDocument } from '../score/batch.js';

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
    lines.push(
      `  MQM ${fixed(m.score)}  ${m.pass ? 'PASS' : 'FAIL'}  penalty ${m.penalty} (${fixed(m.perThousand, 1)} per 1,000 words)  ` +
        `errors ${m.errors}: ${m.bySeverity.critical} critical, ${m.bySeverity.major} major, ${m.bySeverity.minor} minor, ${m.bySeverity.neutral} neutral`,
    );
    const cats = Object.entries(m.byCategory).sort((a, b) => b[1].penalty - a[1].penalty);
    if (cats.length) lines.push(`    by category: ${cats.map(([c, v]) => `${c} ${v.count} (${v.penalty} pts)`).join(', ')}`);
    lines.push(`    ${m.signature}`);
    for (const metric of [scores.chrf, scores.bleu]) {
      if (metric) lines.push(`  ${metric.name.padEnd(6)} ${fixed(metric.score)}  ${metric.signature}`);
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
