// MQM scoring profiles: which weight an annotation gets, how penalties add up (per source word,
// or per segment as in WMT), when a document passes. Shipped profiles live in profiles/*.json;
// a custom profile is a JSON file of the same shape. Weights are ordered rules over
// "severity:category", first match wins, as in Marot; an annotation no rule matches weighs 0.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InputError, SEVERITIES, type Severity } from '../core/types.js';

export const PROFILE_SCHEMA = 'tadqiq.mqm-profile/1';

const Pattern = z.string().refine((s) => {
  try {
    new RegExp(s, 'iu');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

const ProfileFile = z
  .object({
    schema: z.literal(PROFILE_SCHEMA),
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'use letters, digits, ".", "_" or "-"'),
    name: z.string().min(1),
    description: z.string().optional(),
    model: z.enum(['per-word', 'per-segment']).default('per-word'),
    rules: z.array(z.object({ name: z.string().min(1), match: Pattern, weight: z.number().finite().min(0) }).strict()).optional(),
    /** Shorthand for one rule per severity, tried after `rules`. */
    weights: z.object(Object.fromEntries(SEVERITIES.map((s) => [s, z.number().finite().min(0)])) as Record<Severity, z.ZodNumber>).partial().strict().optional(),
    /** Penalty normed per this many source words (per-word model). */
    perWords: z.number().positive().default(1000),
    passThreshold: z.number().finite().optional(),
    criticalFails: z.boolean().default(false),
    maxErrorsPerSegment: z.number().int().positive().optional(),
    slices: z.array(z.object({ name: z.string().min(1), match: Pattern }).strict()).optional(),
  })
  .strict()
  .refine((p) => (p.rules?.length ?? 0) + Object.keys(p.weights ?? {}).length > 0, { message: 'give "rules" or "weights"', path: ['rules'] });

export interface MqmRule {
  name: string;
  /** A case-insensitive regular expression over "severity:category", e.g. "minor:.*punctuation". */
  match: string;
  weight: number;
}

export interface MqmSlice {
  name: string;
  /** A case-insensitive regular expression over the category. */
  match: string;
}

export interface MqmProfile {
  id: string;
  name: string;
  description?: string;
  /** per-word: MQM Council APT / EWC; per-segment: WMT mean penalty per rated segment. */
  model: 'per-word' | 'per-segment';
  rules: MqmRule[];
  /** Weight of each severity for a category no category rule singles out (for summaries). */
  weights: Record<Severity, number>;
  perWords: number;
  passThreshold?: number;
  criticalFails?: boolean;
  maxErrorsPerSegment?: number;
  slices: MqmSlice[];
  /** Not shipped with Tadqiq: its rules' hash goes into every signature. */
  custom?: boolean;
  /** sha256 of the scoring-relevant fields, first 12 hex digits. */
  hash: string;
}

const PROFILE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'profiles');
export const BUILT_IN_PROFILES = ['mqm-core', 'wmt-google'] as const;

type ProfileInput = z.input<typeof ProfileFile>;

function compile(raw: ProfileInput, custom: boolean, file: string): MqmProfile {
  const r = ProfileFile.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new InputError(issue.message, { file, field: issue.path.join('.') });
  }
  const p = r.data;
  const rules: MqmRule[] = [...(p.rules ?? [])];
  for (const s of SEVERITIES) {
    const w = p.weights?.[s];
    if (w !== undefined) rules.push({ name: s[0]!.toUpperCase() + s.slice(1), match: `^${s}:`, weight: w });
  }
  const scoring = { model: p.model, rules, perWords: p.perWords, passThreshold: p.passThreshold, criticalFails: p.criticalFails, maxErrorsPerSegment: p.maxErrorsPerSegment };
  const hash = createHash('sha256').update(JSON.stringify(scoring)).digest('hex').slice(0, 12);
  const profile: MqmProfile = {
    id: p.id,
    name: p.name,
    ...(p.description ? { description: p.description } : {}),
    model: p.model,
    rules,
    weights: { neutral: 0, minor: 0, major: 0, critical: 0 },
    perWords: p.perWords,
    ...(p.passThreshold !== undefined ? { passThreshold: p.passThreshold } : {}),
    ...(p.criticalFails ? { criticalFails: true } : {}),
    ...(p.maxErrorsPerSegment !== undefined ? { maxErrorsPerSegment: p.maxErrorsPerSegment } : {}),
    slices: p.slices ?? [],
    ...(custom ? { custom: true } : {}),
    hash,
  };
  for (const s of SEVERITIES) profile.weights[s] = ruleFor(profile, s, '').weight;
  return profile;
}

const builtIn = new Map<string, MqmProfile>();

/** A shipped profile by id (mqm-core, wmt-google). */
export function builtInProfile(id: (typeof BUILT_IN_PROFILES)[number]): MqmProfile {
  let p = builtIn.get(id);
  if (!p) {
    const file = path.join(PROFILE_DIR, `${id}.json`);
    p = compile(JSON.parse(fs.readFileSync(file, 'utf8')) as ProfileInput, false, file);
    builtIn.set(id, p);
  }
  return p;
}

/** A profile from a JSON object (a custom profile); `file` names it in error messages. */
export function profileFromJson(json: unknown, file = 'profile'): MqmProfile {
  if (json && typeof json === 'object' && (BUILT_IN_PROFILES as readonly string[]).includes(String((json as { id?: unknown }).id))) {
    throw new InputError(`"${String((json as { id: unknown }).id)}" is a shipped profile's id; give a custom profile its own id`, { file, field: 'id' });
  }
  return compile(json as ProfileInput, true, file);
}

/** `--profile` values: a shipped profile's id, or the path of a profile JSON file. */
export function resolveProfile(idOrFile: string): MqmProfile {
  if ((BUILT_IN_PROFILES as readonly string[]).includes(idOrFile)) return builtInProfile(idOrFile as (typeof BUILT_IN_PROFILES)[number]);
  if (!fs.existsSync(idOrFile)) {
    throw new InputError(`no profile "${idOrFile}": use ${BUILT_IN_PROFILES.join(' or ')}, or the path of a profile JSON file`, { field: '--profile' });
  }
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(idOrFile, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`not valid JSON (${(e as Error).message})`, { file: idOrFile });
  }
  return profileFromJson(json, idOrFile);
}

const compiled = new WeakMap<object, RegExp>();
function re(x: MqmRule | MqmSlice): RegExp {
  let r = compiled.get(x);
  if (!r) compiled.set(x, (r = new RegExp(x.match, 'iu')));
  return r;
}

/** What an annotation is called in rule keys: its Tadqiq severity and category, and as imported. */
export interface RuleSubject {
  severity: Severity;
  category: string;
  /** The label and severity in the file it was imported from (WMT "Trivial", "Source error" …). */
  origin?: { severity?: string; category?: string };
}

const NO_RULE: MqmRule = { name: '(no rule)', match: '$^', weight: 0 };

/**
 * The first rule that matches "severity:category", tried on Tadqiq's labels and then on the
 * imported ones (so WMT's "Trivial" and "Source error" rows weigh what Marot gives them).
 */
export function ruleFor(profile: MqmProfile, severity: Severity, category: string, origin?: RuleSubject['origin']): MqmRule {
  const keys = [`${severity}:${category}`.toLowerCase()];
  if (origin && (origin.severity || origin.category)) keys.push(`${origin.severity ?? severity}:${origin.category ?? category}`.toLowerCase());
  for (const rule of profile.rules) {
    const r = re(rule);
    if (keys.some((k) => r.test(k))) return rule;
  }
  return NO_RULE;
}

/** The first slice whose pattern matches the category (or the imported category). */
export function sliceFor(profile: MqmProfile, category: string, origin?: RuleSubject['origin']): string | undefined {
  const keys = [category.toLowerCase(), ...(origin?.category ? [origin.category.toLowerCase()] : [])];
  for (const s of profile.slices) if (keys.some((k) => re(s).test(k))) return s.name;
  return undefined;
}
