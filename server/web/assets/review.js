// @ts-check
// Reviewer page: turn a text selection into an error annotation, edit and delete annotations,
// accept automatic findings, mark beads reviewed. Offsets always come from the server-rendered
// pieces (data-o = offset of the piece in the original text), never from the rendered string.

const header = /** @type {HTMLElement} */ (document.getElementById('doc-header'));
const docId = header.dataset.doc ?? '';
const beads = /** @type {HTMLElement} */ (document.getElementById('beads'));
const dialog = /** @type {HTMLDialogElement} */ (document.getElementById('annotation-dialog'));
const form = /** @type {HTMLFormElement} */ (document.getElementById('annotation-form'));
const reviewer = /** @type {HTMLInputElement} */ (document.getElementById('reviewer'));
const saveState = /** @type {HTMLElement} */ (document.getElementById('save-state'));
const formError = /** @type {HTMLElement} */ (document.getElementById('form-error'));

const api = (path) => `/api/documents/${encodeURIComponent(docId)}${path}`;

reviewer.value = localStorage.getItem('tadqiq.reviewer') || reviewer.value;
reviewer.addEventListener('change', () => localStorage.setItem('tadqiq.reviewer', reviewer.value.trim() || 'reviewer'));

/** @param {'saving'|'saved'|'failed'} state @param {string} [text] */
function setState(state, text) {
  saveState.className = state === 'saved' ? '' : state;
  saveState.textContent = text ?? state;
}

// ---- offsets -------------------------------------------------------------------------------

/** @param {Element} cell */
const piecesOf = (cell) => /** @type {HTMLElement[]} */ ([...cell.querySelectorAll('.pc')]);

/**
 * Original-text offset of a DOM boundary point inside `cell`.
 * @param {Element} cell @param {Node} node @param {number} offset
 */
function offsetAt(cell, node, offset) {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : /** @type {Element} */ (node);
  const pc = el?.closest('.pc');
  if (pc && cell.contains(pc)) {
    const base = Number(/** @type {HTMLElement} */ (pc).dataset.o);
    if (node.nodeType === Node.TEXT_NODE) return base + offset;
    return offset === 0 ? base : base + (pc.textContent ?? '').length;
  }
  // A boundary between pieces (e.g. the space between two sentences): use the next piece.
  const range = document.createRange();
  range.setStart(node, offset);
  const pcs = piecesOf(cell);
  for (const p of pcs) {
    const r = document.createRange();
    r.selectNode(p);
    if (range.compareBoundaryPoints(Range.START_TO_START, r) <= 0) return Number(p.dataset.o);
  }
  const last = pcs[pcs.length - 1];
  return last ? Number(last.dataset.o) + (last.textContent ?? '').length : 0;
}

/** Text of [start, end) from the pieces of `cell` (original offsets). */
function textBetween(cell, start, end) {
  let out = '';
  for (const p of piecesOf(cell)) {
    const o = Number(p.dataset.o);
    const t = p.textContent ?? '';
    const s = Math.max(start, o);
    const e = Math.min(end, o + t.length);
    if (e > s) out += t.slice(s - o, e - o);
  }
  return out;
}

/** Character at original offset `at`, or '' outside the pieces. */
function charAt(cell, at) {
  return textBetween(cell, at, at + 1);
}

const WORD = /[\p{L}\p{M}\p{N}]/u;

/** Trims whitespace and widens a span that starts or ends inside a word to the whole word. */
function snap(cell, start, end, exact) {
  while (start < end && /\s/u.test(charAt(cell, start))) start++;
  while (end > start && /\s/u.test(charAt(cell, end - 1))) end--;
  if (!exact) {
    while (start > 0 && WORD.test(charAt(cell, start - 1)) && WORD.test(charAt(cell, start))) start--;
    while (WORD.test(charAt(cell, end)) && WORD.test(charAt(cell, end - 1))) end++;
  }
  return { start, end };
}

// ---- dialog ----------------------------------------------------------------------------------

/** @typedef {{ id?: string|number, side: string, start: number, end: number, text: string, category?: string, severity?: string, comment?: string, correction?: string, fromCheck?: string, bead: number }} Draft */
/** @type {Draft | null} */
let draft = null;

/** @param {string} name */
const field = (name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));

/** @param {Draft} d @param {string} title */
function openDialog(d, title) {
  draft = d;
  /** @type {HTMLElement} */ (document.getElementById('dialog-title')).textContent = title;
  /** @type {HTMLElement} */ (document.getElementById('form-span')).textContent = d.text;
  /** @type {HTMLElement} */ (document.getElementById('form-side')).textContent = d.side === 'source' ? '(source)' : '(translation)';
  field('category').value = d.category ?? (d.side === 'source' ? 'Accuracy/Omission' : 'Accuracy/Mistranslation');
  const sev = /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name=severity][value="${d.severity ?? 'minor'}"]`));
  if (sev) sev.checked = true;
  field('comment').value = d.comment ?? '';
  field('correction').value = d.correction ?? '';
  formError.textContent = '';
  dialog.showModal();
  field('category').focus();
}

function closeDialog() {
  draft = null;
  dialog.close();
}

/** @param {Response} res */
async function errorText(res) {
  try {
    const body = await res.json();
    const fields = (body.fields ?? []).map((f) => `${f.field}: ${f.message}`).join('; ');
    return `${body.error ?? res.statusText}${fields ? ` (${fields})` : ''}`;
  } catch {
    return `${res.status} ${res.statusText}`;
  }
}

/** @param {{ mqm?: any, progress?: any }} s */
function updateSummary(s) {
  if (s.mqm) {
    /** @type {HTMLElement} */ (document.getElementById('mqm-score')).textContent = s.mqm.score.toFixed(2);
    /** @type {HTMLElement} */ (document.getElementById('mqm-errors')).textContent = String(s.mqm.errors);
    /** @type {HTMLElement} */ (document.getElementById('mqm-ptw')).textContent = s.mqm.perThousand.toFixed(1);
  }
  if (s.progress) {
    const p = /** @type {HTMLProgressElement} */ (document.getElementById('progress'));
    p.max = s.progress.total;
    p.value = s.progress.reviewed;
    /** @type {HTMLElement} */ (document.getElementById('progress-text')).textContent = `${s.progress.reviewed}/${s.progress.total}`;
  }
}

/** Re-renders one bead from the server, so highlights come from the same code as the page. */
async function refreshBead(index) {
  const res = await fetch(`/documents/${encodeURIComponent(docId)}/beads/${index}`);
  if (!res.ok) throw new Error(await errorText(res));
  const old = document.getElementById(`bead-${index}`);
  if (old) old.outerHTML = await res.text();
}

/**
 * Sends a change; shows saving / saved / failed.
 * @param {string} method @param {string} path @param {unknown} [body]
 */
async function send(method, path, body) {
  setState('saving', 'saving…');
  let res;
  try {
    res = await fetch(api(path), {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    setState('failed', 'failed: server unreachable');
    throw new Error('The server could not be reached; nothing was saved.');
  }
  if (!res.ok) {
    const text = await errorText(res);
    setState('failed', `failed: ${text}`);
    throw new Error(text);
  }
  setState('saved');
  return res.status === 204 ? {} : res.json();
}

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  if (!draft) return;
  const d = draft;
  const severity = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name=severity]:checked'))?.value;
  const payload = {
    category: field('category').value,
    severity,
    comment: field('comment').value,
    correction: field('correction').value,
  };
  try {
    const result = d.id === undefined
      ? await send('POST', '/annotations', { ...payload, side: d.side, start: d.start, end: d.end, author: reviewer.value, ...(d.fromCheck ? { fromCheck: d.fromCheck } : {}) })
      : await send('PATCH', `/annotations/${d.id}`, payload);
    closeDialog();
    updateSummary(result);
    await refreshBead(d.bead);
    document.getElementById(`bead-${d.bead}`)?.focus();
  } catch (e) {
    formError.textContent = /** @type {Error} */ (e).message;
  }
});

/** @type {HTMLElement} */ (document.getElementById('form-cancel')).addEventListener('click', closeDialog);

dialog.addEventListener('keydown', (ev) => {
  const t = /** @type {HTMLElement} */ (ev.target);
  const typing = t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && (/** @type {HTMLInputElement} */ (t).type === 'text' || !t.getAttribute('type')));
  if (ev.key === 'Enter' && !ev.shiftKey && t.tagName === 'TEXTAREA') {
    ev.preventDefault();
    form.requestSubmit();
  } else if (!typing && /^[0-3]$/.test(ev.key)) {
    const sev = /** @type {HTMLInputElement | null} */ (form.querySelectorAll('input[name=severity]')[Number(ev.key)]);
    if (sev) {
      sev.checked = true;
      ev.preventDefault();
    }
  }
});

// ---- selection → new annotation ----------------------------------------------------------------

function onSelection(ev) {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0 || dialog.open) return;
  const range = sel.getRangeAt(0);
  const startCell = (range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer.parentElement : /** @type {Element} */ (range.startContainer))?.closest('.cell');
  const endCell = (range.endContainer.nodeType === Node.TEXT_NODE ? range.endContainer.parentElement : /** @type {Element} */ (range.endContainer))?.closest('.cell');
  if (!startCell || startCell !== endCell) return;
  const a = offsetAt(startCell, range.startContainer, range.startOffset);
  const b = offsetAt(startCell, range.endContainer, range.endOffset);
  const { start, end } = snap(startCell, Math.min(a, b), Math.max(a, b), ev.altKey === true);
  if (end <= start) return;
  const bead = Number(/** @type {HTMLElement} */ (startCell.closest('.bead')).dataset.bead);
  const side = /** @type {HTMLElement} */ (startCell).dataset.side ?? 'target';
  openDialog({ side, start, end, text: textBetween(startCell, start, end), bead }, 'Mark an error');
}

beads.addEventListener('mouseup', onSelection);
beads.addEventListener('keyup', (ev) => {
  if (ev.key === 'Enter' && !dialog.open) onSelection(ev);
});

// ---- buttons in the notes ----------------------------------------------------------------------

beads.addEventListener('click', async (ev) => {
  const t = /** @type {HTMLElement} */ (ev.target);
  const beadEl = /** @type {HTMLElement | null} */ (t.closest('.bead'));
  if (!beadEl) return;
  const bead = Number(beadEl.dataset.bead);
  if (t.matches('.edit-annotation')) {
    const a = JSON.parse(/** @type {HTMLElement} */ (t.closest('li')).dataset.annotation ?? '{}');
    openDialog({ ...a, bead }, 'Edit error');
  } else if (t.matches('.delete-annotation')) {
    const a = JSON.parse(/** @type {HTMLElement} */ (t.closest('li')).dataset.annotation ?? '{}');
    if (!confirm(`Delete this ${a.severity} ${a.category} error on “${a.text}”?`)) return;
    try {
      await send('DELETE', `/annotations/${a.id}`);
      await refreshBead(bead);
      updateSummary(await (await fetch(api('/summary'))).json());
    } catch (e) {
      alert(/** @type {Error} */ (e).message);
    }
  } else if (t.matches('.accept-finding')) {
    const f = JSON.parse(/** @type {HTMLElement} */ (t.closest('li')).dataset.finding ?? '{}');
    openDialog(
      { side: f.side, start: f.start, end: f.end, text: f.text, category: f.category, severity: f.severity, comment: f.message, correction: f.suggestion, fromCheck: f.check, bead },
      'Accept finding',
    );
  }
});

beads.addEventListener('change', async (ev) => {
  const t = /** @type {HTMLInputElement} */ (ev.target);
  if (!t.matches('.reviewed-toggle')) return;
  try {
    const r = await send('PUT', `/beads/${encodeURIComponent(t.dataset.key ?? '')}/status`, { status: t.checked ? 'reviewed' : 'not-started', author: reviewer.value });
    updateSummary(r);
    t.closest('.bead')?.classList.toggle('status-reviewed', t.checked);
  } catch (e) {
    t.checked = !t.checked;
  }
});
