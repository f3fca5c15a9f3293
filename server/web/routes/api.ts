// JSON API for reviewers' changes. Every change is validated against the document text and the
// document's typology before it is stored; answers carry the stored state and the new summary
// (MQM, progress, HTER), so the page can update its header without another request.
//
// Changes may carry an Idempotency-Key (see middleware/idempotency.ts) and annotations a
// client-generated id, so the browser's offline queue can retry anything safely.
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Severity, Side } from '../../core/types.js';
import { documentJson } from '../../report/json.js';
import { beadTargetText, MAX_POST_EDIT, normalisePostEdit } from '../../review/post-edit.js';
import { summariseTiming, TimingBatchSchema } from '../../review/timing.js';
import { spanText, validateAnnotation, type AnnotationFields } from '../../review/validate.js';
import { mqmErrors, mqmUnits } from '../../score/document.js';
import { scoreMqmUnits, type MqmUnits } from '../../score/mqm.js';
import { VERDICTS, type AnnotationRef, type StoredDocument } from '../../store/types.js';
import { beadKey, documentCounts, type DocumentView } from '../../report/document-view.js';
import type { AppContext } from '../context.js';
import { HttpError, notFound } from '../middleware/errors.js';
import { idempotency } from '../middleware/idempotency.js';
import { alignmentRoutes } from './alignment.js';
import { can, denial } from '../../auth/permissions.js';
import type { Actor, StoredAnnotation } from '../../store/types.js';
import { authOf, userOf } from '../middleware/auth.js';
import type { Response } from 'express';

/** The author name written on changes: the account's name (in the demo, the typed name). */
const reviewerOf = (res: Response): string => authOf(res).name;
const actorOf = (res: Response): Actor => ({ userId: userOf(res).id, name: authOf(res).name });
const Version = z.number().int().min(1).max(2 ** 31);

/** 403 unless the user may edit, delete or restore this mark (their own, or any for an admin). */
function mayEditMark(res: Response, mark: StoredAnnotation): void {
  const user = userOf(res);
  const facts = { assigned: res.locals['assigned'] === true, mark };
  if (!can(user, 'edit-mark', facts)) throw new HttpError(403, denial(user, 'edit-mark', facts), [], 'forbidden');
}

/** The version a delete was made against: `If-Match: "3"` or `?version=3`. */
function versionOf(req: Request): number | undefined {
  const raw = req.get('If-Match')?.replace(/^W\//, '').replace(/"/g, '') ?? (typeof req.query['version'] === 'string' ? req.query['version'] : undefined);
  if (raw === undefined || raw === '*') return undefined;
  const v = Version.safeParse(Number(raw));
  if (!v.success) throw new HttpError(400, 'Invalid version.', [{ field: 'version', message: 'must be a whole number ≥ 1' }]);
  return v.data;
}

const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "-" or "_"');

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
    findingId: z.string().max(200).optional(),
    clientId: ClientId.optional(),
  })
  .strict();

const PatchBody = CreateBody.partial().omit({ fromCheck: true, findingId: true, clientId: true }).extend({ version: Version.optional() }).strict();

export function parseBody<T>(schema: z.ZodType<T>, req: Request, what = 'annotation'): T {
  if (!req.is('application/json')) throw new HttpError(415, 'Send JSON (Content-Type: application/json).');
  const r = schema.safeParse(req.body ?? {});
  if (!r.success) {
    const fields = r.error.issues.map((i) => ({ field: i.path.join('.') || (i as { keys?: string[] }).keys?.join(',') || 'body', message: i.message }));
    throw new HttpError(400, `Invalid ${what}.`, fields);
  }
  return r.data;
}

/** Annotations are addressed by number, or by the client id they were created with. */
function annotationRef(raw: string): AnnotationRef {
  if (/^\d{1,15}$/.test(raw)) return Number(raw);
  if (ClientId.safeParse(raw).success) return raw;
  throw notFound(`annotation "${raw}"`);
}

const unitCache = new WeakMap<DocumentView['processed'], MqmUnits>();

type Scorable = Parameters<typeof mqmErrors>[1];

function summaryParts(processed: DocumentView['processed'], annotations: Scorable, counts: Pick<DocumentView, 'progress' | 'findingCounts' | 'hter'>) {
  // The words of each bead are the same for every answer on one processed document.
  let units = unitCache.get(processed);
  if (units === undefined) unitCache.set(processed, (units = mqmUnits(processed)));
  return {
    // Per bead and averaged over reviewers, as the report and the batch scorer count, so that
    // two reviewers marking the same error do not double the page's penalty.
    mqm: scoreMqmUnits(mqmErrors(processed, annotations), units),
    progress: counts.progress,
    findingCounts: counts.findingCounts,
    hter: counts.hter ?? null,
  };
}

export function summaryOf(view: DocumentView) {
  return summaryParts(view.processed, view.annotations, view);
}

/** The same summary as summaryOf(ctx.view(doc)), read from the store without building the view. */
export async function freshSummary(ctx: AppContext, doc: StoredDocument) {
  const [annotations, statuses, decisions, postEdits, alignment] = await Promise.all([
    ctx.store.annotations.list(doc.id),
    ctx.store.beadStatus.list(doc.id),
    ctx.store.findingDecisions.list(doc.id),
    ctx.store.postEdits.list(doc.id),
    ctx.alignmentFor(doc),
  ]);
  const processed = ctx.process(doc, alignment);
  return summaryParts(processed, annotations, documentCounts(processed, annotations, statuses, { decisions, postEdits }));
}

export function apiRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use(idempotency(ctx.store.requests));

  const loadDoc = (id: string) => ctx.document(id);
  const summary = (doc: StoredDocument) => freshSummary(ctx, doc);

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
    // A retried create (its first answer was lost) gets what the first attempt made, even if
    // the suggestion it accepted has been accepted since or the annotation deleted since.
    const made = body.clientId ? await ctx.store.annotations.byClientId(doc.id, body.clientId) : undefined;
    if (made) {
      res.status(200).json({ annotation: made, ...(await summary(doc)) });
      return;
    }
    const typology = ctx.typologyFor(doc);
    const errors = validateAnnotation(body as AnnotationFields, doc, typology);
    let fromCheck = body.fromCheck;
    if (body.findingId !== undefined) {
      const finding = (await ctx.view(doc)).findings.find((f) => f.id === body.findingId);
      if (!finding) errors.push({ field: 'findingId', message: 'no such automatic finding in this document' });
      else if (finding.state === 'accepted') throw new HttpError(409, `This suggestion was already accepted as annotation ${finding.annotationId}.`);
      else fromCheck = finding.check;
    }
    if (errors.length) throw new HttpError(400, 'Invalid annotation.', errors);
    const side = body.side as Side;
    const start = body.start as number;
    const end = body.end as number;
    const { annotation, created } = await ctx.store.annotations.createOnce(doc.id, {
      side,
      start,
      end,
      text: spanText(doc, side, start, end),
      category: body.category as string,
      severity: body.severity as Severity,
      comment: (body.comment as string | undefined) ?? '',
      correction: (body.correction as string | undefined) ?? '',
      author: reviewerOf(res),
      userId: userOf(res).id,
      ...(fromCheck ? { fromCheck } : {}),
      ...(body.findingId ? { findingId: body.findingId } : {}),
      ...(body.clientId ? { clientId: body.clientId } : {}),
    });
    res.status(created ? 201 : 200).json({ annotation, ...(await summary(doc)) });
  });

  r.patch('/documents/:id/annotations/:aid', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    const ref = annotationRef(req.params.aid);
    const current = await ctx.store.annotations.get(doc.id, ref);
    if (!current) {
      // Deleted meanwhile: with a version the client learns it from a 409 carrying the mark.
      const gone = await ctx.store.annotations.getAny(doc.id, ref);
      if (gone && typeof req.body?.version === 'number') throw new HttpError(409, 'This mark was deleted in the meantime.', [], 'conflict', { current: gone });
      throw notFound(`annotation ${req.params.aid}`);
    }
    mayEditMark(res, current);
    const { version, ...patch } = parseBody(PatchBody, req);
    const merged = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    const errors = validateAnnotation(merged as AnnotationFields, doc, ctx.typologyFor(doc));
    if (errors.length) throw new HttpError(400, 'Invalid annotation.', errors);
    const m = merged as typeof current;
    const updated = await ctx.store.annotations.update(doc.id, current.id, {
      side: m.side,
      start: m.start,
      end: m.end,
      text: spanText(doc, m.side, m.start, m.end),
      category: m.category,
      severity: m.severity,
      comment: m.comment ?? '',
      correction: m.correction ?? '',
    }, { ...(version !== undefined ? { expectedVersion: version } : {}), actor: actorOf(res) });
    if (!updated) throw notFound(`annotation ${req.params.aid}`);
    res.json({ annotation: updated, ...(await summary(doc)) });
  });

  r.delete('/documents/:id/annotations/:aid', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    const ref = annotationRef(req.params.aid);
    const mark = await ctx.store.annotations.getAny(doc.id, ref);
    if (!mark) throw notFound(`annotation ${req.params.aid}`);
    mayEditMark(res, mark);
    const version = versionOf(req);
    if (!(await ctx.store.annotations.remove(doc.id, ref, { ...(version !== undefined ? { expectedVersion: version } : {}), actor: actorOf(res) }))) {
      throw notFound(`annotation ${req.params.aid}`);
    }
    res.status(204).end();
  });

  // Undo of a delete: the soft-deleted annotation comes back as it was.
  r.post('/documents/:id/annotations/:aid/restore', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    // A JSON body (even empty) keeps this out of reach of a cross-site form post.
    const { version } = parseBody(z.object({ author: z.unknown().optional(), version: Version.optional() }).strict(), req, 'restore');
    const ref = annotationRef(req.params.aid);
    const mark = await ctx.store.annotations.getAny(doc.id, ref);
    if (!mark) throw notFound(`deleted annotation ${req.params.aid}`);
    mayEditMark(res, mark);
    const restored = await ctx.store.annotations.restore(doc.id, ref, { ...(version !== undefined ? { expectedVersion: version } : {}), actor: actorOf(res) });
    if (!restored) throw notFound(`deleted annotation ${req.params.aid}`);
    res.json({ annotation: restored, ...(await summary(doc)) });
  });

  const Decision = z.object({ decision: z.enum(['dismissed', 'open']), author: z.unknown().optional() }).strict();
  r.put('/documents/:id/findings/:fid/decision', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    const body = parseBody(Decision, req, 'decision');
    const finding = (await ctx.view(doc)).findings.find((f) => f.id === req.params.fid);
    if (!finding) throw notFound(`finding "${req.params.fid}"`);
    if (finding.state === 'accepted') {
      throw new HttpError(409, `This finding was accepted as annotation ${finding.annotationId}; delete that annotation instead.`);
    }
    const decision = await ctx.store.findingDecisions.set(doc.id, finding.id, body.decision, reviewerOf(res), actorOf(res));
    res.json({ finding: { id: finding.id, state: body.decision, author: decision.author, at: decision.decidedAt }, ...(await summary(doc)) });
  });

  /** The bead with this key, from the (cached) pipeline result: no view needed to find it. */
  const beadOf = async (doc: StoredDocument, key: string) => {
    const processed = ctx.process(doc, await ctx.alignmentFor(doc));
    const bead = processed.alignment.find((b) => beadKey(b) === key);
    if (!bead) throw notFound(`bead "${key}"`);
    return { processed, bead, key };
  };

  const Status = z.object({ status: z.enum(['not-started', 'reviewed', 'second-opinion']), author: z.unknown().optional() }).strict();
  r.put('/documents/:id/beads/:key/status', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    await beadOf(doc, req.params.key);
    const body = parseBody(Status, req, 'status');
    await ctx.store.beadStatus.set(doc.id, req.params.key, body.status, reviewerOf(res));
    res.json({ key: req.params.key, status: body.status, ...(await summary(doc)) });
  });

  const PostEditBody = z.object({ text: z.string().max(MAX_POST_EDIT), author: z.unknown().optional() }).strict();
  r.put('/documents/:id/beads/:key/post-edit', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    const { processed, bead, key } = await beadOf(doc, req.params.key);
    const body = parseBody(PostEditBody, req, 'post-edit');
    if (bead.target.length === 0) throw new HttpError(400, 'Invalid post-edit.', [{ field: 'text', message: 'this bead has no translation to post-edit' }]);
    const mt = beadTargetText(processed.target, bead);
    await ctx.store.postEdits.save(doc.id, key, mt, normalisePostEdit(body.text), reviewerOf(res));
    const after = await ctx.view(doc);
    const b = after.beads.find((x) => x.key === key);
    res.json({ key, postEdit: b?.postEdit ?? null, ...summaryOf(after) });
  });

  const ReviewBody = z
    .object({ notes: z.string().max(50_000).optional(), verdict: z.enum(VERDICTS as [string, ...string[]]).optional(), author: z.unknown().optional() })
    .strict();
  r.put('/documents/:id/review', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    const body = parseBody(ReviewBody, req, 'review');
    const review = await ctx.store.reviews.set(
      doc.id,
      { ...(body.notes !== undefined ? { notes: body.notes } : {}), ...(body.verdict !== undefined ? { verdict: body.verdict as (typeof VERDICTS)[number] } : {}) },
      reviewerOf(res),
    );
    res.json({ review });
  });

  r.post('/documents/:id/timing', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    const body = parseBody(TimingBatchSchema, req, 'timing log');
    const keys = new Set(ctx.process(doc, await ctx.alignmentFor(doc)).alignment.map(beadKey));
    const unknown = body.events.findIndex((e) => !keys.has(e.beadKey));
    if (unknown >= 0) throw new HttpError(400, 'Invalid timing log.', [{ field: `events.${unknown}.beadKey`, message: 'no such bead in this document' }]);
    const added = await ctx.store.timing.add(doc.id, reviewerOf(res), body.events);
    res.status(201).json({ added });
  });

  r.get('/documents/:id/timing', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    res.json(summariseTiming(await ctx.store.timing.totals(doc.id)));
  });

  // Behind the same identity and idempotency middleware as every change above.
  r.use(alignmentRoutes(ctx));

  return r;
}
