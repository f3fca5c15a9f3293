import assert from 'node:assert/strict';
import { segment } from '../../server/segment/index.js';
import { read } from '../helpers/paths.js';

const texts = (t: string, lang: string) => segment(t, lang).sentences.map((s) => s.text);

describe('segmentation', () => {
  it('splits the seed MT into 15 Arabic sentences whose offsets point into the original text', () => {
    const text = read('corpora/mali-minusma/mt.ar.txt');
    const s = segment(text, 'ar');
    assert.equal(s.paragraphs.length, 13);
    assert.equal(s.sentences.length, 15);
    for (const x of s.sentences) {
      assert.equal(text.slice(x.start, x.end), x.text);
      assert.equal(x.text, x.text.trim());
    }
    // Paragraph 10 and 13 hold two sentences each; the Arabic comma never ends one.
    assert.deepEqual(s.sentences.filter((x) => x.paragraph === 9).length, 2);
    assert.ok(s.sentences[4]!.text.includes('15000 جندي،'));
  });

  it('keeps English abbreviations and dotted acronyms inside the sentence', () => {
    const cases: Array<[string, string[]]> = [
      ['U.N. peacekeepers withdrew. They left.', ['U.N. peacekeepers withdrew.', 'They left.']],
      ['The U.N. Security Council met. It voted.', ['The U.N. Security Council met.', 'It voted.']],
      ['He works for the U.N. The next day he quit.', ['He works for the U.N.', 'The next day he quit.']],
      ['Mr. Smith arrived on Jan. 5. He left.', ['Mr. Smith arrived on Jan. 5.', 'He left.']],
      ['Gen. Assimi Goita led the junta. Col. Maiga spoke.', ['Gen. Assimi Goita led the junta.', 'Col. Maiga spoke.']],
      ['George W. Bush spoke at 8 a.m. on Tuesday.', ['George W. Bush spoke at 8 a.m. on Tuesday.']],
      ['"Why?" she asked. Nobody knew.', ['"Why?" she asked.', 'Nobody knew.']],
    ];
    for (const [input, expected] of cases) assert.deepEqual(texts(input, 'en'), expected, input);
  });

  it('handles Arabic punctuation, quotes and Latin abbreviations in Arabic', () => {
    const cases: Array<[string, string[]]> = [
      ['هل غادرت البعثة؟ نعم غادرت.', ['هل غادرت البعثة؟', 'نعم غادرت.']],
      ['غادرت القوات، وبقي السكان؛ ثم عاد الهدوء.', ['غادرت القوات، وبقي السكان؛ ثم عاد الهدوء.']],
      ['قالت الأمم المتحدة (U.N.) إنها غادرت. ثم عادت.', ['قالت الأمم المتحدة (U.N.) إنها غادرت.', 'ثم عادت.']],
      ['وصل السيد م. أحمد إلى المدينة. ثم غادر.', ['وصل السيد م. أحمد إلى المدينة.', 'ثم غادر.']],
      ['“هل غادروا؟” قال المتحدث. نعم.', ['“هل غادروا؟” قال المتحدث.', 'نعم.']],
    ];
    for (const [input, expected] of cases) assert.deepEqual(texts(input, 'ar'), expected, input);
  });

  it('treats each line as a paragraph when the text has no blank line', () => {
    const s = segment('First line\nSecond line without stop\nThird.', 'en');
    assert.equal(s.paragraphs.length, 3);
    assert.deepEqual(s.sentences.map((x) => x.text), ['First line', 'Second line without stop', 'Third.']);
  });
});
