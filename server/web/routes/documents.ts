// HTML pages: the documents list and the review page of one document (and one bead of it, which
// the page fetches to redraw a bead after a change, so highlights come from the same code).
import { Router } from 'express';
import { categoryChoices } from '../../core/typology.js';
import { BEAD_STATUSES } from '../../review/status.js';
import { scoreAnnotations } from '../../score/document.js';
import type { StoredDocument } from '../../store/types.js';
import type { AppContext } from '../context.js';
import { notFound } from '../middleware/errors.js';
import { IDEMPOTENCY_HEADER } from '../middleware/idempotency.js';
import { DEFAULT_REVIEWER, REVIEWER_HEADER } from '../middleware/reviewer.js';
import { renderBead } from '../bead-template.js';
import { KEYMAP, keyLabel } from '../page-data.js';
import { summaryOf } from './api.js';

/** Where the beads go in the rendered page; they are streamed in after the part above it. */
const BEADS = '<!--tadqiq:beads-->';
const CHUNK = 100;

export function documentRoutes(ctx: AppContext): Router {
  const r = Router();

  const load = async (id: string): Promise<StoredDocument> => {
    const doc = await ctx.store.documents.get(id);
    if (!doc) throw notFound(`document "${id}"`);
    return doc;
  };

  r.get('/', async (_req, res) => {
    const summaries = await ctx.store.documents.list();
    const rows = [];
    for (const s of summaries) {
      const view = await ctx.view((await ctx.store.documents.get(s.id))!, { pieces: false });
      rows.push({ ...s, beads: view.progress.total, findings: view.findingCounts.open, mqm: scoreAnnotations(view.processed, view.annotations), verdict: view.review.verdict });
    }
    res.render('documents', { rows });
  });

  // The page is sent in pieces: the header first, then the beads a hundred at a time, so a long
  // document starts painting before the last bead is rendered, and other requests are served
  // between the pieces.
  r.get('/documents/:id', async (req, res) => {
    const doc = await load(req.params.id);
    const view = await ctx.view(doc);
    const typology = ctx.typologyFor(doc);
    const categories = categoryChoices(typology);
    const locals = {
      doc,
      view,
      summary: summaryOf(view),
      typology,
      categories,
      severities: typology.severities,
      statuses: BEAD_STATUSES,
      keymap: KEYMAP,
      keyLabel,
      pageData: {
        docId: doc.id,
        sourceLang: doc.sourceLang,
        targetLang: doc.targetLang,
        categories,
        severities: typology.severities,
        keymap: KEYMAP,
        headers: { reviewer: REVIEWER_HEADER, idempotency: IDEMPOTENCY_HEADER },
        defaultReviewer: DEFAULT_REVIEWER,
      },
      beadsHtml: BEADS,
    };
    const page = await new Promise<string>((resolve, reject) => res.render('document', locals, (err, html) => (err ? reject(err) : resolve(html))));
    const [top, bottom] = page.split(BEADS) as [string, string];
    res.type('html');
    res.write(top);
    try {
      for (let i = 0; i < view.beads.length; i += CHUNK) {
        if (res.destroyed) return;
        let chunk = '';
        for (const b of view.beads.slice(i, i + CHUNK)) chunk += renderBead(doc, b);
        res.write(chunk);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (e) {
      // The status line has gone out: the only honest answer left is a broken connection.
      console.error(e);
      res.destroy(e as Error);
      return;
    }
    res.end(bottom);
  });

  r.get('/documents/:id/beads/:index', async (req, res) => {
    const doc = await load(req.params.id);
    const view = await ctx.view(doc);
    const bead = /^\d+$/.test(req.params.index) ? view.beads[Number(req.params.index)] : undefined;
    if (!bead) throw notFound(`bead ${req.params.index}`);
    res.type('html').send(renderBead(doc, bead));
  });

  return r;
}
