// Paragraphs for a synthetic gold document, as MT keeps them: a paragraph break falls between two
// gold beads (with probability `rate` at each), on both sides at once, so sentences of one bead
// never straddle a break. A paragraph that ends up empty on one side (only omitted or only added
// sentences) does not exist there, so that side has fewer paragraphs, as it would after a
// translation that lost or invented a whole paragraph.
import { rng } from '../lib/random.js';
import type { GoldBead } from './beads.js';

export interface Paragraphing {
  /** Paragraph index of each source sentence, then of each target sentence (0-based, dense). */
  source: number[];
  target: number[];
}

export function paragraphsOf(gold: GoldBead[], seed: number, rate = 0.4): Paragraphing {
  const r = rng(seed);
  const source: number[] = [];
  const target: number[] = [];
  let block = 0;
  const blockS: number[] = [];
  const blockT: number[] = [];
  gold.forEach(([s, t], k) => {
    if (k > 0 && r() < rate) block++;
    for (const _ of s) blockS.push(block);
    for (const _ of t) blockT.push(block);
  });
  const dense = (blocks: number[], out: number[]) => {
    let p = -1;
    let last = -1;
    for (const b of blocks) {
      if (b !== last) p++;
      last = b;
      out.push(p);
    }
  };
  dense(blockS, source);
  dense(blockT, target);
  return { source, target };
}
