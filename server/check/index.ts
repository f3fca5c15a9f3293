// The check registry and the engine: resolves a corpus's check configuration (enable, disable,
// severity override, options), runs document-level checks first and, unless one of them found
// the document unfit (wrong language), every enabled bead-level check over every bead.
import { InputError, SEVERITIES, type CheckConfig, type Finding, type InputLocation, type Severity } from '../core/types.js';
import { calque } from './calque.js';
import { language } from './language.js';
import { names } from './names.js';
import { numbers } from './numbers.js';
import { omission } from './omission.js';
import { terminology } from './terminology.js';
import type { BeadView, Check, CheckDocument, FindingDraft } from './types.js';
import { primaryLang } from './types.js';
import { typography } from './typography.js';
import { untranslated } from './untranslated.js';

export const CHECKS: readonly Check[] = [language, terminology, calque, numbers, names, untranslated, omission, typography];

export function checkById(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id);
}

export interface ResolvedCheck {
  check: Check;
  severity?: Severity;
  options: Record<string, unknown>;
}

/**
 * Validates a `checks` configuration (from a manifest or an API caller) and returns the enabled
 * checks with parsed options. Unknown check ids, severities and options are InputErrors naming
 * the field, e.g. `checks.numbers.options.ignoreYears`.
 */
export function resolveChecks(config: Record<string, CheckConfig> = {}, where: InputLocation = {}): ResolvedCheck[] {
  for (const id of Object.keys(config)) {
    if (!checkById(id)) {
      throw new InputError(`unknown check "${id}" (known: ${CHECKS.map((c) => c.id).join(', ')})`, { ...where, field: `checks.${id}` });
    }
  }
  const out: ResolvedCheck[] = [];
  for (const check of CHECKS) {
    const conf = config[check.id] ?? {};
    if (conf.severity !== undefined && !SEVERITIES.includes(conf.severity)) {
      throw new InputError(`unknown severity "${String(conf.severity)}" (${SEVERITIES.join(', ')})`, { ...where, field: `checks.${check.id}.severity` });
    }
    let options: Record<string, unknown> = conf.options ?? {};
    if (check.options) {
      const r = check.options.safeParse(options);
      if (!r.success) {
        const issue = r.error.issues[0]!;
        throw new InputError(issue.message, { ...where, field: ['checks', check.id, 'options', ...issue.path.map(String)].join('.') });
      }
      options = r.data as Record<string, unknown>;
    }
    if (conf.enabled === false) continue;
    out.push({ check, options, ...(conf.severity ? { severity: conf.severity } : {}) });
  }
  return out;
}

function applies(check: Check, doc: CheckDocument): boolean {
  const { source, target } = check.languages ?? {};
  if (source && !source.includes(primaryLang(doc.source.lang))) return false;
  if (target && !target.includes(primaryLang(doc.target.lang))) return false;
  return true;
}

function toFinding(doc: CheckDocument, r: ResolvedCheck, d: FindingDraft): Finding {
  const text = (d.side === 'source' ? doc.source.text : doc.target.text).slice(d.start, d.end);
  return {
    check: r.check.id,
    category: d.category ?? r.check.category,
    severity: r.severity ?? d.severity ?? r.check.severity,
    side: d.side,
    sentence: d.sentence,
    start: d.start,
    end: d.end,
    text,
    message: d.message,
    ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
    ...(d.scope ? { scope: d.scope } : {}),
  };
}

const order = (a: Finding, b: Finding) =>
  (a.scope === 'document' ? 0 : 1) - (b.scope === 'document' ? 0 : 1) ||
  (a.side === b.side ? a.start - b.start || a.end - b.end || a.check.localeCompare(b.check) : a.side === 'target' ? -1 : 1);

export interface RunOptions {
  /** Adds each check's running time in milliseconds (for benchmarks). */
  timings?: Map<string, number>;
}

/** Runs the enabled checks; findings come back document-level first, then by side, offset and check. */
export function runChecks(doc: CheckDocument, config: Record<string, CheckConfig> = {}, run: RunOptions = {}): Finding[] {
  const enabled = resolveChecks(config).filter((r) => applies(r.check, doc));
  const findings: Finding[] = [];
  const clock = run.timings;
  const time = (id: string, t0: number) => clock?.set(id, (clock.get(id) ?? 0) + performance.now() - t0);
  for (const r of enabled) {
    if (!r.check.document) continue;
    const t0 = performance.now();
    for (const d of r.check.document(doc, r.options)) findings.push(toFinding(doc, r, { ...d, scope: 'document' }));
    time(r.check.id, t0);
  }
  if (findings.length > 0) return findings.sort(order);

  const views: BeadView[] = doc.alignment.map((bead, index) => ({
    index,
    bead,
    source: bead.source.map((i) => doc.source.sentences[i]!),
    target: bead.target.map((i) => doc.target.sentences[i]!),
  }));
  for (const r of enabled) {
    if (!r.check.prepare) continue;
    const t0 = performance.now();
    const check = r.check.prepare(doc, r.options);
    for (const view of views) for (const d of check(view)) findings.push(toFinding(doc, r, d));
    time(r.check.id, t0);
  }
  return findings.sort(order);
}
