import assert from 'node:assert/strict';
import { readCorpus } from '../../server/ingest/corpus.js';
import { processDocument } from '../../server/pipeline.js';
import { SEED_CORPUS } from '../helpers/paths.js';
import { align } from '../../server/align/index.js';
import { runChecks } from '../../server/check/index.js';
import { restartWordTable, sideWords } from '../../server/check/words.js';
import { segment } from '../../server/segment/index.js';
import { checkPair } from './helpers.js';

const calque = (en: string, ar: string, config = {}) => checkPair(en, ar, { only: 'calque', config }).map((f) => f.text);

describe('calque check (transliteration without a glossary)', () => {
  it('flags all three الخنتة of the seed when the glossary is removed, and none when the glossary rules on it', () => {
    const doc = readCorpus(SEED_CORPUS).documents[0]!;
    const { glossary: _g, ...bare } = doc.pair;
    const without = processDocument(bare).findings.filter((f) => f.check === 'calque');
    assert.deepEqual(without.map((f) => f.text), ['الخنتة', 'الخنتة', 'الخنتة']);
    for (const f of without) {
      assert.equal(f.suggestion, 'المجلس العسكري');
      assert.equal(f.category, 'Terminology');
      assert.match(f.message, /junta/);
    }
    assert.deepEqual(processDocument(doc.pair).findings.filter((f) => f.check === 'calque'), []);
  });

  it('finds sound-spellings behind clitics and suggests the Arabic word', () => {
    const cases: Array<[string, string, string[]]> = [
      ['The junta ordered the troops out.', 'أمرت الخنتة القوات بالمغادرة.', ['الخنتة']],
      ['Voters approved the constitution in a referendum on Sunday.', 'وافق الناخبون على الدستور في الريفرندوم يوم الأحد.', ['الريفرندوم']],
      ['The health ministry said the vaccine was free.', 'قالت وزارة الصحة إن الفاكسين مجاني.', ['الفاكسين']],
      ['Inflation in Egypt slowed in October.', 'تباطأ الإنفليشن في مصر في أكتوبر.', ['الإنفليشن']],
      // Not taken for a misspelt loanword by way of a spurious clitic and ending (ب + ايبلا ≈ ايبولا).
      ['Seawater is pumped through a pipeline.', 'يُضخ ماء البحر عبر بايبلاين.', ['بايبلاين']],
      // With the Arabic feminine plural (camp + ات).
      ['Thousands live in the camps.', 'يعيش الآلاف في الكامبات.', ['الكامبات']],
    ];
    for (const [en, ar, expected] of cases) assert.deepEqual(calque(en, ar), expected, ar);
    const [f] = checkPair('The health ministry said the vaccine was free.', 'قالت وزارة الصحة إن الفاكسين مجاني.', { only: 'calque' });
    assert.equal(f!.suggestion, 'لقاح');
  });

  it('leaves established loanwords, ordinary Arabic words and transliterated names alone', () => {
    const clean: Array<[string, string]> = [
      ['The militia attacked the parliament.', 'هاجمت الميليشيا البرلمان.'],
      ['They believe in democracy and technology.', 'إنهم يؤمنون بالديمقراطية والتكنولوجيا.'],
      ['People use the internet every day.', 'يستخدم الناس الإنترنت كل يوم.'],
      // A local word the English borrows, a brand written in lower case after an acronym, and
      // loanwords of music, sport and the sea.
      ['Villages were attacked by cattle rustlers, known locally as dahalo.', 'تعرضت القرى لهجمات لصوص الماشية المعروفين محليًا باسم داهالو.'],
      ["It was built with equipment from South Korea's SK bioscience.", 'شُيد بمعدات من مجموعة «إس كيه بايوساينس» الكورية الجنوبية.'],
      ['The orchestra played a cello concerto before the derby, said the captain.', 'عزفت الأوركسترا كونشرتو للتشيلو قبل الديربي، كما قالت القبطانة.'],
      // Established loanwords in the feminine plural.
      ['The pills contain vitamins and proteins.', 'تحتوي الحبوب على الفيتامينات والبروتينات.'],
      ['The cameras and the computers broke.', 'تعطلت الكاميرات والكمبيوترات.'],
      ['A couple of days before the vote, he spoke.', 'وقبل التصويت بيومين، تحدث.'],
      // A name that is also an English word, first in its sentence (name-words-en.txt).
      ['Trump rallies in West Virginia', 'تجمعات لترامب في فيرجينيا الغربية'],
      // The last part of a name written over several words (Jinping → جين بينغ), not "bowing".
      ['Publicly bowing to the US would embarrass Xi Jinping.', 'الرضوخ العلني للولايات المتحدة سيحرج شي جين بينغ.'],
      ['Donald Trump arrived in Kidal.', 'وصل دونالد ترامب إلى كيدال.'],
      ['The junta ordered the troops out.', 'أمر المجلس العسكري القوات بالمغادرة.'],
      // "police" is translated (الشرطة); بلوس is ب + لوس (in Los Angeles), not a sound-spelling of it.
      ['Police in Baton Rouge announced an arrest.', 'أعلنت الشرطة في باتون روج بلوس أنجلوس عن اعتقال.'],
    ];
    for (const [en, ar] of clean) assert.deepEqual(calque(en, ar), [], ar);
  });

  it('takes more loanwords from the corpus configuration', () => {
    const en = 'Voters approved the constitution in a referendum on Sunday.';
    const ar = 'وافق الناخبون على الدستور في الريفرندوم يوم الأحد.';
    assert.deepEqual(calque(en, ar, { calque: { options: { allow: ['ريفرندوم'] } } }), []);
  });
});

describe('calque check across a document', () => {
  const en = ['The junta ordered the troops out.', 'Juntas rarely give up power.', 'Crowds gathered in the capital.'];
  const withJunta = ['أمرت الخنتة القوات بالمغادرة.', 'نادرا ما تتخلى الخنتة عن السلطة.', 'تجمعت الحشود في العاصمة.'];
  // The same spelling in a sentence whose source has no "junta": something else (a name, a word).
  const elsewhere = ['أمرت الخنتة القوات بالمغادرة.', 'نادرا ما يتخلى العسكر عن السلطة.', 'تجمعت الحشود في ساحة الخنتة.'];
  const run = (ar: string[], between?: () => void, bothRead = false) => {
    const source = segment(en.join(' '), 'en');
    const target = segment(ar.join(' '), 'ar');
    const alignment = align(source, target);
    sideWords(source);
    if (bothRead) sideWords(target);
    between?.();
    return runChecks({ source, target, alignment }).filter((f) => f.check === 'calque').map((f) => `${f.sentence}:${f.text}`);
  };

  it('flags a sound-spelling only where the source has the English word, in every sentence', () => {
    assert.deepEqual(run(withJunta), ['0:الخنتة', '1:الخنتة']);
    assert.deepEqual(run(elsewhere), []);
  });

  it('gives the same findings when the word table starts again between or after reading the sides', () => {
    for (const bothRead of [false, true]) {
      assert.deepEqual(run(withJunta, restartWordTable, bothRead), ['0:الخنتة', '1:الخنتة']);
      assert.deepEqual(run(elsewhere, restartWordTable, bothRead), []);
    }
  });
});
