// The metric classes as an API: statistics for resampling, reference caching, signatures,
// the uniform result, score formatting and clear errors for bad input.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  BLEU, CHRF, type MetricResult, type RefStreams, Signature, sumStats, TER,
} from '../../server/score/metrics/index.js';
import { pyLines } from '../../server/score/python-str.js';

const fixture = (name: string): string[] =>
  pyLines(readFileSync(new URL(`../fixtures/sacrebleu/cli/${name}`, import.meta.url), 'utf8'));
const hyps = fixture('hyp.txt');
const refs: RefStreams = [fixture('ref1.txt'), fixture('ref2.txt')];

const metrics = () => [new BLEU(), new CHRF(), new CHRF({ wordOrder: 2 }), new TER()];

describe('metric API', () => {
  it('scores a corpus from per-segment statistics summed in order', () => {
    for (const m of metrics()) {
      const stats = m.extractCorpusStatistics(hyps, refs);
      assert.equal(stats.length, hyps.length);
      assert.equal(m.computeScoreFromStats(sumStats(stats)).score, m.corpusScore(hyps, refs).score);
    }
  });

  it('scores a resample (indices with repeats) exactly like the resampled corpus', () => {
    const idx = [3, 0, 0, 5, 2, 2];
    for (const m of metrics()) {
      const stats = m.extractCorpusStatistics(hyps, refs);
      const resampled = m.corpusScore(idx.map((i) => hyps[i]!), refs.map((s) => idx.map((i) => s[i]!)));
      assert.equal(m.computeScoreFromStats(sumStats(stats, idx)).score, resampled.score);
    }
  });

  it('scores against references given once to the constructor', () => {
    const cached = new TER({ references: refs });
    const direct = new TER().corpusScore(hyps, refs);
    assert.equal(cached.corpusScore(hyps).score, direct.score);
    assert.equal(cached.corpusScore(hyps.map((h) => h.toUpperCase())).score, direct.score, 'TER lowercases');
    assert.equal(cached.signature().format(), 'nrefs:2|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0');
  });

  it('gives sacreBLEU\'s signatures, short forms and names', () => {
    const bleu = new BLEU({ smoothMethod: 'floor' });
    bleu.corpusScore(hyps, refs);
    assert.equal(bleu.signature().format(), 'nrefs:2|case:mixed|eff:no|tok:13a|smooth:floor[0.10]|version:2.6.0');
    assert.equal(bleu.signature().format(true), '#:2|c:mixed|e:no|tok:13a|s:floor[0.10]|v:2.6.0');
    const chrf = new CHRF({ wordOrder: 2, beta: 3, epsSmoothing: true, whitespace: true });
    assert.equal(chrf.corpusScore(hyps, refs).name, 'chrF3++');
    assert.equal(chrf.signature().format(), 'nrefs:2|case:mixed|eff:no|nc:6|nw:2|space:yes|version:2.6.0');
  });

  it('counts an empty reference but not a missing one (nrefs:var)', () => {
    const bleu = new BLEU();
    bleu.corpusScore(['a b', 'c d'], [['a b', 'c d'], ['', null]]);
    assert.equal(bleu.signature().format(true), '#:var|c:mixed|e:no|tok:13a|s:exp|v:2.6.0');
    bleu.corpusScore(['a b', 'c d'], [['a b', 'c d'], ['', '']]);
    assert.equal(bleu.signature().format(true), '#:2|c:mixed|e:no|tok:13a|s:exp|v:2.6.0');
  });

  it('returns the uniform { name, score, signature } result', () => {
    const results: MetricResult[] = metrics().map((m) => m.corpusResult(hyps, refs));
    assert.deepEqual(results.map((r) => r.name), ['BLEU', 'chrF2', 'chrF2++', 'TER']);
    for (const r of results) {
      assert.equal(typeof r.score, 'number');
      assert.match(r.signature, /^nrefs:2\|.*\|version:2\.6\.0$/);
    }
  });

  it('formats bootstrap estimates as sacreBLEU does (bs and seed in the signature)', () => {
    const bleu = new BLEU();
    const score = bleu.corpusScore(hyps, [refs[0]!]);
    score.confidence = { mean: 29.42, ci: 26.88 };
    const sig = bleu.signature().update('bs', 1000).update('seed', 12345).format();
    assert.equal(score.format({ width: 2, signature: sig }),
      'BLEU|nrefs:1|bs:1000|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 30.74 (μ = 29.42 ± 26.88) '
      + '71.4/38.9/23.3/16.7 (BP = 0.953 ratio = 0.955 hyp_len = 42 ref_len = 44)');
    const chrf = new CHRF();
    const c = chrf.corpusScore(hyps, [refs[0]!]);
    c.confidence = { mean: 57.6, ci: 14.9 };
    const json = JSON.parse(c.format({ width: 1, isJson: true, signature: chrf.signature().update('bs', 1000).update('seed', 12345).format() })) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json), ['name', 'score', 'signature', 'confidence_mean', 'confidence_var', 'confidence',
      'nrefs', 'bs', 'seed', 'case', 'eff', 'nc', 'nw', 'space', 'version']);
    assert.equal(json.confidence, 'μ = 57.6 ± 14.9');
  });

  it('keeps sacreBLEU\'s arithmetic: identical texts give 100.00000000000004', () => {
    assert.equal(new BLEU().corpusScore(['Hello! How are you doing today?'], [['Hello! How are you \r doing today?']]).score,
      100.00000000000004);
    assert.equal(new BLEU().sentenceScore('a b c', ['a b c']).score, 0, 'fewer than 4 tokens without effective order');
    assert.ok(new BLEU({ effectiveOrder: true }).sentenceScore('a b c', ['a b c']).score > 99.99);
  });

  it('rejects bad input with a clear Error', () => {
    assert.throws(() => new BLEU({ tokenize: 'nope' }), /Unknown tokenizer 'nope'/);
    assert.throws(() => new BLEU({ trgLang: 'zh' }), /Tokenizer 'zh' is not supported/);
    assert.throws(() => new BLEU({ smoothMethod: 'bogus' as 'exp' }), /unknown smooth method 'bogus'/);
    assert.throws(() => new BLEU({ maxNgramOrder: 0 }), /maxNgramOrder must be a positive integer/);
    assert.throws(() => new CHRF({ charOrder: 0, wordOrder: 0 }), /at least 1/);
    assert.throws(() => new TER().signature(), /evaluate the metric first/);
    assert.throws(() => new BLEU().corpusScore(['a'], [['a', 'b']]), /1 hypotheses but 2 reference segments/);
    assert.throws(() => new BLEU().corpusScore(['a', 'b'], [['a', 'b'], ['a']]), /different lengths/);
    assert.throws(() => new CHRF().corpusScore(['a'], [[null]]), /segment 0 has no reference/);
    assert.throws(() => new TER().corpusScore([], [[]]), /no hypotheses/);
    assert.throws(() => new TER().corpusScore(['a', 3 as unknown as string], [['a', 'b']]), /hypothesis 1 is not a string/);
    assert.throws(() => new BLEU().corpusScore(['a']), /no references given and none cached/);
    assert.throws(() => new BLEU().sentenceScore('a', []), /at least one reference/);
    assert.throws(() => new BLEU().computeScoreFromStats([1, 2]), /expected 10 statistics/);
  });

  it('lets other code build signatures for its own keys', () => {
    const sig = new Signature(-1, [['case', 'lc', 'c'], ['flag', true, 'f']]);
    sig.update('ar', 10000).update('seed', 12345);
    assert.equal(sig.format(), 'nrefs:var|ar:10000|seed:12345|case:lc|flag:yes|version:2.6.0');
    assert.equal(sig.format(true), '#:var|ar:10000|rs:12345|c:lc|f:yes|v:2.6.0');
  });
});
