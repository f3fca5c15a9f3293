// Seeded randomness for the generated benchmark and evaluation data, so every machine makes the
// same suites.
import { pySplit } from '../../server/score/python-str.js';

/** Mulberry32: small, fast and seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plausible MT error pattern on a line's words: ~8% dropped, ~8% swapped with the next, ~4% doubled. */
export function perturbWords(line: string, rand: () => number): string[] {
  const words = pySplit(line);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const r = rand();
    if (r < 0.08) continue;
    if (r < 0.16 && i + 1 < words.length) {
      out.push(words[i + 1]!, words[i]!);
      i++;
    } else if (r < 0.2) out.push(words[i]!, words[i]!);
    else out.push(words[i]!);
  }
  return out;
}
