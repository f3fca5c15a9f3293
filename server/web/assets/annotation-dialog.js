// @ts-check
// The error form. Keyboard model (Anthea-like, so a selected span is marked in four keys or
// fewer: Enter to open, letters for the category, a digit for the severity, Enter to save):
// with focus anywhere but a text field, letters pick a category by the first letters of its
// name, digits pick the severity by its key, Enter saves and Esc cancels.

/** @typedef {{ value: string, label: string, description?: string, side?: string, needsComment?: boolean, wholeSentence?: boolean }} Category */
/** @typedef {{ id: string, label: string, key?: string, description?: string }} SeverityChoice */
/**
 * @typedef {object} Draft
 * @property {string|number} [id]       an existing annotation (edit)
 * @property {string} [clientId]
 * @property {'source'|'target'} side
 * @property {number} start
 * @property {number} end
 * @property {string} text
 * @property {number} bead
 * @property {string} [category]
 * @property {string} [severity]
 * @property {string} [comment]
 * @property {string} [correction]
 * @property {string} [findingId]
 * @property {Record<string, unknown>} [before]  the stored values, for undo
 */
/** @typedef {{ category: string, severity: string, comment: string, correction: string }} FormValues */

const TYPEAHEAD_MS = 1000;

/** Words of a category's own name: "Accuracy/Omission" → ["omission"]; "Locale conventions" → ["locale", "conventions"]. */
function nameWords(/** @type {Category} */ c) {
  const name = c.value.split('/').pop() ?? c.value;
  return { name: name.toLowerCase(), words: name.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean) };
}

/**
 * The category the typed letters stand for: a name starting with them wins, in typology order;
 * then a name with a word starting with them; then a full label starting with them.
 * @param {Category[]} categories @param {string} typed
 */
export function matchCategory(categories, typed) {
  const t = typed.toLowerCase();
  if (!t) return undefined;
  return (
    categories.find((c) => nameWords(c).name.startsWith(t)) ??
    categories.find((c) => nameWords(c).words.some((w) => w.startsWith(t))) ??
    categories.find((c) => c.label.toLowerCase().startsWith(t))
  );
}

export class AnnotationDialog {
  /**
   * @param {{ categories: Category[], severities: SeverityChoice[], onSave: (d: Draft, v: FormValues) => Promise<string | null>, onCategory: (d: Draft, c: Category) => void, onCancel: (d: Draft) => void }} opts
   */
  constructor(opts) {
    this.opts = opts;
    this.dialog = /** @type {HTMLDialogElement} */ (document.getElementById('annotation-dialog'));
    this.form = /** @type {HTMLFormElement} */ (document.getElementById('annotation-form'));
    this.category = /** @type {HTMLSelectElement} */ (document.getElementById('form-category'));
    this.comment = /** @type {HTMLTextAreaElement} */ (document.getElementById('form-comment'));
    this.correction = /** @type {HTMLInputElement} */ (document.getElementById('form-correction'));
    this.error = /** @type {HTMLElement} */ (document.getElementById('form-error'));
    this.help = /** @type {HTMLElement} */ (document.getElementById('category-help'));
    /** @type {Draft | null} */
    this.draft = null;
    this.typed = '';
    this.typedAt = 0;
    this.saving = false;

    this.form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void this.submit();
    });
    /** @type {HTMLElement} */ (document.getElementById('form-cancel')).addEventListener('click', () => this.close(true));
    this.dialog.addEventListener('cancel', (ev) => {
      ev.preventDefault();
      this.close(true);
    });
    this.dialog.addEventListener('keydown', (ev) => this.onKey(ev));
    this.category.addEventListener('change', () => this.categoryChanged());
  }

  get open() {
    return this.dialog.open;
  }

  /** @param {Draft} d @param {string} title @param {DOMRect} [near] the bead being marked, to keep in view */
  show(d, title, near) {
    this.draft = d;
    /** @type {HTMLElement} */ (document.getElementById('dialog-title')).textContent = title;
    this.setSpan(d);
    const fallback = d.side === 'source' ? 'Accuracy/Omission' : 'Accuracy/Mistranslation';
    const values = this.opts.categories.map((c) => c.value);
    this.category.value = d.category && values.includes(d.category) ? d.category : values.includes(fallback) ? fallback : (values[0] ?? '');
    this.setSeverity(d.severity ?? (this.opts.severities.some((s) => s.id === 'minor') ? 'minor' : (this.opts.severities[0]?.id ?? '')));
    this.comment.value = d.comment ?? '';
    this.correction.value = d.correction ?? '';
    this.error.textContent = '';
    this.typed = '';
    this.describe();
    this.dialog.showModal();
    this.place(near);
    this.category.focus();
  }

  /**
   * Beside the text being marked when the screen is wide enough (over the other column, level
   * with the text), centred otherwise.
   * @param {DOMRect} [near]
   */
  place(near) {
    const d = this.dialog;
    d.classList.remove('placed');
    d.style.left = d.style.top = '';
    const w = d.offsetWidth;
    const h = d.offsetHeight;
    if (!near || window.innerWidth < 2 * w + 48) return;
    const left = near.left + near.width / 2 > window.innerWidth / 2 ? Math.max(16, near.left - w - 16) : Math.min(window.innerWidth - w - 16, near.right + 16);
    const top = Math.max(16, Math.min(window.innerHeight - h - 16, near.top));
    d.classList.add('placed');
    d.style.left = `${left}px`;
    d.style.top = `${top}px`;
  }

  /** @param {Draft} d */
  setSpan(d) {
    /** @type {HTMLElement} */ (document.getElementById('form-span')).textContent = d.text;
    /** @type {HTMLElement} */ (document.getElementById('form-side')).textContent = d.side === 'source' ? '(source)' : '(translation)';
  }

  /** @param {string} id */
  setSeverity(id) {
    const input = /** @type {HTMLInputElement | null} */ (this.form.querySelector(`input[name=severity][value="${CSS.escape(id)}"]`));
    if (input) input.checked = true;
  }

  /** @param {boolean} cancelled */
  close(cancelled) {
    const d = this.draft;
    this.draft = null;
    if (this.dialog.open) this.dialog.close();
    if (cancelled && d) this.opts.onCancel(d);
  }

  selectedCategory() {
    return this.opts.categories.find((c) => c.value === this.category.value);
  }

  describe() {
    const c = this.selectedCategory();
    this.help.textContent = c ? `${c.description ?? ''}${c.needsComment ? ' A comment is required.' : ''}` : '';
  }

  categoryChanged() {
    this.describe();
    const c = this.selectedCategory();
    if (c && this.draft) this.opts.onCategory(this.draft, c);
  }

  /** @param {KeyboardEvent} ev */
  onKey(ev) {
    const t = /** @type {HTMLElement} */ (ev.target);
    const typing = t === this.comment || t === this.correction;
    if (ev.key === 'Enter' && !ev.shiftKey && (t === this.comment || !typing) && t.tagName !== 'BUTTON') {
      ev.preventDefault();
      this.form.requestSubmit();
      return;
    }
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const severity = this.opts.severities.find((s) => s.key === ev.key);
    if (severity) {
      ev.preventDefault();
      this.setSeverity(severity.id);
      return;
    }
    if (/^\p{L}$/u.test(ev.key)) {
      ev.preventDefault();
      const now = performance.now();
      this.typed = now - this.typedAt > TYPEAHEAD_MS ? ev.key : this.typed + ev.key;
      this.typedAt = now;
      const c = matchCategory(this.opts.categories, this.typed) ?? matchCategory(this.opts.categories, ev.key);
      if (c) {
        if (!matchCategory(this.opts.categories, this.typed)) this.typed = ev.key;
        this.category.value = c.value;
        this.categoryChanged();
      }
    }
  }

  async submit() {
    if (!this.draft || this.saving) return;
    const c = this.selectedCategory();
    const severity = /** @type {HTMLInputElement | null} */ (this.form.querySelector('input[name=severity]:checked'))?.value ?? '';
    if (c?.needsComment && !this.comment.value.trim()) {
      this.error.textContent = `A comment is required for “${c.label}”.`;
      this.comment.focus();
      return;
    }
    const values = { category: this.category.value, severity, comment: this.comment.value, correction: this.correction.value };
    this.saving = true;
    try {
      const problem = await this.opts.onSave(this.draft, values);
      if (problem) this.error.textContent = problem;
      else this.close(false);
    } finally {
      this.saving = false;
    }
  }
}
