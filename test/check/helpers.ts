// Runs the checks over a small English/Arabic pair the way the pipeline does (segment, align).
import { align } from '../../server/align/index.js';
import { runChecks } from '../../server/check/index.js';
import type { CheckConfig, Finding, Glossary } from '../../server/core/types.js';
import { segment } from '../../server/segment/index.js';

export function checkPair(en: string, ar: string, opts: { only?: string; glossary?: Glossary; config?: Record<string, CheckConfig> } = {}): Finding[] {
  const source = segment(en, 'en');
  const target = segment(ar, 'ar');
  const findings = runChecks({ source, target, alignment: align(source, target), ...(opts.glossary ? { glossary: opts.glossary } : {}) }, opts.config ?? {});
  return opts.only ? findings.filter((f) => f.check === opts.only) : findings;
}
