// A set of Arabic words matched the way Arabic writes them: behind proclitics (و، ف، ب، ك، ل،
// ال، لل) and with the common noun and adjective endings (ة، ي، ية، ات، ون، ين، يون، يين، ان، ا).
// Used for loanword allow-lists and for the Arabic renderings of names (ألمانيا، الألمانية).
import { foldArabicKey } from './arabic.js';
import { stemCandidates } from './clitics.js';

const SUFFIXES = ['ه', 'ي', 'يه', 'يا', 'ات', 'يات', 'ون', 'ين', 'يون', 'يين', 'ان', 'تان', 'تين', 'ا', 'ها', 'هم'];

/** A folded base form: a final taa marbuta, yaa or alef is an ending, not part of the stem. */
function base(folded: string): string {
  const b = folded.replace(/(?:يه|ه|يا|ي|ا)$/u, '');
  return b.length >= 2 ? b : folded;
}

export class ArabicWordSet {
  private readonly bases = new Map<string, string>();
  private readonly found = new Map<string, string | null>();
  private byLength: Map<number, string[]> | undefined;

  constructor(entries: Iterable<string> = []) {
    for (const e of entries) this.add(e);
  }

  /** Adds a word; `label` is what `find` returns for it (default the word itself). */
  add(word: string, label = word): void {
    const f = foldArabicKey(word).replace(/\s+/gu, '');
    if (!f) return;
    // A name with the article (الأردن) also stands without it in its adjective (أردني، الأردنية).
    for (const form of f.startsWith('ال') && f.length >= 5 ? [f, f.slice(2)] : [f]) {
      if (!this.bases.has(form)) this.bases.set(form, label);
      const b = base(form);
      if (!this.bases.has(b)) this.bases.set(b, label);
    }
    this.found.clear();
    this.byLength = undefined;
  }

  get size(): number {
    return this.bases.size;
  }

  /** The label of the entry a folded word is a form of, or undefined. */
  find(folded: string): string | undefined {
    let hit = this.found.get(folded);
    if (hit === undefined) {
      hit = this.findUncached(folded) ?? null;
      if (this.found.size > 100_000) this.found.clear();
      this.found.set(folded, hit);
    }
    return hit ?? undefined;
  }

  private findUncached(folded: string): string | undefined {
    for (const stem of stemCandidates(folded, 2)) {
      const hit = this.bases.get(stem);
      if (hit !== undefined) return hit;
      for (const suf of SUFFIXES) {
        if (stem.length > suf.length + 1 && stem.endsWith(suf)) {
          const h = this.bases.get(stem.slice(0, stem.length - suf.length));
          if (h !== undefined) return h;
        }
      }
    }
    return undefined;
  }

  has(folded: string): boolean {
    return this.find(folded) !== undefined;
  }

  /**
   * Like `has`, but also true for a long word one letter away from an entry (a misspelt
   * loanword such as الاستراتجية or الديموقرطية is still that loanword).
   */
  hasNear(folded: string, minLength = 6): boolean {
    if (this.has(folded)) return true;
    if (!this.byLength) {
      this.byLength = new Map();
      for (const b of this.bases.keys()) this.byLength.set(b.length, [...(this.byLength.get(b.length) ?? []), b]);
    }
    for (const stem of stemCandidates(folded, minLength)) {
      const near: string[] = [];
      for (let len = stem.length - 4; len <= stem.length + 1; len++) near.push(...(this.byLength.get(len) ?? []));
      for (const b of near) {
        if (b.length < minLength - 1) continue;
        // With an ending taken off, what is left must still be long enough to judge by one letter
        // (ب + ايبلاين − ين is not ايبولا).
        if (withinOneEdit(stem, b) || (stem.length > b.length && SUFFIXES.some((s) => stem.endsWith(s) && stem.length - s.length >= minLength && withinOneEdit(stem.slice(0, -s.length), b)))) return true;
      }
    }
    return false;
  }
}

/** Whether a and b differ by at most one insertion, deletion or substitution. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
