import assert from 'node:assert/strict';
import { readCorpus } from '../../server/ingest/corpus.js';
import { processDocument } from '../../server/pipeline.js';
import { ROOT, SEED_CORPUS } from '../helpers/paths.js';
import path from 'node:path';
import { startServer } from '../helpers/server.js';
import { documentJson } from '../../server/report/json.js';
import { textSummary } from '../../server/report/text.js';
import { scoreWithAnnotations } from '../../server/score/batch.js';

describe('document language check', () => {
  const seed = readCorpus(SEED_CORPUS).documents[0]!.pair;

  it('passes the seed: English source, Arabic target', () => {
    assert.deepEqual(processDocument(seed).findings.filter((f) => f.check === 'language'), []);
  });

  it('gives swapped files one document-level error and runs no other check', () => {
    const swapped = { ...seed, sourceText: seed.targetText, targetText: seed.sourceText };
    const findings = processDocument(swapped).findings;
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.check, 'language');
    assert.equal(findings[0]!.scope, 'document');
    assert.equal(findings[0]!.severity, 'critical');
    assert.match(findings[0]!.message, /swapped/);
  });

  it('names the wrong language of one side, and can be switched off for a corpus', () => {
    const english = { ...seed, targetText: seed.sourceText };
    const [f] = processDocument(english).findings;
    assert.equal(f!.side, 'target');
    assert.match(f!.message, /English, not Arabic/);
    const off = processDocument({ ...english, checks: { language: { enabled: false } } }).findings;
    assert.ok(off.some((x) => x.check === 'untranslated'), 'with the language check off, the sentences are checked one by one');
  });

  it('reports the swapped pair of the dev corpus once', () => {
    const doc = readCorpus(path.join(ROOT, 'corpora/checks-dev')).documents.find((d) => d.pair.id === 'swapped.swapped')!;
    assert.deepEqual(processDocument(doc.pair).findings.map((f) => [f.check, f.scope]), [['language', 'document']]);
  });

  it('shows the error above the document in the reviewer page, the summary and the JSON, not on a sentence', async () => {
    const srv = await startServer();
    try {
      const html = await (await fetch(`${srv.url}/documents/swapped.swapped`)).text();
      assert.equal((html.match(/class="doc-alert sev-critical" role="alert"/g) ?? []).length, 1);
      assert.match(html, /swapped/);
      assert.doesNotMatch(html, /data-marks="finding:language/);
    } finally {
      await srv.stop();
    }
    const doc = readCorpus(path.join(ROOT, 'corpora/checks-dev')).documents.find((d) => d.pair.id === 'swapped.swapped')!;
    const scored = scoreWithAnnotations(doc.pair, []);
    assert.match(textSummary([scored]), /\[language\/critical\] whole document: .*swapped/);
    const json = documentJson(scored.doc, scored.view, scored.scores);
    assert.deepEqual(json.findings.map((f) => [f.check, f.scope]), [['language', 'document']]);
  });
});
