// Token spans as Anthea and Marot count them: whitespace runs are single " " tokens, other text
// is split at spaces and at U+200B (which belongs to no token). Tadqiq keeps character offsets;
// these functions convert between the two, with each token's offsets in the original text.

export interface Token {
  text: string;
  start: number;
  end: number;
}

export function antheaTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\s+|[^\s\u200B]+/gu)) {
    out.push({ text: /^\s/u.test(m[0]) ? ' ' : m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Token range [first, last] (inclusive, as Anthea and Marot write it) covering chars [start, end). */
export function charsToTokens(tokens: Token[], start: number, end: number): [number, number] | null {
  let first = -1;
  let last = -1;
  tokens.forEach((t, i) => {
    if (t.end > start && t.start < end) {
      if (first === -1) first = i;
      last = i;
    }
  });
  return first === -1 ? null : [first, last];
}

/** Characters [start, end) of the token range [first, last]; null when out of range. */
export function tokensToChars(tokens: Token[], first: number, last: number): { start: number; end: number } | null {
  // Anthea shows a trailing space token after the last one; a span may end on it.
  const l = Math.min(last, tokens.length - 1);
  if (first < 0 || first > l || first >= tokens.length) return null;
  return { start: tokens[first]!.start, end: tokens[l]!.end };
}
