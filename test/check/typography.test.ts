import assert from 'node:assert/strict';
import { checkPair } from './helpers.js';

const typo = (ar: string, en = 'The text.', config = {}) => checkPair(en, ar, { only: 'typography', config }).map((f) => f.text);

describe('typography check (Arabic targets)', () => {
  it('flags each kind of problem with the exact span', () => {
    const cases: Array<[string, string[]]> = [
      ['توقعوا نقصًا, لأن الجرعات وصلت.', [',']],
      ['أين ستذهب الأسر?', ['?']],
      ['قال المسؤولون؛ ثم غادروا; وانتهى الأمر.', [';']],
      ['وقال  المسؤولون إنهم غادروا.', ['  ']],
      ['أكدت المحكمة العليـا النتائج.', ['العليـا']],
      ['بحلول نهاية نهاية العام.', ['نهاية نهاية']],
      ['بما في ذلك (الشمال بحلول نهاية العام.', ['(']],
      ['في دیسمبر المقبل.', ['دیسمبر']],
      ['أمرت الخنتةa بذلك.', ['الخنتةa']],
    ];
    for (const [ar, expected] of cases) assert.deepEqual(typo(ar), expected, ar);
  });

  it('leaves correct Arabic punctuation, numbers, letter names and attaching tatweel alone', () => {
    const ok = [
      'تضم البعثة 15,000 جندي، وغادرت؛ أين؟',
      'ذكرت ذلك بي بي سي وسي إن إن.',
      'قال بـ"هل" في الـ2020.',
      '“هذا اقتباس” قال المتحدث.',
      'قال إن (الشمال) آمن.',
    ];
    for (const ar of ok) assert.deepEqual(typo(ar), [], ar);
  });

  it('excuses a quotation the source also leaves open, and honours disabled rules', () => {
    assert.deepEqual(typo('قال: "سنعود غدًا.', '"We will return tomorrow.'), []);
    assert.deepEqual(typo('قال: "سنعود غدًا.', 'He said: "We will return tomorrow."'), ['"']);
    // Two quotations opened and both carried into the next paragraph: even in number, open in fact.
    const twoOpen = 'She said, "A woman told me she would say, "You may think I am sad because I am crying.';
    const ar = 'قالت: "أخبرتني سيدة أنها تقول "تظنني حزينة لأني أبكي؟"';
    assert.deepEqual(typo(ar, twoOpen), []);
    // Opened and closed in the English: the Arabic's odd mark is its own.
    assert.deepEqual(typo(ar, 'She said, "A woman told me she would say that I may think she is sad." Then she left.'), ['"']);
    // A mark whose place does not tell (said:"A) leaves only the count to judge by.
    assert.deepEqual(typo(ar, 'She said:"A woman told me she would say that I may think she is sad." Then she left.'), ['"']);
    assert.deepEqual(typo('وقال  المسؤولون إنهم غادروا.', 'The text.', { typography: { options: { disable: ['doubleSpaces'] } } }), []);
  });
});
