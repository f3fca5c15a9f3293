// The error typology reviewers pick from (MQM core by default). A team may ship its own file of
// the same shape; categories are written "Dimension" or "Dimension/Subtype".
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InputError, SEVERITIES, type Side } from './types.js';

const Subtype = z.object({
  id: z.string().min(1),
  description: z.string().optional(),
  side: z.enum(['source', 'target']).optional(),
});
const Category = Subtype.extend({
  subtypes: z.array(Subtype).optional(),
  needsComment: z.boolean().optional(),
  wholeSentence: z.boolean().optional(),
});
const TypologySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  // A profile may relabel, re-key or leave out severities; their ids stay the four MQM ones,
  // because the scoring weights and the store are defined on them.
  severities: z
    .array(z.object({ id: z.enum(SEVERITIES as [string, ...string[]]), label: z.string().min(1), key: z.string().optional(), description: z.string().optional() }))
    .min(1),
  categories: z.array(Category).min(1),
});
export type Typology = z.infer<typeof TypologySchema>;

export interface CategoryChoice {
  /** Stored value: "Accuracy/Omission". */
  value: string;
  label: string;
  description?: string;
  /** The side this category is normally marked on (Omission → source). */
  side?: Side;
  needsComment?: boolean;
  wholeSentence?: boolean;
}

export function parseTypology(json: unknown, file = 'typology.json'): Typology {
  const r = TypologySchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new InputError(issue.message, { file, field: issue.path.join('.') });
  }
  return r.data;
}

/** Every category a reviewer can choose, flattened: dimensions and "Dimension/Subtype". */
export function categoryChoices(t: Typology): CategoryChoice[] {
  const out: CategoryChoice[] = [];
  for (const c of t.categories) {
    const base = { needsComment: c.needsComment, wholeSentence: c.wholeSentence };
    out.push({ value: c.id, label: c.id, description: c.description, side: c.side, ...base });
    for (const s of c.subtypes ?? []) {
      out.push({ value: `${c.id}/${s.id}`, label: `${c.id} › ${s.id}`, description: s.description, side: s.side, ...base });
    }
  }
  return out;
}

export function isKnownCategory(t: Typology, value: string): boolean {
  return categoryChoices(t).some((c) => c.value === value);
}

export function isKnownSeverity(t: Typology, value: unknown): boolean {
  return t.severities.some((s) => s.id === value);
}

/** The typology a document is reviewed with: its corpus's own, or MQM core. */
export function typologyOf(doc: { typology?: Typology | undefined }): Typology {
  return doc.typology ?? loadDefaultTypology();
}

let defaultTypology: Typology | undefined;
export function loadDefaultTypology(): Typology {
  const file = fileURLToPath(new URL('./typologies/mqm-core.json', import.meta.url));
  return (defaultTypology ??= parseTypology(JSON.parse(readFileSync(file, 'utf8')), file));
}
