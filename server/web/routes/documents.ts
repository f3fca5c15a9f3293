// HTML pages: the documents list and the review page of one document (and one bead of it, which
// the page fetches to redraw a bead after a change, so highlights come from the same code).
import { Router } from 'express';
import { categoryChoices } from '../../core/typology.js';
import type { AppContext } from '../context.js';
import { notFound } from '../middleware/errors.js';
import { IDEMPOTENCY_HEADER } from '../middleware/idempotency.js';
import { can } from '../../auth/permissions.js';
import { authOf, CSRF_HEADER, DEFAULT_REVIEWER, REVIEWER_HEADER } from '../middleware/auth.js';
import { renderBead } from '../bead-template.js';
import { KEYMAP, keyLabel } from '../page-data.js';
import { summaryOf } from './api.js';
import { allReviewersLabel } from '../../review/sets.js';
import { documentSets, mqmOfSet } from '../sets.js';

/**
 * Sentence pairs in the page as first sent; the page script fetches the rest in batches. A long
 * document then paints and takes keys at once instead of after the whole page has been parsed.
 * `?first=N` changes it (tests, slow links).
 */
const FIRST = 100;
const MAX_RANGE = 1000;

/** A whole number from the query string, within [min, max]; the fallback when absent or bad. */
const intParam = (raw: unknown, fallback: number, min: number, max: number): number => {
  const n = typeof raw === 'string' && /^\d{1,7}$/.test(raw) ? Number(raw) : fallback;
  return Math.max(min, Math.min(max, n));
};

export function documentRoutes(ctx: AppContext): Router {
  const r = Router();

  const load = (id: string) => ctx.document(id);

  r.get('/', async (_req, res) => {
    const summaries = await ctx.store.documents.list();
    const rows = [];
    for (const s of summaries) {
      const view = await ctx.view((await ctx.store.documents.get(s.id))!);
      rows.push({ ...s, beads: view.progress.total, findings: view.findingCounts.open, mqm: summaryOf(view).mqm, verdict: view.review.verdict });
    }
    res.render('documents', { rows });
  });

  r.get('/documents/:id', async (req, res) => {
    const doc = await load(req.params.id);
    const [view, alignment, sets] = await Promise.all([ctx.view(doc), ctx.alignmentFor(doc), documentSets(ctx, doc)]);
    // The final set's score next to every reviewer's once an admin has decided anything.
    const finalSet = sets.progress.decided + sets.progress.stale > 0 || sets.final.length > 0 ? mqmOfSet(view, sets, { kind: 'final' }) : undefined;
    const typology = ctx.typologyFor(doc);
    const categories = categoryChoices(typology);
    const first = intParam(req.query['first'], FIRST, 1, Number.MAX_SAFE_INTEGER);
    const me = authOf(res);
    const assigned = me.user?.role === 'reviewer' && (await ctx.store.assignments.isAssigned(doc.id, me.user.id));
    let beadsHtml = '';
    for (const b of view.beads.slice(0, first)) beadsHtml += renderBead(doc, b);
    res.render('document', {
      doc,
      view,
      summary: summaryOf(view),
      allLabel: allReviewersLabel(sets.marks),
      // Agreement and adjudication are offered once a second reviewer has marked something (the
      // history page links to agreement always); a one-reviewer page keeps its header short.
      raterCount: new Set(sets.marks.map((m) => m.author)).size,
      finalSet,
      canAdjudicate: can(me.user, 'adjudicate'),
      typology,
      categories,
      severities: typology.severities,
      keymap: KEYMAP,
      keyLabel,
      beadsHtml,
      firstBeads: Math.min(first, view.beads.length),
      pageData: {
        docId: doc.id,
        sourceLang: doc.sourceLang,
        targetLang: doc.targetLang,
        categories,
        severities: typology.severities,
        keymap: KEYMAP,
        headers: { reviewer: REVIEWER_HEADER, idempotency: IDEMPOTENCY_HEADER, csrf: CSRF_HEADER },
        defaultReviewer: DEFAULT_REVIEWER,
        // The alignment revision the page shows; alignment changes are built on it (alignment.js).
        alignment: { revision: alignment?.id ?? 0 },
        csrfToken: me.csrfToken,
        // Who the page acts as: changes queued under another account are held, not sent as this one.
        user: me.user ? { id: me.user.id, username: me.user.username, role: me.user.role } : null,
        demo: me.demo,
        canReview: can(me.user, 'review', { assigned }),
      },
    });
  });

  // The rest of a long page, a batch of beads at a time.
  r.get('/documents/:id/beads', async (req, res) => {
    const doc = await load(req.params.id);
    const view = await ctx.view(doc);
    const from = intParam(req.query['from'], 0, 0, view.beads.length);
    const to = Math.min(view.beads.length, from + intParam(req.query['count'], MAX_RANGE, 1, MAX_RANGE));
    let html = '';
    for (const b of view.beads.slice(from, to)) html += renderBead(doc, b);
    res.type('html').send(html);
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
