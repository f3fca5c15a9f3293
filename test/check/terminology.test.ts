import assert from 'node:assert/strict';
import { align } from '../../server/align/index.js';
import { runChecks } from '../../server/check/index.js';
import type { Glossary } from '../../server/core/types.js';
import { readCorpus } from '../../server/ingest/corpus.js';
import { processDocument } from '../../server/pipeline.js';
import { segment } from '../../server/segment/index.js';
import { SEED_CORPUS } from '../helpers/paths.js';

const JUNTA: Glossary = {
  name: 'test',
  entries: [
    {
      id: 'junta',
      terms: [
        { lang: 'en', text: 'junta', status: 'preferred' },
        { lang: 'ar', text: 'المجلس العسكري', status: 'preferred' },
        { lang: 'ar', text: 'الطغمة العسكرية', status: 'admitted' },
        { lang: 'ar', text: 'الخنتة', status: 'deprecated' },
      ],
    },
  ],
};

function check(en: string, ar: string, glossary: Glossary = JUNTA) {
  const source = segment(en, 'en');
  const target = segment(ar, 'ar');
  // Other checks (typography flags the tatweel case) are tested in their own files.
  return runChecks({ source, target, alignment: align(source, target), glossary }).filter((f) => f.check === 'terminology');
}

describe('terminology check', () => {
  const doc = readCorpus(SEED_CORPUS).documents[0]!;
  const processed = processDocument(doc.pair);
  const findings = processed.findings.filter((f) => f.check === 'terminology');

  it('flags exactly the three الخنتة in the seed as forbidden, with the glossary suggestion', () => {
    const forbidden = findings.filter((f) => f.side === 'target');
    assert.equal(forbidden.length, 3);
    const text = doc.pair.targetText;
    const expectedStarts = [...text.matchAll(/الخنتة/g)].map((m) => m.index);
    assert.deepEqual(forbidden.map((f) => f.start), expectedStarts);
    for (const f of forbidden) {
      assert.equal(text.slice(f.start, f.end), 'الخنتة');
      assert.equal(f.text, 'الخنتة');
      assert.equal(f.suggestion, 'المجلس العسكري');
      assert.equal(f.category, 'Terminology');
      assert.equal(f.severity, 'major');
      assert.equal(processed.target.sentences[f.sentence]!.text.includes('الخنتة'), true);
    }
    assert.deepEqual(forbidden.map((f) => f.sentence), [4, 7, 9]);
  });

  it('reports a missing glossary translation only where the expert review also found a term error', () => {
    const missing = findings.filter((f) => f.side === 'source');
    assert.deepEqual(missing.map((f) => f.text), ['peacekeepers', 'improvised explosive devices', 'JNIM', 'peacekeepers']);
    for (const f of missing) {
      const bead = processed.alignment.find((b) => b.source.includes(f.sentence))!;
      const targetSentences = bead.target.map((i) => processed.target.sentences[i]!);
      const inReview = doc.review.some((a) => targetSentences.some((s) => a.start >= s.start && a.end <= s.end) && /Terminology|Mistranslation/.test(a.category));
      assert.ok(inReview, `no expert error behind the finding on "${f.text}"`);
    }
  });

  it('flags an admitted term where the document also uses the preferred one, as the expert review of the second system does', () => {
    const llm = readCorpus(SEED_CORPUS).documents.find((d) => d.pair.system === 'llm-mt-2024')!;
    const mixed = processDocument(llm.pair).findings.filter((f) => f.check === 'terminology' && /one term throughout/.test(f.message));
    // الطغمة العسكرية beside المجلس العسكري; قوافل (a plural of قافلة) and قوات حفظ السلام (a
    // phrasing of حفظة السلام) are forms of the same word and are not reported.
    assert.deepEqual(mixed.map((f) => [f.text, f.suggestion]), [['الطغمة العسكرية', 'المجلس العسكري']]);
    assert.ok(llm.review.some((a) => a.category === 'Terminology' && llm.pair.targetText.slice(a.start, a.end) === 'الطغمة العسكرية'));
    // Alone, an admitted term is fine.
    assert.deepEqual(check('The junta ordered it.', 'أمرت الطغمة العسكرية بذلك.'), []);
    assert.deepEqual(
      check('The junta ordered it. The junta left.', 'أمرت الطغمة العسكرية بذلك. وغادر المجلس العسكري.').map((f) => f.text),
      ['الطغمة العسكرية'],
    );
  });

  it('finds forbidden terms behind Arabic clitics and ignores look-alikes', () => {
    const cases: Array<[string, string[]]> = [
      ['والخنتة أمرت بذلك.', ['والخنتة']],
      ['قال بيان للخنتة إن القوات غادرت.', ['للخنتة']],
      ['أمرت الخنتة، وبالخنتة، وكالخنتة.', ['الخنتة', 'وبالخنتة', 'وكالخنتة']],
      ['أمرت الخُنْتة بذلك.', ['الخُنْتة']], // harakat do not hide it
      ['أمرت الخنـتة بذلك.', ['الخنـتة']], // nor does tatweel
      ['أمر المجلس العسكري بذلك.', []],
      ['الخنتات كلمة أخرى.', []], // a different word that starts the same way
    ];
    for (const [ar, expected] of cases) {
      const got = check('The junta ordered it.', ar).filter((f) => f.side === 'target').map((f) => f.text);
      assert.deepEqual(got, expected, ar);
    }
    // The glossary's note is quoted without its own full stop.
    const noted: Glossary = { name: 'n', entries: [{ id: 'pm', terms: [{ lang: 'en', text: 'prime minister', status: 'preferred' }, { lang: 'ar', text: 'رئيس الوزراء', status: 'preferred' }, { lang: 'ar', text: 'الوزير الأول', status: 'deprecated', note: 'Maghreb usage.' }] }] };
    const [f] = check("The prime minister's office said so.", 'قال مكتب الوزير الأول ذلك.', noted);
    assert.equal(f!.message, '"الوزير الأول" is a forbidden term in the glossary (Maghreb usage); use "رئيس الوزراء".');
    // The head of the term in the feminine is the term (رئيسة الوزراء for a woman prime minister).
    assert.deepEqual(check('Prime Minister Leila Ben Salah opened the season.', 'افتتحت رئيسة الوزراء ليلى بن صالح الموسم.', noted), []);
    assert.deepEqual(check('Prime Minister Leila Ben Salah opened the season.', 'افتتحت ليلى بن صالح الموسم.', noted).map((x) => x.text), ['Prime Minister']);
  });

  it('matches a sound plural in every case and in the construct state (متمردو الطوارق)', () => {
    const rebels: Glossary = { name: 'r', entries: [{ id: 'rebels', terms: [{ lang: 'en', text: 'rebels', status: 'preferred' }, { lang: 'ar', text: 'المتمردين', status: 'preferred' }] }] };
    for (const ar of ['طرد متمردو الطوارق قوات الأمن.', 'طرد المتمردون قوات الأمن.', 'طرد متمرديهم قوات الأمن.', 'قاتلت القوات المتمردين.']) {
      assert.deepEqual(check('The rebels drove out the security forces.', ar, rebels), [], ar);
    }
    // Another word ending the same way is still not the term.
    assert.deepEqual(check('The rebels drove out the security forces.', 'طرد المسلحون قوات الأمن.', rebels).map((f) => f.text), ['rebels']);
  });

  it('accepts the preferred or admitted translation and handles English inflection', () => {
    assert.deepEqual(check('The junta ordered it.', 'أمر المجلس العسكري بذلك.'), []);
    assert.deepEqual(check('The juntas ordered it.', 'أمرت الطغمة العسكرية بذلك.'), []);
    assert.deepEqual(check('The junta ordered it.', 'وقال للمجلس العسكري إنه غادر.'), []);
    const missing = check("Mali's juntas ordered it.", 'أمرت الحكومة بذلك.');
    assert.equal(missing.length, 1);
    assert.equal(missing[0]!.side, 'source');
    assert.equal(missing[0]!.text, 'juntas');
    assert.match(missing[0]!.message, /المجلس العسكري/);
  });
});
