// TER's edit rate with shifts, reproducing sacreBLEU 2.6.0's lib_ter.py (itself a near-exact
// Tercom re-implementation) decision for decision, on integer-coded words.
//
// Speed comes from things sacreBLEU cannot do in Python, none of which changes a result:
// typed-array matrices and integer words; re-using the rows of the current hypothesis up to
// the first word a shift changes (what sacreBLEU's prefix-trie cache achieves) and, with a
// suffix matrix, from the last changed word on, so a candidate costs only the rows it
// changes; and a per-round memo, since several (hyp start, ref start) pairs propose the
// same move.

const MAX_SHIFT_SIZE = 10;
const MAX_SHIFT_DIST = 50;
const BEAM_WIDTH = 25;
const MAX_SHIFT_CANDIDATES = 1000;
// Stands for sacreBLEU's int(1e16) "infinite" cells; INF + a few still fits in an Int32.
const INF = 1 << 30;

// Buffers reused from one call to the next (the computation is synchronous, so one set
// suffices); a call takes views of the sizes it needs. Allocating fresh typed arrays for
// every sentence pair cost more than the edit distances themselves.
const pool = { i32: [] as Int32Array[], u8: [] as Uint8Array[] };

function i32(slot: number, size: number): Int32Array {
  let buf = pool.i32[slot];
  if (!buf || buf.length < size) pool.i32[slot] = buf = new Int32Array(Math.max(size, 2 * (buf?.length ?? 0), 64));
  return buf.subarray(0, size);
}

function u8(slot: number, size: number): Uint8Array {
  let buf = pool.u8[slot];
  if (!buf || buf.length < size) pool.u8[slot] = buf = new Uint8Array(Math.max(size, 2 * (buf?.length ?? 0), 64));
  return buf.subarray(0, size);
}

// Per-round memo of candidate costs by (start, length, target). Entries are valid when their
// stamp equals the round's, so nothing needs clearing between rounds.
// Above this many (start, length, target) keys (hypotheses of ~300 words) a Map is used.
const MEMO_LIMIT = 1 << 20;
const memoCost = { stamp: new Int32Array(0), cost: new Int32Array(0), round: 0 };
const memoMap = new Map<number, number>();

// Edit operations of the DP matrix, rewriting the hypothesis (rows) into the reference.
const OP_NOP = 0;
const OP_SUB = 1;
const OP_INS = 2; // left move: a reference word
const OP_DEL = 3; // up move: a hypothesis word

/**
 * Beam-restricted Levenshtein distance between hypotheses of one fixed length and one
 * reference, keeping the full matrix (with operations) of the current hypothesis.
 */
class BeamEditDistance {
  private readonly m: number;
  private readonly width: number;
  private readonly rowLo: Int32Array;
  private readonly rowHi: Int32Array;
  private readonly dist: Int32Array;
  private readonly suffix: Int32Array;
  private readonly ops: Uint8Array;
  private readonly rowA: Int32Array;
  private readonly rowB: Int32Array;

  constructor(private readonly ref: Int32Array, private readonly n: number) {
    const m = ref.length;
    this.m = m;
    this.width = m + 1;
    const ratio = n > 0 ? m / n : 1;
    // Very unequal lengths could leave consecutive rows without overlap: widen the beam.
    const beam = BEAM_WIDTH < ratio / 2 ? Math.ceil(ratio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
    this.rowLo = i32(0, n + 1);
    this.rowHi = i32(1, n + 1);
    this.rowLo[0] = 0;
    this.rowHi[0] = m + 1;
    for (let i = 1; i <= n; i++) {
      const diag = Math.floor(i * ratio);
      this.rowLo[i] = Math.max(0, diag - beam);
      this.rowHi[i] = i === n ? m + 1 : Math.min(m + 1, diag + beam);
    }
    this.dist = i32(2, (n + 1) * this.width);
    this.suffix = i32(14, (n + 1) * this.width);
    this.ops = u8(0, (n + 1) * this.width);
    for (let j = 0; j <= m; j++) {
      this.dist[j] = j;
      this.ops[j] = OP_INS;
    }
    this.rowA = i32(3, this.width);
    this.rowB = i32(4, this.width);
  }

  /** Fills rows from+1..n of the kept matrix for `hyp`; rows 0..from must already be right. */
  compute(hyp: Int32Array, from: number): number {
    const { ref, dist, ops, rowLo, rowHi, width } = this;
    for (let i = from + 1; i <= this.n; i++) {
      const lo = rowLo[i]!;
      const hi = rowHi[i]!;
      const pLo = rowLo[i - 1]!;
      const pHi = rowHi[i - 1]!;
      const base = i * width;
      const prev = base - width;
      const word = hyp[i - 1]!;
      for (let j = lo; j < hi; j++) {
        if (j === 0) {
          dist[base] = (pLo === 0 ? dist[prev]! : INF) + 1;
          ops[base] = OP_DEL;
          continue;
        }
        // Candidates in sacreBLEU's order, each taken only when strictly cheaper: diagonal,
        // then up (a hypothesis word), then left (a reference word). Cells outside the
        // beam count as infinite.
        let best = INF;
        let op = 255;
        const match = word === ref[j - 1];
        const diag = (j - 1 >= pLo && j - 1 < pHi ? dist[prev + j - 1]! : INF) + (match ? 0 : 1);
        if (diag < best) {
          best = diag;
          op = match ? OP_NOP : OP_SUB;
        }
        const up = (j < pHi ? dist[prev + j]! : INF) + 1;
        if (up < best) {
          best = up;
          op = OP_DEL;
        }
        const left = (j - 1 >= lo ? dist[base + j - 1]! : INF) + 1;
        if (left < best) {
          best = left;
          op = OP_INS;
        }
        dist[base + j] = best;
        ops[base + j] = op;
      }
      this.fence(dist, base, i);
    }
    return dist[this.n * width + this.m]!;
  }

  /**
   * Writes INF into the cells of row i (at `off`) just outside its beam that row i+1 reads
   * (left of the beam, and up to the next row's right edge), so the hot loop of distanceVia
   * needs no bounds tests. Those cells are never part of a path.
   */
  private fence(row: Int32Array, off: number, i: number): void {
    const lo = this.rowLo[i]!;
    if (lo > 0) row[off + lo - 1] = INF;
    if (i < this.n) for (let j = this.rowHi[i]!; j < this.rowHi[i + 1]!; j++) row[off + j] = INF;
  }

  /**
   * Fills rows `top`..0 of the suffix matrix of `hyp`: cell (i, j) holds the cheapest way from
   * (i, j) to the corner through cells of the beam. Rows below `top` must already be right;
   * `top = n` starts afresh. A row depends only on the words from its own on.
   */
  computeSuffix(hyp: Int32Array, top: number): void {
    const { ref, suffix, rowLo, rowHi, width, m, n } = this;
    for (let i = top; i >= 0; i--) {
      const lo = rowLo[i]!;
      const hi = rowHi[i]!;
      const base = i * width;
      if (i === n) {
        suffix[base + m] = 0;
        for (let j = m - 1; j >= lo; j--) suffix[base + j] = suffix[base + j + 1]! + 1;
        continue;
      }
      const below = base + width;
      const nLo = rowLo[i + 1]!;
      const nHi = rowHi[i + 1]!;
      const word = hyp[i]!;
      for (let j = hi - 1; j >= lo; j--) {
        // The moves out of (i, j) that the forward pass allows into their target cell.
        let best = INF;
        if (j < m && j + 1 >= nLo && j + 1 < nHi) {
          const diag = suffix[below + j + 1]! + (word === ref[j] ? 0 : 1);
          if (diag < best) best = diag;
        }
        if (j >= nLo && j < nHi) {
          const down = suffix[below + j]! + 1;
          if (down < best) best = down;
        }
        if (j + 1 < hi) {
          const right = suffix[base + j + 1]! + 1;
          if (right < best) best = right;
        }
        suffix[base + j] = best;
      }
    }
  }

  /**
   * Edit distance of `hyp`, which differs from the kept hypothesis only in rows a+1..b (its
   * words a..b-1). Forward rows are computed over the changed words only; the cheapest path
   * then crosses row b at some cell j, so the distance is min over j of forward(b, j) +
   * suffix(b, j). Paths stay within the beam on both sides, so this is exactly the banded
   * distance sacreBLEU computes over all rows.
   */
  distanceVia(hyp: Int32Array, a: number, b: number): number {
    const { ref, rowLo, rowHi, width, dist, suffix } = this;
    let prev: Int32Array = dist;
    let prevOff = a * width;
    let cur = this.rowA;
    for (let i = a + 1; i <= b; i++) {
      const lo = rowLo[i]!;
      const hi = rowHi[i]!;
      const word = hyp[i - 1]!;
      let j = lo;
      if (j === 0) {
        // Row i's beam starts at 0, so row i-1's does too.
        cur[0] = prev[prevOff]! + 1;
        j = 1;
      } else {
        cur[lo - 1] = INF;
      }
      // Cells outside the beams read as INF thanks to the fences (see fence()).
      for (; j < hi; j++) {
        let best = prev[prevOff + j - 1]! + (word === ref[j - 1] ? 0 : 1);
        const up = prev[prevOff + j]! + 1;
        if (up < best) best = up;
        const left = cur[j - 1]! + 1;
        if (left < best) best = left;
        // An unreachable cell stays exactly INF, as sacreBLEU's stays int(1e16).
        cur[j] = best > INF ? INF : best;
      }
      this.fence(cur, 0, i);
      const done = cur;
      cur = prev === dist ? this.rowB : prev;
      prev = done;
      prevOff = 0;
    }
    let best = INF;
    const sb = b * width;
    for (let j = rowLo[b]!; j < rowHi[b]!; j++) {
      const total = prev[prevOff + j]! + suffix[sb + j]!;
      if (total < best) best = total;
    }
    // Unreachable stays exactly INF, as sacreBLEU's corner stays int(1e16).
    return best;
  }

  /**
   * Alignment of the kept matrix's best path, read as rewriting the reference into the
   * hypothesis (sacreBLEU flips insertions and deletions of the trace): `align[r]` is the
   * hypothesis position of reference word r (or the one before a deleted word, -1 at the
   * start), and the prefix sums count error flags on each side.
   */
  alignment(align: Int32Array, hypErrSum: Int32Array, refErrSum: Int32Array, trace: Uint8Array): void {
    const { ops, width, rowLo, rowHi } = this;
    let i = this.n;
    let j = this.m;
    let len = 0;
    while (i > 0 || j > 0) {
      if (i > 0 && (j < rowLo[i]! || j >= rowHi[i]!)) throw new Error('TER: trace left the beam');
      const op = ops[i * width + j]!;
      trace[len++] = op;
      if (op === OP_NOP || op === OP_SUB) {
        i--;
        j--;
      } else if (op === OP_INS) {
        j--;
      } else if (op === OP_DEL) {
        i--;
      } else {
        throw new Error('TER: unreachable cell on the edit path');
      }
    }
    let ph = -1;
    let pr = -1;
    hypErrSum[0] = 0;
    refErrSum[0] = 0;
    for (let k = len - 1; k >= 0; k--) {
      const op = trace[k]!;
      if (op === OP_NOP || op === OP_SUB) {
        const err = op === OP_SUB ? 1 : 0;
        ph++;
        pr++;
        align[pr] = ph;
        hypErrSum[ph + 1] = hypErrSum[ph]! + err;
        refErrSum[pr + 1] = refErrSum[pr]! + err;
      } else if (op === OP_DEL) {
        ph++;
        hypErrSum[ph + 1] = hypErrSum[ph]! + 1;
      } else {
        pr++;
        align[pr] = ph;
        refErrSum[pr + 1] = refErrSum[pr]! + 1;
      }
    }
  }
}

/**
 * `words` with the block [start, start+length) moved to `target`, following the three
 * cases of sacreBLEU's _perform_shift (including its reading of a target inside the block).
 */
function performShift(words: Int32Array, start: number, length: number, target: number, out: Int32Array): void {
  const n = words.length;
  let o = copy(words, 0, Math.min(start, target), out, 0);
  if (target < start) {
    o = copy(words, start, start + length, out, o);
    o = copy(words, target, start, out, o);
    copy(words, start + length, n, out, o);
  } else if (target > start + length) {
    o = copy(words, start + length, target, out, o);
    o = copy(words, start, start + length, out, o);
    copy(words, target, n, out, o);
  } else {
    o = copy(words, start + length, length + target, out, o);
    o = copy(words, start, start + length, out, o);
    copy(words, length + target, n, out, o);
  }
}

/** Copies words[from, min(to, n)) to out[at…] (Python slices clip at the end); the next `at`. */
function copy(words: Int32Array, from: number, to: number, out: Int32Array, at: number): number {
  const end = Math.min(to, words.length);
  for (let k = from; k < end; k++) out[at++] = words[k]!;
  return at;
}

/** End (exclusive) of the words performShift(…, start, length, target) may change. */
function changedEnd(start: number, length: number, target: number, n: number): number {
  if (target < start) return start + length;
  if (target > start + length) return target;
  return Math.min(n, target + length);
}

/**
 * Number of edits (shifts + insertions, deletions, substitutions) to turn `hyp` into `ref`,
 * and the reference length. Words are integer codes; only equality between a hypothesis
 * code and a reference code matters.
 */
export function translationEditRate(hypWords: Int32Array, ref: Int32Array): [edits: number, refLength: number] {
  const n = hypWords.length;
  const m = ref.length;
  if (m === 0) return [n, 0];

  const ed = new BeamEditDistance(ref, n);
  let hyp = i32(5, n);
  hyp.set(hypWords);
  let next = i32(6, n);
  const shifted = i32(7, n);
  const align = i32(8, m);
  const hypErrSum = i32(9, n + 1);
  const refErrSum = i32(10, m + 1);
  const trace = u8(1, n + m);

  // Where each reference word occurs, in order: the pair scan visits only reference
  // positions that match its hypothesis word, in the order sacreBLEU visits all of them.
  let vocab = 0;
  for (let j = 0; j < m; j++) if (ref[j]! > vocab) vocab = ref[j]!;
  const posStart = i32(11, vocab + 2).fill(0);
  const positions = i32(12, m);
  for (let j = 0; j < m; j++) posStart[ref[j]! + 1]!++;
  for (let v = 1; v <= vocab + 1; v++) posStart[v]! += posStart[v - 1]!;
  const fill = i32(13, vocab + 1);
  fill.set(posStart.subarray(0, vocab + 1));
  for (let j = 0; j < m; j++) positions[fill[ref[j]!]!++] = j;

  const memoSize = n * (MAX_SHIFT_SIZE + 1) * (n + 1);
  const useArray = memoSize <= MEMO_LIMIT;
  if (useArray && memoCost.stamp.length < memoSize) {
    memoCost.stamp = new Int32Array(Math.max(memoSize, 2 * memoCost.stamp.length));
    memoCost.cost = new Int32Array(memoCost.stamp.length);
    memoCost.round = 0;
  }

  let score = ed.compute(hyp, 0);
  ed.computeSuffix(hyp, n);
  let shifts = 0;
  let checked = 0;
  for (;;) {
    // One round of sacreBLEU's _shift: the best candidate by (gain, length, -start, -target).
    ed.alignment(align, hypErrSum, refErrSum, trace);
    memoMap.clear();
    if (memoCost.round === 0x7fffffff) {
      memoCost.stamp.fill(0);
      memoCost.round = 0;
    }
    const round = ++memoCost.round;
    let found = false;
    let bestGain = 0;
    let bestLen = 0;
    let bestStart = 0;
    let bestIdx = 0;
    scan: for (let sh = 0; sh < n; sh++) {
      const word = hyp[sh]!;
      if (word === 0 || word > vocab) continue;
      for (let p = posStart[word]!; p < posStart[word + 1]!; p++) {
        const sr = positions[p]!;
        if (sr < sh - MAX_SHIFT_DIST) continue;
        if (sr > sh + MAX_SHIFT_DIST) break;
        let len = 0;
        while (hyp[sh + len] === ref[sr + len] && len < MAX_SHIFT_SIZE) {
          len++;
          // Only shift words that are wrong, to a place where the reference is not matched,
          // and not into the block itself.
          if (hypErrSum[sh + len]! - hypErrSum[sh]! !== 0
            && refErrSum[sr + len]! - refErrSum[sr]! !== 0
            && !(sh <= align[sr]! && align[sr]! < sh + len)) {
            let prevIdx = -1;
            for (let off = -1; off < len; off++) {
              const idx = sr + off === -1 ? 0 : align[sr + off]! + 1;
              if (idx === prevIdx) continue;
              prevIdx = idx;
              const key = (sh * (MAX_SHIFT_SIZE + 1) + len) * (n + 1) + idx;
              let cost = useArray ? (memoCost.stamp[key] === round ? memoCost.cost[key] : undefined) : memoMap.get(key);
              if (cost === undefined) {
                performShift(hyp, sh, len, idx, shifted);
                cost = ed.distanceVia(shifted, Math.min(sh, idx), changedEnd(sh, len, idx, n));
                if (useArray) {
                  memoCost.stamp[key] = round;
                  memoCost.cost[key] = cost;
                } else {
                  memoMap.set(key, cost);
                }
              }
              const gain = score - cost;
              checked++;
              if (!found || gain > bestGain || (gain === bestGain && (len > bestLen
                || (len === bestLen && (sh < bestStart || (sh === bestStart && idx < bestIdx)))))) {
                found = true;
                bestGain = gain;
                bestLen = len;
                bestStart = sh;
                bestIdx = idx;
              }
            }
            if (checked >= MAX_SHIFT_CANDIDATES) break scan;
          }
          if (n === sh + len || m === sr + len) break;
        }
      }
    }
    // The cap is checked before the round's best shift is applied, so that shift is lost.
    if (checked >= MAX_SHIFT_CANDIDATES) break;
    if (!found || bestGain <= 0) break;
    shifts++;
    performShift(hyp, bestStart, bestLen, bestIdx, next);
    [hyp, next] = [next, hyp];
    score = ed.compute(hyp, Math.min(bestStart, bestIdx));
    ed.computeSuffix(hyp, changedEnd(bestStart, bestLen, bestIdx, n) - 1);
  }
  return [shifts + score, m];
}
