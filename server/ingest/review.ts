// Review files: one annotation per line (JSON Lines), written by people, so spans are given by
// their text rather than by offsets. Blank lines and lines starting with # are ignored.
//
//   {"side":"target","text":"الخنتة","context":"أمرت الخنتة المالية","category":"Terminology",
//    "severity":"major","comment":"…","correction":"المجلس العسكري","author":"…"}
//
// `context` (optional) is a longer string that occurs exactly once in that side's text and
// contains `text` exactly once; without it `text` must be unique, or `occurrence` (1-based)
// says which one. Exported files may give `start`/`end` offsets instead; they are verified.
import { z } from 'zod';
import { InputError, SEVERITIES, type AnnotationInput } from '../core/types.js';

const Line = z
  .object({
    side: z.enum(['source', 'target']).default('target'),
    text: z.string().min(1),
    context: z.string().min(1).optional(),
    occurrence: z.number().int().positive().optional(),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().nonnegative().optional(),
    category: z.string().min(1),
    severity: z.enum(SEVERITIES as [string, ...string[]]),
    comment: z.string().optional(),
    correction: z.string().optional(),
    author: z.string().min(1).optional(),
  })
  .strict();

function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function locate(line: z.infer<typeof Line>, text: string, where: { file: string; line: number }): number {
  if (line.start !== undefined) {
    if (text.slice(line.start, line.end ?? line.start + line.text.length) !== line.text) {
      throw new InputError(`the ${line.side} text at ${line.start}–${line.end} is not "${line.text}"`, { ...where, field: 'start' });
    }
    return line.start;
  }
  if (line.context !== undefined) {
    const ctx = occurrences(text, line.context);
    if (ctx.length !== 1) {
      throw new InputError(`context "${line.context}" occurs ${ctx.length} times in the ${line.side} text; it must occur once`, { ...where, field: 'context' });
    }
    const inner = occurrences(line.context, line.text);
    if (inner.length !== 1) {
      throw new InputError(`"${line.text}" occurs ${inner.length} times in its context; it must occur once`, { ...where, field: 'text' });
    }
    return ctx[0]! + inner[0]!;
  }
  const all = occurrences(text, line.text);
  if (all.length === 0) throw new InputError(`"${line.text}" does not occur in the ${line.side} text`, { ...where, field: 'text' });
  if (line.occurrence !== undefined) {
    const at = all[line.occurrence - 1];
    if (at === undefined) throw new InputError(`"${line.text}" occurs only ${all.length} times`, { ...where, field: 'occurrence' });
    return at;
  }
  if (all.length > 1) {
    throw new InputError(`"${line.text}" occurs ${all.length} times; add "context" or "occurrence"`, { ...where, field: 'text' });
  }
  return all[0]!;
}

export function parseReview(
  content: string,
  texts: { source: string; target: string },
  file = 'review.jsonl',
  defaultAuthor = 'imported review',
): AnnotationInput[] {
  const out: AnnotationInput[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    const lineNo = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (e) {
      throw new InputError(`not valid JSON (${(e as Error).message})`, { file, line: lineNo });
    }
    const parsed = Line.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(issue.message, { file, line: lineNo, field: issue.path.join('.') || undefined });
    }
    const l = parsed.data;
    const text = l.side === 'source' ? texts.source : texts.target;
    const start = locate(l, text, { file, line: lineNo });
    out.push({
      side: l.side,
      start,
      end: start + l.text.length,
      category: l.category,
      severity: l.severity as AnnotationInput['severity'],
      ...(l.comment !== undefined ? { comment: l.comment } : {}),
      ...(l.correction !== undefined ? { correction: l.correction } : {}),
      author: l.author ?? defaultAuthor,
    });
  });
  return out;
}
