// Accessibility checks run inside the page (injected with page.addScriptTag): controls without
// an accessible name, and text under WCAG AA contrast on the background it is drawn on.
// Plain JavaScript on purpose: code passed from the TypeScript tests through page.evaluate is
// rewritten by the test runner's transpiler in ways the browser cannot run.
window.a11yAudit = (() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };

  function accessibleName(el) {
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    const labels = el.labels ? [...el.labels].map((l) => l.textContent).join(' ') : '';
    return [el.getAttribute('aria-label'), labels, el.getAttribute('title'), el.matches('button, a') ? el.textContent : '']
      .filter(Boolean)
      .join(' ')
      .trim();
  }

  function unnamedControls() {
    return [...document.querySelectorAll('button, select, textarea, input, a[href]')]
      .filter((el) => visible(el) && !accessibleName(el))
      .map((el) => el.outerHTML.slice(0, 120));
  }

  const rgba = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p[3] ?? 1];
  };
  const channel = (v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const over = (top, under) => top.slice(0, 3).map((v, i) => v * top[3] + under[i] * (1 - top[3])).concat(1);
  /** The colour behind an element: its own and its ancestors' backgrounds, composited on white. */
  function background(el) {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] === 1) break;
    }
    return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255, 1]);
  }

  function lowContrast() {
    const out = [];
    const seen = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent.trim()) continue;
      seen.add(el);
      const cs = getComputedStyle(el);
      if (!visible(el) || el.closest('[hidden], dialog:not([open]), option')) continue;
      const bg = background(el);
      const fg = over(rgba(cs.color), bg);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.push(`${ratio.toFixed(2)} ${cs.color} on rgb(${bg.slice(0, 3).map(Math.round).join(',')}): ${el.outerHTML.slice(0, 100)}`);
    }
    return out;
  }

  /** Where focus is, for checking focus order and visibility. */
  function focused() {
    const el = document.activeElement;
    const b = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return { what: el.id || el.className || el.tagName, x: b.left, y: b.top + window.scrollY, outline: `${cs.outlineStyle} ${cs.outlineWidth}` };
  }

  return { unnamedControls, lowContrast, focused };
})();
