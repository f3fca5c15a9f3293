// Match keys with a way back: every folded character remembers which original offset it came
// from, so a match found on the folded copy is reported on the original text.

export interface Folded {
  /** The folded text, used only for matching. */
  text: string;
  /** map[i] is the original offset of folded unit i; map[text.length] is the original length. */
  map: ArrayLike<number>;
}

/**
 * Folds `s` one code point at a time. `fold` returns the replacement for a code point ('' to
 * drop it). A replacement longer than one unit maps every unit to the same original offset.
 */
export function foldWithMap(s: string, fold: (ch: string) => string): Folded {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const out = fold(ch);
    for (let k = 0; k < out.length; k++) map.push(i);
    text += out;
    i += ch.length;
  }
  map.push(s.length);
  return { text, map };
}

/** Original [start, end) of the folded range [start, end). */
export function originalSpan(f: Folded, start: number, end: number): { start: number; end: number } {
  const s = f.map[start]!;
  // The end is the original offset just after the last folded unit of the match.
  const lastOrig = f.map[end - 1]!;
  let e = end < f.map.length - 1 ? f.map[end]! : f.map[f.map.length - 1]!;
  if (e <= lastOrig) e = lastOrig + 1;
  return { start: s, end: e };
}
