// One row per segmentation case of the alignment issue, in English and in Arabic. Each row is
// the input and the sentences expected, in order; offsets are checked against the original.
import assert from 'node:assert/strict';
import { segment } from '../../server/segment/index.js';

type Row = [input: string, expected: string[]];

function check(rows: Row[], lang: string): void {
  for (const [input, expected] of rows) {
    const s = segment(input, lang);
    assert.deepEqual(s.sentences.map((x) => x.text), expected, JSON.stringify(input));
    for (const x of s.sentences) assert.equal(input.slice(x.start, x.end), x.text);
  }
}

const table: Record<string, { en: Row[]; ar: Row[] }> = {
  'abbreviations (titles, months, numbers, e.g., i.e., a.m., p.m.)': {
    en: [
      ['Mr. Smith arrived on Jan. 5. He left.', ['Mr. Smith arrived on Jan. 5.', 'He left.']],
      ['Dr. Ba met Gen. Goita and Col. Maiga. They spoke.', ['Dr. Ba met Gen. Goita and Col. Maiga.', 'They spoke.']],
      ['See No. 3 and Art. 12. It is binding.', ['See No. 3 and Art. 12.', 'It is binding.']],
      ['Some towns, e.g. Kidal, i.e. the north, fell.', ['Some towns, e.g. Kidal, i.e. the north, fell.']],
      ['They left at 8 a.m. on Tuesday and came back at 5 p.m. The town was calm.', ['They left at 8 a.m. on Tuesday and came back at 5 p.m.', 'The town was calm.']],
      ['Officials said No. That was final.', ['Officials said No.', 'That was final.']],
    ],
    ar: [
      ['وصل د. أحمد إلى المدينة. ثم غادر.', ['وصل د. أحمد إلى المدينة.', 'ثم غادر.']],
      ['وُلد عام 1950 م. في باماكو. ثم انتقل.', ['وُلد عام 1950 م. في باماكو.', 'ثم انتقل.']],
      ['بُني في القرن الخامس ق.م في المنطقة. وما زال قائمًا.', ['بُني في القرن الخامس ق.م في المنطقة.', 'وما زال قائمًا.']],
      ['توفي سنة 1400 هـ. ودفن في المدينة.', ['توفي سنة 1400 هـ. ودفن في المدينة.']],
    ],
  },
  'dotted acronyms (U.N., U.S.)': {
    en: [
      ['U.N. peacekeepers withdrew. They left.', ['U.N. peacekeepers withdrew.', 'They left.']],
      ['The U.N. Security Council met. It voted.', ['The U.N. Security Council met.', 'It voted.']],
      ['He works for the U.N. The next day he quit.', ['He works for the U.N.', 'The next day he quit.']],
      ['Troops from the U.S. and France left.', ['Troops from the U.S. and France left.']],
    ],
    ar: [
      ['قالت الأمم المتحدة (U.N.) إنها غادرت. ثم عادت.', ['قالت الأمم المتحدة (U.N.) إنها غادرت.', 'ثم عادت.']],
      ['أعلنت الولايات المتحدة U.S. انسحابها. وغادرت.', ['أعلنت الولايات المتحدة U.S. انسحابها.', 'وغادرت.']],
    ],
  },
  'initials': {
    en: [
      ['George W. Bush spoke. J. R. R. Tolkien wrote.', ['George W. Bush spoke.', 'J. R. R. Tolkien wrote.']],
      ['They chose plan B. The others left.', ['They chose plan B.', 'The others left.']],
    ],
    ar: [
      ['قال ج. بوش إن القوات ستبقى. ثم غادر.', ['قال ج. بوش إن القوات ستبقى.', 'ثم غادر.']],
    ],
  },
  'decimals and numbers with separators': {
    en: [
      ['Growth was 3.5 percent on 1,000.5 tons. Prices rose 2.75%.', ['Growth was 3.5 percent on 1,000.5 tons.', 'Prices rose 2.75%.']],
      ['The mission ended in 2023. 15,000 troops left.', ['The mission ended in 2023.', '15,000 troops left.']],
    ],
    ar: [
      ['بلغ عدد الجنود ١٥٬٠٠٠ جندي. وارتفع بنسبة ٣٫٥ في المئة.', ['بلغ عدد الجنود ١٥٬٠٠٠ جندي.', 'وارتفع بنسبة ٣٫٥ في المئة.']],
      ['غادر 15.000 جندي و3.5 في المئة من الموظفين. ثم انتهت المهمة.', ['غادر 15.000 جندي و3.5 في المئة من الموظفين.', 'ثم انتهت المهمة.']],
    ],
  },
  'ellipses': {
    en: [
      ['He waited... and waited. Nothing came... Then the convoy arrived.', ['He waited... and waited.', 'Nothing came...', 'Then the convoy arrived.']],
      ['They left… The town emptied.', ['They left…', 'The town emptied.']],
    ],
    ar: [
      ['غادروا…ثم عادوا. انتهى الأمر.', ['غادروا…ثم عادوا.', 'انتهى الأمر.']],
      ['انتظروا طويلًا... ثم وصلت القافلة.', ['انتظروا طويلًا...', 'ثم وصلت القافلة.']],
    ],
  },
  'closing quotes after the stop': {
    en: [
      ['"We are leaving." The mission confirmed it.', ['"We are leaving."', 'The mission confirmed it.']],
      ['He said: “It is over.” Then he left.', ['He said: “It is over.”', 'Then he left.']],
      ['"Why?" she asked. Nobody knew.', ['"Why?" she asked.', 'Nobody knew.']],
    ],
    ar: [
      ['قال: “انتهى الأمر.” ثم غادر.', ['قال: “انتهى الأمر.”', 'ثم غادر.']],
      ['«غادرنا القاعدة.» ثم صمت المتحدث.', ['«غادرنا القاعدة.»', 'ثم صمت المتحدث.']],
      ['“هل غادروا؟” قال المتحدث. نعم.', ['“هل غادروا؟” قال المتحدث.', 'نعم.']],
      ['«لن نعود.» قالت البعثة في بيان. وغادرت.', ['«لن نعود.» قالت البعثة في بيان.', 'وغادرت.']],
    ],
  },
  'question and exclamation marks; the Arabic comma, semicolon and dash never end a sentence': {
    en: [
      ['Did they leave? Yes! They left; the town — empty — fell.', ['Did they leave?', 'Yes!', 'They left; the town — empty — fell.']],
    ],
    ar: [
      ['هل غادرت البعثة؟ نعم غادرت!', ['هل غادرت البعثة؟', 'نعم غادرت!']],
      ['غادرت القوات، وبقي السكان؛ ثم عاد الهدوء — مؤقتًا.', ['غادرت القوات، وبقي السكان؛ ثم عاد الهدوء — مؤقتًا.']],
      ['جملة أولى۔ جملة ثانية.', ['جملة أولى۔', 'جملة ثانية.']],
    ],
  },
  'a stop with no space after it': {
    en: [
      ['The convoy left.The town emptied. See www.un.org for the U.S.Army note, 3.5 km.', ['The convoy left.', 'The town emptied.', 'See www.un.org for the U.S.Army note, 3.5 km.']],
    ],
    ar: [
      ['جملة أولى.جملة ثانية', ['جملة أولى.', 'جملة ثانية']],
      ['هل غادروا؟نعم.', ['هل غادروا؟', 'نعم.']],
    ],
  },
  'right-to-left and other invisible marks': {
    en: [
      ['The mission left.\u200E It was over.', ['The mission left.', 'It was over.']],
    ],
    ar: [
      ['\u200Fغادرت البعثة.\u200F ثم عاد الهدوء.\u200F', ['غادرت البعثة.', 'ثم عاد الهدوء.']],
      ['بلغت النسبة 25\u200E%\u200E. ثم انخفضت.', ['بلغت النسبة 25\u200E%\u200E.', 'ثم انخفضت.']],
    ],
  },
  'headlines and list items without final punctuation': {
    en: [
      // Blank lines make these paragraphs, so the single line breaks are judged inside one.
      ['Mali junta orders UN out\nThe mission has 15,000 troops.\n\nEnd.', ['Mali junta orders UN out', 'The mission has 15,000 troops.', 'End.']],
      ['Bases left:\n- Kidal\n- Tessalit\n- Aguelhok\n\nEnd.', ['Bases left:', '- Kidal', '- Tessalit', '- Aguelhok', 'End.']],
      ['1. Troops left.\n2. Civilians stayed\n\nEnd.', ['1. Troops left.', '2. Civilians stayed', 'End.']],
      ['The convoy that left the town this\nmorning was hit twice.\n\nEnd.', ['The convoy that left the town this\nmorning was hit twice.', 'End.']],
    ],
    ar: [
      ['المجلس العسكري يطلب رحيل البعثة\nتضم البعثة 15 ألف جندي.\n\nانتهى.', ['المجلس العسكري يطلب رحيل البعثة', 'تضم البعثة 15 ألف جندي.', 'انتهى.']],
      ['القواعد التي أُخليت:\n- كيدال\n- تساليت\n\nانتهى.', ['القواعد التي أُخليت:', '- كيدال', '- تساليت', 'انتهى.']],
      ['غادرت القافلة التي كانت في المدينة،\nوأصيبت مرتين.\n\nانتهى.', ['غادرت القافلة التي كانت في المدينة،\nوأصيبت مرتين.', 'انتهى.']],
    ],
  },
};

describe('sentence segmentation, case by case', () => {
  for (const [name, rows] of Object.entries(table)) {
    it(`English: ${name}`, () => check(rows.en, 'en'));
    it(`Arabic: ${name}`, () => check(rows.ar, 'ar'));
  }

  it('English and Arabic: paragraph boundaries always end a sentence', () => {
    for (const [text, lang] of [['The convoy left the town\n\nof Kidal', 'en'], ['غادرت القافلة مدينة\n\nكيدال', 'ar']] as const) {
      const s = segment(text, lang);
      assert.equal(s.paragraphs.length, 2);
      assert.deepEqual(s.sentences.map((x) => x.paragraph), [0, 1]);
    }
  });

  it('English and Arabic: one segment per line when the input is pre-segmented', () => {
    const en = 'First. Still the first line\nSecond line? Yes';
    assert.deepEqual(segment(en, 'en', { preSegmented: true }).sentences.map((x) => x.text), ['First. Still the first line', 'Second line? Yes']);
    const ar = 'الأولى. ما زالت السطر الأول\r\nالسطر الثاني؟ نعم';
    assert.deepEqual(segment(ar, 'ar', { preSegmented: true }).sentences.map((x) => x.text), ['الأولى. ما زالت السطر الأول', 'السطر الثاني؟ نعم']);
  });

  it('keeps offsets into the original text with a CRLF file and leading marks', () => {
    const text = '\u200FLine one.\r\n\r\nLine two. Three.';
    const s = segment(text, 'en');
    assert.deepEqual(s.sentences.map((x) => [x.text, x.paragraph]), [['Line one.', 0], ['Line two.', 1], ['Three.', 1]]);
    for (const x of s.sentences) assert.equal(text.slice(x.start, x.end), x.text);
  });
});
