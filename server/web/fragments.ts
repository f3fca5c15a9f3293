// HTML fragments the bead template prints for every sentence and note. Written as functions, not
// EJS includes: a 2,000-bead page calls them tens of thousands of times, and an EJS include
// costs a file lookup each time. Everything untrusted is escaped here.
import { bidiRuns, dominantDir } from '../report/bidi.js';
import type { Piece } from '../report/highlight.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

const SEVERITY_ORDER = ['critical', 'major', 'minor', 'neutral'] as const;

/**
 * A sentence as highlight pieces: each piece carries its offset in the original text (data-o),
 * the marks over it (data-marks, "kind:id" tokens) and a class per mark kind and the worst severity.
 */
export function piecesHtml(pieces: Piece[]): string {
  let out = '';
  for (const p of pieces) {
    if (p.marks.length === 0) {
      out += `<span class="pc" data-o="${p.start}">${escapeHtml(p.text)}</span>`;
      continue;
    }
    const kinds = [...new Set(p.marks.map((m) => m.kind))];
    const sev = SEVERITY_ORDER.find((v) => p.marks.some((m) => m.severity === v));
    const cls = ['pc', ...kinds.map((k) => `has-${k}`), ...(sev ? [`sev-${sev}`] : [])].join(' ');
    const title = [...new Set(p.marks.map((m) => `${m.category} · ${m.severity}`))].join('\n');
    const marks = p.marks.map((m) => `${m.kind}:${m.id}`).join(' ');
    out += `<span class="${cls}" data-o="${p.start}" data-marks="${escapeHtml(marks)}" title="${escapeHtml(title)}">${escapeHtml(p.text)}</span>`;
  }
  return out;
}

/**
 * Mixed-direction free text (a comment quoting Arabic): the element takes the direction of most
 * of its letters, and every run of the other direction is isolated in a <bdi>.
 */
export function bidiHtml(text: string, tag: string, cls: string): string {
  const dir = dominantDir(text);
  let inner = '';
  for (const r of bidiRuns(text)) {
    if (r.rtl === (dir === 'rtl')) inner += escapeHtml(r.text);
    else inner += `<bdi dir="${r.rtl ? 'rtl' : 'ltr'}"${r.rtl ? ' lang="ar"' : ''}>${escapeHtml(r.text)}</bdi>`;
  }
  return `<${tag} class="${cls}" dir="${dir}">${inner}</${tag}>`;
}
