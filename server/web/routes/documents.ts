// HTML pages: the documents list and the review page of one document.
import { Router } from 'express';
import { categoryChoices } from '../../core/typology.js';
import { scoreAnnotations } from '../../score/document.js';
import type { AppContext } from '../context.js';
import { notFound } from '../middleware/errors.js';

export function documentRoutes(ctx: AppContext): Router {
  const r = Router();

  r.get('/', async (_req, res) => {
    const summaries = await ctx.store.documents.list();
    const rows = [];
    for (const s of summaries) {
      const doc = (await ctx.store.documents.get(s.id))!;
      const view = await ctx.view(doc);
      rows.push({ ...s, beads: view.progress.total, findings: view.findings.length, mqm: scoreAnnotations(view.processed, view.annotations) });
    }
    res.render('documents', { rows });
  });

  r.get('/documents/:id', async (req, res) => {
    const doc = await ctx.store.documents.get(req.params.id);
    if (!doc) throw notFound(`document "${req.params.id}"`);
    const view = await ctx.view(doc);
    res.render('document', {
      doc,
      view,
      mqm: scoreAnnotations(view.processed, view.annotations),
      categories: categoryChoices(ctx.typology),
      severities: ctx.typology.severities,
    });
  });

  r.get('/documents/:id/beads/:index', async (req, res) => {
    const doc = await ctx.store.documents.get(req.params.id);
    if (!doc) throw notFound(`document "${req.params.id}"`);
    const view = await ctx.view(doc);
    const bead = view.beads[Number(req.params.index)];
    if (!bead || !/^\d+$/.test(req.params.index)) throw notFound(`bead ${req.params.index}`);
    res.render('partials/bead', { doc, b: bead });
  });

  return r;
}
