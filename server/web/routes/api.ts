// JSON API for reviewers' changes. Every change is validated against the document text and the
// typology before it is stored; answers carry the stored state.
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Severity, Side } from '../../core/types.js';
import { spanText, validateAnnotation, type AnnotationFields } from '../../review/validate.js';
import { scoreAnnotations } from '../../score/document.js';
import { documentJson } from '../../report/json.js';
import type { StoredDocument } from '../../store/types.js';
import type { AppContext } from '../context.js';
import { HttpError, notFound } from '../middleware/errors.js';

const Author = z.string().trim().min(1).max(80);

const CreateBody = z
  .object({
    side: z.unknown(),
    start: z.unknown(),
    end: z.unknown(),
    category: z.unknown(),
    severity: z.unknown(),
    comment: z.unknown().optional(),
    correction: z.unknown().optional(),
    author: z.unknown().optional(),
    fromCheck: z.string().max(64).optional(),
  })
  .strict();

const PatchBody = CreateBody.partial().omit({ fromCheck: true }).strict();

function author(body: { author?: unknown }): string {
  const a = Author.safeParse(body.author ?? 'reviewer');
  if (!a.success) throw new HttpError(400, 'Invalid annotation.', [{ field: 'author', message: 'must be 1–80 characters' }]);
  return a.data;
}

function parseBody<T>(schema: z.ZodType<T>, req: Request): T {
  if (!req.is('application/json')) throw new HttpError(415, 'Send JSON (Content-Type: application/json).');
  const r = schema.safeParse(req.body ?? {});
  if (!r.success) {
    const fields = r.error.issues.map((i) => ({ field: i.path.join('.') || (i as { keys?: string[] }).keys?.join(',') || 'body', message: i.message }));
    throw new HttpError(400, 'Invalid annotation.', fields);
  }
  return r.data;
}

export function apiRoutes(ctx: AppContext): Router {
  const r = Router();

  const loadDoc = async (id: string): Promise<StoredDocument> => {
    const doc = await ctx.store.documents.get(id);
    if (!doc) throw notFound(`document "${id}"`);
    return doc;
  };
  const annotationId = (raw: string): number => {
    if (!/^\d{1,15}$/.test(raw)) throw notFound(`annotation "${raw}"`);
    return Number(raw);
  };
  const summary = async (doc: StoredDocument) => {
    const view = await ctx.view(doc);
    return { mqm: scoreAnnotations(view.processed, view.annotations), progress: view.progress };
  };

  r.get('/documents/:id', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    res.json(documentJson(doc, await ctx.view(doc)));
  });

  r.get('/documents/:id/summary', async (req, res) => {
    res.json(await summary(await loadDoc(req.params.id)));
  });

  r.post('/documents/:id/annotations', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    const body = parseBody(CreateBody, req);
    const fields = body as AnnotationFields;
    const errors = validateAnnotation(fields, doc, ctx.typology);
    if (errors.length) throw new HttpError(400, 'Invalid annotation.', errors);
    const side = body.side as Side;
    const start = body.start as number;
    const end = body.end as number;
    const created = await ctx.store.annotations.create(doc.id, {
      side,
      start,
      end,
      text: spanText(doc, side, start, end),
      category: body.category as string,
      severity: body.severity as Severity,
      comment: (body.comment as string | undefined) ?? '',
      correction: (body.correction as string | undefined) ?? '',
      author: author(body),
      ...(body.fromCheck ? { fromCheck: body.fromCheck } : {}),
    });
    res.status(201).json({ annotation: created, ...(await summary(doc)) });
  });

  r.patch('/documents/:id/annotations/:aid', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    const id = annotationId(req.params.aid);
    const current = await ctx.store.annotations.get(doc.id, id);
    if (!current) throw notFound(`annotation ${id}`);
    const patch = parseBody(PatchBody, req);
    const merged = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    const errors = validateAnnotation(merged as AnnotationFields, doc, ctx.typology);
    if (errors.length) throw new HttpError(400, 'Invalid annotation.', errors);
    const m = merged as typeof current;
    const updated = await ctx.store.annotations.update(doc.id, id, {
      side: m.side,
      start: m.start,
      end: m.end,
      text: spanText(doc, m.side, m.start, m.end),
      category: m.category,
      severity: m.severity,
      comment: m.comment ?? '',
      correction: m.correction ?? '',
    });
    if (!updated) throw notFound(`annotation ${id}`);
    res.json({ annotation: updated, ...(await summary(doc)) });
  });

  r.delete('/documents/:id/annotations/:aid', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    const id = annotationId(req.params.aid);
    if (!(await ctx.store.annotations.remove(doc.id, id))) throw notFound(`annotation ${id}`);
    res.status(204).end();
  });

  const Status = z.object({ status: z.enum(['not-started', 'reviewed', 'second-opinion']), author: z.unknown().optional() }).strict();
  r.put('/documents/:id/beads/:key/status', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    const view = await ctx.view(doc);
    if (!view.beads.some((b) => b.key === req.params.key)) throw notFound(`bead "${req.params.key}"`);
    const body = parseBody(Status, req);
    await ctx.store.beadStatus.set(doc.id, req.params.key, body.status, author(body));
    res.json({ key: req.params.key, status: body.status, ...(await summary(doc)) });
  });

  return r;
}
