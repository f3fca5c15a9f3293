// Alignment stage: source and target sentences → monotone beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2,
// 3-1, 1-3, 3-2, 2-3, 4-1, 1-4), each with a confidence in [0, 1].
//
// 1. Anchors (anchors.ts): numbers across digit systems and number words, Latin names against
//    Arabic consonant skeletons, cognates between Latin-script languages, punctuation, glossary.
// 2. First pass: for short documents the full matrix; for long ones a band around a path found
//    at coarser resolutions (sentences merged two by two, recursively, down to ~1,000 units), so
//    time and memory grow linearly with the document.
// 3. Re-estimation (estimate.ts): c, s² and the anchor match rates from the first pass's 1-1 beads.
// 4. Second pass in a band around the first path, with forward–backward posteriors: a bead's
//    confidence is the posterior probability that the alignment contains exactly that bead.
import type { Bead, Glossary, SegmentedText } from '../core/types.js';
import { type Anchors, buildAnchors, type SideKeys } from './anchors.js';
import { type Band, bandAroundPath, cellCount, fullBand } from './band.js';
import { type PathBead, search } from './dp.js';
import { reestimate } from './estimate.js';
import { Model, type ModelParams, type Units, defaultParams } from './model.js';

export interface AlignOptions {
  /** Target characters per source character; estimated from the texts when absent. */
  ratio?: number;
  /** Glossary concepts found on both sides become anchors. */
  glossary?: Glossary;
  /** Half-width, in sentences, of the band searched around the first-pass path (long texts). */
  margin?: number;
  /** Search the full matrix when (n + 1)·(m + 1) is at most this. */
  fullLimit?: number;
  /** Temperature of the posteriors (calibrated on held-out data; see README). */
  temperature?: number;
  /** Keep s² at 6.8 instead of estimating it from the document. */
  fixedS2?: boolean;
  /** Pseudo-counts of the default bead-shape priors when re-estimating them from the first pass. */
  priorStrength?: number;
  /** Skip the re-estimation pass (faster, a little less accurate). */
  singlePass?: boolean;
  /** Model parameters to override (tuning and evaluation). */
  params?: Partial<ModelParams>;
  /** Anchors already extracted for this very pair (buildAnchors), when aligning it repeatedly. */
  anchors?: Anchors;
}

export const DEFAULT_MARGIN = 12;
export const DEFAULT_FULL_LIMIT = 1_500_000;
export const DEFAULT_TEMPERATURE = 1;

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

function wordCount(s: string): number {
  let n = 0;
  for (const _ of s.matchAll(/[\p{L}\p{N}]+/gu)) n++;
  return n;
}

function unitsOf(text: SegmentedText, keys: SideKeys): Units {
  const informative = text.paragraphs.length > 1 && text.paragraphs.length < text.sentences.length;
  return {
    length: Float64Array.from(text.sentences, (s) => codePoints(s.text)),
    words: Float64Array.from(text.sentences, (s) => wordCount(s.text)),
    paragraph: informative ? Int32Array.from(text.sentences, (s) => s.paragraph) : null,
    keys,
  };
}

/** Units two by two: lengths add up, keys are pooled; paragraphs are dropped. */
function coarsen(u: Units): Units {
  const n = u.length.length;
  const half = Math.ceil(n / 2);
  const length = new Float64Array(half);
  const words = new Float64Array(half);
  const offsets = new Int32Array(half + 1);
  const ids: number[] = [];
  const counts: number[] = [];
  const types: number[] = [];
  const groups: number[] = [];
  const k = u.keys;
  for (let h = 0; h < half; h++) {
    const a = 2 * h;
    const b = Math.min(n, a + 2);
    length[h] = u.length[a]! + (b > a + 1 ? u.length[a + 1]! : 0);
    words[h] = u.words[a]! + (b > a + 1 ? u.words[a + 1]! : 0);
    const merged = new Map<number, [number, number, number]>();
    for (let e = k.offsets[a]!; e < k.offsets[b]!; e++) {
      const x = merged.get(k.ids[e]!);
      if (x) x[0] += k.counts[e]!;
      else merged.set(k.ids[e]!, [k.counts[e]!, k.types[e]!, k.groups[e]!]);
    }
    for (const id of [...merged.keys()].sort((x, y) => x - y)) {
      const [cnt, type, group] = merged.get(id)!;
      ids.push(id);
      counts.push(Math.min(65535, cnt));
      types.push(type);
      groups.push(group);
    }
    offsets[h + 1] = ids.length;
  }
  return { length, words, paragraph: null, keys: { offsets, ids: Int32Array.from(ids), counts: Uint16Array.from(counts), types: Uint8Array.from(types), groups: Int32Array.from(groups) } };
}

function pathCells(path: PathBead[]): Array<[number, number]> {
  return [[0, 0], ...path.map((b) => [b.i1, b.j1] as [number, number])];
}

/** The band of the first pass: full for short texts, else around a coarser alignment. */
function firstBand(s: Units, t: Units, params: ModelParams, keyCount: number, margin: number, fullLimit: number): Band {
  const n = s.length.length;
  const m = t.length.length;
  if ((n + 1) * (m + 1) <= fullLimit || n < 4 || m < 4) return fullBand(n, m);
  const cs = coarsen(s);
  const ct = coarsen(t);
  const cband = firstBand(cs, ct, params, keyCount, margin, fullLimit);
  // Coarse units pool hundreds of keys each, so matching them would cost more than it helps:
  // the coarse levels only need to keep the true path inside the band, and lengths do that.
  const cpath = search(new Model(cs, ct, cband, { ...params, lexWeight: 0 }, keyCount), cband);
  return bandAroundPath(pathCells(cpath), n, m, margin, ([i, j]) => [Math.min(n, 2 * i), Math.min(m, 2 * j)]);
}

export interface AlignResult {
  beads: Bead[];
  /** Parameters of the final pass (c, s², match rates), for reports and evaluation. */
  params: ModelParams;
  /** Cells searched in the final pass. */
  cells: number;
  /** Milliseconds per phase (anchors, coarse, pass1, pass2), for benchmarks. */
  timings: Record<string, number>;
}

export function alignDetailed(source: SegmentedText, target: SegmentedText, options: AlignOptions = {}): AlignResult {
  const n = source.sentences.length;
  const m = target.sentences.length;
  const base = { ...defaultParams(), ...options.params };
  if (n === 0 || m === 0) {
    const beads: Bead[] = [
      ...source.sentences.map((s) => ({ source: [s.index], target: [], confidence: 1 })),
      ...target.sentences.map((s) => ({ source: [], target: [s.index], confidence: 1 })),
    ];
    return { beads, params: base, cells: 0, timings: {} };
  }
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - clock;
    clock = now;
  };
  const anchors = options.anchors ?? buildAnchors(source, target, options.glossary ? { glossary: options.glossary } : {});
  lap('anchors');
  const s = unitsOf(source, anchors.source);
  const t = unitsOf(target, anchors.target);
  const totalS = s.length.reduce((a, b) => a + b, 0);
  const totalT = t.length.reduce((a, b) => a + b, 0);
  const c = options.ratio ?? (options.params?.c ?? (totalS > 0 && totalT > 0 ? totalT / totalS : 1));
  const margin = options.margin ?? DEFAULT_MARGIN;
  const fullLimit = options.fullLimit ?? DEFAULT_FULL_LIMIT;
  const temperature = options.temperature ?? DEFAULT_TEMPERATURE;

  const wordsS = s.words.reduce((a, b) => a + b, 0);
  const wordsT = t.words.reduce((a, b) => a + b, 0);
  const cw = options.params?.cw ?? (wordsS > 0 && wordsT > 0 ? wordsT / wordsS : 1);
  let params: ModelParams = { ...base, c, cw };
  const band1 = firstBand(s, t, params, anchors.keyCount, margin, fullLimit);
  lap('coarse');
  let band = band1;
  if (!options.singlePass) {
    const path1 = search(new Model(s, t, band1, params, anchors.keyCount), band1);
    lap('pass1');
    params = reestimate(path1, s, t, params, {
      fixedS2: options.fixedS2 ?? false,
      fixedC: options.ratio !== undefined,
      ...(options.priorStrength !== undefined ? { priorStrength: options.priorStrength } : {}),
    });
    if ((n + 1) * (m + 1) > fullLimit) band = bandAroundPath(pathCells(path1), n, m, margin);
  }
  const path = search(new Model(s, t, band, params, anchors.keyCount), band, temperature);
  lap('pass2');
  const beads = path.map((b) => ({
    source: range(b.i0, b.i1),
    target: range(b.j0, b.j1),
    confidence: Math.round(Math.max(0, Math.min(1, b.posterior)) * 1000) / 1000,
  }));
  return { beads, params, cells: cellCount(band), timings };
}

export function align(source: SegmentedText, target: SegmentedText, options: AlignOptions = {}): Bead[] {
  return alignDetailed(source, target, options).beads;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let x = from; x < to; x++) out.push(x);
  return out;
}
