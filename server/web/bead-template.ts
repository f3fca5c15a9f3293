// The bead partial, compiled once and called directly: the document page prints it for every
// bead (thousands on a long document) and the page script fetches it to redraw one bead.
import ejs from 'ejs';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config.js';
import { dirOf } from '../core/lang.js';
import type { DocumentPair } from '../core/types.js';
import type { BeadView } from '../report/document-view.js';
import { BEAD_STATUSES } from '../review/status.js';
import { bidiHtml, piecesHtml } from './fragments.js';

const FILE = path.join(ROOT, 'views/partials/bead.ejs');
let compiled: ejs.TemplateFunction | undefined;

export function renderBead(doc: DocumentPair, b: BeadView): string {
  compiled ??= ejs.compile(fs.readFileSync(FILE, 'utf8'), { filename: FILE });
  return compiled({ doc, b, statuses: BEAD_STATUSES, dirOf, piecesHtml, bidiHtml }) as string;
}
