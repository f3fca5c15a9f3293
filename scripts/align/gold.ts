// Synthetic n:m gold from 1-1 parallel documents (NTREX-128 EN–AR): walk the sentence pairs with a
// seeded random generator and, at the rates below, merge adjacent Arabic sentences (2-1, 3-1),
// split a long Arabic or English sentence at a comma or conjunction (1-2, 2-1), re-cut two
// Arabic sentences at a point that is not the English boundary (2-2), drop Arabic sentences
// (1-0, also runs of 2–5: a lost paragraph) and add Arabic ones (0-1: the English dropped, or an
// unrelated sentence from another document). Every bead records the output indices, so the gold
// is exact; the result is checked to be monotone and complete.
import { rng } from '../lib/random.js';
import { type GoldBead, isValidAlignment } from './beads.js';

export interface ParallelDoc {
  id: string;
  source: string[];
  target: string[];
}

export interface GoldDoc extends ParallelDoc {
  gold: GoldBead[];
}

/** Probability of each operation per step (the rest is "keep"). */
export interface PerturbRates {
  merge2: number;
  merge3: number;
  splitTarget: number;
  splitSource: number;
  twoTwo: number;
  omission: number;
  blockOmission: number;
  addition: number;
  insertion: number;
}

/**
 * The suite: about 15% of the steps perturbed (MT failure modes: merged short sentences,
 * split long ones, dropped and added sentences).
 */
export const STANDARD_RATES: PerturbRates = {
  merge2: 0.035, merge3: 0.01, splitTarget: 0.035, splitSource: 0.01, twoTwo: 0.01,
  omission: 0.02, blockOmission: 0.005, addition: 0.0125, insertion: 0.0125,
};

/** The notes' "mild" suite (5% merge, 5% split, 2% omission, 2% addition). */
export const MILD_RATES: PerturbRates = {
  merge2: 0.05, merge3: 0, splitTarget: 0.05, splitSource: 0, twoTwo: 0,
  omission: 0.02, blockOmission: 0, addition: 0.01, insertion: 0.01,
};

const words = (s: string) => s.split(/\s+/u).filter(Boolean).length;

/**
 * Splits a sentence in two at the separator nearest its middle: a comma (، or ,), a semicolon
 * (؛ or ;), or a conjunction (Arabic و/ثم/لكن glued or free, English "and"/"but"). Both halves
 * keep at least three words; null when the sentence is too short or has no such point.
 */
export function splitSentence(s: string, lang: 'ar' | 'en'): [string, string] | null {
  if (words(s) < 8) return null;
  const points: number[] = [];
  const punct = lang === 'ar' ? /[،؛,;]\s+/gu : /[,;]\s+/gu;
  for (const m of s.matchAll(punct)) points.push(m.index + m[0].length);
  const conj = lang === 'ar' ? /\s+(?=(?:و|ثم\s|لكن\s|بينما\s)[\p{L}])/gu : /\s+(?=(?:and|but|while)\s)/gu;
  for (const m of s.matchAll(conj)) points.push(m.index + m[0].length);
  let best: number | null = null;
  for (const p of points) {
    const a = s.slice(0, p).trim();
    const b = s.slice(p).trim();
    if (words(a) < 3 || words(b) < 3) continue;
    if (best === null || Math.abs(p - s.length / 2) < Math.abs(best - s.length / 2)) best = p;
  }
  if (best === null) return null;
  return [s.slice(0, best).trim(), s.slice(best).trim()];
}

/** Re-cuts "a b" at a word boundary at least a quarter of the shorter sentence away from the join. */
function recut(a: string, b: string, r: () => number): [string, string] | null {
  const wa = a.split(/\s+/u).filter(Boolean);
  const wb = b.split(/\s+/u).filter(Boolean);
  const shift = Math.max(2, Math.round(Math.min(wa.length, wb.length) / 4));
  const all = [...wa, ...wb];
  const cut = r() < 0.5 ? wa.length - shift : wa.length + shift;
  if (cut < 2 || cut > all.length - 2) return null;
  return [all.slice(0, cut).join(' '), all.slice(cut).join(' ')];
}

/** Applies the operations to each document; `seed` fixes the result. */
export function perturb(docs: ParallelDoc[], seed: number, rates: PerturbRates = STANDARD_RATES): GoldDoc[] {
  const ops = Object.entries(rates) as Array<[keyof PerturbRates, number]>;
  return docs.map((doc, d) => {
    const r = rng(seed * 1000003 + d);
    const S: string[] = [];
    const T: string[] = [];
    const G: GoldBead[] = [];
    const bead = (ns: number, nt: number) => {
      G.push([Array.from({ length: ns }, (_, k) => S.length - ns + k), Array.from({ length: nt }, (_, k) => T.length - nt + k)]);
    };
    const e = doc.source;
    const a = doc.target;
    for (let i = 0; i < e.length; ) {
      let x = r();
      let op: keyof PerturbRates | 'keep' = 'keep';
      for (const [name, p] of ops) {
        if (x < p) {
          op = name;
          break;
        }
        x -= p;
      }
      const left = e.length - i;
      const splitT = op === 'splitTarget' ? splitSentence(a[i]!, 'ar') : null;
      const splitS = op === 'splitSource' ? splitSentence(e[i]!, 'en') : null;
      const cut = op === 'twoTwo' && left >= 2 ? recut(a[i]!, a[i + 1]!, r) : null;
      if (op === 'merge2' && left >= 2) {
        S.push(e[i]!, e[i + 1]!);
        T.push(`${a[i]} ${a[i + 1]}`);
        bead(2, 1);
        i += 2;
      } else if (op === 'merge3' && left >= 3) {
        S.push(e[i]!, e[i + 1]!, e[i + 2]!);
        T.push(`${a[i]} ${a[i + 1]} ${a[i + 2]}`);
        bead(3, 1);
        i += 3;
      } else if (splitT) {
        S.push(e[i]!);
        T.push(splitT[0], splitT[1]);
        bead(1, 2);
        i += 1;
      } else if (splitS) {
        S.push(splitS[0], splitS[1]);
        T.push(a[i]!);
        bead(2, 1);
        i += 1;
      } else if (cut) {
        S.push(e[i]!, e[i + 1]!);
        T.push(cut[0], cut[1]);
        bead(2, 2);
        i += 2;
      } else if (op === 'omission') {
        S.push(e[i]!);
        bead(1, 0);
        i += 1;
      } else if (op === 'blockOmission' && left >= 2) {
        const k = Math.min(left, 2 + Math.floor(r() * 4));
        for (let q = 0; q < k; q++) {
          S.push(e[i + q]!);
          bead(1, 0);
        }
        i += k;
      } else if (op === 'addition') {
        T.push(a[i]!);
        bead(0, 1);
        i += 1;
      } else if (op === 'insertion' && docs.length > 1) {
        const other = docs[(d + 1 + Math.floor(r() * (docs.length - 1))) % docs.length]!;
        T.push(other.target[Math.floor(r() * other.target.length)]!);
        bead(0, 1);
        S.push(e[i]!);
        T.push(a[i]!);
        bead(1, 1);
        i += 1;
      } else {
        S.push(e[i]!);
        T.push(a[i]!);
        bead(1, 1);
        i += 1;
      }
    }
    if (!isValidAlignment(G, S.length, T.length)) throw new Error(`generator produced an invalid alignment for ${doc.id}`);
    return { id: doc.id, source: S, target: T, gold: G };
  });
}

/** Share of sentences (both sides) that sit in a bead other than 1-1. */
export function touchedShare(docs: GoldDoc[]): number {
  let touched = 0;
  let total = 0;
  for (const d of docs) {
    for (const [s, t] of d.gold) {
      total += s.length + t.length;
      if (s.length !== 1 || t.length !== 1) touched += s.length + t.length;
    }
  }
  return total === 0 ? 0 : touched / total;
}

/** Bead shapes ("1-1", "2-1", …) with their counts. */
export function shapeCounts(docs: Array<{ gold: GoldBead[] }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of docs) for (const [s, t] of d.gold) out.set(`${s.length}-${t.length}`, (out.get(`${s.length}-${t.length}`) ?? 0) + 1);
  return out;
}
