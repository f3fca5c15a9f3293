// The check registry and the engine that runs every enabled check over every bead.
import type { CheckConfig, Finding } from '../core/types.js';
import { terminology } from './terminology.js';
import type { BeadView, Check, CheckDocument } from './types.js';
import { primaryLang } from './types.js';

export const CHECKS: readonly Check[] = [terminology];

export function checkById(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id);
}

function applies(check: Check, doc: CheckDocument): boolean {
  const { source, target } = check.languages ?? {};
  if (source && !source.includes(primaryLang(doc.source.lang))) return false;
  if (target && !target.includes(primaryLang(doc.target.lang))) return false;
  return true;
}

/** Runs the enabled checks; findings come back ordered by side, sentence and offset. */
export function runChecks(doc: CheckDocument, config: Record<string, CheckConfig> = {}): Finding[] {
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    const conf = config[check.id] ?? {};
    if (conf.enabled === false || !applies(check, doc)) continue;
    const run = check.prepare(doc, conf.options ?? {});
    doc.alignment.forEach((bead, index) => {
      const view: BeadView = {
        index,
        bead,
        source: bead.source.map((i) => doc.source.sentences[i]!),
        target: bead.target.map((i) => doc.target.sentences[i]!),
      };
      for (const d of run(view)) {
        const text = (d.side === 'source' ? doc.source.text : doc.target.text).slice(d.start, d.end);
        findings.push({
          check: check.id,
          category: d.category ?? check.category,
          severity: conf.severity ?? d.severity ?? check.severity,
          side: d.side,
          sentence: d.sentence,
          start: d.start,
          end: d.end,
          text,
          message: d.message,
          ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
        });
      }
    });
  }
  return findings.sort((a, b) =>
    a.side === b.side ? a.start - b.start || a.end - b.end || a.check.localeCompare(b.check) : a.side === 'target' ? -1 : 1,
  );
}
