// Alignment stage: monotone dynamic programming over beads 1-1, 1-2, 2-1, 2-2, 1-0 and 0-1 with
// a Gale–Church length cost. c (target characters per source character) is estimated from the
// document pair itself: Arabic/English news is about 0.93, not the paper's 1.
import type { Bead, SegmentedText } from '../core/types.js';
import { BEAD_PENALTY, lengthCost, lengthProbability } from './gale-church.js';

/** Cost of a bead that puts sentences of two different paragraphs together. */
const CROSS_PARAGRAPH_PENALTY = 300;

const MOVES: Array<[number, number]> = [[1, 1], [1, 0], [0, 1], [2, 1], [1, 2], [2, 2]];

function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export interface AlignOptions {
  /** Target characters per source character; estimated from the texts when absent. */
  ratio?: number;
}

export function align(source: SegmentedText, target: SegmentedText, options: AlignOptions = {}): Bead[] {
  const n = source.sentences.length;
  const m = target.sentences.length;
  const ls = source.sentences.map((s) => charLength(s.text));
  const lt = target.sentences.map((s) => charLength(s.text));
  const totalS = ls.reduce((a, b) => a + b, 0);
  const totalT = lt.reduce((a, b) => a + b, 0);
  const c = options.ratio ?? (totalS > 0 && totalT > 0 ? totalT / totalS : 1);

  const INF = Number.POSITIVE_INFINITY;
  const cost = new Float64Array((n + 1) * (m + 1)).fill(INF);
  const back = new Uint8Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  cost[0] = 0;

  const sameParagraph = (sents: SegmentedText['sentences'], from: number, count: number) =>
    count < 2 || sents[from]!.paragraph === sents[from + count - 1]!.paragraph;

  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = INF;
      let bestMove = 0;
      for (let k = 0; k < MOVES.length; k++) {
        const [di, dj] = MOVES[k]!;
        if (di > i || dj > j) continue;
        const prev = cost[at(i - di, j - dj)]!;
        if (prev === INF) continue;
        let l1 = 0;
        let l2 = 0;
        for (let x = i - di; x < i; x++) l1 += ls[x]!;
        for (let y = j - dj; y < j; y++) l2 += lt[y]!;
        // Gale–Church also charges a deletion match(l, 0), which is near its 2500 cap for any
        // real sentence, so omissions were almost never found; a skip costs its prior only.
        const match = di === 0 || dj === 0 ? 0 : lengthCost(l1, l2, c);
        let c2 = prev + match + BEAD_PENALTY[`${di}-${dj}`]!;
        if (!sameParagraph(source.sentences, i - di, di)) c2 += CROSS_PARAGRAPH_PENALTY;
        if (!sameParagraph(target.sentences, j - dj, dj)) c2 += CROSS_PARAGRAPH_PENALTY;
        if (c2 < best) {
          best = c2;
          bestMove = k;
        }
      }
      cost[at(i, j)] = best;
      back[at(i, j)] = bestMove;
    }
  }

  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [di, dj] = MOVES[back[at(i, j)]!]!;
    const src = range(i - di, i);
    const tgt = range(j - dj, j);
    const l1 = src.reduce((a, x) => a + ls[x]!, 0);
    const l2 = tgt.reduce((a, y) => a + lt[y]!, 0);
    beads.push({ source: src, target: tgt, confidence: confidence(di, dj, l1, l2, c) });
    i -= di;
    j -= dj;
  }
  return beads.reverse();
}

/**
 * Interim confidence: the length model's two-tailed probability, damped for rarer bead shapes.
 * The alignment issue replaces this with posterior probabilities.
 */
function confidence(di: number, dj: number, l1: number, l2: number, c: number): number {
  if (di === 0 || dj === 0) return 0.3;
  const p = lengthProbability(l1, l2, c);
  const shape = di === 1 && dj === 1 ? 1 : 0.8;
  return Math.round(Math.max(0.05, Math.min(1, Math.sqrt(p) * shape)) * 100) / 100;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let x = from; x < to; x++) out.push(x);
  return out;
}
