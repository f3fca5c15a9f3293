// The audit history of a document (who changed what, when, before and after) and restoring a
// deleted mark from it. Everyone who can read the document can read its history.
import { Router, type Response } from 'express';
import { z } from 'zod';
import { can, denial } from '../../auth/permissions.js';
import type { StoredDocument } from '../../store/types.js';
import type { AppContext } from '../context.js';
import { authOf, userOf } from '../middleware/auth.js';
import { HttpError, notFound } from '../middleware/errors.js';

const Query = z.object({ before: z.coerce.number().int().min(1).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() });

export function historyRoutes(ctx: AppContext): Router {
  const r = Router();
  const load = (id: string) => ctx.document(id);
  const query = (raw: unknown) => {
    const q = Query.safeParse(raw);
    if (!q.success) throw new HttpError(400, 'Invalid query.', q.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
    return q.data;
  };
  const events = (doc: StoredDocument, q: z.infer<typeof Query>) =>
    ctx.store.audit.list(doc.id, { limit: q.limit ?? 200, ...(q.before !== undefined ? { beforeId: q.before } : {}) });

  r.get('/api/documents/:id/history', async (req, res) => {
    const doc = await load(req.params.id);
    const list = await events(doc, query(req.query));
    res.json({ documentId: doc.id, events: list, ...(list.length ? { next: list[list.length - 1]!.id } : {}) });
  });

  r.get('/documents/:id/history', async (req, res) => {
    const doc = await load(req.params.id);
    const q = query(req.query);
    const [list, deleted] = await Promise.all([events(doc, q), ctx.store.annotations.listDeleted(doc.id)]);
    const me = userOf(res);
    const assigned = me.role === 'reviewer' && (await ctx.store.assignments.isAssigned(doc.id, me.id));
    res.render('history', {
      doc,
      events: list,
      deleted: deleted.map((a) => ({ a, canRestore: can(me, 'edit-mark', { assigned, mark: a }) })),
      csrfToken: authOf(res).csrfToken,
      older: list.length === (q.limit ?? 200) ? list[list.length - 1]!.id : undefined,
    });
  });

  // A form button on the history page; the review page's own undo uses the JSON API.
  r.post('/documents/:id/history/restore/:aid', async (req, res: Response) => {
    const doc = await load(req.params.id);
    const id = /^\d{1,15}$/.test(req.params.aid) ? Number(req.params.aid) : undefined;
    const mark = id === undefined ? undefined : await ctx.store.annotations.getAny(doc.id, id);
    if (!mark) throw notFound(`annotation ${req.params.aid}`);
    const me = userOf(res);
    const facts = { assigned: res.locals['assigned'] === true, mark };
    if (!can(me, 'edit-mark', facts)) throw new HttpError(403, denial(me, 'edit-mark', facts), [], 'forbidden');
    const restored = await ctx.store.annotations.restore(doc.id, mark.id, { actor: { userId: me.id, name: authOf(res).name } });
    if (!restored) throw new HttpError(409, 'This mark is not deleted (someone restored it already).', [], 'conflict', { current: mark });
    res.redirect(303, `/documents/${encodeURIComponent(doc.id)}/history`);
  });

  return r;
}
