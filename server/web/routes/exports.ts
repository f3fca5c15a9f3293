// Downloads: the HTML report, the annotations CSV and the score JSON of one document.
import { Router } from 'express';
import { annotationsCsv } from '../../report/csv.js';
import { renderDocumentReport } from '../../report/html.js';
import { documentJson, scoreJson } from '../../report/json.js';
import { scoreDocument } from '../../score/document.js';
import type { AppContext } from '../context.js';
import { notFound } from '../middleware/errors.js';

/** A file name safe for Content-Disposition. */
const fileName = (id: string, ext: string) => `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.${ext}`;

export function exportRoutes(ctx: AppContext): Router {
  const r = Router();
  const load = async (id: string) => {
    const doc = await ctx.store.documents.get(id);
    if (!doc) throw notFound(`document "${id}"`);
    return { doc, view: await ctx.view(doc) };
  };

  r.get('/documents/:id/report.html', async (req, res) => {
    const { doc, view } = await load(req.params.id);
    res.type('html').attachment(fileName(doc.id, 'report.html'));
    res.send(renderDocumentReport(doc, view, scoreDocument(doc, view)));
  });

  r.get('/documents/:id/annotations.csv', async (req, res) => {
    const { doc, view } = await load(req.params.id);
    res.type('text/csv; charset=utf-8').attachment(fileName(doc.id, 'annotations.csv'));
    res.send(annotationsCsv([{ doc, view }]));
  });

  r.get('/documents/:id/score.json', async (req, res) => {
    const { doc, view } = await load(req.params.id);
    res.attachment(fileName(doc.id, 'score.json'));
    res.json(scoreJson([documentJson(doc, view, scoreDocument(doc, view))]));
  });

  return r;
}
