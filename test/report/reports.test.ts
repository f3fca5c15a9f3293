import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Annotation } from '../../server/core/types.js';
import { readCorpus } from '../../server/ingest/corpus.js';
import { runImport } from '../../server/ingest/import.js';
import { documentAgreement } from '../../server/report/agreement.js';
import { comparisonReport, corpusReport, documentReport, metricRows } from '../../server/report/html.js';
import { fixPdfStamps } from '../../server/report/pdf.js';
import { scoreBarsChart } from '../../server/report/charts.js';
import { scorecardCsv, scorecardXlsx } from '../../server/report/scorecard.js';
import { scoreWithAnnotations } from '../../server/score/batch.js';
import { fixture, memoryStore, typology } from '../helpers/formats.js';
import { SEED_CORPUS } from '../helpers/paths.js';

const AT = '2026-01-01T00:00:00.000Z';
const seed = readCorpus(SEED_CORPUS).documents[0]!;
const scored = scoreWithAnnotations(seed.pair, seed.review.map((a, k) => ({ ...a, id: k + 1, sentence: 0, text: seed.pair.targetText.slice(a.start, a.end), createdAt: AT })));

async function wmtDocs() {
  const store = memoryStore();
  const sum = await runImport(store, typology, { file: fixture('wmt-mqm-enar.tsv'), corpus: 'wmt' });
  return Promise.all(sum.documents.map(async (d) => scoreWithAnnotations((await store.documents.get(d.id))!, (await store.annotations.list(d.id)) as unknown as Annotation[])));
}

describe('report: HTML reports, scorecards and PDF stamps', function () {
  this.timeout(30_000);

  it('the document report embeds server-drawn SVG charts and is byte-identical for the same data', async () => {
    const a = await documentReport(scored.doc, scored.view, scored.scores, { generatedAt: AT });
    const b = await documentReport(scored.doc, scored.view, scored.scores, { generatedAt: AT });
    assert.equal(a, b);
    assert.equal((a.match(/<svg /g) ?? []).length, 2, 'errors per category and the penalty strip');
    assert.match(a, /aria-label="Errors per category, by severity"/);
    assert.match(a, /Linguistic conventions/);
    assert.equal((a.match(/class="err"/g) ?? []).length, 26);
    assert.equal(/(src|href)="https?:/.test(a), false, 'nothing loads from outside');
    assert.match(a, /@media print/);
    assert.doesNotMatch(a, /id="agreement"/, 'one reviewer: no agreement section');
  });

  it('reports agreement between two reviewers with the procedure spelled out', async () => {
    const [engineA] = await wmtDocs();
    const ag = documentAgreement(engineA!.doc, engineA!.view, engineA!.scores.mqm.words)!;
    assert.deepEqual(ag.raters.map((r) => [r.rater, r.segments, r.mqm.errors, r.mqm.penalty]), [['rater1', 3, 3, 11], ['rater2', 3, 3, 3]]);
    const p = ag.pairs[0]!;
    // rater1 marks segments 1 and 2, rater2 all three: po = 2/3, pe = (2/3)·1 + (1/3)·0 = 2/3, kappa 0.
    assert.deepEqual(p.table, { both: 2, firstOnly: 0, secondOnly: 1, neither: 0 });
    assert.equal(p.kappa.value, 0);
    // Target characters: rater1 الخنتة (6) + بالمغادرة (9) + all of segment 2 (19) = 34; rater2
    // الخنتة (6) + مرتين (5) + "." (1) = 12; shared: الخنتة and مرتين = 11 → F1 = 22/46.
    assert.deepEqual([p.span.charsA, p.span.charsB, p.span.overlap], [34, 12, 11]);
    assert.equal(p.span.f1.value, 22 / 46);
    assert.deepEqual([p.exact.matched, p.exact.f1.value], [1, 2 / 6], 'الخنتة, Terminology, by both');
    assert.equal(p.pearson.value, null, "rater2's penalties are the same in every segment");
    assert.match(p.pearson.reason!, /same in every segment/);
    const html = await documentReport(engineA!.doc, engineA!.view, engineA!.scores, { generatedAt: AT });
    assert.match(html, /id="agreement"/);
    assert.match(html, /<td class="num kappa" title="">0\.00<\/td>/);
    assert.match(html, /<td class="num" title="11 of 34 \/ 12 characters\. ">0\.48<\/td>/);
    assert.match(html, /Cohen&#39;s kappa: a segment is &#39;error&#39;/);
  });

  it('comparison and corpus reports rank systems and add penalties over documents', async () => {
    const docs = await wmtDocs();
    const cmp = await comparisonReport(docs, { generatedAt: AT });
    assert.equal(cmp, await comparisonReport([...docs].reverse(), { generatedAt: AT }), 'order of input does not matter');
    const systems = [...cmp.matchAll(/<tr><td>(engine-[ab])<\/td><td class="num">(-?[\d.]+)<\/td>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(systems.map((s) => s[0]), ['engine-b', 'engine-a'], 'best score first');
    assert.match(cmp, /id="segments"/, 'same segmentation: side by side');
    const corpus = await corpusReport('wmt', docs, { generatedAt: AT });
    const words = docs.reduce((n, d) => n + d.scores.mqm.words, 0);
    const penalty = docs.reduce((n, d) => n + d.scores.mqm.penalty, 0);
    assert.ok(corpus.includes(`${penalty} points / ${words} source words`));
    assert.ok(corpus.includes((100 * (1 - penalty / words)).toFixed(2)));
  });

  it('escapes names that come from imported files inside the SVG charts', async () => {
    const svg = (await scoreBarsChart([{ name: '<script>alert(1)</script>', score: 50, pass: false }], 90))!;
    assert.doesNotMatch(svg, /<script>/);
    assert.match(svg, /&lt;script&gt;alert\(1\)/);
  });

  it('renders every metric the scores carry, with confidence intervals when present', () => {
    const scores = { ...scored.scores, chrf: { ...scored.scores.chrf!, ci: { low: 60.1, high: 66.4, level: 0.95 } } };
    const rows = metricRows(scores);
    assert.deepEqual(rows.map((r) => [r.name, r.ci ?? '']), [['chrF2', '60.10–66.40 (95%)'], ['BLEU', '']]);
  });

  it('CSV and XLSX scorecards: one row per document, same bytes for the same data', async () => {
    const docs = await wmtDocs();
    const csv = scorecardCsv(docs);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^document,corpus,title,system,source_lang,target_lang,source_words,errors,neutral_errors,minor_errors,major_errors,critical_errors,penalty/);
    const a = await scorecardXlsx(docs, { generatedAt: AT });
    await new Promise((r) => setTimeout(r, 1100));
    const b = await scorecardXlsx(docs, { generatedAt: AT });
    assert.ok(a.equals(b), 'byte-identical a second later');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Scorecard', 'Errors', 'Categories']);
    const card = wb.getWorksheet('Scorecard')!;
    assert.equal(card.rowCount, 3);
    assert.equal(card.getRow(2).getCell(1).value, 'kidal.1.engine-a');
    assert.equal(wb.getWorksheet('Errors')!.rowCount, 1 + 8);
  });

  it('fixes the dates and the file id Chromium writes into a PDF, keeping every byte offset', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <</CreationDate (D:20251231235959+00\'00\') /ModDate (D:20251231235959+00\'00\')>> endobj\ntrailer <</ID [<0123456789ABCDEF0123456789ABCDEF> <FEDCBA9876543210FEDCBA9876543210>]>>\n', 'latin1');
    const fixed = fixPdfStamps(pdf, AT);
    assert.equal(fixed.length, pdf.length);
    assert.match(fixed.toString('latin1'), /\/CreationDate \(D:20260101000000\+00'00'\)/);
    const again = fixPdfStamps(Buffer.from(pdf.toString('latin1').replace('0123456789ABCDEF0123456789ABCDEF', '11111111111111111111111111111111'), 'latin1'), AT);
    assert.ok(again.equals(fixed), 'the id is derived from the content, not from the run');
  });
});
