// Marot's MQM TSV and the WMT MQM releases: one row per error, 10 columns
// system⇥doc⇥docSegId⇥globalSegId⇥rater⇥source⇥target⇥category⇥severity⇥metadata, the span
// marked inline with <v>…</v>; "No-error" rows say a rater saw a segment and found nothing. The
// WMT files have the same columns with a plain comment in place of the metadata JSON.
import { InputError } from '../core/types.js';
import type { Typology } from '../core/typology.js';
import { isNotAnError, mapSeverity, requireCategory } from './categories.js';
import type { ImportAnnotation, ImportResult, ImportedDocument } from './segmented.js';
import { antheaTokens, tokensToChars } from './tokens.js';

interface Marked {
  text: string;
  /** The first <v>…</v> span, in offsets of `text`. */
  span?: { start: number; end: number };
  spans: number;
}

/** Removes <v>…</v> markup, remembering where the first span was. */
export function unmark(s: string): Marked {
  let text = '';
  let span: Marked['span'];
  let open = -1;
  let spans = 0;
  for (const m of s.split(/(<\/?v>)/)) {
    if (m === '<v>') open = text.length;
    else if (m === '</v>') {
      if (open !== -1) {
        spans++;
        if (!span) span = { start: open, end: text.length };
      }
      open = -1;
    } else text += m;
  }
  return { text, ...(span ? { span } : {}), spans };
}

interface SegRow {
  source: string;
  target: string;
  line: number;
  globalId: string;
  paragraphStart?: boolean;
}

export function parseMarot(content: string, file: string, typology: Typology): ImportResult {
  const docs = new Map<string, { d: ImportedDocument; segs: Map<string, SegRow>; pending: Array<ImportAnnotation & { segId: string }>; ratings: Map<string, Set<string>> }>();
  const skipped: Record<string, number> = {};
  const bump = (k: string) => (skipped[k] = (skipped[k] ?? 0) + 1);
  const lines = content.split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const cols = raw.split('\t');
    if (i === 0 && /^system\tdoc\t/i.test(raw)) return;
    if (cols.length < 9) throw new InputError(`expected 10 tab-separated columns (system, doc, docSegId, globalSegId, rater, source, target, category, severity, metadata), found ${cols.length}`, { file, line });
    const [system, doc, docSegId, globalSegId, rater, source, target, category, severity] = cols as [string, string, string, string, string, string, string, string, string];
    const extra = cols.slice(9).join('\t');
    let metadata: Record<string, unknown> = {};
    let note = '';
    if (extra.trim().startsWith('{')) {
      try {
        metadata = JSON.parse(extra) as Record<string, unknown>;
      } catch (e) {
        throw new InputError(`the metadata column is not JSON (${(e as Error).message})`, { file, line, field: 'metadata' });
      }
      if (typeof metadata['note'] === 'string') note = metadata['note'] as string;
    } else note = extra.trim();
    if (!system.trim() || !doc.trim()) throw new InputError('system and doc must not be empty', { file, line, field: system.trim() ? 'doc' : 'system' });
    if (!docSegId.trim()) throw new InputError('docSegId must not be empty', { file, line, field: 'docSegId' });
    const key = `${doc}\u0000${system}`;
    let entry = docs.get(key);
    if (!entry) {
      const evalMeta = (metadata['evaluation'] ?? {}) as Record<string, unknown>;
      entry = {
        d: {
          doc,
          system,
          title: doc,
          sourceLang: typeof evalMeta['source_language'] === 'string' ? (evalMeta['source_language'] as string) : '',
          targetLang: typeof evalMeta['target_language'] === 'string' ? (evalMeta['target_language'] as string) : '',
          segments: [],
          annotations: [],
        },
        segs: new Map(),
        pending: [],
        ratings: new Map(),
      };
      docs.set(key, entry);
    }
    const src = unmark(source);
    const tgt = unmark(target);
    const segMeta = (metadata['segment'] ?? {}) as Record<string, unknown>;
    const known = entry.segs.get(docSegId);
    if (known) {
      for (const [side, t] of [['source', src.text], ['target', tgt.text]] as const) {
        if (known[side] !== t) {
          throw new InputError(
            `segment ${docSegId} of ${doc}/${system} has a different ${side} text than on line ${known.line} (post-edited targets? use the release's .no-postedits file)`,
            { file, line, field: side },
          );
        }
      }
    } else {
      entry.segs.set(docSegId, { source: src.text, target: tgt.text, line, globalId: globalSegId, ...(segMeta['starts_paragraph'] === true ? { paragraphStart: true } : {}) });
    }
    if (!rater.trim()) return void bump('metadata-only rows');
    if (!entry.ratings.has(rater)) entry.ratings.set(rater, new Set());
    entry.ratings.get(rater)!.add(docSegId);
    if (isNotAnError(category, severity)) return void bump(/hotw/i.test(severity) ? 'attention checks' : 'no-error rows');
    const sev = mapSeverity(severity);
    if (!sev) throw new InputError(`unknown severity "${severity}" (expected Neutral, Minor, Major, Critical, No-error)`, { file, line, field: 'severity' });
    const exact = metadata['tadqiq'] as { category?: string; correction?: string; author?: string; start?: number; end?: number; side?: string } | undefined;
    const cat = exact?.category ? requireCategory(exact.category, typology, { file, line, field: 'metadata.tadqiq.category' }) : requireCategory(category, typology, { file, line });
    // The span: <v> markup first (exact characters), else token spans from the metadata, else
    // the whole segment (kept as markup so that an export writes the row back unmarked).
    let side: 'source' | 'target' = tgt.span || !src.span ? 'target' : 'source';
    let span = side === 'target' ? tgt.span : src.span;
    const segText = side === 'target' ? tgt.text : src.text;
    if (!span) {
      for (const [s, key2, tokKey] of [['target', 'target_spans', 'target_tokens'], ['source', 'source_spans', 'source_tokens']] as const) {
        const spans = metadata[key2] as number[][] | undefined;
        if (Array.isArray(spans) && spans.length && Array.isArray(segMeta[tokKey])) {
          const t = tokensToChars(antheaTokens(s === 'target' ? tgt.text : src.text), spans[0]![0]!, spans[0]![1]!);
          if (t) {
            side = s;
            span = t;
            break;
          }
        }
      }
    }
    let markup: string | undefined;
    const finalText = side === 'target' ? tgt.text : src.text;
    if (!span || !/\S/u.test(finalText.slice(span.start, span.end))) {
      const whole = /\S/u.test(tgt.text) ? { side: 'target' as const, t: tgt.text } : { side: 'source' as const, t: src.text };
      side = whole.side;
      markup = side === 'target' ? target : source;
      const lead = whole.t.length - whole.t.trimStart().length;
      span = { start: lead, end: whole.t.trimEnd().length };
      if (span.end <= span.start) return void bump('errors on empty segments');
    }
    void segText;
    let correction = exact?.correction;
    let comment = note;
    const corrected = metadata['corrected_translation'];
    if (!correction && typeof corrected === 'string' && corrected && side === 'target' && !markup) {
      const before = tgt.text.slice(0, span.start);
      const after = tgt.text.slice(span.end);
      if (corrected.startsWith(before) && corrected.endsWith(after) && corrected.length >= before.length + after.length) {
        correction = corrected.slice(before.length, corrected.length - after.length);
      } else comment = [comment, `Corrected translation: ${corrected}`].filter(Boolean).join('\n');
    }
    const ts = metadata['timestamp'];
    entry.pending.push({
      segId: docSegId,
      segment: -1,
      side,
      start: span.start,
      end: span.end,
      category: cat,
      severity: sev,
      ...(comment ? { comment } : {}),
      ...(correction ? { correction } : {}),
      author: exact?.author ?? rater,
      ...(typeof ts === 'number' || (typeof ts === 'string' && ts) ? { createdAt: new Date(typeof ts === 'number' ? ts : Date.parse(ts) || 0).toISOString() } : {}),
      ...(exact
        ? {}
        : { origin: { format: 'marot', category, severity, ...(markup !== undefined ? { markup, start: span.start, end: span.end } : {}) } }),
    });
  });
  if (docs.size === 0) throw new InputError('no rows', { file });
  const documents: ImportedDocument[] = [];
  for (const { d, segs, pending, ratings } of docs.values()) {
    const ids = [...segs.keys()].sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a.localeCompare(b)));
    const index = new Map(ids.map((id, k) => [id, k]));
    d.segments = ids.map((id, k) => {
      const s = segs.get(id)!;
      return { source: s.source, target: s.target, paragraphStart: k === 0 || s.paragraphStart === true, meta: { id, ...(s.globalId ? { globalId: s.globalId } : {}) } };
    });
    d.annotations = pending.map(({ segId, ...a }) => ({ ...a, segment: index.get(segId)! }));
    d.ratings = Object.fromEntries([...ratings].map(([r, set]) => [r, [...set].map((id) => index.get(id)!)]));
    documents.push(d);
  }
  return { format: 'marot', file, documents, ...(Object.keys(skipped).length ? { skipped } : {}) };
}
