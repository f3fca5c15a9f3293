// Reviewer corrections of an alignment: pure functions over a bead list, and a compact stored form
// that survives re-running the automatic aligner and, where it can, changes to the texts.
//
// API (every function returns a new list and never mutates its input):
//
//   mergeWithNext(beads, index)
//       Bead `index` and bead `index + 1` become one bead.
//   splitBead(beads, index, { source, target })
//       Bead `index` becomes two: the first keeps its first `source` source sentences and its
//       first `target` target sentences, the second the rest. Either count may be 0 (a 2-1 bead
//       split at { source: 1, target: 1 } gives 1-1 + 1-0), but each new bead keeps at least one
//       sentence and the split must change something.
//   moveSentence(beads, index, side, direction)
//       Moves one sentence of `side` ('source' | 'target') across a bead boundary: direction
//       'previous' moves the FIRST sentence of bead `index` to the end of bead `index - 1`;
//       'next' moves the LAST sentence of bead `index` to the start of bead `index + 1`. A bead
//       left with no sentence at all disappears.
//   validateAlignment(beads, sourceCount, targetCount)
//       Throws unless the beads are monotone and cover every sentence of both sides exactly once.
//
// Beads an operation creates or changes get `corrected: true` and confidence 1 (the reviewer
// decided); other beads are returned unchanged. Bad arguments (an index out of range, a split
// that changes nothing, a move from an empty side) throw InputError naming the field, which the
// web layer turns into a 400.
//
// Stored form (what to persist per document; JSON-safe):
//
//   serializeAlignment(beads, source, target) → StoredAlignment
//       { schema: 'tadqiq.alignment/1', shapes: '1-1 2-1* 1-0 …' (sentences per bead, '*' marks
//         a corrected bead), confidence: [...], source/target: { count, hashes } } where hashes
//         holds one short hash per sentence text. The full list is stored, not a diff: a later,
//         better automatic aligner never changes what a reviewer saw and fixed.
//   restoreAlignment(stored, source, target, realign) → { beads, status, kept, dropped }
//       status 'exact': both sides still have the same sentences; the stored beads are returned.
//       status 'rebased': a text (or the segmenter) changed. Sentences are matched old → new by
//         their hashes (a diff, so an edit shifts later indices correctly); every corrected bead
//         whose sentences all survive, still consecutive, is kept as a fixed anchor; between
//         anchors come the beads of `realign` (the automatic aligner, run once on the whole new
//         pair), clipped to each gap. `dropped` counts corrections lost because a sentence in
//         them changed — the caller should tell the reviewer.
import { diffArrays } from 'diff';
import { type Bead, InputError, type SegmentedText, type Side } from '../core/types.js';

export type Direction = 'previous' | 'next';

function fail(message: string, field: string): never {
  throw new InputError(message, { field });
}

function checkIndex(beads: readonly Bead[], index: number, field = 'index'): void {
  if (!Number.isInteger(index) || index < 0 || index >= beads.length) {
    fail(`bead ${index} does not exist (the alignment has ${beads.length} beads)`, field);
  }
}

const corrected = (source: number[], target: number[]): Bead => ({ source, target, confidence: 1, corrected: true });

/** Throws InputError unless `beads` is monotone and covers 0…sourceCount-1 and 0…targetCount-1 once. */
export function validateAlignment(beads: readonly Bead[], sourceCount: number, targetCount: number): void {
  let s = 0;
  let t = 0;
  beads.forEach((b, k) => {
    if (b.source.length === 0 && b.target.length === 0) fail(`bead ${k} is empty`, 'beads');
    for (const x of b.source) if (x !== s++) fail(`bead ${k}: source sentence ${x} is out of order (expected ${s - 1})`, 'beads');
    for (const y of b.target) if (y !== t++) fail(`bead ${k}: target sentence ${y} is out of order (expected ${t - 1})`, 'beads');
    if (!(b.confidence >= 0 && b.confidence <= 1)) fail(`bead ${k}: confidence must be in [0, 1]`, 'beads');
  });
  if (s !== sourceCount) fail(`the beads cover ${s} source sentences, the text has ${sourceCount}`, 'beads');
  if (t !== targetCount) fail(`the beads cover ${t} target sentences, the text has ${targetCount}`, 'beads');
}

/** Bead `index` and the next one become a single corrected bead. */
export function mergeWithNext(beads: readonly Bead[], index: number): Bead[] {
  checkIndex(beads, index);
  if (index === beads.length - 1) fail('the last bead has no next bead to merge with', 'index');
  const a = beads[index]!;
  const b = beads[index + 1]!;
  return [...beads.slice(0, index), corrected([...a.source, ...b.source], [...a.target, ...b.target]), ...beads.slice(index + 2)];
}

/** Bead `index` split after its first `at.source` source and `at.target` target sentences. */
export function splitBead(beads: readonly Bead[], index: number, at: { source: number; target: number }): Bead[] {
  checkIndex(beads, index);
  const b = beads[index]!;
  for (const side of ['source', 'target'] as const) {
    const k = at[side];
    if (!Number.isInteger(k) || k < 0 || k > b[side].length) fail(`${side} split point must be between 0 and ${b[side].length}`, `at.${side}`);
  }
  const first = corrected(b.source.slice(0, at.source), b.target.slice(0, at.target));
  const second = corrected(b.source.slice(at.source), b.target.slice(at.target));
  if (first.source.length + first.target.length === 0 || second.source.length + second.target.length === 0) {
    fail('a split must leave at least one sentence in each bead', 'at');
  }
  return [...beads.slice(0, index), first, second, ...beads.slice(index + 1)];
}

/** Moves one sentence of `side` from bead `index` into the neighbouring bead. */
export function moveSentence(beads: readonly Bead[], index: number, side: Side, direction: Direction): Bead[] {
  checkIndex(beads, index);
  if (side !== 'source' && side !== 'target') fail('side must be "source" or "target"', 'side');
  if (direction !== 'previous' && direction !== 'next') fail('direction must be "previous" or "next"', 'direction');
  const from = beads[index]!;
  if (from[side].length === 0) fail(`bead ${index} has no ${side} sentence to move`, 'side');
  const toIndex = direction === 'previous' ? index - 1 : index + 1;
  if (toIndex < 0 || toIndex >= beads.length) fail(`bead ${index} has no ${direction} bead`, 'direction');
  const to = beads[toIndex]!;
  const moved = direction === 'previous' ? from[side][0]! : from[side][from[side].length - 1]!;
  const rest = direction === 'previous' ? from[side].slice(1) : from[side].slice(0, -1);
  const grown = direction === 'previous' ? [...to[side], moved] : [moved, ...to[side]];
  const newFrom: Bead = corrected(side === 'source' ? rest : from.source, side === 'target' ? rest : from.target);
  const newTo: Bead = corrected(side === 'source' ? grown : to.source, side === 'target' ? grown : to.target);
  const fromEmpty = newFrom.source.length === 0 && newFrom.target.length === 0;
  const out = [...beads];
  out[toIndex] = newTo;
  if (fromEmpty) out.splice(index, 1);
  else out[index] = newFrom;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Stored form

export interface StoredAlignment {
  schema: 'tadqiq.alignment/1';
  /** Sentences per bead, "s-t", space-separated; a trailing '*' marks a corrected bead. */
  shapes: string;
  /** Confidence of each bead, rounded to 3 decimals. */
  confidence: number[];
  source: { count: number; hashes: string };
  target: { count: number; hashes: string };
}

/** 32-bit FNV-1a of a sentence's text, base 36: enough to tell an edited sentence from the old one. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const hashes = (t: SegmentedText) => t.sentences.map((s) => hash(s.text));

export function serializeAlignment(beads: readonly Bead[], source: SegmentedText, target: SegmentedText): StoredAlignment {
  validateAlignment(beads, source.sentences.length, target.sentences.length);
  return {
    schema: 'tadqiq.alignment/1',
    shapes: beads.map((b) => `${b.source.length}-${b.target.length}${b.corrected ? '*' : ''}`).join(' '),
    confidence: beads.map((b) => Math.round(b.confidence * 1000) / 1000),
    source: { count: source.sentences.length, hashes: hashes(source).join(' ') },
    target: { count: target.sentences.length, hashes: hashes(target).join(' ') },
  };
}

/** The bead list a stored alignment describes (no check against any text). */
export function beadsOf(stored: StoredAlignment): Bead[] {
  if (stored?.schema !== 'tadqiq.alignment/1') fail('not a tadqiq.alignment/1 object', 'schema');
  const shapes = stored.shapes.trim() === '' ? [] : stored.shapes.trim().split(/\s+/u);
  if (!Array.isArray(stored.confidence) || stored.confidence.length !== shapes.length) fail('one confidence per bead is required', 'confidence');
  let s = 0;
  let t = 0;
  return shapes.map((shape, k) => {
    const m = /^(\d+)-(\d+)(\*?)$/u.exec(shape);
    if (!m) fail(`bead ${k}: "${shape}" is not a shape like 1-1 or 2-1*`, 'shapes');
    const src = Array.from({ length: Number(m[1]) }, () => s++);
    const tgt = Array.from({ length: Number(m[2]) }, () => t++);
    return { source: src, target: tgt, confidence: stored.confidence[k]!, ...(m[3] ? { corrected: true } : {}) };
  });
}

export interface Restored {
  beads: Bead[];
  status: 'exact' | 'rebased';
  /** Corrected beads carried over, and those lost because their sentences changed. */
  kept: number;
  dropped: number;
}

/** Old index → new index for sentences whose text is unchanged (a diff keeps the order). */
function mapSentences(oldHashes: string[], newHashes: string[]): Map<number, number> {
  const map = new Map<number, number>();
  let o = 0;
  let n = 0;
  for (const part of diffArrays(oldHashes, newHashes)) {
    const count = part.count ?? part.value.length;
    if (part.added) n += count;
    else if (part.removed) o += count;
    else for (let k = 0; k < count; k++) map.set(o++, n++);
  }
  return map;
}

export function restoreAlignment(
  stored: StoredAlignment,
  source: SegmentedText,
  target: SegmentedText,
  realign: (source: SegmentedText, target: SegmentedText) => Bead[],
): Restored {
  const old = beadsOf(stored);
  const newS = hashes(source);
  const newT = hashes(target);
  const oldS = stored.source.hashes.trim() === '' ? [] : stored.source.hashes.trim().split(/\s+/u);
  const oldT = stored.target.hashes.trim() === '' ? [] : stored.target.hashes.trim().split(/\s+/u);
  const correctedCount = old.filter((b) => b.corrected).length;
  if (oldS.join(' ') === newS.join(' ') && oldT.join(' ') === newT.join(' ')) {
    validateAlignment(old, source.sentences.length, target.sentences.length);
    return { beads: old, status: 'exact', kept: correctedCount, dropped: 0 };
  }
  const mapS = mapSentences(oldS, newS);
  const mapT = mapSentences(oldT, newT);
  // Where an old position (a bead's start, even on an empty side) lands: at the first surviving
  // sentence from there on.
  const landing = (map: Map<number, number>, oldPos: number, oldCount: number, newCount: number) => {
    for (let q = oldPos; q < oldCount; q++) if (map.has(q)) return map.get(q)!;
    return newCount;
  };
  const beads: Bead[] = [];
  let s = 0;
  let t = 0;
  let kept = 0;
  // The gaps between kept corrections take the automatic alignment of the whole new pair (so
  // it sees the whole document), clipped to the gap: a bead that straddles a gap's edge keeps its
  // part inside, with its confidence halved since it no longer is the aligner's own bead.
  let auto: Bead[] | null = null;
  const fill = (sEnd: number, tEnd: number) => {
    if (sEnd > s || tEnd > t) {
      auto ??= realign(source, target);
      for (const b of auto) {
        const src = b.source.filter((x) => x >= s && x < sEnd);
        const tgt = b.target.filter((y) => y >= t && y < tEnd);
        if (src.length === 0 && tgt.length === 0) continue;
        const whole = src.length === b.source.length && tgt.length === b.target.length;
        beads.push({ source: src, target: tgt, confidence: whole ? b.confidence : Math.round(b.confidence * 500) / 1000 });
      }
    }
    s = sEnd;
    t = tEnd;
  };
  // Corrected beads whose sentences all survive, still consecutive and after what is already
  // placed, become fixed anchors; the gaps between them are aligned again.
  let oldS0 = 0;
  let oldT0 = 0;
  for (const b of old) {
    const startS = oldS0;
    const startT = oldT0;
    oldS0 += b.source.length;
    oldT0 += b.target.length;
    if (!b.corrected) continue;
    const src = b.source.map((x) => mapS.get(x));
    const tgt = b.target.map((y) => mapT.get(y));
    if (src.some((x) => x === undefined) || tgt.some((y) => y === undefined)) continue;
    const ns = src as number[];
    const nt = tgt as number[];
    if (ns.some((x, k) => k > 0 && x !== ns[k - 1]! + 1) || nt.some((y, k) => k > 0 && y !== nt[k - 1]! + 1)) continue;
    const s0 = ns.length ? ns[0]! : landing(mapS, startS, oldS.length, newS.length);
    const t0 = nt.length ? nt[0]! : landing(mapT, startT, oldT.length, newT.length);
    if (s0 < s || t0 < t) continue;
    fill(s0, t0);
    beads.push({ source: ns, target: nt, confidence: 1, corrected: true });
    s = s0 + ns.length;
    t = t0 + nt.length;
    kept++;
  }
  fill(source.sentences.length, target.sentences.length);
  validateAlignment(beads, source.sentences.length, target.sentences.length);
  return { beads, status: 'rebased', kept, dropped: correctedCount - kept };
}
