// @ts-check
// Alignment corrections on the reviewer page: merge a pair with the next, split it, move its
// first or last sentence of one side to the neighbouring pair, go back to the automatic alignment,
// jump to the next uncertain pair. Each change goes through the page's outbox (so it is retried,
// and replayed rather than applied twice) to POST /api/documents/ID/alignment; the answer says
// which pairs changed, and only those are fetched again and swapped in (the pairs after them are
// renumbered). One alignment change is in flight at a time: each is built on the revision the
// page shows, and the server refuses one built on another (409), after which the page reloads
// its pairs.

/** @typedef {import('./outbox.js').Outcome} Outcome */
/** @typedef {{ from: number, removed: number, added: number }} Change */
/** @typedef {{ shapes: string, confidence: number[] }} Shapes */

/**
 * @typedef {object} Hooks
 * @property {(c: { method: string, path: string, body?: unknown, label: string, meta?: Record<string, unknown> }) => Promise<Outcome>} send
 * @property {HTMLElement} beadsEl
 * @property {string} docId
 * @property {() => number} current
 * @property {(i: number, opts?: { focus?: boolean, scroll?: boolean }) => void} setCurrent
 * @property {(key: string) => unknown} refreshBead
 * @property {(text: string, withUndo?: boolean) => void} toast
 * @property {(label: string, run: () => unknown) => void} pushUndo
 */

export const LOW_CONFIDENCE = 0.5;
const BATCH = 500;

/** Sentences of a bead's side as rendered. @param {HTMLElement} el @param {'source'|'target'} side */
const sentencesOf = (el, side) => /** @type {HTMLElement[]} */ ([...el.querySelectorAll(`.cell.${side} .sentence`)]);

/** A sentence's text shortened from the end (where a split falls). @param {HTMLElement | undefined} s */
function tail(s) {
  const t = (s?.textContent ?? '').trim();
  return t.length > 48 ? `…${t.slice(-46)}` : t;
}

export class AlignmentEditor {
  /** @param {Hooks} hooks @param {{ revision: number }} initial */
  constructor(hooks, initial) {
    this.h = hooks;
    this.revision = initial.revision;
    /** A change on its way: the next one must wait for its answer (it is built on its result). */
    this.inFlight = false;
    this.dialog = /** @type {HTMLDialogElement} */ (document.getElementById('alignment-dialog'));
    /** @type {number} the bead the dialog acts on */
    this.dialogBead = -1;
    this.bindDialog();
  }

  bead(/** @type {number} */ i) {
    return /** @type {HTMLElement | null} */ (document.getElementById(`bead-${i}`));
  }

  count() {
    return this.h.beadsEl.querySelectorAll(':scope > .bead').length;
  }

  /**
   * Sends one operation; the page changes when the answer lands (landed, via the outbox).
   * @param {Record<string, unknown>} body @param {string} label @param {boolean} [undoable]
   */
  async send(body, label, undoable = true) {
    if (this.inFlight) {
      this.h.toast('The last alignment change is still being saved; try again when it is.');
      return;
    }
    this.inFlight = true;
    this.dialog.close();
    const out = await this.h.send({ method: 'POST', path: '/alignment', body: { ...body, base: this.revision }, label, meta: { alignment: true, undoable, label } });
    if (out.state === 'queued') this.h.toast(`Alignment change waiting for the server (${out.message}); the pairs change when it is saved.`);
  }

  /**
   * The outbox delivered an alignment change: swap in the pairs that changed.
   * @param {any} body @param {Record<string, unknown>} meta
   */
  async landed(body, meta) {
    this.inFlight = false;
    if (!body || typeof body.revision !== 'number') return;
    if (body.base !== this.revision) {
      // Built on a revision this page no longer shows (another tab, or a reload in between).
      this.revision = body.revision;
      await this.reloadAll();
      return;
    }
    this.revision = body.revision;
    const c = /** @type {Change} */ (body.change);
    await this.replace(c);
    for (const key of body.refresh ?? []) void this.h.refreshBead(key);
    // The reviewer stays where they were (a merge or split keeps its first pair at that index).
    this.h.setCurrent(Math.min(Math.max(this.h.current(), 0), this.count() - 1), { focus: true, scroll: true });
    if (meta['undoable']) {
      const before = /** @type {Shapes | null} */ (body.before);
      this.h.pushUndo(String(meta['label'] ?? 'Alignment changed'), () =>
        this.send({ op: 'restore', alignment: before }, 'undoing an alignment change', false),
      );
    }
  }

  /** The server refused the change: show its alignment as it is now. @param {string} message */
  async rejected(message) {
    this.inFlight = false;
    const res = await fetch(`/api/documents/${encodeURIComponent(this.h.docId)}/alignment`).catch(() => null);
    const now = res && res.ok ? await res.json() : null;
    if (now && now.revision !== this.revision) {
      this.revision = now.revision;
      await this.reloadAll();
      this.h.toast(`Alignment not changed: ${message} The page now shows the current alignment.`);
    }
  }

  /** Fetches pairs [from, from + count) as HTML, in batches. @param {number} from @param {number} count */
  async fetchBeads(from, count) {
    let html = '';
    for (let at = from; at < from + count; at += BATCH) {
      const res = await fetch(`/documents/${encodeURIComponent(this.h.docId)}/beads?from=${at}&count=${Math.min(BATCH, from + count - at)}`);
      if (!res.ok) throw new Error(`could not load sentence pairs (${res.status})`);
      html += await res.text();
    }
    return html;
  }

  /** Replaces the pairs that changed and renumbers those after them. @param {Change} c */
  async replace(c) {
    const html = c.added > 0 ? await this.fetchBeads(c.from, c.added) : '';
    const old = [];
    for (let i = c.from; i < c.from + c.removed; i++) {
      const el = this.bead(i);
      if (el) old.push(el);
    }
    const after = this.bead(c.from + c.removed);
    const tpl = document.createElement('template');
    tpl.innerHTML = html;
    const shift = c.added - c.removed;
    if (shift !== 0) {
      const rest = [];
      for (let el = after; el; el = /** @type {HTMLElement | null} */ (el.nextElementSibling)) if (el.classList.contains('bead')) rest.push(el);
      for (const el of rest) renumber(el, Number(el.dataset.bead) + shift);
    }
    for (const el of old) el.remove();
    if (after) after.before(tpl.content);
    else if (c.from <= this.count()) this.h.beadsEl.append(tpl.content);
    for (const el of this.h.beadsEl.querySelectorAll('.bead.current')) el.classList.remove('current');
    const total = document.getElementById('pair-count');
    if (total) total.textContent = String(Number(total.textContent) + shift);
  }

  /** Every pair again (after a conflict): the simplest way to be sure the page shows the server's alignment. */
  async reloadAll() {
    const res = await fetch(`/api/documents/${encodeURIComponent(this.h.docId)}/alignment`);
    const total = res.ok ? /** @type {any} */ (await res.json()).beads.length : this.count();
    const html = await this.fetchBeads(0, total);
    this.h.beadsEl.innerHTML = html;
    const count = document.getElementById('pair-count');
    if (count) count.textContent = String(total);
    this.h.setCurrent(Math.min(Math.max(this.h.current(), 0), total - 1), { scroll: true });
  }

  // ---- operations ------------------------------------------------------------------------------

  merge(/** @type {number} */ i) {
    if (i < 0) return;
    if (i >= this.count() - 1) return this.h.toast('The last pair has no next pair to merge with.');
    void this.send({ op: 'merge', bead: i }, `Pairs ${i + 1} and ${i + 2} merged`);
  }

  /** @param {number} i @param {number} source @param {number} target */
  split(i, source, target) {
    void this.send({ op: 'split', bead: i, source, target }, `Pair ${i + 1} split`);
  }

  /** @param {number} i @param {'source'|'target'} side @param {'previous'|'next'} direction */
  move(i, side, direction) {
    const el = this.bead(i);
    if (!el) return;
    const what = side === 'source' ? 'source' : 'translation';
    if (sentencesOf(el, side).length === 0) return this.h.toast(`Pair ${i + 1} has no ${what} sentence to move.`);
    const to = direction === 'previous' ? i - 1 : i + 1;
    if (to < 0 || to >= this.count()) return this.h.toast(`Pair ${i + 1} has no ${direction} pair.`);
    const which = direction === 'previous' ? 'first' : 'last';
    void this.send({ op: 'move', bead: i, side, direction }, `The ${which} ${what} sentence of pair ${i + 1} moved to pair ${to + 1}`);
  }

  reset() {
    if (!this.h.beadsEl.querySelector('.bead.corrected') && this.revision === 0) return this.h.toast('The alignment is the automatic one already.');
    void this.send({ op: 'reset' }, 'Back to the automatic alignment');
  }

  /** The next pair (after the current one, wrapping) the aligner was unsure of and nobody corrected. */
  nextLowConfidence() {
    const n = this.count();
    const from = this.h.current();
    for (let k = 1; k <= n; k++) {
      const i = (from + k + n) % n;
      const el = this.bead(i);
      if (el && el.classList.contains('low-confidence') && !el.classList.contains('corrected')) return this.h.setCurrent(i, { focus: true, scroll: true });
    }
    this.h.toast(`No pair has an alignment confidence below ${LOW_CONFIDENCE} (and no correction).`);
  }

  // ---- the dialog ------------------------------------------------------------------------------

  /** Opens the alignment menu of pair i, focused on its split points (or its first button). @param {number} i */
  open(i) {
    const el = this.bead(i);
    if (!el) return;
    this.dialogBead = i;
    const src = sentencesOf(el, 'source');
    const tgt = sentencesOf(el, 'target');
    const d = this.dialog;
    /** @param {string} id */
    const $ = (id) => /** @type {HTMLElement} */ (d.querySelector(`#${id}`));
    $('align-title').textContent = `Alignment of pair ${i + 1}`;
    const conf = el.querySelector('.bead-shape')?.getAttribute('title') ?? '';
    $('align-shape').textContent = `${src.length} source : ${tgt.length} translation sentence${tgt.length === 1 ? '' : 's'} · ${el.classList.contains('corrected') ? 'corrected by a reviewer' : conf.replace(/^Alignment \S+, /, '')}`;
    /** @type {HTMLButtonElement} */ ($('align-merge')).disabled = i >= this.count() - 1;
    const list = $('align-split-options');
    list.replaceChildren();
    let digit = 0;
    for (const [s, t] of splitPoints(src.length, tgt.length)) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'align-split-option';
      b.dataset.source = String(s);
      b.dataset.target = String(t);
      const key = ++digit <= 9 ? String(digit) : '';
      const part = (/** @type {number} */ a, /** @type {number} */ c) => `${a}:${c}`;
      b.innerHTML = `${key ? `<kbd>${key}</kbd> ` : ''}<span class="align-split-shape">${part(s, t)} + ${part(src.length - s, tgt.length - t)}</span> <span class="muted"></span>`;
      const muted = /** @type {HTMLElement} */ (b.querySelector('.muted'));
      // Each quoted sentence end is isolated in its own language and direction.
      /** @param {string} what @param {HTMLElement | undefined} sentence */
      const after = (what, sentence) => {
        const q = document.createElement('bdi');
        const cell = /** @type {HTMLElement | null} */ (sentence?.closest('.cell') ?? null);
        q.lang = cell?.lang ?? '';
        q.dir = cell?.dir ?? 'auto';
        q.textContent = tail(sentence);
        muted.append(`${what} after “`, q, '”');
      };
      if (s > 0) after('source', src[s - 1]);
      else muted.append('no source in the first');
      muted.append(' · ');
      if (t > 0) after('translation', tgt[t - 1]);
      else muted.append('no translation in the first');
      if (key) b.setAttribute('aria-keyshortcuts', key);
      list.append(b);
    }
    $('align-split').hidden = list.childElementCount === 0;
    for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (d.querySelectorAll('.align-move'))) {
      const side = /** @type {'source'|'target'} */ (b.dataset.side);
      const to = b.dataset.direction === 'previous' ? i - 1 : i + 1;
      b.disabled = (side === 'source' ? src : tgt).length === 0 || to < 0 || to >= this.count();
    }
    /** @type {HTMLButtonElement} */ ($('align-reset')).disabled = this.revision === 0 && !this.h.beadsEl.querySelector('.bead.corrected');
    d.showModal();
    const first = /** @type {HTMLButtonElement | null} */ (list.querySelector('button') ?? d.querySelector('button:not([disabled])'));
    first?.focus();
  }

  bindDialog() {
    const d = this.dialog;
    d.addEventListener('click', (ev) => {
      const t = /** @type {HTMLElement} */ (ev.target).closest('button');
      if (!t) return;
      const i = this.dialogBead;
      if (t.id === 'align-merge') this.merge(i);
      else if (t.classList.contains('align-split-option')) this.split(i, Number(t.dataset.source), Number(t.dataset.target));
      else if (t.classList.contains('align-move')) this.move(i, /** @type {'source'|'target'} */ (t.dataset.side), /** @type {'previous'|'next'} */ (t.dataset.direction));
      else if (t.id === 'align-reset') this.reset();
    });
    d.addEventListener('keydown', (ev) => {
      if (!/^[1-9]$/.test(ev.key) || ev.ctrlKey || ev.altKey || ev.metaKey) return;
      const b = /** @type {HTMLButtonElement | null} */ (d.querySelector(`.align-split-option[aria-keyshortcuts="${ev.key}"]`));
      if (!b) return;
      ev.preventDefault();
      b.click();
    });
    d.addEventListener('close', () => this.bead(this.dialogBead)?.focus({ preventScroll: true }));
  }
}

/**
 * Every way to split an n:m pair, the likeliest first, so that the common fixes take one digit:
 * halves with a sentence on both sides (2:2 → 1:1 + 1:1), then one empty side (2:1 → 1:1 + 1:0,
 * a dropped sentence), each by how even the halves are.
 * @param {number} n @param {number} m @returns {Array<[number, number]>}
 */
export function splitPoints(n, m) {
  /** @type {Array<[number, number, number, number]>} */
  const out = [];
  for (let s = 0; s <= n; s++) {
    for (let t = 0; t <= m; t++) {
      if (s + t === 0 || s + t === n + m) continue;
      const empty = [s, t, n - s, m - t].filter((x) => x === 0).length;
      out.push([s, t, empty, Math.abs(2 * s - n) + Math.abs(2 * t - m)]);
    }
  }
  out.sort((a, b) => a[2] - b[2] || a[3] - b[3] || a[0] - b[0] || b[1] - a[1]);
  return out.map(([s, t]) => [s, t]);
}

/** Gives a pair its new number everywhere the page shows it. @param {HTMLElement} el @param {number} i */
function renumber(el, i) {
  el.id = `bead-${i}`;
  el.dataset.bead = String(i);
  el.setAttribute('aria-label', `Sentence pair ${i + 1}`);
  const no = el.querySelector('.bead-no');
  if (no) no.textContent = String(i + 1);
  for (const x of el.querySelectorAll('[aria-label]')) {
    const label = x.getAttribute('aria-label') ?? '';
    x.setAttribute('aria-label', label.replace(/\bpair \d+/, `pair ${i + 1}`));
  }
}
