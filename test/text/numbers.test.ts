import assert from 'node:assert/strict';
import { arabicNumbers } from '../../server/text/numbers-ar.js';
import { englishNumbers } from '../../server/text/numbers-en.js';

const read = (parse: typeof englishNumbers, s: string) => parse(s).map((m) => [s.slice(m.start, m.end), m.values[0], m.kind]);

describe('number reading', () => {
  it('reads English digits, scale words, words, ordinals and multipliers', () => {
    const cases: Array<[string, Array<[string, number, string]>]> = [
      ['left eight of its 13 bases', [['eight', 8, 'words'], ['13', 13, 'digits']]],
      ['the 15,000-strong mission', [['15,000', 15000, 'digits']]],
      ['hit twice in 2013', [['twice', 2, 'words'], ['2013', 2013, 'digits']]],
      ['$5m and 1.5 billion people', [['5m', 5e6, 'digits'], ['1.5 billion', 1.5e9, 'digits']]],
      ['61 percent, 3% and 12 per cent', [['61 percent', 61, 'digits'], ['3%', 3, 'digits'], ['12 per cent', 12, 'digits']]],
      ['one hundred and fifty thousand people', [['one hundred and fifty thousand', 150000, 'words']]],
      ['twenty-five, the 21st century, a third of them', [['twenty-five', 25, 'words'], ['21st', 21, 'digits'], ['a third', 1 / 3, 'fraction']]],
      ['a third term and two-thirds of voters', [['two-thirds', 2 / 3, 'fraction']]],
      ['a six-game schedule for a mother-of-three', [['six', 6, 'words'], ['three', 3, 'words']]],
      ['three one-sided sessions', [['three', 3, 'words'], ['one', 1, 'words']]],
      ['at 04:00 BST', [['04:00', 400, 'digits']]],
      ['the 1950-53 war', [['1950', 1950, 'digits'], ['53', 1953, 'digits']]],
      ['no numbers here at all', []],
    ];
    for (const [s, expected] of cases) assert.deepEqual(read(englishNumbers, s), expected, s);
  });

  it('reads Arabic digits in three scripts, separators, number words with gender, compounds and duals', () => {
    const cases: Array<[string, Array<[string, number, string]>]> = [
      ['غادرت ثماني قواعد من أصل ثلاثة عشر قاعدة', [['ثماني', 8, 'words'], ['ثلاثة عشر', 13, 'words']]],
      ['خُمس الطاقة وثلثا الأطفال وربعها، لا خمس سنوات ولا خمسة أيام', [['خُمس', 1 / 5, 'fraction'], ['وثلثا', 2 / 3, 'fraction'], ['وربعها', 1 / 4, 'fraction'], ['خمس', 5, 'words'], ['خمسة', 5, 'words']]],
      ['ثلاث عشرة قاعدة', [['ثلاث عشرة', 13, 'words']]],
      ['تضم 15000 جندي و١٥٬٠٠٠ و۱۵', [['15000', 15000, 'digits'], ['١٥٬٠٠٠', 15000, 'digits'], ['۱۵', 15, 'digits']]],
      ['نحو 15 ألف جندي', [['15 ألف', 15000, 'digits']]],
      ['61 في المئة و٪61 و3٫5', [['61 في المئة', 61, 'digits'], ['61', 61, 'digits'], ['3٫5', 3.5, 'digits']]],
      ['خمسة وعشرون ومائة وخمسون ألفًا', [['خمسة وعشرون', 25, 'words'], ['ومائة وخمسون ألفًا', 150000, 'words']]],
      ['أصيب جنديان', [['جنديان', 2, 'dual']]],
      ['تعرضت لهجومين', [['لهجومين', 2, 'dual']]],
      ['في القرن التاسع عشر وعيد ميلاده الثالث والستين', [['التاسع عشر', 19, 'ordinal'], ['الثالث والستين', 63, 'ordinal']]],
      ['قال أحد الشهود يوم الأحد', []], // أحد alone is "someone" or Sunday
      ['30،000 شخص', [['30،000', 30000, 'digits']]],
    ];
    for (const [s, expected] of cases) assert.deepEqual(read(arabicNumbers, s), expected, s);
  });

  it('reads ordinals alone, also without dual detection', () => {
    for (const [s, v] of [['الإذاعة الرابعة', 4], ['للمرة الثالثة', 3], ['في الساعة السابعة', 7]] as const) {
      assert.deepEqual(arabicNumbers(s, 0, s.length, { duals: false }).map((m) => m.values[0]), [v], s);
    }
  });

  it('gives scaled numbers the count before the scale as a second reading', () => {
    const [m] = arabicNumbers('1.5 مليون');
    assert.deepEqual(m!.values, [1.5e6, 1.5]);
    const [e] = englishNumbers('two million');
    assert.deepEqual(e!.values, [2e6, 2]);
  });
});
