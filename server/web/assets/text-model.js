// @ts-check
// Offsets in the ORIGINAL text from the page and back. The server renders each sentence as
// pieces (`.pc`, with data-o = the piece's offset in the original side text); spaces between
// sentences are outside the pieces. Nothing here reads offsets from the rendered string.

/** @typedef {{ start: number, end: number }} Span */
/** @typedef {{ base: number, text: string, pieces: HTMLElement[], words: Span[] }} CellModel */

/** @type {WeakMap<Element, CellModel>} */
const models = new WeakMap();

/** @param {Element} cell */
export const piecesOf = (cell) => /** @type {HTMLElement[]} */ ([...cell.querySelectorAll('.pc')]);

// A word: letters, marks (harakat), digits and tatweel, with inner apostrophes, hyphens and
// digit separators (15,000 · ١٥٬٠٠٠ · peace-keeping). Punctuation such as ، ؛ ؟ is not part of it.
const WORD = /[\p{L}\p{M}\p{N}\u0640]+(?:['’\-.,\u066B\u066C](?=[\p{L}\p{M}\p{N}])[\p{L}\p{M}\p{N}\u0640]+)*/gu;

/**
 * The cell's text from its first piece to its last, in original offsets (gaps between pieces
 * read as spaces), and its words.
 * @param {Element} cell @returns {CellModel}
 */
export function cellModel(cell) {
  let m = models.get(cell);
  if (m) return m;
  const pieces = piecesOf(cell);
  const base = pieces.length ? Number(pieces[0]?.dataset.o) : 0;
  let text = '';
  for (const p of pieces) {
    const o = Number(p.dataset.o) - base;
    if (o > text.length) text += ' '.repeat(o - text.length);
    text += p.textContent ?? '';
  }
  const words = [...text.matchAll(WORD)].map((w) => ({ start: base + (w.index ?? 0), end: base + (w.index ?? 0) + w[0].length }));
  m = { base, text, pieces, words };
  models.set(cell, m);
  return m;
}

/** Text of [start, end) in original offsets. @param {Element} cell @param {number} start @param {number} end */
export function textBetween(cell, start, end) {
  const m = cellModel(cell);
  return m.text.slice(Math.max(0, start - m.base), Math.max(0, end - m.base));
}

/**
 * Original-text offset of a DOM boundary point inside `cell`.
 * @param {Element} cell @param {Node} node @param {number} offset
 */
export function offsetAt(cell, node, offset) {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : /** @type {Element} */ (node);
  const pc = /** @type {HTMLElement | null} */ (el?.closest('.pc') ?? null);
  if (pc && cell.contains(pc)) {
    const base = Number(pc.dataset.o);
    if (node.nodeType === Node.TEXT_NODE) return base + offset;
    return offset === 0 ? base : base + (pc.textContent ?? '').length;
  }
  // A boundary between pieces (e.g. the space between two sentences): use the next piece.
  const point = document.createRange();
  point.setStart(node, offset);
  const pcs = piecesOf(cell);
  for (const p of pcs) {
    const r = document.createRange();
    r.selectNode(p);
    if (point.compareBoundaryPoints(Range.START_TO_START, r) <= 0) return Number(p.dataset.o);
  }
  const last = pcs[pcs.length - 1];
  return last ? Number(last.dataset.o) + (last.textContent ?? '').length : 0;
}

/**
 * The DOM point (text node, offset) of an original offset, for drawing a selection.
 * @param {Element} cell @param {number} at @param {boolean} atEnd  prefer the end of the piece before
 * @returns {{ node: Node, offset: number } | null}
 */
export function pointAt(cell, at, atEnd) {
  const pcs = cellModel(cell).pieces;
  for (const p of pcs) {
    const o = Number(p.dataset.o);
    const len = (p.textContent ?? '').length;
    const inside = atEnd ? at > o && at <= o + len : at >= o && at < o + len;
    if (inside) {
      const node = p.firstChild ?? p;
      return { node, offset: at - o };
    }
  }
  return null;
}

/** @param {Element} cell @param {number} at */
function charAt(cell, at) {
  return textBetween(cell, at, at + 1);
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}\u0640]/u;

/**
 * Trims whitespace and widens a span that starts or ends inside a word to the whole word
 * (unless `exact`), so a sloppy mouse selection marks whole words.
 * @param {Element} cell @param {number} start @param {number} end @param {boolean} exact
 */
export function snap(cell, start, end, exact) {
  while (start < end && /\s/u.test(charAt(cell, start))) start++;
  while (end > start && /\s/u.test(charAt(cell, end - 1))) end--;
  if (!exact) {
    while (WORD_CHAR.test(charAt(cell, start - 1)) && WORD_CHAR.test(charAt(cell, start))) start--;
    while (WORD_CHAR.test(charAt(cell, end)) && WORD_CHAR.test(charAt(cell, end - 1))) end++;
  }
  return { start, end };
}

/**
 * Draws [start, end) as the document selection, so keyboard selections look like mouse ones.
 * @param {Element} cell @param {number} start @param {number} end
 */
export function showSelection(cell, start, end) {
  const a = pointAt(cell, start, false);
  const b = pointAt(cell, end, true);
  const sel = window.getSelection();
  if (!a || !b || !sel) return;
  sel.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
}

/** @param {Element} cell */
export function firstAndLast(cell) {
  const m = cellModel(cell);
  return { start: m.base, end: m.base + m.text.length };
}

/**
 * Keeps [start, end) lit while the error form is open (the document selection fades when focus
 * leaves the text). Uses the CSS Custom Highlight API where the browser has it.
 * @param {Element | null} cell @param {number} start @param {number} end
 */
export function showMarking(cell, start, end) {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  if (!registry) return;
  registry.delete('tadqiq-marking');
  if (!cell) return;
  const a = pointAt(cell, start, false);
  const b = pointAt(cell, end, true);
  if (!a || !b) return;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  registry.set('tadqiq-marking', new Highlight(range));
}
