// Answers to a change carry the document's summary (MQM, progress, finding counts, HTER). They
// read it from the store without building the document's view; this keeps the two equal.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDefaultTypology } from '../../server/core/typology.js';
import { readCorpora } from '../../server/ingest/corpus.js';
import { beadKey, findingIds } from '../../server/report/document-view.js';
import { beadTargetText } from '../../server/review/post-edit.js';
import { importCorpora } from '../../server/store/import-corpus.js';
import { openStore } from '../../server/store/index.js';
import { createContext } from '../../server/web/context.js';
import { freshSummary, summaryOf } from '../../server/web/routes/api.js';
import { SEED_CORPUS } from '../helpers/paths.js';

describe('the summary an answer to a change carries', () => {
  it('equals the summary of the full document view after marks, an accepted and a dismissed finding, statuses and a post-edit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-summary-'));
    const store = openStore(path.join(dir, 't.sqlite'));
    try {
      await importCorpora(store, readCorpora(path.dirname(SEED_CORPUS)).corpora);
      const ctx = createContext(store, loadDefaultTypology());
      const doc = (await store.documents.get('mali-minusma.generic-nmt-2023'))!;
      const same = async (what: string) => assert.deepEqual(await freshSummary(ctx, doc), summaryOf(await ctx.view(doc)), what);
      await same('as imported');

      const p = ctx.process(doc);
      const ids = findingIds(p.findings);
      const [first, second] = p.findings;
      assert.ok(first && second, 'the seed has findings');
      await store.annotations.create(doc.id, {
        side: first.side, start: first.start, end: first.end, text: first.text, category: first.category, severity: first.severity, author: 'Second reviewer', findingId: ids[0]!,
      });
      await store.findingDecisions.set(doc.id, ids[1]!, 'dismissed', 'Second reviewer');
      await same('after accepting one finding and dismissing another');

      const bead = p.alignment[3]!;
      await store.beadStatus.set(doc.id, beadKey(bead), 'reviewed', 'Second reviewer');
      await store.beadStatus.set(doc.id, beadKey(p.alignment[4]!), 'second-opinion', 'Second reviewer');
      await store.postEdits.save(doc.id, beadKey(bead), beadTargetText(p.target, bead), `${beadTargetText(p.target, bead)} تصحيح`, 'Second reviewer');
      const summary = await freshSummary(ctx, doc);
      assert.equal(summary.progress.reviewed, 1);
      assert.equal(summary.findingCounts.accepted, 1);
      assert.equal(summary.findingCounts.dismissed, 1);
      assert.ok(summary.hter && summary.hter.score > 0, 'the post-edit gives an HTER');
      await same('after statuses and a post-edit');
    } finally {
      store.close();
    }
  });
});
