import assert from 'node:assert/strict';
import type { DocumentPair } from '../../server/core/types.js';
import { readCorpus } from '../../server/ingest/corpus.js';
import { processDocument } from '../../server/pipeline.js';
import { normalizeArabic, ARABIC_NORMALIZATION } from '../../server/score/arabic-normalize.js';
import { compareGroup, concatGroups, unitGroup } from '../../server/score/compare.js';
import { scoreAnnotations } from '../../server/score/document.js';
import { hter } from '../../server/score/hter.js';
import { BLEU, CHRF } from '../../server/score/metrics/index.js';
import { WMT_GOOGLE } from '../../server/score/mqm.js';
import { referenceMetrics } from '../../server/score/reference-metrics.js';
import { bootstrapCi, pairedRandomization, Rng, statTable } from '../../server/score/statistics.js';
import { SEED_CORPUS } from '../helpers/paths.js';
import { startServer } from '../helpers/server.js';
import { buildDocumentView } from '../../server/report/document-view.js';
import { scoreDocument } from '../../server/score/document.js';

const corpus = readCorpus(SEED_CORPUS);
const nmt = corpus.documents.find((d) => d.pair.system === 'generic-nmt-2023')!;
const llm = corpus.documents.find((d) => d.pair.system === 'llm-mt-2024')!;
const member = (d: typeof nmt) => ({ system: d.pair.system, docId: d.pair.id, processed: processDocument(d.pair), annotations: d.review });

describe('statistics: bootstrap intervals and paired approximate randomisation', () => {
  it('the seeded generator is deterministic and uniform enough', () => {
    const a = new Rng(12345);
    const b = new Rng(12345);
    const xs = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(xs, Array.from({ length: 5 }, () => b.next()));
    assert.notDeepEqual(xs, Array.from({ length: 5 }, () => new Rng(12346).next()));
    const r = new Rng(1);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 100000; i++) counts[r.below(10)]++;
    for (const c of counts) assert.ok(Math.abs(c - 10000) < 500, `bucket ${c}`);
  });

  it('matches the exact permutation test on a small case', () => {
    // 12 segments: all 4,096 swap patterns can be enumerated, giving the exact two-sided p.
    const a = [[3], [1], [4], [1], [5], [9], [2], [6], [5], [3], [5], [8]];
    const b = [[2], [1], [3], [0], [4], [7], [2], [5], [6], [1], [4], [6]];
    const mean = (s: number[]) => s[0]! / a.length;
    const real = Math.abs(mean([a.flat().reduce((x, y) => x + y)]) - mean([b.flat().reduce((x, y) => x + y)]));
    let hits = 0;
    for (let mask = 0; mask < 1 << a.length; mask++) {
      let sa = 0;
      let sb = 0;
      a.forEach((r, i) => {
        const swap = (mask >> i) & 1;
        sa += swap ? b[i]![0]! : r[0]!;
        sb += swap ? r[0]! : b[i]![0]!;
      });
      if (Math.abs(sa - sb) / a.length > real + 1e-12) hits++;
    }
    const exact = hits / (1 << a.length);
    const r = pairedRandomization(statTable(a), statTable(b), mean, { trials: 10000, seed: 7 });
    assert.ok(Math.abs(r.p - exact) < 0.015, `AR p ${r.p} vs exact ${exact}`);
    assert.equal(pairedRandomization(statTable(a), statTable(a), mean).p, 1, 'a system against itself');
  });

  it('gives a bootstrap interval around the corpus score that narrows with more segments', () => {
    const chrf = new CHRF();
    const hyps = nmt.pair.targetText.split('\n\n');
    const refs = llm.pair.targetText.split('\n\n');
    const stats = chrf.extractCorpusStatistics(hyps, [refs]);
    const score = (s: number[]) => chrf.computeScoreFromStats(s).score;
    const full = chrf.corpusScore(hyps, [refs]).score;
    const ci = bootstrapCi(statTable(stats), score, { resamples: 1000, seed: 12345 })!;
    assert.ok(ci.low < full && full < ci.high, `${ci.low} < ${full} < ${ci.high}`);
    assert.deepEqual(bootstrapCi(statTable(stats), score, { seed: 12345 }), ci, 'same seed, same interval');
    const many = Array.from({ length: 20 }, () => stats).flat();
    const narrow = bootstrapCi(statTable(many), score)!;
    assert.ok(narrow.high - narrow.low < (ci.high - ci.low) / 2);
  });
});

describe('system comparison', () => {
  it('scores both systems of the bundled corpus side by side, as their own documents score', () => {
    const group = unitGroup('mali-minusma', 'mali-minusma', [member(nmt), member(llm)], nmt.pair.references, { metrics: ['chrf', 'bleu', 'ter'] });
    assert.equal(group.segments, 15);
    const cmp = compareGroup(group, { trials: 2000, resamples: 500 });
    const own = (d: typeof nmt) => {
      const p = processDocument(d.pair);
      return <Record<string, number>>{ mqm: scoreAnnotations(p, d.review).score, ...Object.fromEntries(Object.entries(referenceMetrics(p, d.pair.references, { metrics: ['chrf', 'bleu', 'ter'] })).map(([k, v]) => [k, v!.score])) };
    };
    for (const [d, row] of [[nmt, cmp.systems[0]!], [llm, cmp.systems[1]!]] as const) {
      const expected = own(d);
      for (const k of ['mqm', 'chrf', 'bleu', 'ter'] as const) assert.ok(Math.abs(row.scores[k]!.score - expected[k]!) < 1e-9, `${d.pair.system} ${k}`);
      for (const k of ['mqm', 'chrf', 'bleu', 'ter']) {
        const s = row.scores[k]!;
        assert.ok(s.ci && s.ci.low <= s.score + 1e-9 && s.score <= s.ci.high + 1e-9, `${k} CI ${JSON.stringify(s.ci)} around ${s.score}`);
      }
    }
    assert.ok(Math.abs(cmp.systems[0]!.scores['mqm']!.score - 82.72) < 0.005);
    assert.ok(Math.abs(cmp.systems[1]!.scores['mqm']!.score - 91.36) < 0.005);
    const pair = (m: string) => cmp.pairs.find((p) => p.metric === m)!;
    assert.equal(pair('mqm').better, 'llm-mt-2024');
    assert.equal(pair('chrf').better, 'llm-mt-2024');
    assert.equal(pair('ter').better, 'llm-mt-2024', 'TER: lower is better');
    for (const p of cmp.pairs) assert.ok(p.p > 0 && p.p <= 1);
    assert.deepEqual(compareGroup(group, { trials: 2000, resamples: 500 }), cmp, 'seeded: the same numbers every run');
    // System level over several documents: the groups' segments one after another.
    const sys = compareGroup(concatGroups('mali-minusma', [group, group])!, { trials: 500, resamples: 200 });
    assert.equal(sys.segments, 30);
    assert.ok(Math.abs(sys.systems[0]!.scores['chrf']!.score - cmp.systems[0]!.scores['chrf']!.score) < 1e-9);
  });

  it('uses the wmt-google profile per segment when asked', () => {
    const group = unitGroup('mali-minusma', 'mali-minusma', [member(nmt), member(llm)], [], { profile: WMT_GOOGLE });
    const cmp = compareGroup(group, { trials: 500, resamples: 200 });
    const p = processDocument(nmt.pair);
    assert.ok(Math.abs(cmp.systems[0]!.scores['mqm']!.score - scoreAnnotations(p, nmt.review, WMT_GOOGLE).score) < 1e-12);
    assert.deepEqual(Object.keys(cmp.systems[0]!.scores), ['mqm'], 'no reference given, MQM only');
  });
});

describe('comparison in the UI and explicit annotation sets', () => {
  it("the UI's comparison page of the bundled corpus shows intervals and pairwise tests", async () => {
    const srv = await startServer();
    try {
      const r = await fetch(`${srv.url}/corpora/mali-minusma/compare/mali-minusma.html?at=2026-01-01T00:00:00Z`);
      assert.equal(r.status, 200);
      const html = await r.text();
      assert.match(html, /<h2 id="significance">Confidence and significance<\/h2>/);
      assert.match(html, /82\.72 <span class="ci">\d+\.\d\d–\d+\.\d\d<\/span>/);
      assert.match(html, /llm-mt-2024 is better \(p &lt; 0\.05\)/);
    } finally {
      await srv.stop();
    }
  });

  it('scores a named annotation set instead of every reviewer\'s annotations', () => {
    const p = processDocument(nmt.pair);
    const view = buildDocumentView(p, nmt.review.map((a, k) => ({ ...a, id: k + 1, sentence: 0, text: nmt.pair.targetText.slice(a.start, a.end) })));
    const all = scoreDocument(nmt.pair, view);
    const majors = nmt.review.filter((a) => a.severity === 'major');
    const adjudicated = scoreDocument(nmt.pair, view, { annotationSet: { name: 'adjudicated', annotations: majors } });
    assert.equal(all.mqm.penalty, 66);
    assert.equal(adjudicated.mqm.penalty, 50);
    assert.equal(adjudicated.mqm.set, 'adjudicated');
    assert.match(adjudicated.mqm.signature, /\|set:adjudicated\|version:tadqiq-1$/);
    assert.equal(all.mqm.set, undefined);
  });
});

describe('reference metrics details', () => {
  const linesDoc = (target: string, reference: string): DocumentPair => ({
    id: 'l', corpus: 'c', title: 't', sourceLang: 'en', targetLang: 'ar', system: 's', segmentation: 'lines',
    sourceText: 'The junta ordered the mission out. It left.\nPeacekeepers were wounded.\nA third line.',
    targetText: target, references: [reference],
  });

  it('pairs reference line i with segment i in imported segment-level documents', () => {
    const mt = ['أمر المجلس العسكري البعثة بالخروج. فغادرت.', 'أصيب جنود حفظ السلام.', 'سطر ثالث.'];
    // The reference splits its first line differently; line mode must not re-align it.
    const ref = ['أمر المجلس العسكري بخروج البعثة. وقد غادرت', 'أصيب حفظة السلام.', ''];
    const got = referenceMetrics(processDocument(linesDoc(mt.join('\n'), ref.join('\n'))), [ref.join('\n')], { metrics: ['chrf', 'bleu'] });
    assert.equal(got.chrf!.segments, 3);
    assert.equal(got.chrf!.score, new CHRF().corpusScore(mt, [ref]).score);
    assert.equal(got.bleu!.score, new BLEU().corpusScore(mt, [ref]).score);
  });

  it('Arabic normalisation is opt-in, labelled, and leaves the sacreBLEU signature alone', () => {
    assert.equal(normalizeArabic('إلى مُسْتَشْفَى المدينـــة آخر'), 'الي مستشفي المدينه اخر');
    const doc = linesDoc('ذهب إلى المدينة\nأصيب جنود\nسطر', 'ذهب الى المدينه\nأصيب جنود\nسطر');
    const p = processDocument(doc);
    const plain = referenceMetrics(p, doc.references, { metrics: ['chrf'] }).chrf!;
    const norm = referenceMetrics(p, doc.references, { metrics: ['chrf'], arabicNormalize: true }).chrf!;
    assert.ok(norm.score > plain.score);
    assert.equal(norm.score, 100);
    assert.equal(norm.signature, plain.signature);
    assert.equal(norm.normalization, ARABIC_NORMALIZATION);
    assert.equal(plain.normalization, undefined);
  });

  it('HTER against post-edits, with and without Arabic normalisation', () => {
    const mt = ['ذهب إلى المدينة أمس', 'a b c d'];
    const pe = ['ذهب الى المدينه أمس', 'a b x d'];
    const r = hter(mt, pe);
    assert.equal(r.name, 'HTER');
    assert.deepEqual(r.segments.map((s) => s.edits), [2, 1]);
    assert.equal(r.score, (100 * 3) / 8);
    assert.equal(r.signature, 'nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0');
    const n = hter(mt, pe, { arabicNormalize: true });
    assert.equal(n.score, 100 / 8);
    assert.equal(n.signature, r.signature);
    assert.equal(n.normalization, ARABIC_NORMALIZATION);
    assert.throws(() => hter(['a'], []), /1 MT segments but 0 post-edits/);
  });
});
