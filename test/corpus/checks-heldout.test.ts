// The held-out corpus: written blind and never tuned on, so no test holds the checks to a figure
// there (scripts/eval-checks.ts prints recall, precision and the controls' findings). What is
// held is that the data is sound and that every finding on it points into its own text.
import assert from 'node:assert/strict';
import path from 'node:path';
import { processDocument } from '../../server/pipeline.js';
import { ROOT } from '../helpers/paths.js';
import { assertListedErrorsExist, readPlanted } from '../helpers/planted.js';

describe('corpus: checks-heldout (planted errors, never tuned on)', () => {
  const planted = readPlanted(path.join(ROOT, 'corpora/checks-heldout'));

  it('loads cleanly and lists only errors that are really in its texts', () => {
    assert.equal(planted.corpus.documents.length, 8);
    assert.ok(planted.expected.length >= 20, `${planted.expected.length} planted errors`);
    assertListedErrorsExist(planted);
  });

  it('gives findings whose spans quote their own text', () => {
    for (const d of planted.corpus.documents) {
      for (const f of processDocument(d.pair).findings) {
        if (f.scope === 'document') continue;
        const text = f.side === 'source' ? d.pair.sourceText : d.pair.targetText;
        assert.ok(f.start >= 0 && f.end <= text.length && f.start < f.end, `${d.pair.id} ${f.check}`);
        assert.equal(text.slice(f.start, f.end), f.text, `${d.pair.id} ${f.check}`);
      }
    }
  });
});
