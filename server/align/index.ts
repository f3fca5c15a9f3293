// Alignment stage: source and target sentences → monotone beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2,
// 3-1, 1-3, 3-2, 2-3, 4-1, 1-4), each with a confidence in [0, 1].
//
// 1. Anchors (anchors.ts): numbers across digit systems and number words, Latin names against
//    Arabic consonant skeletons, acronyms, dates, cognates, punctuation, glossary concepts.
// 2. Band: the full matrix for short documents; for long ones, sentences are merged two by two,
//    recursively, until the matrix is small (~600 units a side); each level's path (lengths and
//    pooled anchors) gives the next finer level a band around it, widened where the path runs
//    along its edge. Time and memory grow linearly with the document.
// 3. First pass and re-estimation (estimate.ts): c, s² and the anchor match rates from the 1-1
//    beads of a first path (on a sample of the first sentences for very long documents).
// 4. Final pass with forward–backward posteriors: a bead's confidence is the probability that
//    the alignment contains exactly that bead; the path returned is the one with the most beads
//    expected to be exactly right (minimum-Bayes-risk decoding). Where that path hugs the band's
//    edge, the stretch is searched again in a wider band.
import type { Bead, Glossary, SegmentedText } from '../core/types.js';
import { type Anchors, buildAnchors, type SideKeys } from './anchors.js';
import { type Band, bandAroundPath, cellCount, finish, fullBand } from './band.js';
import { type PathBead, type SearchOptions, search } from './dp.js';
import { reestimate } from './estimate.js';
import { Model, type ModelParams, type Units, defaultParams } from './model.js';

export interface AlignOptions {
  /** Target characters per source character; estimated from the texts when absent. */
  ratio?: number;
  /** Glossary concepts found on both sides become anchors. */
  glossary?: Glossary;
  /** Half-width, in sentences, of the band searched around the first-pass path (long texts). */
  margin?: number;
  /** Half-width of the final pass's band around the first pass's path (long texts). */
  finalMargin?: number;
  /** Search the full matrix when (n + 1)·(m + 1) is at most this. */
  fullLimit?: number;
  /** Temperature of the posteriors (costs are already in nats; README shows the calibration at 1). */
  temperature?: number;
  /** Keep s² at its default (params.s2) instead of estimating it from the document. */
  fixedS2?: boolean;
  /** Pseudo-counts of the default bead-shape priors when re-estimating them from the first pass. */
  priorStrength?: number;
  /** Documents longer than twice this (source sentences) re-estimate on their first `sampleSize`. */
  sampleSize?: number;
  /** Skip the re-estimation pass (faster, a little less accurate). */
  singlePass?: boolean;
  /**
   * 'posterior' (default): the path whose beads are, in total, most probably exactly right
   * (minimum-Bayes-risk decoding); 'viterbi': the single most probable path.
   */
  decode?: 'posterior' | 'viterbi';
  /** Posterior decoding: what each bead must beat to be worth having (0 = maximise expected hits). */
  mbrPenalty?: number;
  /** Model parameters to override (tuning and evaluation). */
  params?: Partial<ModelParams>;
  /** Anchors already extracted for this very pair (buildAnchors), when aligning it repeatedly. */
  anchors?: Anchors;
}

export const DEFAULT_MARGIN = 8;
/** Half-width of the bands of the coarse levels, in their own units. */
const COARSE_MARGIN = 12;
export const DEFAULT_FINAL_MARGIN = 6;
export const DEFAULT_FULL_LIMIT = 400_000;
export const DEFAULT_TEMPERATURE = 1;
export const DEFAULT_MBR_PENALTY = 0.5;
export const DEFAULT_SAMPLE = 3000;

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
    paragraphCount: informative ? text.paragraphs.length : 0,
    keys,
  };
}

/** Units two by two: lengths add up, keys are pooled; paragraphs are dropped. */
function coarsen(u: Units): Units {
  const n = u.length.length;
  const half = Math.ceil(n / 2);
  const length = new Float64Array(half);
  const words = new Float64Array(half);
  const k = u.keys;
  // At most the sum of both units' entries: merge the two sorted lists of each pair.
  const cap = k.ids.length;
  const ids = new Int32Array(cap);
  const counts = new Uint16Array(cap);
  const types = new Uint8Array(cap);
  const groups = new Int32Array(cap);
  const offsets = new Int32Array(half + 1);
  let w = 0;
  const put = (e: number) => {
    ids[w] = k.ids[e]!;
    counts[w] = k.counts[e]!;
    types[w] = k.types[e]!;
    groups[w] = k.groups[e]!;
    w++;
  };
  for (let h = 0; h < half; h++) {
    const a = 2 * h;
    const two = a + 1 < n;
    length[h] = u.length[a]! + (two ? u.length[a + 1]! : 0);
    words[h] = u.words[a]! + (two ? u.words[a + 1]! : 0);
    let x = k.offsets[a]!;
    const xe = k.offsets[a + 1]!;
    let y = two ? k.offsets[a + 1]! : xe;
    const ye = two ? k.offsets[a + 2]! : xe;
    while (x < xe || y < ye) {
      if (y >= ye || (x < xe && k.ids[x]! < k.ids[y]!)) put(x++);
      else if (x >= xe || k.ids[y]! < k.ids[x]!) put(y++);
      else {
        put(x++);
        counts[w - 1] = Math.min(65535, counts[w - 1]! + k.counts[y++]!);
      }
    }
    offsets[h + 1] = w;
  }
  return {
    length,
    words,
    paragraph: null,
    paragraphCount: 0,
    keys: { offsets, ids: ids.slice(0, w), counts: counts.slice(0, w), types: types.slice(0, w), groups: groups.slice(0, w) },
  };
}

/** Units [from, to) of a side (arrays shared where they can be, key offsets rebased). */
function sliceUnits(u: Units, from: number, to: number): Units {
  const k = u.keys;
  const start = k.offsets[from]!;
  const end = k.offsets[to]!;
  const offsets = from === 0 ? k.offsets.subarray(0, to + 1) : k.offsets.slice(from, to + 1).map((x) => x - start);
  return {
    length: u.length.subarray(from, to),
    words: u.words.subarray(from, to),
    paragraph: u.paragraph ? u.paragraph.subarray(from, to) : null,
    paragraphCount: u.paragraphCount,
    keys: { offsets, ids: k.ids.subarray(start, end), counts: k.counts.subarray(start, end), types: k.types.subarray(start, end), groups: k.groups.subarray(start, end) },
  };
}

function pathCells(path: PathBead[]): Array<[number, number]> {
  return [[0, 0], ...path.map((b) => [b.i1, b.j1] as [number, number])];
}

/** The band of the first pass: full for short texts, else around a coarser alignment. */
function firstBand(s: Units, t: Units, params: ModelParams, keyCount: number, margin: number, fullLimit: number, coarseMargin = COARSE_MARGIN): Band {
  const n = s.length.length;
  const m = t.length.length;
  if ((n + 1) * (m + 1) <= fullLimit || n < 4 || m < 4) return fullBand(n, m);
  const cs = coarsen(s);
  const ct = coarsen(t);
  // Coarse paths are rougher: their bands are wider (they are also cheaper).
  const cband = firstBand(cs, ct, params, keyCount, coarseMargin, fullLimit, coarseMargin);
  // Lengths alone cannot steer coarse units: a block of 64 sentences is about as long as the
  // next. Their pooled anchors can, with frequent keys dropped and no exact recounting.
  const { path: cpath } = searchAdaptive((b) => new Model(cs, ct, b, params, keyCount, true), cband, coarseMargin, {});
  return bandAroundPath(pathCells(cpath), n, m, margin, ([i, j]) => [Math.min(n, 2 * i), Math.min(m, 2 * j)]);
}

/** Band widenings since the last alignDetailed call began (reported in AlignResult). */
let widenings = 0;

/** True when bead `b` ends on the band's edge where the band could have gone further. */
function onEdge(b: PathBead, band: Band): boolean {
  const i = b.i1;
  return (b.j1 - band.lo[i]! < 1 && band.lo[i]! > 0) || (band.hi[i]! - b.j1 < 1 && band.hi[i]! < band.m);
}

function touchesEdge(path: PathBead[], band: Band): boolean {
  return path.some((b) => onEdge(b, band));
}

/**
 * The final pass's repair where its path runs along the band's edge: only a window of beads
 * around each such place is searched again, between the cells where the path enters and leaves
 * it, in a band twice as wide (up to three times as wide again). A second search of the whole
 * document would double the cost of the largest pass for a few rows.
 */
function repairLocally(s: Units, t: Units, build: (s: Units, t: Units, band: Band) => Model, band: Band, path: PathBead[], margin: number, opts: SearchOptions): PathBead[] {
  const touched = path.map((b, k) => (onEdge(b, band) ? k : -1)).filter((k) => k >= 0);
  if (touched.length === 0) return path;
  widenings++;
  // Windows of beads around the touches, merged where they overlap.
  const reach = 4 * margin;
  const windows: Array<[number, number]> = [];
  for (const k of touched) {
    const a = Math.max(0, k - reach);
    const z = Math.min(path.length - 1, k + reach);
    const last = windows[windows.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], z);
    else windows.push([a, z]);
  }
  const out: PathBead[] = [];
  let next = 0;
  for (const [a, z] of windows) {
    out.push(...path.slice(next, a));
    const i0 = path[a]!.i0;
    const j0 = path[a]!.j0;
    const i1 = path[z]!.i1;
    const j1 = path[z]!.j1;
    const ss = sliceUnits(s, i0, i1);
    const st = sliceUnits(t, j0, j1);
    const cells: Array<[number, number]> = [[0, 0], ...path.slice(a, z + 1).map((b) => [b.i1 - i0, b.j1 - j0] as [number, number])];
    let width = margin * 2;
    let sub = bandAroundPath(cells, i1 - i0, j1 - j0, width);
    let subPath = search(build(ss, st, sub), sub, opts);
    for (let round = 0; round < 2 && touchesEdge(subPath, sub); round++) {
      width *= 2;
      sub = bandAroundPath(cells, i1 - i0, j1 - j0, width);
      subPath = search(build(ss, st, sub), sub, opts);
    }
    for (const b of subPath) out.push({ ...b, i0: b.i0 + i0, i1: b.i1 + i0, j0: b.j0 + j0, j1: b.j1 + j0 });
    next = z + 1;
  }
  out.push(...path.slice(next));
  return out;
}

/**
 * Search in `band`; where the best path hugs the band's edge, the true path may lie outside it:
 * search again in the union with a band twice as wide around that path (up to three times).
 */
function searchAdaptive(build: (band: Band) => Model, band: Band, margin: number, opts: SearchOptions): { path: PathBead[]; band: Band } {
  let b = band;
  let path = search(build(b), b, opts);
  let width = margin;
  for (let round = 0; round < 3 && touchesEdge(path, b); round++) {
    widenings++;
    width *= 2;
    const wider = bandAroundPath(pathCells(path), b.n, b.m, width);
    const lo = b.lo.map((x, i) => Math.min(x, wider.lo[i]!));
    const hi = b.hi.map((x, i) => Math.max(x, wider.hi[i]!));
    b = finish(b.n, b.m, lo, hi);
    path = search(build(b), b, opts);
  }
  return { path, band: b };
}

export interface AlignResult {
  beads: Bead[];
  /** Parameters of the final pass (c, s², match rates), for reports and evaluation. */
  params: ModelParams;
  /** Cells searched in the final pass. */
  cells: number;
  /** Milliseconds per phase (anchors, coarse, pass1, pass2), for benchmarks. */
  timings: Record<string, number>;
  /** Times a search was repeated in a wider band because its path touched the band's edge. */
  widenings: number;
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
    return { beads, params: base, cells: 0, timings: {}, widenings: 0 };
  }
  const timings: Record<string, number> = {};
  widenings = 0;
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
  // The first passes leave paragraphs unpaired: whether they correspond is read off their path.
  const offset = base.paragraphOffset;
  let params: ModelParams = { ...base, c, cw, paragraphOffset: 0 };
  let paragraphsCorrespond = true;
  const band1 = firstBand(s, t, params, anchors.keyCount, margin, fullLimit);
  lap('coarse');
  let band = band1;
  if (!options.singlePass) {
    const estimateOptions = {
      fixedS2: options.fixedS2 ?? false,
      fixedC: options.ratio !== undefined,
      ...(options.priorStrength !== undefined ? { priorStrength: options.priorStrength } : {}),
    };
    const sample = options.sampleSize ?? DEFAULT_SAMPLE;
    if (n > 2 * sample && (n + 1) * (m + 1) > fullLimit) {
      // A long document: c, s² and the match rates are estimated on its first `sample` source
      // sentences (and the target part the band gives them); the final pass keeps the band.
      const rows = sample;
      const cols = band1.hi[rows]!;
      const sub = finish(rows, cols, band1.lo.slice(0, rows + 1), band1.hi.slice(0, rows + 1).map((h) => Math.min(h, cols)));
      const ss = sliceUnits(s, 0, rows);
      const st = sliceUnits(t, 0, cols);
      const path1 = search(new Model(ss, st, sub, params, anchors.keyCount), sub);
      paragraphsCorrespond = namesakes(path1, s, t);
      params = reestimate(path1, ss, st, params, estimateOptions);
      lap('pass1');
    } else {
      const path1 = search(new Model(s, t, band1, params, anchors.keyCount), band1);
      paragraphsCorrespond = namesakes(path1, s, t);
      lap('pass1');
      params = reestimate(path1, s, t, params, estimateOptions);
      // The first path is already close: the final pass needs a narrower band around it.
      if ((n + 1) * (m + 1) > fullLimit) band = bandAroundPath(pathCells(path1), n, m, options.finalMargin ?? DEFAULT_FINAL_MARGIN);
    }
  }
  params = { ...params, paragraphOffset: paragraphsCorrespond ? offset : 0 };
  const finalOptions: SearchOptions = { temperature, mbr: options.decode !== 'viterbi', mbrPenalty: options.mbrPenalty ?? DEFAULT_MBR_PENALTY };
  const build = (us: Units, ut: Units, b: Band) => new Model(us, ut, b, params, anchors.keyCount);
  let path = search(build(s, t, band), band, finalOptions);
  if ((n + 1) * (m + 1) > fullLimit) path = repairLocally(s, t, build, band, path, options.finalMargin ?? DEFAULT_FINAL_MARGIN, finalOptions);
  lap('pass2');
  const beads = path.map((b) => ({
    source: range(b.i0, b.i1),
    target: range(b.j0, b.j1),
    confidence: Math.round(Math.max(0, Math.min(1, b.posterior)) * 1000) / 1000,
  }));
  return { beads, params, cells: cellCount(band), timings, widenings };
}

/**
 * True when a path pairs every paragraph mostly with its namesake (paragraph p of the source with
 * paragraph p of the target, ties allowed): the sides' paragraphs correspond, as when MT kept
 * them. Equal counts alone can mislead: a paragraph lost here and one added there shift all the
 * paragraphs between.
 */
function namesakes(path: PathBead[], s: Units, t: Units): boolean {
  const ps = s.paragraph;
  const pt = t.paragraph;
  if (!ps || !pt || s.paragraphCount !== t.paragraphCount) return false;
  const tally = new Map<number, Map<number, number>>();
  for (const b of path) {
    if (b.i1 === b.i0 || b.j1 === b.j0) continue;
    const p = ps[b.i0]!;
    const row = tally.get(p) ?? new Map<number, number>();
    tally.set(p, row);
    const q = pt[b.j0]!;
    row.set(q, (row.get(q) ?? 0) + 1);
  }
  for (const [p, row] of tally) if ((row.get(p) ?? 0) < Math.max(...row.values())) return false;
  return true;
}

export function align(source: SegmentedText, target: SegmentedText, options: AlignOptions = {}): Bead[] {
  return alignDetailed(source, target, options).beads;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let x = from; x < to; x++) out.push(x);
  return out;
}
