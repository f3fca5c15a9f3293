import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Annotation, DocumentPair } from '../../server/core/types.js';
import { readCorpus } from '../../server/ingest/corpus.js';
import { runImport } from '../../server/ingest/import.js';
import { antheaProjectTsv, antheaResults } from '../../server/report/anthea.js';
import { segmentsTsv } from '../../server/report/pairs.js';
import { antheaTokens } from '../../server/ingest/tokens.js';
import { marotTsv } from '../../server/report/marot.js';
import { documentTmx } from '../../server/report/tmx.js';
import { documentXliff } from '../../server/report/xliff-its.js';
import { scoreWithAnnotations, type ScoredDocument } from '../../server/score/batch.js';
import type { Store } from '../../server/store/types.js';
import { fixture, FORMATS, memoryStore, typology } from '../helpers/formats.js';
import { ROOT, SEED_CORPUS } from '../helpers/paths.js';

const AT = '2026-01-01T00:00:00.000Z';
const seed = readCorpus(SEED_CORPUS).documents[0]!;
const seedScored = scoreWithAnnotations(seed.pair, seed.review.map((a, k) => ({ ...a, id: k + 1, sentence: 0, text: seed.pair.targetText.slice(a.start, a.end), createdAt: AT })));

/** What must survive a round trip, with offsets relative to the annotation's segment. */
function keys(s: ScoredDocument): string[] {
  return s.view.annotations
    .map((a) => {
      const b = s.view.beads[a.bead]!;
      const base = (a.side === 'source' ? b.source : b.target)[0]!.start;
      return [a.bead, a.side, a.start - base, a.end - base, a.text, a.category, a.severity, a.comment ?? '', a.correction ?? '', a.author].join('|');
    })
    .sort();
}

async function stored(store: Store, id: string): Promise<ScoredDocument> {
  const doc = (await store.documents.get(id))!;
  return scoreWithAnnotations(doc, (await store.annotations.list(id)) as unknown as Annotation[]);
}

const file = (name: string, body: string | Buffer) => ({ name, bytes: Buffer.from(body) });
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

function xmllint(xml: string): { ok: boolean; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-xliff-'));
  const f = path.join(dir, 'out.xlf');
  fs.writeFileSync(f, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', path.join(ROOT, 'test/fixtures/schemas/xliff21-its.xsd'), f], { encoding: 'utf8' });
  return { ok: r.status === 0, out: r.stderr };
}

/** ITS rules the schema cannot state (the module's Schematron): checked here. */
function checkItsRules(xml: string) {
  for (const m of xml.matchAll(/<(mrk|sm) ([^>]*)>/g)) {
    const attrs = m[2]!;
    assert.match(attrs, /type="its:generic"/);
    const standoff = attrs.includes('its:locQualityIssuesRef=');
    const local = /its:locQualityIssue(Type|Comment|Severity|ProfileRef|Enabled)=/.test(attrs);
    assert.ok(standoff !== local, `local issue attributes and its:locQualityIssuesRef are exclusive: ${attrs}`);
    if (standoff) {
      const id = /its:locQualityIssuesRef="#its=([^"]+)"/.exec(attrs)![1]!;
      assert.ok(xml.includes(`<its:locQualityIssues xml:id="${id}">`), `standoff ${id} exists`);
    }
  }
}

describe('report: every format round-trips on the seed', function () {
  this.timeout(30_000);

  it('Marot TSV: into the stored seed document, annotations come back identical; as a new document, the export is byte-identical', async () => {
    const tsv = marotTsv([seedScored], typology);
    const lines = tsv.trimEnd().split('\n');
    assert.equal(lines[0], 'system\tdoc\tdocSegId\tglobalSegId\trater\tsource\ttarget\tcategory\tseverity\tmetadata');
    assert.equal(lines.length - 1, 26 + 1, '26 errors and one No-error row (sentence pair 14 has no error)');
    const row = lines.find((l) => l.includes('<v>الخنتة</v>'))!.split('\t');
    assert.deepEqual(row.slice(0, 5), ['generic-nmt-2023', 'mali-minusma', '5', '5', 'Tadqiq team (expert review)']);
    const meta = JSON.parse(row[9]!);
    assert.deepEqual(meta.tadqiq.category, 'Terminology');
    const tokens = antheaTokens(row[6]!.replace(/<\/?v>/g, ''));
    assert.equal(tokens[meta.target_spans[0][0]]!.text, 'الخنتة', 'the token span points at the same word');

    const a = memoryStore();
    await a.documents.insert(seed.pair);
    const sum = await runImport(a, typology, { file: file('seed.tsv', tsv) });
    assert.deepEqual([sum.documents[0]!.created, sum.annotations], [false, 26]);
    assert.deepEqual(keys(await stored(a, seed.pair.id)), keys(seedScored));
    const again = await runImport(a, typology, { file: file('seed.tsv', tsv) });
    assert.equal(again.annotations, 0, 'importing the same file twice adds nothing');

    const b = memoryStore();
    const created = await runImport(b, typology, { file: file('seed.tsv', tsv), corpus: 'copy' });
    const copy = await stored(b, created.documents[0]!.id);
    assert.equal(copy.doc.segmentation, 'lines');
    assert.deepEqual(keys(copy), keys(seedScored));
    assert.equal(copy.scores.mqm.score, seedScored.scores.mqm.score);
    assert.equal(marotTsv([copy], typology), tsv);
  });

  it('Anthea results JSON: token spans as Anthea counts them, exact spans in metadata, identical annotations back', async () => {
    const json = antheaResults([seedScored], typology, { generatedAt: AT });
    for (const k of ['raterId', 'projectName', 'templateName', 'template', 'parsedDocSys', 'results', 'createdAt', 'savedAt', 'parameters']) assert.ok(k in json, k);
    assert.equal(json.results.length, 15);
    const khunta = (json.results as Array<{ errors: Array<{ selected: string; start: number; end: number; metadata: { tadqiq: { start: number } } }> }>)
      .flatMap((r) => r.errors)
      .find((e) => e.selected === 'الخنتة')!;
    assert.equal(khunta.start, khunta.end, 'a one-word span is one token');
    const store = memoryStore();
    await store.documents.insert(seed.pair);
    await runImport(store, typology, { file: file('anthea.json', JSON.stringify(json)) });
    assert.deepEqual(keys(await stored(store, seed.pair.id)), keys(seedScored));
  });

  it('Anthea spans without Tadqiq metadata widen to whole tokens (Arabic clitics included)', async () => {
    const pair: DocumentPair = { ...seed.pair, id: 'clitic', sourceText: 'And the junta left.', targetText: 'وغادرت والخنتة البلاد.', references: [], segmentation: 'lines' };
    const start = pair.targetText.indexOf('الخنتة');
    const s = scoreWithAnnotations(pair, [{ id: 1, sentence: 0, side: 'target', start, end: start + 6, text: 'الخنتة', category: 'Terminology', severity: 'major', author: 'R', createdAt: AT }]);
    const json = antheaResults([s], typology, { generatedAt: AT }) as { results: Array<{ errors: Array<{ start: number; end: number; metadata: Record<string, unknown> }> }> };
    const err = json.results[0]!.errors[0]!;
    assert.deepEqual([err.start, err.end], [2, 2], 'token 2 is والخنتة (tokens: وغادرت, " ", والخنتة)');
    delete err.metadata['tadqiq'];
    const store = memoryStore();
    const sum = await runImport(store, typology, { file: file('a.json', JSON.stringify(json)) });
    const got = await store.annotations.list(sum.documents[0]!.id);
    assert.equal(got[0]!.text, 'والخنتة');
  });

  it('XLIFF 2.1 + ITS: valid against the OASIS schema, ITS rules kept, issues and score present, annotations back unchanged', async function () {
    const xml = documentXliff(seedScored.doc, seedScored.view, { mqm: seedScored.scores.mqm, passThreshold: 90 });
    if (hasXmllint) {
      const v = xmllint(xml);
      assert.ok(v.ok, v.out);
      // The check can fail: an ITS severity above 100 and an unknown issue type are caught.
      assert.match(xmllint(xml.replace('locQualityIssueSeverity="50"', 'locQualityIssueSeverity="150"')).out, /maxInclusive/);
      assert.match(xmllint(xml.replace('locQualityIssueType="terminology"', 'locQualityIssueType="terminologie"')).out, /enumeration/);
    } else console.warn('      (xmllint missing: schema validation skipped; apt-get install libxml2-utils)');
    checkItsRules(xml);
    assert.match(xml, /<file id="f1" original="mali-minusma" [^>]*its:locQualityRatingScore="82\.72" its:locQualityRatingScoreThreshold="90"/);
    assert.match(xml, /<mrk id="t\d+" type="its:generic" its:locQualityIssueType="terminology"[^>]*its:locQualityIssueSeverity="50"[^>]*>الخنتة<\/mrk>/);
    assert.equal((xml.match(/<note category="tadqiq:annotation"/g) ?? []).length, 26);
    const store = memoryStore();
    const sum = await runImport(store, typology, { file: file('seed.xlf', xml), corpus: 'x' });
    assert.deepEqual(keys(await stored(store, sum.documents[0]!.id)), keys(seedScored));
  });

  it('XLIFF 2.1 + ITS: several issues on one span go standoff, crossing spans become sm/em, and it all reads back', async () => {
    const pair: DocumentPair = { ...seed.pair, id: 'overlap', sourceText: 'The junta ordered the mission to leave.', targetText: 'أمرت الخنتة البعثة بالمغادرة & فوراً.', references: [], segmentation: 'lines' };
    const at = (t: string) => pair.targetText.indexOf(t);
    const ann = (id: number, t: string, len: number, category: string, severity: Annotation['severity']) => ({ id, sentence: 0, side: 'target' as const, start: at(t), end: at(t) + len, text: pair.targetText.slice(at(t), at(t) + len), category, severity, author: 'R', comment: `c${id} <&>`, createdAt: AT });
    const s = scoreWithAnnotations(pair, [
      ann(1, 'الخنتة', 6, 'Terminology', 'major'),
      ann(2, 'الخنتة', 6, 'Linguistic conventions/Spelling', 'minor'),
      ann(3, 'الخنتة البعثة', 13, 'Accuracy/Mistranslation', 'critical'),
      ann(4, 'البعثة بالمغادرة', 16, 'Style', 'neutral'),
    ]);
    const xml = documentXliff(s.doc, s.view, { mqm: s.scores.mqm, passThreshold: 90 });
    if (hasXmllint) {
      const v = xmllint(xml);
      assert.ok(v.ok, v.out);
    }
    checkItsRules(xml);
    assert.match(xml, /its:locQualityIssuesRef="#its=lqi-/);
    assert.match(xml, /<sm id="t\d" type="its:generic"[^>]*\/>/);
    assert.match(xml, /&amp; فوراً/);
    const store = memoryStore();
    const sum = await runImport(store, typology, { file: file('o.xlf', xml), corpus: 'x' });
    assert.deepEqual(keys(await stored(store, sum.documents[0]!.id)), keys(s));
  });

  it('TMX: segments come back as the same sentence pairs', async () => {
    const tmx = documentTmx(seedScored.doc, seedScored.view, { generatedAt: AT });
    const store = memoryStore();
    const sum = await runImport(store, typology, { file: file('seed.tmx', tmx), corpus: 'tm' });
    const back = await stored(store, sum.documents[0]!.id);
    const pairs = (s: ScoredDocument) => s.view.beads.map((b) => [b.source.map((x) => x.text).join(' '), b.target.map((x) => x.text).join(' ')]);
    assert.deepEqual(pairs(back), pairs(seedScored));
    assert.equal(back.doc.system, 'generic-nmt-2023');
  });

  it('segment-pair TSV and the Anthea project: the same sentence pairs and paragraphs come back', async () => {
    const pairs = (s: ScoredDocument) => s.view.beads.map((b) => [b.paragraphStart, b.source.map((x) => x.text).join(' '), b.target.map((x) => x.text).join(' ')]);
    for (const [name, body] of [['seed.tsv', segmentsTsv(seedScored.doc, seedScored.view)], ['seed.anthea.tsv', antheaProjectTsv([seedScored])]] as const) {
      const store = memoryStore();
      const sum = await runImport(store, typology, { file: file(name, body), format: name.includes('anthea') ? 'anthea-project' : 'tsv', corpus: 'rt' });
      assert.deepEqual(pairs(await stored(store, sum.documents[0]!.id)), pairs(seedScored), name);
    }
  });

  it('the plain-text pair: the seed files import to the same texts, sentences and beads', async () => {
    const store = memoryStore();
    const read = (f: string) => ({ name: f, bytes: fs.readFileSync(path.join(SEED_CORPUS, f)) });
    const sum = await runImport(store, typology, { source: read('source.en.txt'), target: read('mt.ar.txt'), references: [read('reference.ar.txt')], system: 'generic-nmt-2023', corpus: 'txt' });
    const back = await stored(store, sum.documents[0]!.id);
    assert.equal(back.doc.targetText, seed.pair.targetText);
    // Same beads; confidences may differ in the last decimals, since the corpus's glossary is an
    // alignment anchor and a plain-text import has no glossary.
    const beads = (s: ScoredDocument) => s.view.processed.alignment.map((b) => [b.source, b.target]);
    assert.deepEqual(beads(back), beads(seedScored));
    assert.equal(back.scores.chrf!.score, seedScored.scores.chrf!.score);
  });

  it('a WMT MQM file round-trips: every row comes back with its span markup, category, severity, rater and comment', async () => {
    const original = fs.readFileSync(path.join(FORMATS, 'wmt-mqm-enar.tsv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split('\t'));
    const store = memoryStore();
    const sum = await runImport(store, typology, { file: fixture('wmt-mqm-enar.tsv'), corpus: 'wmt' });
    assert.deepEqual(sum.documents.map((d) => d.id), ['kidal.1.engine-a', 'kidal.1.engine-b']);
    const docs = await Promise.all(sum.documents.map((d) => stored(store, d.id)));
    const exported = marotTsv(docs, typology).trimEnd().split('\n').slice(1).map((l) => l.split('\t'));
    const norm = (r: string[], comment: string) => [r[0], r[1], r[2], r[4], r[5], r[6], r[7], r[8], comment].join(' | ');
    const want = original.map((r) => norm(r, r[9] ?? '')).sort();
    const got = exported.map((r) => norm(r, JSON.parse(r[9]!).note ?? '')).sort();
    assert.deepEqual(got, want);
    // And the export imports back to the same annotations.
    const again = memoryStore();
    const sum2 = await runImport(again, typology, { file: file('back.tsv', marotTsv(docs, typology)), corpus: 'wmt' });
    for (const d of sum2.documents) assert.deepEqual(keys(await stored(again, d.id)), keys(await stored(store, d.id)));
  });
});
