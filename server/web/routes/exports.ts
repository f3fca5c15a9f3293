// Downloads: reports (HTML, PDF), scorecards (CSV, XLSX), annotations (CSV, Marot TSV, Anthea
// JSON), segments with their errors (XLIFF 2.1 + ITS, TMX, Anthea project) and the score JSON,
// for one document, for one source across systems, and for a whole corpus. `?at=ISO` fixes the
// timestamp written into a file, so the same data downloads as the same bytes.
import { Router, type Request, type Response } from 'express';
import { antheaProjectTsv, antheaResults } from '../../report/anthea.js';
import { annotationsCsv } from '../../report/csv.js';
import { comparisonReport, corpusReport, documentReport, type ReportItem } from '../../report/html.js';
import { documentJson, scoreJson } from '../../report/json.js';
import { marotTsv, sourceDocName } from '../../report/marot.js';
import { segmentsTsv } from '../../report/pairs.js';
import { htmlToPdf } from '../../report/pdf.js';
import { scorecardCsv, scorecardXlsx } from '../../report/scorecard.js';
import { documentTmx } from '../../report/tmx.js';
import { documentXliff } from '../../report/xliff-its.js';
import { compareDocuments } from '../../score/compare.js';
import { parseSet } from '../../review/sets.js';
import { documentSets, scoreSet } from '../sets.js';
import { MQM_CORE } from '../../score/mqm.js';
import type { AppContext } from '../context.js';
import { HttpError, notFound } from '../middleware/errors.js';
import { standaloneReportPolicy } from '../middleware/security.js';

/** A file name safe for Content-Disposition. */
const fileName = (id: string, ext: string) => `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.${ext}`;

export const DOCUMENT_EXPORTS = [
  { path: 'report.html', label: 'HTML report', kind: 'report' },
  { path: 'report.pdf', label: 'PDF report', kind: 'report' },
  { path: 'scorecard.xlsx', label: 'Scorecard (Excel)', kind: 'scorecard' },
  { path: 'scorecard.csv', label: 'Scorecard (CSV)', kind: 'scorecard' },
  { path: 'annotations.csv', label: 'Errors (CSV)', kind: 'annotations' },
  { path: 'marot.tsv', label: 'Marot / WMT MQM TSV', kind: 'annotations' },
  { path: 'anthea.json', label: 'Anthea results JSON', kind: 'annotations' },
  { path: 'xliff.xlf', label: 'XLIFF 2.1 with ITS quality issues', kind: 'segments' },
  { path: 'tmx.tmx', label: 'TMX 1.4b', kind: 'segments' },
  { path: 'anthea-project.tsv', label: 'Anthea project TSV', kind: 'segments' },
  { path: 'segments.tsv', label: 'Segment pairs (TSV)', kind: 'segments' },
  { path: 'score.json', label: 'Score JSON (tadqiq.score/1)', kind: 'scores' },
] as const;

function stamp(req: Request): string {
  const at = typeof req.query['at'] === 'string' ? req.query['at'] : undefined;
  if (at === undefined) return new Date().toISOString();
  if (Number.isNaN(Date.parse(at))) throw new HttpError(400, 'at must be an ISO 8601 date-time', [{ field: 'at', message: 'not a date-time' }]);
  return new Date(at).toISOString();
}

export function exportRoutes(ctx: AppContext): Router {
  const r = Router();
  /** `?set=final|all|reviewer:NAME` picks the annotation set scored (default: see review/sets.ts). */
  const item = async (id: string, req?: Request): Promise<ReportItem & { setLabel: string }> => {
    const doc = await ctx.document(id);
    const raw = req?.query['set'];
    const choice = typeof raw === 'string' ? parseSet(raw, 'set') : undefined;
    const [view, sets] = await Promise.all([ctx.view(doc), documentSets(ctx, doc)]);
    const { set, scores } = scoreSet(doc, view, sets, choice);
    return { doc, view, scores, setLabel: set.label };
  };
  const corpusItems = async (corpus: string): Promise<ReportItem[]> => {
    const ids = (await ctx.store.documents.list()).filter((d) => d.corpus === corpus).map((d) => d.id).sort();
    if (ids.length === 0) throw notFound(`corpus "${corpus}"`);
    return Promise.all(ids.map((id) => item(id)));
  };
  const send = (res: Response, type: string, name: string, body: string | Buffer) => {
    res.type(type).attachment(name);
    if (type === 'html') standaloneReportPolicy(res);
    res.send(body);
  };

  r.get('/documents/:id/exports', async (req, res) => {
    const it = await item(req.params.id);
    const siblings = (await ctx.store.documents.list()).filter((d) => d.corpus === it.doc.corpus);
    res.render('exports', { doc: it.doc, exports: DOCUMENT_EXPORTS, compare: sourceDocName(it.doc), systems: siblings.length });
  });

  r.get('/documents/:id/report.html', async (req, res) => {
    const it = await item(req.params.id, req);
    send(res, 'html', fileName(it.doc.id, 'report.html'), await documentReport(it.doc, it.view, it.scores, { generatedAt: stamp(req), scoredSet: it.setLabel }));
  });
  r.get('/documents/:id/report.pdf', async (req, res) => {
    const it = await item(req.params.id, req);
    const at = stamp(req);
    send(res, 'application/pdf', fileName(it.doc.id, 'report.pdf'), await htmlToPdf(await documentReport(it.doc, it.view, it.scores, { generatedAt: at, scoredSet: it.setLabel }), { generatedAt: at }));
  });
  r.get('/documents/:id/scorecard.xlsx', async (req, res) => {
    const it = await item(req.params.id);
    send(res, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName(it.doc.id, 'scorecard.xlsx'), await scorecardXlsx([it], { generatedAt: stamp(req) }));
  });
  r.get('/documents/:id/scorecard.csv', async (req, res) => {
    const it = await item(req.params.id);
    send(res, 'text/csv; charset=utf-8', fileName(it.doc.id, 'scorecard.csv'), scorecardCsv([it]));
  });
  r.get('/documents/:id/annotations.csv', async (req, res) => {
    const it = await item(req.params.id);
    send(res, 'text/csv; charset=utf-8', fileName(it.doc.id, 'annotations.csv'), annotationsCsv([it]));
  });
  r.get('/documents/:id/marot.tsv', async (req, res) => {
    const it = await item(req.params.id);
    send(res, 'text/tab-separated-values; charset=utf-8', fileName(it.doc.id, 'marot.tsv'), marotTsv([it], ctx.typology));
  });
  r.get('/documents/:id/anthea.json', async (req, res) => {
    const it = await item(req.params.id);
    send(res, 'application/json', fileName(it.doc.id, 'anthea.json'), JSON.stringify(antheaResults([it], ctx.typology, { generatedAt: stamp(req) }), null, 1) + '\n');
  });
  r.get('/documents/:id/anthea-project.tsv', async (req, res) => {
    const it = await item(req.params.id);
    send(res, 'text/tab-separated-values; charset=utf-8', fileName(it.doc.id, 'anthea-project.tsv'), antheaProjectTsv([it]));
  });
  r.get('/documents/:id/segments.tsv', async (req, res) => {
    const it = await item(req.params.id);
    send(res, 'text/tab-separated-values; charset=utf-8', fileName(it.doc.id, 'segments.tsv'), segmentsTsv(it.doc, it.view));
  });
  r.get('/documents/:id/xliff.xlf', async (req, res) => {
    const it = await item(req.params.id);
    send(res, 'application/xliff+xml', fileName(it.doc.id, 'xlf'), documentXliff(it.doc, it.view, { mqm: it.scores.mqm, passThreshold: MQM_CORE.passThreshold! }));
  });
  r.get('/documents/:id/tmx.tmx', async (req, res) => {
    const it = await item(req.params.id);
    send(res, 'application/x-tmx+xml', fileName(it.doc.id, 'tmx'), documentTmx(it.doc, it.view, { generatedAt: stamp(req) }));
  });
  r.get('/documents/:id/score.json', async (req, res) => {
    const it = await item(req.params.id, req);
    res.attachment(fileName(it.doc.id, 'score.json'));
    res.json(scoreJson([documentJson(it.doc, it.view, it.scores)]));
  });

  // One source document translated by several systems of the same corpus.
  r.get('/corpora/:corpus/compare/:doc.html', async (req, res) => {
    const items = (await corpusItems(req.params.corpus)).filter((i) => sourceDocName(i.doc) === req.params.doc);
    if (items.length === 0) throw notFound(`document "${req.params.doc}" in corpus "${req.params.corpus}"`);
    const stats = compareDocuments(items);
    send(res, 'html', fileName(`${req.params.corpus}.${req.params.doc}`, 'compare.html'), await comparisonReport(items, { generatedAt: stamp(req), ...(stats ? { stats } : {}) }));
  });
  r.get('/corpora/:corpus/report.html', async (req, res) => {
    send(res, 'html', fileName(req.params.corpus, 'report.html'), await corpusReport(req.params.corpus, await corpusItems(req.params.corpus), { generatedAt: stamp(req) }));
  });
  r.get('/corpora/:corpus/report.pdf', async (req, res) => {
    const at = stamp(req);
    const html = await corpusReport(req.params.corpus, await corpusItems(req.params.corpus), { generatedAt: at });
    send(res, 'application/pdf', fileName(req.params.corpus, 'report.pdf'), await htmlToPdf(html, { generatedAt: at }));
  });
  r.get('/corpora/:corpus/scorecard.xlsx', async (req, res) => {
    send(res, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName(req.params.corpus, 'scorecard.xlsx'), await scorecardXlsx(await corpusItems(req.params.corpus), { generatedAt: stamp(req) }));
  });
  r.get('/corpora/:corpus/scorecard.csv', async (req, res) => {
    send(res, 'text/csv; charset=utf-8', fileName(req.params.corpus, 'scorecard.csv'), scorecardCsv(await corpusItems(req.params.corpus)));
  });
  r.get('/corpora/:corpus/marot.tsv', async (req, res) => {
    send(res, 'text/tab-separated-values; charset=utf-8', fileName(req.params.corpus, 'marot.tsv'), marotTsv(await corpusItems(req.params.corpus), ctx.typology));
  });

  return r;
}
