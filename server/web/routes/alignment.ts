// Reviewer corrections of a document's alignment: one route that applies one operation of
// align/corrections.ts to the alignment in force (the stored correction, or the automatic one),
// stores the result as a new revision and answers with what the page needs to redraw.
//
//   GET  /documents/:id/alignment   { revision, corrected, status, kept, dropped, beads }
//   POST /documents/:id/alignment   { op, base, … } → 200 { revision, base, beads, change, before, refresh, …summary }
//
// `base` is the revision the reviewer's page shows (0: the automatic alignment): a change built on
// another one is refused with 409 and the current state, so two reviewers never silently undo each
// other. `before` is the alignment as it was (null: automatic), which the page sends back as a
// `restore` to undo. Mounted inside the /api router, so the idempotency middleware (offline
// outbox retries) and the reviewer identity apply as to every other change.
import { Router, type Response } from 'express';
import { z } from 'zod';
import {
  beadsOf,
  mergeWithNext,
  moveSentence,
  serializeAlignment,
  splitBead,
  validateAlignment,
  type StoredAlignment,
} from '../../align/corrections.js';
import { type Bead, InputError } from '../../core/types.js';
import type { ProcessedDocument } from '../../pipeline.js';
import { beadKey } from '../../report/document-view.js';
import { sha256 } from '../../store/documents.js';
import type { AlignmentRevision } from '../../store/types.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../middleware/errors.js';
import { authOf } from '../middleware/auth.js';
import { parseBody, summaryOf } from './api.js';

const Index = z.number().int().min(0);
const Base = z.number().int().min(0);
const Author = z.unknown().optional();
/** What the page keeps to undo a change: the bead shapes and confidences, nothing else. */
const Shapes = z.object({ shapes: z.string().max(2_000_000), confidence: z.array(z.number().min(0).max(1)).max(500_000) }).strict();

const Body = z.discriminatedUnion('op', [
  z.object({ op: z.literal('merge'), base: Base, bead: Index, author: Author }).strict(),
  z.object({ op: z.literal('split'), base: Base, bead: Index, source: Index, target: Index, author: Author }).strict(),
  z.object({ op: z.literal('move'), base: Base, bead: Index, side: z.enum(['source', 'target']), direction: z.enum(['previous', 'next']), author: Author }).strict(),
  z.object({ op: z.literal('reset'), base: Base, author: Author }).strict(),
  z.object({ op: z.literal('restore'), base: Base, alignment: Shapes.nullable(), author: Author }).strict(),
]);
type Body = z.infer<typeof Body>;

/** corrections.ts names its arguments; the API's fields are named differently. */
const FIELD: Record<string, string> = { index: 'bead', 'at.source': 'source', 'at.target': 'target', at: 'source', beads: 'alignment', shapes: 'alignment', confidence: 'alignment' };

const beadJson = (b: Bead) => ({ source: b.source, target: b.target, confidence: b.confidence, ...(b.corrected ? { corrected: true } : {}) });

/** The bead list after the operation, or null to return to the automatic alignment. */
function apply(body: Body, beads: Bead[], p: ProcessedDocument): Bead[] | null {
  try {
    switch (body.op) {
      case 'merge':
        return mergeWithNext(beads, body.bead);
      case 'split':
        return splitBead(beads, body.bead, { source: body.source, target: body.target });
      case 'move':
        return moveSentence(beads, body.bead, body.side, body.direction);
      case 'reset':
        return null;
      case 'restore': {
        if (body.alignment === null) return null;
        const restored = beadsOf({ schema: 'tadqiq.alignment/1', ...body.alignment, source: { count: 0, hashes: '' }, target: { count: 0, hashes: '' } });
        validateAlignment(restored, p.source.sentences.length, p.target.sentences.length);
        return restored;
      }
    }
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const field = e.location.field ?? 'op';
    throw new HttpError(400, 'Invalid alignment change.', [{ field: FIELD[field] ?? field, message: e.message.replace(/^field "[^"]*": /, '') }]);
  }
}

const shapesOf = (beads: Bead[]) => ({
  shapes: beads.map((b) => `${b.source.length}-${b.target.length}${b.corrected ? '*' : ''}`).join(' '),
  confidence: beads.map((b) => b.confidence),
});

const same = (a: Bead, b: Bead) =>
  a.confidence === b.confidence && !!a.corrected === !!b.corrected && a.source.join() === b.source.join() && a.target.join() === b.target.join();

/** The beads that differ: [from, from + removed) of the old list became [from, from + added) of the new. */
function changedWindow(old: Bead[], now: Bead[]): { from: number; removed: number; added: number } {
  let from = 0;
  while (from < old.length && from < now.length && same(old[from]!, now[from]!)) from++;
  let tail = 0;
  while (tail < old.length - from && tail < now.length - from && same(old[old.length - 1 - tail]!, now[now.length - 1 - tail]!)) tail++;
  return { from, removed: old.length - from - tail, added: now.length - from - tail };
}

export function alignmentRoutes(ctx: AppContext): Router {
  const r = Router();

  const loadDoc = (id: string) => ctx.document(id);
  const revisionOf = (rev: AlignmentRevision | undefined) => (rev ? rev.id : 0);
  const state = (rev: AlignmentRevision | undefined, p: ProcessedDocument) => ({
    revision: revisionOf(rev),
    corrected: !!rev?.alignment,
    status: p.corrections?.status ?? 'automatic',
    kept: p.corrections?.kept ?? 0,
    dropped: p.corrections?.dropped ?? 0,
    by: rev ? { author: rev.author, at: rev.createdAt } : null,
    beads: p.alignment.map(beadJson),
  });
  const conflict = (res: Response, rev: AlignmentRevision | undefined, p: ProcessedDocument) =>
    res.status(409).json({ error: `The alignment was changed by ${rev?.author ?? 'someone else'} in the meantime.`, ...state(rev, p) });

  r.get('/documents/:id/alignment', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    const rev = await ctx.alignmentFor(doc);
    res.json(state(rev, ctx.process(doc, rev)));
  });

  r.post('/documents/:id/alignment', async (req, res) => {
    const doc = await loadDoc(req.params.id);
    const body = parseBody(Body, req, 'alignment change');
    const rev = await ctx.alignmentFor(doc);
    const before = ctx.process(doc, rev);
    if (body.base !== revisionOf(rev)) return void conflict(res, rev, before);
    const oldView = await ctx.view(doc);
    const beads = apply(body, before.alignment, before);
    const stored: StoredAlignment | null = beads && beads.some((b) => b.corrected) ? serializeAlignment(beads, before.source, before.target) : null;
    if (stored === null && !rev?.alignment) throw new HttpError(400, 'Invalid alignment change.', [{ field: 'op', message: 'the alignment is already the automatic one' }]);
    const saved = await ctx.store.alignments.save(doc.id, stored, { sourceSha256: sha256(doc.sourceText), targetSha256: sha256(doc.targetText) }, authOf(res).name, revisionOf(rev));
    if (!saved) {
      const now = await ctx.alignmentFor(doc);
      return void conflict(res, now, ctx.process(doc, now));
    }
    const view = await ctx.view(doc);
    const after = view.processed.alignment;
    const change = changedWindow(before.alignment, after);
    // Findings are recomputed on the new alignment; a check may answer differently for a pair
    // outside the changed ones too (its neighbours), so those pairs are redrawn as well.
    const findingsOf = (v: typeof view) => v.beads.map((b) => b.findings.map((f) => `${f.id}/${f.state}`).join(' '));
    const oldFindings = findingsOf(oldView);
    const newFindings = findingsOf(view);
    const refresh: string[] = [];
    const shift = change.added - change.removed;
    for (let i = 0; i < after.length; i++) {
      if (i >= change.from && i < change.from + change.added) continue;
      const j = i < change.from ? i : i - shift;
      if (oldFindings[j] !== newFindings[i]) refresh.push(beadKey(after[i]!));
    }
    // As it was in force (a correction made for older texts is shown rebased), so undo restores what the reviewer saw.
    const previous = rev?.alignment ? shapesOf(before.alignment) : null;
    res.json({
      revision: saved.id,
      base: body.base,
      corrected: stored !== null,
      beads: after.map(beadJson),
      change,
      before: previous,
      refresh,
      ...summaryOf(view),
    });
  });

  return r;
}
