// Anthea's formats for a reviewed document: the project TSV (so the document can be annotated
// in Anthea) and the results JSON Anthea saves (so Tadqiq annotations open in Anthea's viewer
// and its Marot conversion). Errors are token-indexed as Anthea counts tokens; the exact
// character span, category, author and correction go in metadata.tadqiq for a lossless return.
import type { DocumentPair, Severity } from '../core/types.js';
import type { Typology } from '../core/typology.js';
import { antheaTokens, charsToTokens } from '../ingest/tokens.js';
import type { DocumentView } from './document-view.js';
import { annotationsBySegment, exportSegments } from './segments.js';
import { sourceDocName } from './marot.js';

const esc = (s: string) => s.replace(/\r?\n|\u2028/g, '\\n').replace(/\t/g, '\\t');

export function antheaProjectTsv(items: Array<{ doc: DocumentPair; view: DocumentView }>): string {
  const first = items[0]!.doc;
  const lines = [JSON.stringify({ source_language: first.sourceLang, target_language: first.targetLang })];
  for (const { doc, view } of items) {
    const name = sourceDocName(doc);
    exportSegments(view.processed).forEach((seg, k) => {
      if (k > 0 && seg.paragraphStart) lines.push('');
      lines.push([esc(seg.source.text), esc(seg.target.text), name, doc.system].join('\t'));
    });
    lines.push('');
  }
  return lines.join('\n');
}

/** The typology as an Anthea template (errors → subtypes, severities). */
export function antheaTemplate(typology: Typology) {
  const errors: Record<string, unknown> = {};
  for (const c of typology.categories) {
    errors[c.id] = {
      display: c.id,
      description: c.description ?? '',
      ...(c.needsComment ? { needs_note: true } : {}),
      ...(c.subtypes?.length
        ? { subtypes: Object.fromEntries(c.subtypes.map((s) => [s.id, { display: s.id, description: s.description ?? '', ...(s.side === 'source' ? { source_side_only: true } : {}) }])) }
        : {}),
    };
  }
  const severities = Object.fromEntries(typology.severities.map((s) => [s.id, { display: s.label, ...(s.key ? { shortcut: s.key } : {}) }]));
  return { severities, errors, MAX_ERRORS: 0, TARGET_SIDE_ONLY: false };
}

export function antheaResults(
  items: Array<{ doc: DocumentPair; view: DocumentView }>,
  typology: Typology,
  opts: { generatedAt: string; raterId?: string; projectName?: string },
) {
  const when = Date.parse(opts.generatedAt);
  const authors = [...new Set(items.flatMap((i) => i.view.annotations.map((a) => a.author)))].sort();
  const raterId = opts.raterId ?? (authors.length === 1 ? authors[0]! : 'tadqiq');
  const parsedDocSys: unknown[] = [];
  const results: unknown[] = [];
  items.forEach(({ doc, view }, di) => {
    const segments = exportSegments(view.processed);
    const placed = annotationsBySegment(view, segments);
    const srcSegments: string[] = [];
    const tgtSegments: string[] = [];
    segments.forEach((seg, k) => {
      if (k > 0 && seg.paragraphStart) {
        srcSegments.push('');
        tgtSegments.push('');
      }
      srcSegments.push(seg.source.text.replace(/\u2028/g, '\n'));
      tgtSegments.push(seg.target.text.replace(/\u2028/g, '\n'));
      const errors = placed
        .filter((p) => p.segment === k)
        .map((p) => {
          const a = p.annotation;
          const text = seg[p.side].text;
          const [first, last] = charsToTokens(antheaTokens(text), p.start, p.end) ?? [0, 0];
          const [type, subtype = ''] = a.category.split('/') as [string, string?];
          const ts = a.createdAt ? Date.parse(a.createdAt) : when;
          return {
            location: p.side === 'source' ? 'source' : 'translation',
            start: first,
            end: last,
            severity: a.severity as Severity,
            type,
            subtype,
            prefix: text.slice(0, p.start),
            selected: text.slice(p.start, p.end),
            metadata: {
              timestamp: ts,
              timing: {},
              ...(a.comment ? { note: a.comment } : {}),
              tadqiq: { start: p.start, end: p.end, category: a.category, author: a.author, ...(a.correction ? { correction: a.correction } : {}) },
            },
          };
        });
      results.push({ errors, doc: di, visited: true, timestamp: when, timing: {}, hotw_list: [] });
    });
    parsedDocSys.push({
      doc: sourceDocName(doc),
      sys: doc.system,
      srcSegments,
      tgtSegments,
      annotations: srcSegments.map(() => ''),
      numNonBlankSegments: segments.length,
    });
  });
  return {
    raterId,
    projectName: opts.projectName ?? `tadqiq-${items[0]?.doc.corpus ?? 'export'}`,
    templateName: 'MQM',
    template: antheaTemplate(typology),
    projectFilePath: '',
    projectFileContents: antheaProjectTsv(items),
    parsedDocSys,
    createdAt: when,
    savedAt: when,
    results,
    hotwPercent: 0,
    parameters: { source_language: items[0]?.doc.sourceLang ?? '', target_language: items[0]?.doc.targetLang ?? '' },
  };
}
