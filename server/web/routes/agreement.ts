// Reviewer agreement per document (every reader may see it) and adjudication (admins only):
// every reviewer's marks per bead side by side, and a decision on each mark (accept, edit,
// reject) that puts it into, changes it in, or keeps it out of the final set. Decisions are plain
// form posts (CSRF token in a hidden field), so the page works from the keyboard without script.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { can, denial } from '../../auth/permissions.js';
import { documentAgreement } from '../../report/agreement.js';
import { exportSegments } from '../../report/segments.js';
import { AGREEMENT_PROCEDURE } from '../../review/agreement.js';
import { categoryChoices, isKnownCategory } from '../../core/typology.js';
import { sourceWords } from '../../score/document.js';
import type { AdjudicationDecision, FinalFields, StoredAnnotation, StoredDocument } from '../../store/types.js';
import type { AppContext } from '../context.js';
import { authOf, userOf } from '../middleware/auth.js';
import { HttpError, notFound } from '../middleware/errors.js';
import { documentSets, mqmOfSet } from '../sets.js';

const Decision = z.object({
  decision: z.enum(['accept', 'edit', 'reject']),
  /** The decision's version this one replaces (0: none yet), so two admins cannot overwrite each other unseen. */
  version: z.coerce.number().int().min(0),
  note: z.string().max(2000).optional().default(''),
  category: z.string().trim().min(1).max(200).optional(),
  severity: z.enum(['neutral', 'minor', 'major', 'critical']).optional(),
  comment: z.string().max(4000).optional(),
  start: z.coerce.number().int().min(0).optional(),
  end: z.coerce.number().int().min(1).optional(),
  _csrf: z.string().optional(),
});

const DECISIONS: Record<z.infer<typeof Decision>['decision'], AdjudicationDecision> = { accept: 'accepted', edit: 'edited', reject: 'rejected' };

const badRequest = (issues: Array<{ field: string; message: string }>) => new HttpError(400, 'Invalid decision.', issues);

export function agreementRoutes(ctx: AppContext): Router {
  const r = Router();
  const load = (id: string) => ctx.document(id);
  const adminOnly = (res: Response) => {
    const me = userOf(res);
    if (!can(me, 'adjudicate')) throw new HttpError(403, denial(me, 'adjudicate'), [], 'forbidden');
    return me;
  };

  const agreementOf = async (doc: StoredDocument) => {
    const view = await ctx.view(doc);
    const sets = await documentSets(ctx, doc);
    return { view, sets, agreement: documentAgreement(doc, view, sourceWords(view.processed)) };
  };

  r.get('/documents/:id/agreement.json', async (req, res) => {
    const doc = await load(req.params.id);
    const { agreement, sets } = await agreementOf(doc);
    const raters = [...new Set(sets.marks.map((m) => m.author))].sort();
    res.json({ documentId: doc.id, raters, ...(agreement ? { summary: agreement.summary, perRater: agreement.raters.map(({ mqm, ...r }) => ({ ...r, mqm: { score: mqm.score, penalty: mqm.penalty, words: mqm.words } })), pairs: agreement.pairs } : { summary: null, pairs: [] }), procedure: AGREEMENT_PROCEDURE });
  });

  r.get('/documents/:id/agreement', async (req, res) => {
    const doc = await load(req.params.id);
    const { agreement, sets } = await agreementOf(doc);
    res.render('agreement', { doc, agreement, raters: [...new Set(sets.marks.map((m) => m.author))].sort(), canAdjudicate: can(userOf(res), 'adjudicate') });
  });

  const page = async (req: Request, res: Response) => {
    adminOnly(res);
    const doc = await load(String(req.params['id']));
    const view = await ctx.view(doc);
    const sets = await documentSets(ctx, doc);
    const all = mqmOfSet(view, sets, { kind: 'all' });
    const final = mqmOfSet(view, sets, { kind: 'final' });
    const segments = exportSegments(view.processed);
    const raters = [...new Set(sets.marks.map((m) => m.author))].sort();
    const finalById = new Map(sets.final.map((f) => [f.id, f]));
    const beadOf = new Map(view.annotations.map((a) => [a.id as number, a.bead]));
    const finalBead = (f: StoredAnnotation) => {
      const source = f.side === 'source' ? view.processed.source : view.processed.target;
      const s = source.sentences.findIndex((x) => f.start >= x.start && f.start < x.end);
      return view.processed.alignment.findIndex((b) => (b[f.side] as number[]).includes(s));
    };
    const beads = segments
      .map((seg) => {
        const marks = sets.marks.filter((m) => beadOf.get(m.id) === seg.index);
        return {
          seg,
          byRater: raters.map((name) => ({
            name,
            marks: marks.filter((m) => m.author === name).map((m) => {
              const d = sets.decisions.get(m.id);
              return { m, d, stale: d !== undefined && d.markVersion !== m.version, final: d?.finalId !== undefined ? finalById.get(d.finalId) : undefined };
            }),
          })),
          final: sets.final.filter((f) => finalBead(f) === seg.index),
          count: marks.length,
        };
      })
      .filter((b) => b.count > 0);
    res.render('adjudicate', { doc, beads, raters, progress: sets.progress, all, final, csrfToken: authOf(res).csrfToken, categories: categoryChoices(ctx.typologyFor(doc)), severities: ctx.typologyFor(doc).severities });
  };
  r.get('/documents/:id/adjudicate', page);

  r.post('/documents/:id/adjudicate/:mark', async (req, res) => {
    const me = adminOnly(res);
    const doc = await load(req.params.id);
    const id = /^\d{1,15}$/.test(req.params.mark) ? Number(req.params.mark) : undefined;
    const mark = id === undefined ? undefined : await ctx.store.annotations.get(doc.id, id);
    if (!mark || mark.layer === 'final') throw notFound(`reviewer mark ${req.params.mark}`);
    const parsed = Decision.safeParse(req.body);
    if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
    const body = parsed.data;
    let final: FinalFields | undefined;
    if (body.decision === 'edit') {
      const start = body.start ?? mark.start;
      const end = body.end ?? mark.end;
      const text = mark.side === 'source' ? doc.sourceText : doc.targetText;
      const issues: Array<{ field: string; message: string }> = [];
      if (end <= start) issues.push({ field: 'end', message: 'must be after start' });
      if (end > text.length) issues.push({ field: 'end', message: `must be at most ${text.length} (the ${mark.side} text's length)` });
      const category = body.category ?? mark.category;
      if (!isKnownCategory(ctx.typologyFor(doc), category)) issues.push({ field: 'category', message: `"${category}" is not a category of this document's typology` });
      if (issues.length) throw badRequest(issues);
      final = {
        side: mark.side,
        start,
        end,
        text: text.slice(start, end),
        category,
        severity: body.severity ?? mark.severity,
        comment: body.comment ?? mark.comment ?? '',
        correction: start === mark.start && end === mark.end ? (mark.correction ?? '') : '',
      };
    }
    const out = await ctx.store.adjudications.decide(doc.id, mark, DECISIONS[body.decision], final, body.note, { userId: me.id, name: authOf(res).name }, body.version);
    if (req.is('application/json')) {
      res.json(out);
      return;
    }
    res.redirect(303, `/documents/${encodeURIComponent(doc.id)}/adjudicate#mark-${mark.id}`);
  });

  return r;
}
