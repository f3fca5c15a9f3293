// @ts-check
// The reviewer page. Every change goes through the outbox (saved at once, queued and retried
// when the server is unreachable); every action has a key (keymap.json) and a button; the current
// bead is where keys act. Offsets always come from the server-rendered pieces (text-model.js).

import { AlignmentEditor } from './alignment.js';
import { AnnotationDialog } from './annotation-dialog.js';
import { bindReviewerInput, csrfHeaders, identityHeaders, initIdentity, owner, refreshSession } from './identity.js';
import { newId, Outbox } from './outbox.js';
import { cellModel, firstAndLast, offsetAt, showMarking, showSelection, snap, textBetween } from './text-model.js';
import { TimingLog } from './timing.js';

/** @typedef {import('./annotation-dialog.js').Draft} Draft */
/** @typedef {import('./annotation-dialog.js').FormValues} FormValues */
/** @typedef {import('./annotation-dialog.js').Category} Category */
/** @typedef {import('./outbox.js').Op} Op */
/** @typedef {{ action: string, keys: string[], label: string }} Shortcut */
/** @typedef {{ id: string|number, clientId: string|null, side: 'source'|'target', start: number, end: number, text: string, category: string, severity: string, comment: string, correction: string }} AnnotationData */
/** @typedef {{ id: string, check: string, side: 'source'|'target', start: number, end: number, text: string, category: string, severity: string, message: string, suggestion: string }} FindingData */

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @type {{ docId: string, sourceLang: string, targetLang: string, categories: Category[], severities: import('./annotation-dialog.js').SeverityChoice[], keymap: Array<{ title: string, shortcuts: Shortcut[] }>, headers: { reviewer: string, idempotency: string, csrf: string }, defaultReviewer: string, csrfToken: string, demo: boolean, canReview: boolean, user: { id: number, username: string, role: string } | null, alignment: { revision: number } }} */
const data = JSON.parse($('page-data').textContent ?? '{}');
const docId = data.docId;
const api = (/** @type {string} */ path) => `/api/documents/${encodeURIComponent(docId)}${path}`;
const beadsEl = $('beads');
const saveState = $('save-state');
const retryButton = /** @type {HTMLButtonElement} */ ($('retry-now'));

initIdentity(data);
bindReviewerInput(/** @type {HTMLInputElement | null} */ (document.getElementById('reviewer')));

// ---- saving ----------------------------------------------------------------------------------

const retryIn = $('retry-in');
/** @type {ReturnType<typeof setInterval> | undefined} */
let countdown;
/** The save state (a live region: it changes only when the state does) and a retry countdown beside it. @param {import('./outbox.js').OutboxState} s */
function showState(s) {
  clearInterval(countdown);
  saveState.className = s.state === 'saved' ? '' : s.state;
  showHeld();
  if (s.state === 'signed-out') {
    saveState.textContent = `not saved: ${s.message ?? 'signed out'} `;
    const a = document.createElement('a');
    a.href = `/login?next=${encodeURIComponent(location.pathname)}`;
    a.textContent = 'Sign in';
    saveState.append(a);
  } else if (s.state === 'saved') saveState.textContent = 'saved';
  else if (s.state === 'saving') saveState.textContent = s.pending > 1 ? `saving… (${s.pending} changes)` : 'saving…';
  else if (s.retryAt) {
    const what = s.pending === 1 ? '1 change' : `${s.pending} changes`;
    saveState.textContent = `${s.state === 'offline' ? 'offline' : 'not saved'}: ${what} waiting (${s.message ?? 'no answer'})`;
  } else saveState.textContent = `failed: ${s.message ?? 'the server refused a change'}`;
  const tick = () => {
    retryIn.textContent = s.retryAt ? `retrying in ${Math.max(0, Math.ceil((s.retryAt - Date.now()) / 1000))} s` : '';
  };
  tick();
  retryButton.hidden = !s.retryAt;
  if (s.retryAt) countdown = setInterval(tick, 1000);
}

const outbox = new Outbox({
  idempotencyHeader: data.headers.idempotency,
  owner,
  authHeaders: csrfHeaders,
  refreshAuth: refreshSession,
  onHeld: (op, message) => {
    // An alignment change built on a revision someone else replaced cannot be applied again as
    // it was: the page reloads with their alignment instead (alignment.js).
    if (op.meta?.['alignment']) {
      outbox.discardHeld(op.id);
      void aligner.rejected(message);
      return;
    }
    toast(`Not saved, kept aside: ${op.label}: ${message}`);
    const key = /** @type {string | undefined} */ (op.meta?.['beadKey']);
    if (key) void refreshBead(key);
  },
  onState: showState,
  onDone: (op, body) => {
    if (body && typeof body === 'object' && 'mqm' in body) updateSummary(body);
    if (body && typeof body === 'object' && 'review' in body) showReviewSaved(body.review);
    const key = /** @type {string | undefined} */ (op.meta?.['beadKey']);
    if (key) void refreshBead(key);
    if (op.meta?.['alignment']) void aligner.landed(body, op.meta);
  },
  onRejected: (op, message) => {
    if (op.quiet) return;
    toast(`Not saved: ${op.label}: ${message}`);
    if (op.meta?.['alignment']) void aligner.rejected(message);
    const key = /** @type {string | undefined} */ (op.meta?.['beadKey']);
    if (key) void refreshBead(key);
  },
});
retryButton.addEventListener('click', () => outbox.retryNow());

// Changes the server refused (403: not allowed; 409: someone changed the mark meanwhile) are
// kept here until the reviewer applies them again or discards them.
const heldBox = /** @type {HTMLDetailsElement | null} */ (document.getElementById('held-changes'));
function showHeld() {
  if (!heldBox || typeof outbox === 'undefined') return;
  const held = outbox.held();
  heldBox.hidden = held.length === 0;
  $('held-count').textContent = String(held.length);
  const list = $('held-list');
  list.replaceChildren(
    ...held.map((op) => {
      const li = document.createElement('li');
      li.dataset.op = op.id;
      li.append(`${op.label}: ${op.held ?? ''} `);
      const again = document.createElement('button');
      again.type = 'button';
      again.className = 'held-retry';
      again.textContent = 'Apply mine anyway';
      const drop = document.createElement('button');
      drop.type = 'button';
      drop.className = 'held-discard';
      drop.textContent = 'Discard';
      li.append(again, ' ', drop);
      return li;
    }),
  );
}
document.getElementById('held-list')?.addEventListener('click', (ev) => {
  const t = /** @type {HTMLElement} */ (ev.target);
  const id = t.closest('li')?.dataset.op;
  if (!id) return;
  if (t.matches('.held-retry')) outbox.retryHeld(id, true);
  else if (t.matches('.held-discard')) outbox.discardHeld(id);
  showHeld();
});
window.addEventListener('beforeunload', (ev) => {
  // Queued changes survive a reload, but not a browser that never comes back to this page.
  if (outbox.pending > 0) ev.preventDefault();
});

/**
 * Sends one change through the outbox.
 * @param {{ method: string, path: string, body?: unknown, label: string, beadKey?: string, quiet?: boolean, meta?: Record<string, unknown> }} c
 */
function change(c) {
  if (!data.canReview) {
    if (!c.quiet) toast(data.user?.role === 'viewer' ? 'Viewers can read but not change anything.' : 'You are not assigned to this document: nothing is saved.');
    return Promise.resolve(/** @type {import('./outbox.js').Outcome} */ ({ state: 'rejected', status: 403, message: 'read only' }));
  }
  return outbox.send({
    method: c.method,
    url: api(c.path),
    ...(c.body === undefined ? {} : { body: c.body }),
    headers: identityHeaders(),
    label: c.label,
    meta: { ...(c.meta ?? {}), ...(c.beadKey ? { beadKey: c.beadKey } : {}) },
    ...(c.quiet ? { quiet: true } : {}),
  });
}

const timing = new TimingLog((events) => void change({ method: 'POST', path: '/timing', body: { events }, label: 'timing log', quiet: true }));

// ---- undo ------------------------------------------------------------------------------------

/** @type {Array<{ label: string, run: () => unknown }>} */
const undoStack = [];
const undoButton = /** @type {HTMLButtonElement} */ ($('undo'));
const showUndo = () => {
  const top = undoStack[undoStack.length - 1];
  undoButton.disabled = !top;
  undoButton.title = top ? `Undo: ${top.label.toLowerCase()}` : 'Nothing to undo';
};
/** @param {string} label @param {() => unknown} run */
function pushUndo(label, run) {
  undoStack.push({ label, run });
  if (undoStack.length > 100) undoStack.shift();
  showUndo();
  toast(label, true);
}
function undo() {
  const u = undoStack.pop();
  showUndo();
  if (!u) return toast('Nothing to undo.');
  u.run();
  timing.action('undo');
  toast(`Undone: ${u.label.toLowerCase()}`);
}
undoButton.addEventListener('click', undo);

/** @type {ReturnType<typeof setTimeout> | undefined} */
let toastTimer;
/** @param {string} text @param {boolean} [withUndo] */
function toast(text, withUndo = false) {
  const t = $('toast');
  $('toast-text').textContent = text;
  $('toast-undo').hidden = !withUndo;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (t.hidden = true), withUndo ? 6000 : 4000);
}
$('toast-undo').addEventListener('click', () => {
  $('toast').hidden = true;
  undo();
});

// ---- summary and bead redraws ------------------------------------------------------------------

/** @param {any} s */
function updateSummary(s) {
  if (s.mqm) {
    $('mqm-score').textContent = s.mqm.score.toFixed(2);
    $('mqm-errors').textContent = String(s.mqm.errors);
    $('mqm-ptw').textContent = s.mqm.perThousand.toFixed(1);
    const v = $('mqm-verdict');
    v.textContent = s.mqm.pass ? 'pass' : 'fail';
    v.className = s.mqm.pass ? 'pass' : 'fail';
  }
  if (s.progress) {
    const p = /** @type {HTMLProgressElement} */ ($('progress'));
    p.max = s.progress.total;
    p.value = s.progress.reviewed;
    $('progress-text').textContent = `${s.progress.reviewed}/${s.progress.total}`;
    $('second-text').textContent = s.progress.secondOpinion ? ` · ${s.progress.secondOpinion} need a second opinion` : '';
  }
  if (s.findingCounts) {
    $('open-count').textContent = String(s.findingCounts.open);
    $('dismissed-count').textContent = String(s.findingCounts.dismissed);
  }
  if ('hter' in s) {
    $('hter-score').textContent = s.hter ? s.hter.score.toFixed(2) : '–';
    $('hter-detail').textContent = s.hter ? `(${s.hter.segments} post-edited)` : '(no post-edits)';
    $('hter').title = s.hter ? s.hter.signature : 'TER of the MT against the post-edits; no post-edit yet';
  }
}

const beadEl = (/** @type {number} */ i) => /** @type {HTMLElement | null} */ (document.getElementById(`bead-${i}`));
const beadByKey = (/** @type {string} */ key) => /** @type {HTMLElement | null} */ (beadsEl.querySelector(`.bead[data-key="${CSS.escape(key)}"]`));
const beadCount = () => beadsEl.querySelectorAll(':scope > .bead').length;
const cellOf = (/** @type {number} */ i, /** @type {string} */ side) => /** @type {HTMLElement | null} */ (beadEl(i)?.querySelector(`.cell.${side}`) ?? null);

/** @type {Map<string, Promise<void>>} */
const refreshing = new Map();
/** Redraws one bead from the server (same template as the page). @param {string} key */
function refreshBead(key) {
  const before = refreshing.get(key) ?? Promise.resolve();
  const next = before.then(async () => {
    const el = beadByKey(key);
    if (!el) return;
    // An open post-edit box is the reviewer's unsaved typing: redraw later.
    if (el.querySelector('.post-edit-form')) return;
    const res = await fetch(`/documents/${encodeURIComponent(docId)}/beads/${el.dataset.bead}`).catch(() => null);
    if (!res || !res.ok) return;
    const html = await res.text();
    const now = beadByKey(key);
    if (!now || now.querySelector('.post-edit-form')) return;
    const hadFocus = now.contains(document.activeElement);
    const tpl = document.createElement('template');
    tpl.innerHTML = html.trim();
    const fresh = /** @type {HTMLElement} */ (tpl.content.firstElementChild);
    now.replaceWith(fresh);
    const index = Number(fresh.dataset.bead);
    if (index === current) {
      fresh.classList.add('current');
      markActiveSide();
      if (hadFocus && !anyDialogOpen()) fresh.focus({ preventScroll: true });
    }
  });
  refreshing.set(key, next);
  void next.finally(() => {
    if (refreshing.get(key) === next) refreshing.delete(key);
  });
  return next;
}

/** Adds a "not saved yet" line to a bead while its change is on its way. @param {number} bead @param {string} html */
function showPending(bead, html) {
  const el = beadEl(bead);
  if (!el) return null;
  let notes = el.querySelector('.notes');
  if (!notes) {
    notes = document.createElement('div');
    notes.className = 'notes';
    el.append(notes);
  }
  let list = notes.querySelector('ul.annotations');
  if (!list) {
    list = document.createElement('ul');
    list.className = 'annotations';
    list.setAttribute('aria-label', 'Errors marked');
    notes.prepend(list);
  }
  const li = document.createElement('li');
  li.className = 'annotation pending';
  li.innerHTML = html;
  list.append(li);
  return li;
}

const esc = (/** @type {string} */ s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// ---- current bead, side and keyboard selection ---------------------------------------------------

let current = -1;
/** @type {'source'|'target'} */
let side = 'target';
/** @type {{ bead: number, side: 'source'|'target', anchor: number, focus: number, start: number, end: number } | null} */
let kb = null;
const POS_KEY = `tadqiq.position.${docId}`;

const anyDialogOpen = () => !!document.querySelector('dialog[open]');

function markActiveSide() {
  for (const c of beadsEl.querySelectorAll('.cell.active-side')) c.classList.remove('active-side');
  if (kb || side === 'source') cellOf(current, side)?.classList.add('active-side');
}

/** @param {number} i @param {{ focus?: boolean, scroll?: boolean }} [opts] */
function setCurrent(i, opts = {}) {
  const n = beadCount();
  if (n === 0) return;
  i = Math.max(0, Math.min(n - 1, i));
  if (i !== current) {
    beadEl(current)?.classList.remove('current');
    current = i;
    side = 'target';
    kb = null;
    localStorage.setItem(POS_KEY, String(i));
  }
  const el = beadEl(i);
  if (!el) return;
  el.classList.add('current');
  markActiveSide();
  timing.enter(el.dataset.key ?? '');
  if (opts.focus) el.focus({ preventScroll: true });
  if (opts.scroll) el.scrollIntoView({ block: 'nearest' });
}

const ensureCurrent = () => {
  if (current < 0) setCurrent(0, { focus: true, scroll: true });
};

/** @param {'left'|'right'} dir @param {'move'|'extend'|'end-char'|'start-char'} how */
function keyboardSelect(dir, how) {
  ensureCurrent();
  const cell = cellOf(current, side);
  if (!cell) return;
  const words = cellModel(cell).words;
  if (words.length === 0) return;
  const forward = cell.dir === 'rtl' ? dir === 'left' : dir === 'right';
  const step = forward ? 1 : -1;
  if (!kb || kb.bead !== current || kb.side !== side) {
    const w = /** @type {{start: number, end: number}} */ (words[0]);
    kb = { bead: current, side, anchor: 0, focus: 0, start: w.start, end: w.end };
  } else if (how === 'move' || how === 'extend') {
    kb.focus = Math.max(0, Math.min(words.length - 1, kb.focus + step));
    if (how === 'move') kb.anchor = kb.focus;
    const a = /** @type {{start: number, end: number}} */ (words[Math.min(kb.anchor, kb.focus)]);
    const b = /** @type {{start: number, end: number}} */ (words[Math.max(kb.anchor, kb.focus)]);
    kb.start = a.start;
    kb.end = b.end;
  } else if (how === 'end-char') {
    const { end } = firstAndLast(cell);
    kb.end = Math.max(kb.start + 1, Math.min(end, kb.end + step));
  } else {
    const { start } = firstAndLast(cell);
    kb.start = Math.min(kb.end - 1, Math.max(start, kb.start + step));
  }
  markActiveSide();
  showSelection(cell, kb.start, kb.end);
}

// ---- alignment corrections (alignment.js) -------------------------------------------------------

const aligner = new AlignmentEditor(
  {
    send: (c) => change(c),
    beadsEl,
    docId,
    current: () => current,
    setCurrent,
    refreshBead,
    toast,
    pushUndo,
  },
  data.alignment,
);

// ---- marking -----------------------------------------------------------------------------------

/** @param {number} bead @param {'source'|'target'} s @param {number} start @param {number} end @param {Partial<Draft>} [extra] */
function openNew(bead, s, start, end, extra = {}) {
  const cell = cellOf(bead, s);
  if (!cell || end <= start) return;
  setCurrent(bead);
  timing.action('started-mark');
  showMarking(cell, start, end);
  dialog.show({ side: s, start, end, text: textBetween(cell, start, end), bead, ...extra }, extra.findingId ? 'Accept suggestion' : 'Mark an error', cell.getBoundingClientRect());
}

/** The native selection, if it lies inside one cell, as a span. @param {boolean} exact */
function selectionSpan(exact) {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const cellAt = (/** @type {Node} */ n) => /** @type {HTMLElement | null} */ ((n.nodeType === Node.TEXT_NODE ? n.parentElement : /** @type {Element} */ (n))?.closest('.cell') ?? null);
  const cell = cellAt(range.startContainer);
  if (!cell || cell !== cellAt(range.endContainer)) return null;
  const a = offsetAt(cell, range.startContainer, range.startOffset);
  const b = offsetAt(cell, range.endContainer, range.endOffset);
  const { start, end } = snap(cell, Math.min(a, b), Math.max(a, b), exact);
  if (end <= start) return null;
  const bead = Number(/** @type {HTMLElement} */ (cell.closest('.bead')).dataset.bead);
  return { bead, side: /** @type {'source'|'target'} */ (cell.dataset.side ?? 'target'), start, end };
}

function mark() {
  ensureCurrent();
  if (kb && kb.bead === current) return openNew(kb.bead, kb.side, kb.start, kb.end);
  const s = selectionSpan(false);
  if (s) return openNew(s.bead, s.side, s.start, s.end);
  toast('Select words first: → puts the cursor on a word, Shift+→ selects more.');
}

function wholeSentence() {
  ensureCurrent();
  const c = data.categories.find((x) => x.wholeSentence);
  const cell = cellOf(current, 'target');
  if (!c || !cell || !cell.querySelector('.pc')) return;
  const { start, end } = firstAndLast(cell);
  openNew(current, 'target', start, end, { category: c.value });
}

const dialog = new AnnotationDialog({
  categories: data.categories,
  severities: data.severities,
  onCategory: (d, c) => {
    // A whole-sentence category covers the whole translation of the pair.
    if (c.wholeSentence && d.id === undefined && d.side === 'target') {
      const cell = cellOf(d.bead, 'target');
      if (!cell) return;
      const { start, end } = firstAndLast(cell);
      Object.assign(d, { start, end, text: textBetween(cell, start, end) });
      dialog.setSpan(d);
      showMarking(cell, start, end);
    }
  },
  onCancel: (d) => {
    timing.action('cancelled-mark', beadEl(d.bead)?.dataset.key);
    afterDialog(d.bead);
  },
  onSave: async (d, v) => {
    const beadKey = beadEl(d.bead)?.dataset.key ?? '';
    if (d.id !== undefined) return saveEdit(d, v, beadKey);
    const clientId = newId();
    const body = { clientId, side: d.side, start: d.start, end: d.end, ...v, ...(d.findingId ? { findingId: d.findingId } : {}) };
    const li = showPending(
      d.bead,
      `<span class="sev-badge">${esc(v.severity)}</span> <span class="cat">${esc(v.category)}</span> <q dir="auto"><bdi>${esc(d.text)}</bdi></q> <span class="pending-badge">not saved yet</span>`,
    );
    const out = await change({ method: 'POST', path: '/annotations', body, label: `marking “${d.text}”`, beadKey });
    if (out.state === 'rejected' || out.state === 'held') {
      li?.remove();
      return out.message;
    }
    timing.action(d.findingId ? 'accepted-suggestion' : 'saved-mark', beadKey);
    pushUndo(d.findingId ? 'Suggestion accepted' : 'Error marked', () =>
      change({ method: 'DELETE', path: `/annotations/${clientId}`, label: 'undoing a mark', beadKey }),
    );
    afterDialog(d.bead);
    return null;
  },
});

/** @param {Draft} d @param {FormValues} v @param {string} beadKey */
async function saveEdit(d, v, beadKey) {
  const ref = d.clientId ?? d.id;
  const version = ref === undefined ? undefined : versionBump(ref);
  const out = await change({ method: 'PATCH', path: `/annotations/${ref}`, body: { ...v, ...(version ? { version } : {}) }, label: 'editing an error', beadKey });
  if (out.state === 'rejected' || out.state === 'held') return out.message;
  timing.action('edited-mark', beadKey);
  const before = d.before ?? {};
  pushUndo('Error edited', () =>
    change({
      method: 'PATCH',
      path: `/annotations/${ref}`,
      body: { category: before['category'], severity: before['severity'], comment: before['comment'], correction: before['correction'] },
      label: 'undoing an edit',
      beadKey,
    }),
  );
  afterDialog(d.bead);
  return null;
}

/**
 * The version of a mark as this page last saw it, for the server's stale-edit check, and the
 * version it will have once this page's own change lands (so two quick edits in a row do not
 * conflict with each other).
 * @param {string|number} ref @returns {number | undefined}
 */
function versionBump(ref) {
  const li = /** @type {HTMLElement | null} */ (beadsEl.querySelector(`li.annotation[data-client-id="${CSS.escape(String(ref))}"], li.annotation[data-id="${CSS.escape(String(ref))}"]`));
  const v = Number(li?.dataset.version);
  if (!li || !Number.isInteger(v) || v < 1) return undefined;
  li.dataset.version = String(v + 1);
  return v;
}

/** @param {number} bead */
function afterDialog(bead) {
  kb = null;
  showMarking(null, 0, 0);
  window.getSelection()?.removeAllRanges();
  markActiveSide();
  if (bead === current) beadEl(bead)?.focus({ preventScroll: true });
}

// The notes carry their data as attributes and text (bead.ejs); read it back from there.
/** @param {HTMLElement} li @param {string} sel */
const textIn = (li, sel) => li.querySelector(sel)?.textContent ?? '';
/** @param {HTMLElement} li */
const spanOf = (li) => ({
  side: /** @type {'source'|'target'} */ (li.dataset.side === 'source' ? 'source' : 'target'),
  start: Number(li.dataset.start),
  end: Number(li.dataset.end),
  category: li.dataset.category ?? '',
  severity: li.dataset.severity ?? '',
  text: textIn(li, '.span-text'),
});
/** @param {HTMLElement} li @returns {AnnotationData} */
const annotationOf = (li) => ({
  ...spanOf(li),
  id: li.dataset.id ?? '',
  clientId: li.dataset.clientId ?? null,
  comment: textIn(li, '.comment'),
  correction: textIn(li, '.correction'),
});
/** @param {HTMLElement} li @returns {FindingData} */
const findingOf = (li) => ({
  ...spanOf(li),
  id: li.dataset.findingId ?? '',
  check: li.dataset.check ?? '',
  message: textIn(li, '.message'),
  suggestion: textIn(li, '.correction'),
});

/** @param {HTMLElement} li @param {number} bead */
function editAnnotation(li, bead) {
  const a = annotationOf(li);
  setCurrent(bead);
  dialog.show({ ...a, clientId: a.clientId ?? undefined, bead, before: { ...a } }, 'Edit error', li.getBoundingClientRect());
}

/** @param {HTMLElement} li @param {number} bead */
function deleteAnnotation(li, bead) {
  const a = annotationOf(li);
  const ref = a.clientId ?? a.id;
  const beadKey = beadEl(bead)?.dataset.key ?? '';
  li.hidden = true;
  const version = versionBump(ref);
  void change({ method: 'DELETE', path: `/annotations/${ref}${version ? `?version=${version}` : ''}`, label: 'deleting an error', beadKey });
  timing.action('deleted-mark', beadKey);
  pushUndo(`Deleted ${a.severity} ${a.category} on “${a.text}”`, () =>
    change({ method: 'POST', path: `/annotations/${ref}/restore`, body: {}, label: 'restoring an error', beadKey }),
  );
}

/** @param {HTMLElement} li @param {number} bead @param {boolean} edit */
function acceptFinding(li, bead, edit) {
  const f = findingOf(li);
  const extra = { category: f.category, severity: f.severity, comment: f.message, correction: f.suggestion, findingId: f.id };
  if (edit) return openNew(bead, f.side, f.start, f.end, extra);
  li.hidden = true;
  const cell = cellOf(bead, f.side);
  const d = /** @type {Draft} */ ({ side: f.side, start: f.start, end: f.end, text: cell ? textBetween(cell, f.start, f.end) : f.text, bead, findingId: f.id });
  void dialog.opts.onSave(d, { category: f.category, severity: f.severity, comment: f.message, correction: f.suggestion }).then((problem) => {
    if (problem) {
      li.hidden = false;
      toast(`Not accepted: ${problem}`);
    }
  });
}

/** @param {HTMLElement} li @param {number} bead @param {'dismissed'|'open'} decision */
function decideFinding(li, bead, decision) {
  const f = findingOf(li);
  const beadKey = beadEl(bead)?.dataset.key ?? '';
  const path = `/findings/${encodeURIComponent(f.id)}/decision`;
  li.hidden = decision === 'dismissed';
  void change({ method: 'PUT', path, body: { decision }, label: decision === 'dismissed' ? 'dismissing a suggestion' : 'restoring a suggestion', beadKey });
  timing.action(decision === 'dismissed' ? 'dismissed-suggestion' : 'restored-suggestion', beadKey);
  const back = decision === 'dismissed' ? 'open' : 'dismissed';
  pushUndo(decision === 'dismissed' ? 'Suggestion dismissed' : 'Suggestion restored', () =>
    change({ method: 'PUT', path, body: { decision: back }, label: 'undoing a decision', beadKey }),
  );
}

/** The first open suggestion of the current bead. */
function firstSuggestion() {
  ensureCurrent();
  return /** @type {HTMLElement | null} */ (beadEl(current)?.querySelector('li.finding.state-open:not([hidden])') ?? null);
}

// ---- statuses ------------------------------------------------------------------------------------

/** @param {number} bead @param {string} status */
function setStatus(bead, status) {
  const el = beadEl(bead);
  if (!el) return;
  const key = el.dataset.key ?? '';
  const before = [...el.classList].find((c) => c.startsWith('status-'))?.slice(7) ?? 'not-started';
  if (before === status) return;
  el.classList.replace(`status-${before}`, `status-${status}`);
  const select = /** @type {HTMLSelectElement | null} */ (el.querySelector('.status-select'));
  if (select) select.value = status;
  void change({ method: 'PUT', path: `/beads/${encodeURIComponent(key)}/status`, body: { status }, label: 'setting a status', beadKey: key });
  timing.action(`status-${status}`, key);
  pushUndo(`Pair ${bead + 1}: ${status.replace('-', ' ')}`, () => setStatusQuiet(bead, before));
}

/** An undo: the same change without a new undo entry. @param {number} bead @param {string} status */
function setStatusQuiet(bead, status) {
  const el = beadEl(bead);
  if (!el) return;
  const key = el.dataset.key ?? '';
  const before = [...el.classList].find((c) => c.startsWith('status-'))?.slice(7) ?? 'not-started';
  el.classList.replace(`status-${before}`, `status-${status}`);
  const select = /** @type {HTMLSelectElement | null} */ (el.querySelector('.status-select'));
  if (select) select.value = status;
  return change({ method: 'PUT', path: `/beads/${encodeURIComponent(key)}/status`, body: { status }, label: 'setting a status', beadKey: key });
}

const statusOf = (/** @type {number} */ i) => [...(beadEl(i)?.classList ?? [])].find((c) => c.startsWith('status-'))?.slice(7) ?? 'not-started';

function nextUnreviewed() {
  const n = beadCount();
  for (let k = 1; k <= n; k++) {
    const i = (Math.max(current, 0) + k) % n;
    if (statusOf(i) !== 'reviewed') return setCurrent(i, { focus: true, scroll: true });
  }
  toast('Every sentence pair is reviewed.');
}

// ---- post-editing --------------------------------------------------------------------------------

/** @param {number} bead */
function openPostEdit(bead) {
  const el = beadEl(bead);
  if (!el || !el.querySelector('.cell.target .pc')) return;
  setCurrent(bead);
  const existing = /** @type {HTMLTextAreaElement | null} */ (el.querySelector('.post-edit-form textarea'));
  if (existing) return existing.focus();
  const saved = /** @type {HTMLElement | null} */ (el.querySelector('.post-edit'))?.dataset.postEdit;
  const mt = [...el.querySelectorAll('.cell.target .sentence')].map((s) => s.textContent ?? '').join(' ');
  const form = document.createElement('form');
  form.className = 'post-edit-form';
  const id = `post-edit-${bead}`;
  form.innerHTML = `<label for="${id}">Post-edit of pair ${bead + 1} <span class="muted">(the MT is never changed; <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves, <kbd>Esc</kbd> cancels)</span></label>
    <textarea id="${id}" rows="3" lang="${esc(data.targetLang)}" dir="auto"></textarea>
    <div class="buttons"><button type="submit">Save post-edit</button> <button type="button" class="pe-cancel">Cancel</button>${saved ? ' <button type="button" class="pe-clear">Remove post-edit</button>' : ''}</div>`;
  const ta = /** @type {HTMLTextAreaElement} */ (form.querySelector('textarea'));
  ta.value = saved ?? mt;
  el.append(form);
  const close = () => {
    form.remove();
    el.focus({ preventScroll: true });
    void refreshBead(el.dataset.key ?? '');
  };
  const save = (/** @type {string} */ text) => {
    const key = el.dataset.key ?? '';
    form.remove();
    void change({ method: 'PUT', path: `/beads/${encodeURIComponent(key)}/post-edit`, body: { text }, label: 'saving a post-edit', beadKey: key });
    timing.action('post-edited', key);
    pushUndo(text ? 'Post-edit saved' : 'Post-edit removed', () =>
      change({ method: 'PUT', path: `/beads/${encodeURIComponent(key)}/post-edit`, body: { text: saved ?? '' }, label: 'undoing a post-edit', beadKey: key }),
    );
    el.focus({ preventScroll: true });
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    save(ta.value);
  });
  form.querySelector('.pe-cancel')?.addEventListener('click', close);
  form.querySelector('.pe-clear')?.addEventListener('click', () => save(''));
  ta.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      save(ta.value);
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      close();
    }
  });
  ta.focus();
  ta.scrollIntoView({ block: 'nearest' });
}

// ---- document notes and verdict ------------------------------------------------------------------

const notes = /** @type {HTMLTextAreaElement} */ ($('review-notes'));
/** @type {ReturnType<typeof setTimeout> | undefined} */
let notesTimer;
let notesSent = notes.value;
const sendNotes = () => {
  clearTimeout(notesTimer);
  if (notes.value === notesSent) return;
  notesSent = notes.value;
  void change({ method: 'PUT', path: '/review', body: { notes: notes.value }, label: 'saving the notes' });
};
notes.addEventListener('input', () => {
  clearTimeout(notesTimer);
  notesTimer = setTimeout(sendNotes, 800);
});
notes.addEventListener('blur', sendNotes);
window.addEventListener('pagehide', sendNotes);
$('review-form').addEventListener('change', (ev) => {
  const t = /** @type {HTMLInputElement} */ (ev.target);
  if (t.name !== 'verdict') return;
  void change({ method: 'PUT', path: '/review', body: { verdict: t.value }, label: 'saving the verdict' });
});
/** @param {{ author?: string, updatedAt?: string }} r */
function showReviewSaved(r) {
  if (r.updatedAt) $('review-saved').textContent = `Last saved by ${r.author ?? ''} at ${r.updatedAt.slice(0, 16).replace('T', ' ')}`;
}

// ---- text size, dismissed suggestions, help --------------------------------------------------------

const SIZE_KEY = 'tadqiq.textScale';
/** @param {number} scale */
function setScale(scale) {
  const s = Math.round(Math.max(0.8, Math.min(2, scale)) * 10) / 10;
  document.documentElement.style.setProperty('--text-scale', String(s));
  localStorage.setItem(SIZE_KEY, String(s));
}
const scale = () => Number(localStorage.getItem(SIZE_KEY) ?? '1') || 1;
setScale(scale());
$('text-larger').addEventListener('click', () => setScale(scale() + 0.1));
$('text-smaller').addEventListener('click', () => setScale(scale() - 0.1));

const showDismissed = /** @type {HTMLInputElement} */ ($('show-dismissed'));
showDismissed.addEventListener('change', () => document.body.classList.toggle('show-dismissed', showDismissed.checked));

const help = /** @type {HTMLDialogElement} */ ($('help-dialog'));
$('show-help').addEventListener('click', () => help.showModal());
$('next-unreviewed').addEventListener('click', nextUnreviewed);

// The sticky header's height, so a bead scrolled to is not hidden under it.
const header = $('doc-header');
new ResizeObserver(() => document.documentElement.style.setProperty('--header-h', `${header.offsetHeight}px`)).observe(header);

// ---- mouse --------------------------------------------------------------------------------------

beadsEl.addEventListener('mousedown', () => {
  kb = null;
});
beadsEl.addEventListener('mouseup', (ev) => {
  if (anyDialogOpen()) return;
  const s = selectionSpan(ev.altKey);
  if (s) openNew(s.bead, s.side, s.start, s.end);
});
beadsEl.addEventListener('focusin', (ev) => {
  const el = /** @type {HTMLElement} */ (ev.target).closest('.bead');
  if (el) setCurrent(Number(/** @type {HTMLElement} */ (el).dataset.bead));
});
beadsEl.addEventListener('click', (ev) => {
  const t = /** @type {HTMLElement} */ (ev.target);
  const el = /** @type {HTMLElement | null} */ (t.closest('.bead'));
  if (!el) return;
  const bead = Number(el.dataset.bead);
  if (bead !== current) setCurrent(bead);
  const li = /** @type {HTMLElement | null} */ (t.closest('li'));
  if (t.matches('.edit-annotation') && li) editAnnotation(li, bead);
  else if (t.matches('.delete-annotation') && li) deleteAnnotation(li, bead);
  else if (t.matches('.accept-finding') && li) acceptFinding(li, bead, false);
  else if (t.matches('.accept-edit-finding') && li) acceptFinding(li, bead, true);
  else if (t.matches('.dismiss-finding') && li) decideFinding(li, bead, 'dismissed');
  else if (t.matches('.restore-finding') && li) decideFinding(li, bead, 'open');
  else if (t.matches('.post-edit-open')) openPostEdit(bead);
  else if (t.matches('.align-open')) aligner.open(bead);
});
beadsEl.addEventListener('change', (ev) => {
  const t = /** @type {HTMLSelectElement} */ (ev.target);
  if (!t.matches('.status-select')) return;
  const el = /** @type {HTMLElement} */ (t.closest('.bead'));
  const bead = Number(el.dataset.bead);
  // setStatus compares with the class, which still holds the old status.
  setStatus(bead, t.value);
});

// A mark and its note light each other up.
/** @param {Event} ev @param {boolean} on */
function lightLinked(ev, on) {
  const t = /** @type {HTMLElement} */ (ev.target);
  const pc = /** @type {HTMLElement | null} */ (t.closest('.pc[data-marks]'));
  const bead = t.closest('.bead');
  if (!bead) return;
  if (pc) {
    for (const m of (pc.dataset.marks ?? '').split(' ')) {
      const [kind, id] = [m.slice(0, m.indexOf(':')), m.slice(m.indexOf(':') + 1)];
      const sel = kind === 'annotation' ? `li[data-id="${CSS.escape(id)}"]` : `li[data-finding-id="${CSS.escape(id)}"]`;
      bead.querySelector(sel)?.classList.toggle('lit', on);
    }
    return;
  }
  const li = /** @type {HTMLElement | null} */ (t.closest('li.annotation[data-id], li.finding[data-finding-id]'));
  if (!li) return;
  const token = li.dataset.id !== undefined ? `annotation:${li.dataset.id}` : `finding:${li.dataset.findingId}`;
  for (const p of bead.querySelectorAll('.pc[data-marks]')) {
    if ((/** @type {HTMLElement} */ (p).dataset.marks ?? '').split(' ').includes(token)) p.classList.toggle('lit', on);
  }
}
beadsEl.addEventListener('mouseover', (ev) => lightLinked(ev, true));
beadsEl.addEventListener('mouseout', (ev) => lightLinked(ev, false));

// ---- keyboard -----------------------------------------------------------------------------------

/** @type {Map<string, string>} key combination → action */
const keyToAction = new Map();
for (const g of data.keymap) for (const s of g.shortcuts) for (const k of s.keys) if (!keyToAction.has(k)) keyToAction.set(k, s.action);

/** "Shift+ArrowLeft", "Ctrl+z", "A" with Shift → "Shift+A", "?" stays "?". @param {KeyboardEvent} ev */
function combo(ev) {
  const named = ev.key.length > 1;
  const letter = /^\p{Lu}$/u.test(ev.key);
  return `${ev.ctrlKey || ev.metaKey ? 'Ctrl+' : ''}${ev.altKey ? 'Alt+' : ''}${ev.shiftKey && (named || letter) ? 'Shift+' : ''}${ev.key}`;
}

/** @type {Record<string, (ev: KeyboardEvent) => void>} */
const actions = {
  'next-bead': () => setCurrent(current + 1, { focus: true, scroll: true }),
  'previous-bead': () => setCurrent(current - 1, { focus: true, scroll: true }),
  'next-unreviewed': nextUnreviewed,
  'switch-side': () => {
    ensureCurrent();
    side = side === 'target' ? 'source' : 'target';
    kb = null;
    window.getSelection()?.removeAllRanges();
    markActiveSide();
    toast(side === 'source' ? 'Source side: mark omissions here (s to switch back).' : 'Translation side.');
  },
  'move-word': (ev) => keyboardSelect(ev.key.endsWith('Left') ? 'left' : 'right', 'move'),
  'extend-word': (ev) => keyboardSelect(ev.key.endsWith('Left') ? 'left' : 'right', 'extend'),
  'extend-char': (ev) => keyboardSelect(ev.key.endsWith('Left') ? 'left' : 'right', 'end-char'),
  'extend-start-char': (ev) => keyboardSelect(ev.key.endsWith('Left') ? 'left' : 'right', 'start-char'),
  mark,
  'whole-sentence': wholeSentence,
  accept: () => {
    const li = firstSuggestion();
    if (li) acceptFinding(li, current, false);
    else toast('No open suggestion in this pair.');
  },
  'accept-edit': () => {
    const li = firstSuggestion();
    if (li) acceptFinding(li, current, true);
    else toast('No open suggestion in this pair.');
  },
  dismiss: () => {
    const li = firstSuggestion();
    if (li) decideFinding(li, current, 'dismissed');
    else toast('No open suggestion in this pair.');
  },
  'post-edit': () => {
    ensureCurrent();
    openPostEdit(current);
  },
  'toggle-reviewed': () => {
    ensureCurrent();
    const was = statusOf(current);
    setStatus(current, was === 'reviewed' ? 'not-started' : 'reviewed');
    if (was !== 'reviewed' && current < beadCount() - 1) setCurrent(current + 1, { focus: true, scroll: true });
  },
  'toggle-second-opinion': () => {
    ensureCurrent();
    setStatus(current, statusOf(current) === 'second-opinion' ? 'not-started' : 'second-opinion');
  },
  'align-merge': () => {
    ensureCurrent();
    aligner.merge(current);
  },
  'align-menu': () => {
    ensureCurrent();
    aligner.open(current);
  },
  'align-move-previous': () => {
    ensureCurrent();
    aligner.move(current, side, 'previous');
  },
  'align-move-next': () => {
    ensureCurrent();
    aligner.move(current, side, 'next');
  },
  'next-low-confidence': () => aligner.nextLowConfidence(),
  undo,
  notes: () => {
    $('doc-review').scrollIntoView({ block: 'start' });
    notes.focus();
  },
  'text-larger': () => setScale(scale() + 0.1),
  'text-smaller': () => setScale(scale() - 0.1),
  help: () => help.showModal(),
};

document.addEventListener('keydown', (ev) => {
  if (ev.defaultPrevented || ev.isComposing || anyDialogOpen()) return;
  const t = /** @type {HTMLElement} */ (ev.target);
  // Text fields keep every key; radio buttons and checkboxes keep arrows, Space and Enter.
  if (t.closest('textarea, select, [contenteditable], input:not([type=radio]):not([type=checkbox])')) return;
  if (t.matches('input') && /^(Arrow|Enter$| $)/.test(ev.key)) return;
  // Buttons and links keep Enter and Space.
  if ((ev.key === 'Enter' || ev.key === ' ') && t.closest('button, a, summary')) return;
  const action = keyToAction.get(combo(ev));
  const run = action ? actions[action] : undefined;
  if (!run) return;
  ev.preventDefault();
  run(ev);
});

// ---- start -------------------------------------------------------------------------------------

/** After a reload, changes still in the queue are shown as not saved yet. @param {Op} op */
function showQueued(op) {
  if (!op.url.startsWith(api('/'))) return;
  // The pairs change when it lands; a second alignment change waits for it.
  if (op.meta?.['alignment']) aligner.inFlight = true;
  const el = beadByKey(String(op.meta?.['beadKey'] ?? ''));
  if (!el) return;
  const bead = Number(el.dataset.bead);
  const body = /** @type {Record<string, any>} */ (op.body ?? {});
  if (op.method === 'POST' && op.url === api('/annotations')) {
    const cell = cellOf(bead, body['side']);
    const text = cell ? textBetween(cell, body['start'], body['end']) : '';
    showPending(bead, `<span class="sev-badge">${esc(String(body['severity']))}</span> <span class="cat">${esc(String(body['category']))}</span> <q dir="auto"><bdi>${esc(text)}</bdi></q> <span class="pending-badge">not saved yet</span>`);
  } else if (op.method === 'PUT' && op.url.endsWith('/status')) {
    const before = statusOf(bead);
    el.classList.replace(`status-${before}`, `status-${body['status']}`);
    const select = /** @type {HTMLSelectElement | null} */ (el.querySelector('.status-select'));
    if (select) select.value = body['status'];
  }
}

/**
 * A long document arrives with its first pairs; the rest are fetched in batches and appended,
 * so the page paints and takes keys at once. Resolves when every pair is in the page.
 */
async function loadRemaining() {
  const more = document.getElementById('beads-loading');
  if (!more) return;
  const total = Number(more.dataset.total);
  let next = Number(more.dataset.next);
  let delay = 500;
  while (next < total) {
    const res = await fetch(`/documents/${encodeURIComponent(docId)}/beads?from=${next}&count=500`).catch(() => null);
    if (!res || !res.ok) {
      more.textContent = `Could not load sentence pairs ${next + 1}–${total}; retrying…`;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 10000);
      continue;
    }
    const html = await res.text();
    // An alignment change since the page loaded may have left fewer pairs than it said.
    if (!html.trim()) break;
    beadsEl.insertAdjacentHTML('beforeend', html);
    next = beadCount();
    more.textContent = next < total ? `Loading sentence pairs ${next + 1}–${total}…` : '';
    // Let the page paint and answer keys between batches.
    await new Promise((r) => setTimeout(r, 0));
  }
  more.remove();
}

const saved = Number(localStorage.getItem(POS_KEY) ?? '-1');
if (saved > 0 && saved < beadCount()) setCurrent(saved, { scroll: true });
void outbox.flush();
void loadRemaining().then(() => {
  for (const op of outbox.queued()) showQueued(op);
  if (saved >= 0 && saved < beadCount() && current !== saved && current <= 0) setCurrent(saved, { scroll: true });
  document.body.dataset.loaded = 'true';
  performance.mark('tadqiq-all-beads');
});
// For scripts/bench-ui.ts: the page is drawn and every handler is attached.
performance.mark('tadqiq-ready');
