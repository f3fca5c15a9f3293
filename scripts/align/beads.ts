// Bead files as Bleualign and Vecalign write them: one bead per line, `[src]:[tgt]` with 0-based
// sentence indices written as Python lists (`[0]:[0]`, `[6]:[6, 7, 8]`, `[]:[16]`); anything after
// a second colon (Vecalign's cost) is ignored.
import { InputError } from '../../server/core/types.js';

export type GoldBead = [source: number[], target: number[]];

function parseList(s: string, file: string, line: number): number[] {
  const m = /^\s*\[([\d,\s]*)\]\s*$/u.exec(s);
  if (!m) throw new InputError(`expected a list like [0, 1], got ${JSON.stringify(s)}`, { file, line });
  return m[1]!.trim() === '' ? [] : m[1]!.split(',').map((x) => Number(x.trim()));
}

export function parseBeads(text: string, file = 'beads'): GoldBead[] {
  const out: GoldBead[] = [];
  text.split(/\r?\n/u).forEach((raw, k) => {
    if (!raw.trim()) return;
    const parts = raw.split(':');
    if (parts.length < 2) throw new InputError('expected [source]:[target]', { file, line: k + 1 });
    out.push([parseList(parts[0]!, file, k + 1), parseList(parts[1]!, file, k + 1)]);
  });
  return out;
}

export function formatBeads(beads: ReadonlyArray<{ 0: number[]; 1: number[] } | GoldBead>): string {
  return beads.map((b) => `[${b[0].join(', ')}]:[${b[1].join(', ')}]`).join('\n') + '\n';
}

/** True when beads are monotone and cover 0…n-1 and 0…m-1 exactly once each. */
export function isValidAlignment(beads: GoldBead[], n: number, m: number): boolean {
  let s = 0;
  let t = 0;
  for (const [a, b] of beads) {
    for (const x of a) if (x !== s++) return false;
    for (const y of b) if (y !== t++) return false;
  }
  return s === n && t === m;
}
