// The search region of the dynamic programme: for each row i (source sentences consumed) the
// columns lo[i] … hi[i] (target sentences consumed) that may be on the path. Both bounds never
// decrease, so every monotone move from a cell inside the band lands on a row whose range is
// known. A full matrix is the band lo = 0, hi = m; a band around a first-pass path keeps time
// and memory linear in the document length.

export interface Band {
  n: number;
  m: number;
  lo: Int32Array;
  hi: Int32Array;
  /** offset[i] = index of cell (i, lo[i]) in a flat array; offset[n + 1] = number of cells. */
  offset: Float64Array;
}

/** A band from row bounds, made monotone and forced to hold both corners. */
export function finish(n: number, m: number, lo: Int32Array, hi: Int32Array): Band {
  // Monotone bounds: lo never decreases going down (suffix minimum), hi never decreases
  // (prefix maximum); the corners are always inside.
  lo[0] = 0;
  hi[n] = m;
  for (let i = n - 1; i >= 0; i--) lo[i] = Math.min(lo[i]!, lo[i + 1]!);
  for (let i = 1; i <= n; i++) hi[i] = Math.max(hi[i]!, hi[i - 1]!);
  for (let i = 0; i <= n; i++) {
    lo[i] = Math.max(0, Math.min(lo[i]!, m));
    hi[i] = Math.max(lo[i]!, Math.min(hi[i]!, m));
  }
  const offset = new Float64Array(n + 2);
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i]! + (hi[i]! - lo[i]! + 1);
  return { n, m, lo, hi, offset };
}

export function fullBand(n: number, m: number): Band {
  return finish(n, m, new Int32Array(n + 1), new Int32Array(n + 1).fill(m));
}

export function cellCount(b: Band): number {
  return b.offset[b.n + 1]!;
}

/**
 * A band of half-width `margin` around a path given as a list of cells (i, j) at a coarser
 * resolution: coarse cell (I, J) stands for fine cell (I·ratioS, J·ratioT), clipped to n, m.
 * Between two consecutive path cells the segment is rasterised row by row, so the fine band
 * follows every bead of the coarse path.
 */
export function bandAroundPath(path: Array<[number, number]>, n: number, m: number, margin: number, scale: (p: [number, number]) => [number, number] = (p) => p): Band {
  const minJ = new Int32Array(n + 1).fill(m + 1);
  const maxJ = new Int32Array(n + 1).fill(-1);
  const mark = (i: number, j: number) => {
    if (i < 0 || i > n) return;
    if (j < minJ[i]!) minJ[i] = j;
    if (j > maxJ[i]!) maxJ[i] = j;
  };
  let prev = scale(path[0]!);
  mark(prev[0], prev[1]);
  for (let k = 1; k < path.length; k++) {
    const cur = scale(path[k]!);
    const [i0, j0] = prev;
    const [i1, j1] = cur;
    if (i1 === i0) {
      mark(i0, j0);
      mark(i0, j1);
    } else {
      for (let i = i0; i <= i1; i++) {
        const a = j0 + ((j1 - j0) * (i - i0)) / (i1 - i0);
        const b = j0 + ((j1 - j0) * (i + 1 - i0)) / (i1 - i0);
        mark(i, Math.floor(Math.min(a, b)));
        mark(i, Math.ceil(Math.min(Math.max(a, b), j1)));
      }
    }
    prev = cur;
  }
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  // Rows the path skips (none in practice) inherit from their neighbours through finish().
  let lastMin = 0;
  let lastMax = 0;
  for (let i = 0; i <= n; i++) {
    if (maxJ[i]! >= 0) {
      lastMin = minJ[i]!;
      lastMax = maxJ[i]!;
    }
    lo[i] = lastMin;
    hi[i] = lastMax;
  }
  // Every cell within L1 distance `margin` of the path: row i takes the rows i ± d with the
  // columns widened by margin − d. (A square around each cell would double the width of a
  // diagonal band for nothing.)
  const wl = new Int32Array(n + 1);
  const wh = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    let l = lo[i]! - margin;
    let h = hi[i]! + margin;
    for (let d = 1; d <= margin; d++) {
      if (i - d >= 0) l = Math.min(l, lo[i - d]! - (margin - d));
      if (i + d <= n) h = Math.max(h, hi[i + d]! + (margin - d));
    }
    wl[i] = l;
    wh[i] = h;
  }
  return finish(n, m, wl, wh);
}
