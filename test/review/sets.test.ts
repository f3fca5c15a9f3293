import assert from 'node:assert/strict';
import { adjudicationProgress, parseSet, selectSet } from '../../server/review/sets.js';
import type { Adjudication, StoredAnnotation } from '../../server/store/types.js';

const mark = (id: number, author: string, version = 1): StoredAnnotation => ({
  id, documentId: 'd', version, createdAt: '', updatedAt: '', side: 'target', start: id, end: id + 1, text: 'x', category: 'Style', severity: 'minor', author,
});
const decided = (markId: number, decision: Adjudication['decision'], markVersion = 1): Adjudication => ({ markId, markVersion, decision, note: '', decidedBy: 'ada', decidedAt: '', version: 1 });

describe('annotation sets', () => {
  const marks = [mark(1, 'amina'), mark(2, 'bilal', 2), mark(3, 'bilal')];
  const final = [{ ...mark(10, 'amina'), layer: 'final' as const }];

  it('counts decisions on the current version only; a mark changed since is stale', () => {
    const d = new Map([[1, decided(1, 'accepted')], [2, decided(2, 'rejected', 1)]]);
    assert.deepEqual(adjudicationProgress(marks, d), { marks: 3, decided: 1, stale: 1, accepted: 1, edited: 0, rejected: 0, complete: false });
    d.set(2, decided(2, 'rejected', 2));
    d.set(3, decided(3, 'edited'));
    assert.equal(adjudicationProgress(marks, d).complete, true);
    assert.equal(adjudicationProgress([], new Map()).complete, false, 'nothing to adjudicate is not a completed adjudication');
  });

  it('defaults to all reviewers until adjudication is complete, then to the final set (scored as one rater)', () => {
    const some = new Map([[1, decided(1, 'accepted')]]);
    const a = selectSet(undefined, marks, final, some);
    assert.deepEqual([a.name, a.label, a.annotations.length], ['all', 'all reviewers (mean over 2 raters)', 3]);
    const done = new Map(marks.map((m) => [m.id, decided(m.id, 'accepted', m.version)]));
    const f = selectSet(undefined, marks, final, done);
    assert.deepEqual([f.name, f.label, f.annotations.map((x) => x.author)], ['final', 'adjudicated final set (3 of 3 marks decided)', ['final']]);
    const r = selectSet(parseSet('reviewer:bilal'), marks, final, done);
    assert.deepEqual([r.name, r.annotations.map((x) => x.id)], ['reviewer:bilal', [2, 3]]);
    assert.throws(() => parseSet('everyone'), /field "--set": "everyone" is not an annotation set/);
    assert.throws(() => parseSet('reviewer:'), /not an annotation set/);
  });
});
