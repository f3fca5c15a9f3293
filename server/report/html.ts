// A self-contained HTML report of one reviewed document: scorecard, errors by category and
// severity, and every error in its sentence pair. Fonts and styles are embedded, so the file
// can be mailed on and opened anywhere.
import ejs from 'ejs';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config.js';
import { dirOf } from '../core/lang.js';
import type { DocumentPair } from '../core/types.js';
import type { DocumentScores } from '../score/document.js';
import type { DocumentView } from './document-view.js';
import { bidiRuns, dominantDir } from './bidi.js';
import { cutPieces } from './highlight.js';

let fontDataUrl: string | undefined;
function arabicFont(): string {
  const file = path.join(ROOT, 'node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2');
  return (fontDataUrl ??= `data:font/woff2;base64,${fs.readFileSync(file).toString('base64')}`);
}

export interface HtmlReportOptions {
  /** Fixed "generated at" time, so the same data gives the same bytes. */
  generatedAt?: string;
}

export function renderDocumentReport(doc: DocumentPair, view: DocumentView, scores: DocumentScores, options: HtmlReportOptions = {}): string {
  const template = path.join(ROOT, 'views/report/document.ejs');
  return ejs.render(
    fs.readFileSync(template, 'utf8'),
    {
      doc,
      view,
      scores,
      dirOf,
      dominantDir,
      bidiRuns,
      cutPieces,
      font: arabicFont(),
      generatedAt: options.generatedAt ?? new Date().toISOString(),
    },
    { filename: template },
  );
}
