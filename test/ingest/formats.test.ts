import assert from 'node:assert/strict';
import { readImport, runImport } from '../../server/ingest/import.js';
import { processDocument } from '../../server/pipeline.js';
import { counts, encodeWindows1256, fixture, memoryStore, typology } from '../helpers/formats.js';

const read = (name: string, extra = {}) => readImport({ file: fixture(name), ...extra }, typology).result;
const seg = (r: ReturnType<typeof read>, d = 0) => r.documents[d]!.segments.map((s) => [s.source, s.target]);

describe('ingest: CAT-tool and research formats', () => {
  it('reads a memoQ XLIFF 1.2: statuses, notes, codes dropped, placeholders shown, the empty target kept', () => {
    const r = read('memoq.mqxliff');
    assert.equal(r.format, 'xliff');
    const d = r.documents[0]!;
    assert.deepEqual([d.sourceLang, d.targetLang, d.doc], ['en-US', 'ar-SA', 'kidal-briefing.docx']);
    assert.deepEqual(seg(r), [
      ['The junta ordered the U.N. mission to leave.', 'أمر المجلس العسكري بعثة الأمم المتحدة بالمغادرة.'],
      ['Peacekeepers left Kidal on {date}.', 'غادر حفظة السلام كيدال في {date}.'],
      ['Tuareg separatists took over the camp.', ''],
    ]);
    assert.deepEqual(d.segments.map((s) => s.meta?.state), ['ManuallyConfirmed', 'PartiallyEdited', 'NotStarted']);
    assert.deepEqual(d.segments[0]!.meta?.notes, ['Client glossary: junta → المجلس العسكري']);
  });

  it('reads a Trados SDLXLIFF segment by segment, with confirmation levels', () => {
    const r = read('trados.sdlxliff');
    assert.deepEqual(seg(r), [
      ['The largest U.N. base is in Gao.', 'تقع أكبر قاعدة للأمم المتحدة في غاو.'],
      ['Two peacekeepers were wounded.', 'أصيب اثنان من حفظة السلام.'],
      ['The convoy was hit twice.', ''],
    ]);
    assert.deepEqual(r.documents[0]!.segments.map((s) => s.meta?.state), ['ApprovedTranslation', 'Translated', 'Draft']);
    // Two segments of one trans-unit stay in one paragraph.
    assert.deepEqual(r.documents[0]!.segments.map((s) => s.paragraphStart), [true, true, false]);
  });

  it('reads an Okapi XLIFF 2.0: units as paragraphs, <pc> text kept, <ph equiv> shown, ignorables skipped', () => {
    const r = read('okapi.xlf');
    assert.deepEqual(seg(r), [
      ['UN peacekeepers leave Kidal', 'قوات حفظ السلام تغادر كيدال'],
      ['The town is now held by Tuareg separatists.', 'المدينة الآن في أيدي الانفصاليين الطوارق.'],
      ['JNIM claimed the attack [img] on Tuesday.', 'أعلنت جماعة نصرة الإسلام والمسلمين مسؤوليتها عن الهجوم [img] يوم الثلاثاء.'],
    ]);
    assert.deepEqual(r.documents[0]!.segments.map((s) => s.meta?.id), ['tu1', 'tu2#1', 'tu2#2']);
    assert.deepEqual(r.documents[0]!.segments.map((s) => s.meta?.state), ['translated', 'reviewed', 'initial']);
  });

  it('reads ITS quality issues from another tool: standoff lists, crossing sm/em, disabled issues skipped', () => {
    const r = read('third-party-its.xlf');
    const d = r.documents[0]!;
    const got = d.annotations.map((a) => [a.segment, d.segments[a.segment]!.target.slice(a.start, a.end), a.category, a.severity, a.comment ?? '']);
    assert.deepEqual(got, [
      [0, 'الخنتة', 'Terminology', 'major', 'Use المجلس العسكري'],
      [0, 'الخنتة', 'Linguistic conventions/Spelling', 'minor', ''],
      [1, 'حفظة السلام', 'Linguistic conventions/Grammar', 'minor', ''],
      [1, 'السلام بعد', 'Accuracy/Mistranslation', 'critical', 'ahead of, not after'],
    ]);
    assert.deepEqual(r.skipped, { 'disabled or empty ITS issues': 1 });
    assert.equal(d.annotations[0]!.origin?.category, 'terminology');
  });

  it('reads ITS issues that Okapi writes into XLIFF 1.2 <mrk mtype="x-its">', () => {
    const xml = `<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0">
<file original="a.txt" source-language="en" target-language="ar" datatype="plaintext"><body>
<trans-unit id="1"><source>The junta left.</source><target>غادرت <mrk mtype="x-its" its:locQualityIssueType="terminology" its:locQualityIssueSeverity="60">الخنتة</mrk>.</target></trans-unit>
</body></file></xliff>`;
    const r = readImport({ file: { name: 'okapi12.xlf', bytes: Buffer.from(xml) } }, typology).result;
    const a = r.documents[0]!.annotations;
    assert.deepEqual(a.map((x) => [x.start, x.end, x.category, x.severity]), [[6, 12, 'Terminology', 'major']]);
  });

  it('reads Trados and memoQ TMX: region codes matched, codes dropped, entities and character references decoded', () => {
    const t = read('trados.tmx');
    assert.deepEqual([t.documents[0]!.sourceLang, t.documents[0]!.targetLang], ['en-US', 'ar-SA']);
    assert.deepEqual(seg(t)[0], ['Myriam Dessables heads communications for MINUSMA.', 'ميريام ديسابل ترأس الاتصالات في مينوسما.']);
    const m = read('memoq.tmx');
    assert.deepEqual(seg(m), [['Security & stability worsened in 2023.', 'تدهور الأمن والاستقرار في عام 2023.']]);
    assert.deepEqual(m.documents[0]!.segments[0]!.meta?.notes, ['Checked against the AP style guide', 'client: Newsroom']);
    assert.equal(read('trados.tmx', { targetLang: 'fr' }).documents[0]!.segments[0]!.target, '', 'a language the file lacks gives empty targets');
  });

  it('reads TSV with a header (references, notes, quote marks, paragraph break) and CSV with doc and system columns', () => {
    const t = read('pairs.tsv');
    assert.equal(t.documents.length, 1);
    assert.deepEqual(t.documents[0]!.segments.map((s) => [s.target, s.references?.[0], s.paragraphStart]), [
      ['أمرت الخنتة البعثة بالمغادرة.', 'أمر المجلس العسكري البعثة بالمغادرة.', true],
      ['قالت "لا".', 'قالت "لا".', false],
      ['تبدأ هنا فقرة جديدة.', 'تبدأ هنا فقرة جديدة.', true],
    ]);
    const c = read('pairs.csv');
    assert.deepEqual(c.documents.map((d) => [d.doc, d.system, d.segments[0]!.source]), [
      ['kidal', 'engine-a', 'Peacekeepers left Kidal, weeks early.'],
      ['kidal', 'engine-b', 'Peacekeepers left Kidal, weeks early.'],
    ]);
  });

  it('reads an Anthea project: parameters line, paragraph breaks, escaped line breaks, references', () => {
    const r = read('anthea-project.tsv');
    const d = r.documents[0]!;
    assert.deepEqual([d.doc, d.system, d.sourceLang, d.targetLang], ['kidal-1', 'engine-a', 'en', 'ar']);
    assert.deepEqual(d.segments.map((s) => s.paragraphStart), [true, false, true]);
    assert.equal(d.segments[2]!.source, 'A second paragraph\nwith an escaped line break.');
    assert.deepEqual(d.segments[1]!.references, ['تعرضت للهجوم مرتين.']);
  });

  it('reads a WMT MQM file: systems, raters, spans, No-error rows, a span-less error and a source-side error', () => {
    const r = read('wmt-mqm-enar.tsv');
    assert.equal(r.format, 'marot');
    assert.deepEqual(r.documents.map((d) => [d.doc, d.system, d.annotations.length]), [['kidal.1', 'engine-a', 6], ['kidal.1', 'engine-b', 2]]);
    assert.deepEqual(r.documents[0]!.ratings, { rater1: [0, 1, 2], rater2: [0, 1, 2] });
    const a = r.documents[0]!.annotations;
    assert.deepEqual(a.map((x) => [x.author, x.category, x.severity]), [
      ['rater1', 'Terminology', 'major'], ['rater1', 'Style', 'minor'], ['rater1', 'Accuracy/Omission', 'major'],
      ['rater2', 'Terminology', 'minor'], ['rater2', 'Accuracy/Mistranslation', 'minor'], ['rater2', 'Linguistic conventions/Punctuation', 'minor'],
    ]);
    assert.equal(a[2]!.origin?.markup, 'تعرضت للهجوم مرتين.', 'the span-less row is kept as it was written');
    const b = r.documents[1]!.annotations;
    assert.deepEqual(b.map((x) => [x.side, x.category, x.severity]), [['target', 'Non-translation', 'major'], ['source', 'Other', 'neutral']]);
  });

  it('stores imported segments as 1-1 beads, line by line, with empty targets as omissions', async () => {
    const store = memoryStore();
    const s = await runImport(store, typology, { file: fixture('trados.sdlxliff'), corpus: 'studio' });
    const doc = (await store.documents.get(s.documents[0]!.id))!;
    assert.equal(doc.segmentation, 'lines');
    const p = processDocument(doc);
    assert.deepEqual(p.alignment.map((b) => [b.source, b.target]), [[[0], [0]], [[1], [1]], [[2], []]]);
    assert.deepEqual(p.target.sentences.map((x) => x.text), ['تقع أكبر قاعدة للأمم المتحدة في غاو.', 'أصيب اثنان من حفظة السلام.']);
    assert.deepEqual(doc.meta?.segments?.map((m) => m.state), ['ApprovedTranslation', 'Translated', 'Draft']);
  });

  it('imports a Windows-1256 TSV, and a plain-text pair one segment a line', async () => {
    const store = memoryStore();
    const tsv = encodeWindows1256('The junta left.\tغادرت الخنتة.\nIt was hit twice.\tتعرضت للهجوم مرتين.\n');
    const a = await runImport(store, typology, { format: 'tsv', file: { name: 'legacy.tsv', bytes: tsv } });
    const doc = (await store.documents.get(a.documents[0]!.id))!;
    assert.equal(doc.targetText, 'غادرت الخنتة.\nتعرضت للهجوم مرتين.');
    const b = await runImport(store, typology, {
      source: { name: 'en.txt', bytes: Buffer.from('One.\r\nTwo.\r\n') },
      target: { name: 'ar.txt', bytes: Buffer.from('واحد.\r\nاثنان.\r\n') },
      segmentation: 'lines',
      system: 'engine-x',
    });
    const pair = (await store.documents.get(b.documents[0]!.id))!;
    assert.equal(pair.sourceText, 'One.\nTwo.', 'line ends normalised');
    assert.equal(processDocument(pair).alignment.length, 2);
    assert.deepEqual(await counts(store), { documents: 2, annotations: 0 });
  });
});
