import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/paths.js';

function score(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/score.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-cli-'));
const C = 'corpora/mali-minusma/';

/** A corpus of `n` documents, each the seed translated by both bundled systems. */
function bigCorpus(n: number): string {
  const dir = tmp();
  for (const f of ['source.en.txt', 'reference.ar.txt', 'mt.ar.txt', 'mt-llm.ar.txt', 'review.jsonl', 'review-llm.jsonl']) fs.copyFileSync(path.join(ROOT, C, f), path.join(dir, f));
  const documents = Array.from({ length: n }, (_, i) => ({
    id: `doc-${i + 1}`, title: `Copy ${i + 1}`, source: 'source.en.txt', references: ['reference.ar.txt'],
    translations: [{ system: 'nmt', file: 'mt.ar.txt', review: 'review.jsonl' }, { system: 'llm', file: 'mt-llm.ar.txt', ...(i === 0 ? {} : { review: 'review-llm.jsonl' }) }],
  }));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ schema: 'tadqiq.corpus/1', id: 'copies', title: 'Copies', sourceLang: 'en', targetLang: 'ar', documents }));
  return dir;
}

describe('npm run score', () => {
  it('prints a readable summary of the bundled corpus, with its two systems compared', () => {
    const r = score('corpora/mali-minusma');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /15 beads \(15× 1-1\)/);
    assert.match(r.out, /MQM 82\.72 {2}FAIL/);
    assert.match(r.out, /MQM 91\.36 {2}PASS/);
    assert.match(r.out, /chrF2 +63\.12 {2}nrefs:1\|case:mixed\|eff:yes\|nc:6\|nw:0\|space:no\|version:2\.6\.0/);
    assert.match(r.out, /BLEU +30\.41 {2}nrefs:1\|case:mixed\|eff:no\|tok:13a\|smooth:exp\|version:2\.6\.0/);
    assert.equal((r.out.match(/\[terminology\/major\] pair \d+ target "الخنتة"/g) ?? []).length, 3);
    assert.match(r.out, /Comparison: mali-minusma\/mali-minusma, 2 systems on 15 shared segments/);
    assert.match(r.out, /generic-nmt-2023 +82\.72 \[\d+\.\d\d, \d+\.\d\d\] +63\.12 \[/);
    assert.match(r.out, /generic-nmt-2023 vs llm-mt-2024, chrF2: Δ -7\.14, p = 0\.\d{4} \(significant: llm-mt-2024 is better\)/);
    assert.match(r.out, /^run tadqiq-score\|profile:mqm-core\|metrics:chrf,bleu\|tok:13a\|norm:none\|checks:configured\|bs:1000\|ar:10000\|seed:12345\|data:sha256:[0-9a-f]{16}\|sacrebleu:2\.6\.0\|version:tadqiq-1$/m);
  });

  it('writes the JSON contract for loose files', () => {
    const out = path.join(tmp(), 'out.json');
    const r = score('--source', C + 'source.en.txt', '--target', C + 'mt.ar.txt', '--reference', C + 'reference.ar.txt', '--glossary', C + 'glossary.tbx', '--format', 'json', '--out', out);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.equal(j.schema, 'tadqiq.score/1');
    const d = j.documents[0];
    assert.equal(d.sourceLang, 'en');
    assert.equal(d.targetLang, 'ar');
    assert.equal(d.source.sentences.length, 15);
    assert.equal(d.target.sentences.length, 15);
    // The alignment covers every sentence of both sides exactly once, in order.
    assert.deepEqual(d.alignment.flatMap((b: { source: number[] }) => b.source), [...Array(15).keys()]);
    assert.deepEqual(d.alignment.flatMap((b: { target: number[] }) => b.target), [...Array(15).keys()]);
    const text = fs.readFileSync(path.join(ROOT, C, 'mt.ar.txt'), 'utf8');
    for (const f of d.findings) assert.equal((f.side === 'target' ? text : fs.readFileSync(path.join(ROOT, C, 'source.en.txt'), 'utf8')).slice(f.start, f.end), f.text);
    assert.equal(d.annotations.length, 0, 'no review given, so no annotations');
    assert.equal(d.scores.mqm.errors, 0);
    assert.ok(d.scores.bleu.score > 0);
    assert.match(d.dataHash, /^sha256:[0-9a-f]{16}$/);
  });

  it('exits 2 with a message naming the file and line of bad input, and leaves no output file', () => {
    const dir = tmp();
    const bad = path.join(dir, 'review.jsonl');
    fs.writeFileSync(bad, '{"text":"الخنتة","category":"Terminology","severity":"major"}\n{"text":"nope"\n');
    const r = score('--source', C + 'source.en.txt', '--target', C + 'mt.ar.txt', '--review', bad);
    assert.equal(r.code, 2);
    assert.match(r.err, /review\.jsonl, line 1, field "text": "الخنتة" occurs 3 times/);
    const missing = score('--source', 'nope.txt', '--target', C + 'mt.ar.txt');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.txt: file not found/);
    assert.equal(score('corpora').code, 2);
    assert.match(score('corpora/mali-minusma', '--profile', 'nope').err, /no profile "nope"/);
    assert.match(score('corpora/mali-minusma', '--metrics', 'meteor').err, /unknown metric "meteor"/);
    assert.match(score('corpora/mali-minusma', '--tokenize', '13A').err, /unknown tokenizer "13A"/);
    assert.match(score('corpora/mali-minusma', '--checks', 'spelling').err, /unknown check "spelling"/);
    assert.match(score('no-such-dir/*').err, /no-such-dir\/\*: the pattern matches nothing/);
    // A broken review in the second document of a corpus: exit 2, and --out is not written.
    const corpus = bigCorpus(2);
    const manifest = JSON.parse(fs.readFileSync(path.join(corpus, 'manifest.json'), 'utf8'));
    fs.writeFileSync(path.join(corpus, 'broken.jsonl'), '{"text":"لا يوجد هذا","category":"Style","severity":"minor"}\n');
    manifest.documents[1].translations[0].review = 'broken.jsonl';
    fs.writeFileSync(path.join(corpus, 'manifest.json'), JSON.stringify(manifest));
    const out = path.join(dir, 'never.json');
    const b = score(corpus, '--format', 'json', '--out', out, '--workers', '2');
    assert.equal(b.code, 2, b.err);
    assert.match(b.err, /broken\.jsonl, line 1, field "text"/);
    assert.equal(fs.existsSync(out), false);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('.tmp')), []);
  });

  it('--fail-under: exit 1 when a system scores below the threshold, 0 when every system meets it', () => {
    const low = score('corpora/mali-minusma', '--fail-under', '85', '--quiet');
    assert.equal(low.code, 1);
    assert.match(low.err, /below threshold: mali-minusma\/generic-nmt-2023: MQM 82\.72 < 85/);
    assert.doesNotMatch(low.err, /llm-mt-2024: MQM/);
    assert.equal(score('corpora/mali-minusma', '--fail-under', '80', '--fail-under', 'chrf=60').code, 0);
    const ter = score('corpora/mali-minusma', '--metrics', 'ter', '--fail-under', 'ter=50');
    assert.equal(ter.code, 1, 'TER is lower-is-better: failing above the threshold');
    assert.match(ter.err, /generic-nmt-2023: ter \d+\.\d\d > 50/);
  });

  it('scores every metric, profile and option into TSV rows with signatures', () => {
    const r = score('corpora/mali-minusma', '--format', 'tsv', '--metrics', 'chrf,chrf++,bleu,ter', '--tokenize', 'intl', '--profile', 'wmt-google', '--ci', '--resamples', '200', '--trials', '500');
    assert.equal(r.code, 0, r.err);
    const rows = r.out.trimEnd().split('\n').map((l) => l.split('\t'));
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const docRows = rows.filter((x) => x[0] === 'document');
    assert.equal(docRows.length, 8, '2 documents × 4 metrics');
    assert.deepEqual([...new Set(docRows.map((x) => x[col('metric')]))], ['chrF2', 'chrF2++', 'BLEU', 'TER']);
    const bleu = docRows.find((x) => x[col('metric')] === 'BLEU')!;
    assert.match(bleu[col('metric_signature')]!, /tok:intl/);
    assert.ok(Number(bleu[col('metric_ci_low')]) < Number(bleu[col('metric_score')]));
    assert.match(docRows[0]![col('mqm_signature')]!, /^mqm\|profile:wmt-google\|/);
    assert.ok(Number(docRows[0]![col('mqm_score')]) < 0, 'wmt-google: minus the mean penalty per segment');
    assert.equal(rows.filter((x) => x[0] === 'system').length, 8);
    assert.equal(rows.filter((x) => x[0] === 'pair').length, 5, 'one test per metric, MQM included');
  });

  it('labels Arabic normalisation next to the unchanged sacreBLEU signature', () => {
    const r = score('corpora/mali-minusma', '--arabic-normalize', '--metrics', 'chrf', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    const chrf = j.documents[0].scores.chrf;
    assert.equal(chrf.signature, 'nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0');
    assert.match(chrf.normalization, /^tadqiq-ar-norm:/);
    assert.ok(chrf.score > 63.12);
    assert.match(j.run.signature, /\|norm:tadqiq-ar-norm:alef,alef-maqsura,taa-marbuta,diacritics,tatweel\|/);
  });

  it('gives the same output with worker threads as without, and compares systems over all documents', () => {
    const corpus = bigCorpus(3);
    const one = score(corpus, '--format', 'json', '--workers', '0', '--trials', '1000');
    const two = score(corpus, '--format', 'json', '--workers', '2', '--trials', '1000');
    assert.equal(one.code, 0, one.err);
    assert.equal(two.code, 0, two.err);
    assert.equal(two.out, one.out, 'byte-identical whatever the number of workers');
    const j = JSON.parse(one.out);
    assert.deepEqual(j.documents.map((d: { id: string }) => d.id), ['doc-1.nmt', 'doc-1.llm', 'doc-2.nmt', 'doc-2.llm', 'doc-3.nmt', 'doc-3.llm']);
    const nmt = j.systems.find((s: { system: string }) => s.system === 'nmt');
    assert.equal(nmt.documents, 3);
    assert.equal(nmt.mqm.words, 3 * 382);
    assert.ok(Math.abs(nmt.mqm.score - 82.7225) < 1e-4, 'three copies score as one');
    assert.ok(Math.abs(nmt.metrics.chrf.score - 63.122) < 1e-3);
    assert.ok(nmt.mqm.ci.low < nmt.mqm.score && nmt.mqm.score < nmt.mqm.ci.high);
    const all = j.comparisons.find((c: { source: string }) => c.source === '*');
    assert.equal(all.segments, 45);
    assert.equal(j.comparisons.filter((c: { source: string }) => c.source !== '*').length, 3);
    // doc-1's llm translation has no review: it scores 100 there, and the system total shows it.
    const llm = j.systems.find((s: { system: string }) => s.system === 'llm');
    assert.ok(Math.abs(llm.mqm.penalty - 66) < 1e-9, '0 + 33 + 33');
  });

  it('reads segment files (a WMT MQM TSV) and a one-segment-a-line manifest, and expands globs', () => {
    const w = score('test/fixtures/formats/wmt-mqm-enar.tsv', '--profile', 'wmt-google', '--format', 'json');
    assert.equal(w.code, 0, w.err);
    const j = JSON.parse(w.out);
    assert.deepEqual(j.documents.map((d: { system: string }) => d.system), ['engine-a', 'engine-b']);
    assert.equal(j.documents[0].scores.mqm.raters, 2);
    assert.ok(j.comparisons[0].pairs.length === 1);
    // One segment a line: line i of MT and reference go together.
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'src.en'), 'The junta ordered the mission out.\nPeacekeepers left Kidal.\nThe town is calm.\n');
    fs.writeFileSync(path.join(dir, 'mt.ar'), 'أمرت الخنتة البعثة بالخروج.\nغادر حفظة السلام كيدال.\n\n');
    fs.writeFileSync(path.join(dir, 'ref.ar'), 'أمر المجلس العسكري البعثة بالخروج.\nغادر حفظة السلام كيدال.\nالبلدة هادئة.\n');
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ schema: 'tadqiq.corpus/1', id: 'lines', title: 'L', sourceLang: 'en', targetLang: 'ar', documents: [{ id: 'd', title: 'D', source: 'src.en', references: ['ref.ar'], segmentation: 'lines', translations: [{ system: 's', file: 'mt.ar' }] }] }));
    const l = score(path.join(dir, 'manifest.json'), '--format', 'json');
    assert.equal(l.code, 0, l.err);
    const d = JSON.parse(l.out).documents[0];
    assert.deepEqual(d.alignment.map((b: { source: number[]; target: number[] }) => [b.source, b.target]), [[[0], [0]], [[1], [1]], [[2], []]], 'the empty third line is an omission');
    assert.equal(d.scores.chrf.segments, 3);
    const g = score('corpora/*', '--quiet');
    assert.equal(g.code, 0, g.err);
    assert.match(g.out, /mali-minusma\.llm-mt-2024/);
  });

  it('--db: scores the annotations stored by the UI, averaged over two reviewers per segment', async () => {
    const { openStore } = await import('../../server/store/index.js');
    const { importCorpora } = await import('../../server/store/import-corpus.js');
    const { readCorpora } = await import('../../server/ingest/corpus.js');
    const dir = tmp();
    const db = path.join(dir, 't.sqlite');
    const store = openStore(db);
    await importCorpora(store, readCorpora(path.join(ROOT, 'corpora')).corpora);
    // A second reviewer marks the same 26 errors again: the document must not score worse.
    const doc = 'mali-minusma.generic-nmt-2023';
    for (const a of await store.annotations.list(doc)) {
      await store.annotations.create(doc, { side: a.side, start: a.start, end: a.end, text: a.text, category: a.category, severity: a.severity, author: 'Second reviewer' });
    }
    store.close();
    const r = score('corpora/mali-minusma', '--db', db, '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const m = JSON.parse(r.out).documents[0].scores.mqm;
    assert.equal(m.errors, 52);
    assert.equal(m.raters, 2);
    assert.equal(m.penalty, 66);
    assert.ok(Math.abs(m.score - 82.7225) < 1e-4);
    assert.equal(Object.keys(m.byRater).length, 2);
  });

  it('writes HTML with the export renderer: the comparison for the corpus, the document report for one document', () => {
    const dir = tmp();
    const a = path.join(dir, 'a.html');
    const b = path.join(dir, 'b.html');
    assert.equal(score('corpora/mali-minusma', '--format', 'html', '--generated-at', '2026-01-01T00:00:00Z', '--out', a).code, 0);
    assert.equal(score('corpora/mali-minusma', '--format', 'html', '--generated-at', '2026-01-01T00:00:00Z', '--out', b).code, 0);
    assert.ok(fs.readFileSync(b).equals(fs.readFileSync(a)), 'byte-identical for the same data');
    const cmp = fs.readFileSync(a, 'utf8');
    assert.match(cmp, /System comparison/);
    assert.match(cmp, /<h2 id="significance">/);
    assert.match(cmp, /llm-mt-2024 is better \(p &lt; 0\.05\)/);
    assert.match(cmp, /<svg/, 'charts, as in npm run export');
    assert.equal(/(src|href)="https?:/.test(cmp), false, 'no external resources');
    const one = path.join(dir, 'one.html');
    const r = score('--source', C + 'source.en.txt', '--target', C + 'mt.ar.txt', '--review', C + 'review.jsonl', '--reference', C + 'reference.ar.txt', '--format', 'html', '--generated-at', '2026-01-01T00:00:00Z', '--out', one);
    assert.equal(r.code, 0, r.err);
    const html = fs.readFileSync(one, 'utf8');
    assert.match(html, /<div class="target" lang="ar" dir="rtl">/);
    assert.match(html, /data:font\/woff2;base64,/);
    assert.equal((html.match(/class="err"/g) ?? []).length, 26);
    assert.match(html, /<svg/);
  });
});
