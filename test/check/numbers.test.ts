import assert from 'node:assert/strict';
import { readCorpus } from '../../server/ingest/corpus.js';
import { processDocument } from '../../server/pipeline.js';
import { SEED_CORPUS } from '../helpers/paths.js';
import { checkPair } from './helpers.js';

const numbers = (en: string, ar: string) => checkPair(en, ar, { only: 'numbers' }).map((f) => [f.side, f.text]);

describe('numbers check', () => {
  it('finds no number problem in the seed: ثماني، ثلاثة عشر، جنديان، لهجومين، 15000 and the years all match', () => {
    const doc = readCorpus(SEED_CORPUS).documents[0]!;
    assert.deepEqual(processDocument(doc.pair).findings.filter((f) => f.check === 'numbers'), []);
  });

  it('accepts the same value in any script, separator, scale or word', () => {
    const same: Array<[string, string]> = [
      ['The mission has 15,000 troops.', 'تضم البعثة ١٥٬٠٠٠ جندي.'],
      ['The mission has 15,000 troops.', 'تضم البعثة 15 ألف جندي.'],
      ['Turnout was 61 percent.', 'بلغت نسبة المشاركة ٪61.'],
      ['Turnout was 61 percent.', 'بلغت نسبة المشاركة 61 في المئة.'],
      ['It left eight of its 13 bases.', 'غادرت ثماني قواعد من أصل ثلاث عشرة قاعدة.'],
      ['Two soldiers were wounded.', 'أصيب جنديان.'],
      ['The convoy was hit twice.', 'تعرضت القافلة لهجومين.'],
      ['It cost $2 million.', 'كلف مليوني دولار.'],
      ['It happened in the 1930s.', 'حدث ذلك في ثلاثينيات القرن العشرين.'],
      ['It costs $1.5 billion.', 'تبلغ تكلفته 1500 مليون دولار.'],
      // A smaller part in digits after و completes the number: 17 thousand and 620.
      ['Peak consumption hit 17,620 megawatts.', 'بلغت ذروة الاستهلاك 17 ألفًا و620 ميغاواط.'],
      ['The city has 2.3 million people.', 'يسكن المدينة 2 مليون و300 ألف نسمة.'],
      // ألفا before a noun is the dual in construct (2,000); a unit before a ten after hundreds.
      ['The hall has 2,000 seats.', 'تضم القاعة ألفا مقعد.'],
      ['The hall has 1,979 seats.', 'تضم القاعة ألفًا وتسعمئة وتسعة وسبعين مقعدًا.'],
      // Fractions, including those spelled like numbers (خُمس, عُشر قيمتها), against five years.
      ['It carries roughly a fifth of its capacity.', 'ينقل نحو خُمس طاقته.'],
      ['Shares lost a tenth of their value.', 'فقدت الأسهم عُشر قيمتها.'],
      ['Two-thirds of children were vaccinated.', 'تلقى ثلثا الأطفال اللقاح.'],
      ['The war lasted five years.', 'استمرت الحرب خمس سنوات.'],
      // Two units joined by و are two numbers (three to five); ألفي is 2,000; three quarters.
      ['It will take three to five years.', 'سيستغرق ذلك ما بين ثلاث وخمس سنوات.'],
      ['The hospital has 2,000 beds.', 'يضم المستشفى ألفي سرير.'],
      ['They sell three-quarters of the crop abroad.', 'يبيعون ثلاثة أرباع المحصول في الخارج.'],
      // A 24-hour time said in words on the twelve-hour clock.
      ['They worked from 07:30 to 22:00.', 'عملوا من السابعة والنصف صباحًا حتى العاشرة ليلًا.'],
      // A race time: hours, minutes and seconds each said on its own.
      ['She won in 2:19:08.', 'فازت بزمن قدره ساعتان و19 دقيقة و8 ثوانٍ.'],
      // A scale word said once for a range: the count before it stands for the number.
      ['Between 15 and 20 million people voted.', 'صوّت ما بين 15 مليونًا و20 مليون شخص.'],
      ['Between 15 million and 20 million people voted.', 'صوّت ما بين 15 و20 مليون شخص.'],
      ['Spending will rise by 15 percent to 2.1 trillion rupees.', 'سيرتفع الإنفاق بنسبة ١٥٪ ليصل إلى 2.1 تريليون روبية.'],
    ];
    for (const [en, ar] of same) assert.deepEqual(numbers(en, ar), [], ar);
  });

  it('reports missing, extra and changed numbers', () => {
    assert.deepEqual(numbers('At least 150 civilians were killed.', 'قتل ما لا يقل عن مدنيًا.'), [['source', '150']]);
    assert.deepEqual(numbers('Voters backed the text.', 'أيد 8 ملايين ناخب النص.'), [['target', '8 ملايين']]);
    assert.deepEqual(numbers('It reached 2.5 million children.', 'وصلت إلى 25 مليون طفل.'), [['target', '25 مليون']]);
    // The same count with another scale word is another number.
    assert.deepEqual(numbers('A budget of 18.9 trillion rupees.', 'ميزانية بقيمة 18.9 مليار روبية.'), [['target', '18.9 مليار']]);
    assert.deepEqual(numbers('It raised $4bn.', 'جمعت 4 ملايين دولار.'), [['target', '4 ملايين']]);
    // One fraction left on each side is one share changed; a rank in digits against one in words.
    assert.deepEqual(numbers('A third of the budget was lost.', 'فُقد ربع الميزانية.'), [['target', 'ربع']]);
    assert.deepEqual(numbers('They won the cup for a 13th time.', 'فازوا بالكأس للمرة الثانية عشرة.'), [['target', 'الثانية عشرة']]);
    // One rank left on each side is one rank changed; half-time is not a rank.
    assert.deepEqual(numbers('Brenner finished third.', 'حلّت برينر في المركز الرابع.'), [['target', 'الرابع']]);
    assert.deepEqual(numbers('Brenner finished third.', 'حلّت برينر ثالثةً.'), []);
    assert.deepEqual(numbers('Menga struck before half-time.', 'سجّل مينجا قبل نهاية الشوط الأول.'), []);
    // The scale word dropped: £1.5 million is not £1.5.
    assert.deepEqual(numbers('Her deals are worth up to £1.5 million.', 'تساوي صفقاتها 1.5 جنيه إسترليني.'), [['target', '1.5']]);
    assert.deepEqual(numbers('Inflation slowed to 7.5 percent.', 'تباطأ التضخم إلى 5.7 في المئة.'), [['target', '5.7 في المئة']]);
    const [changed] = checkPair('The mission had 30,000 pupils.', 'كان لدى البعثة 300000 تلميذ.', { only: 'numbers' });
    assert.equal(changed!.suggestion, '30000');
    assert.match(changed!.message, /30,000/);
    // The fix is written in the translation's own digits; a value is spelled out only where the
    // writing does not already say it (no "(2,021)" after a year).
    const [indic] = checkPair('There were 17 candidates.', 'كان هناك ١٩ مرشحًا.', { only: 'numbers' });
    assert.equal(indic!.suggestion, '١٧');
    assert.equal(indic!.message, '"١٩" (19) where the source has "17".');
    const [year] = checkPair('They left in 2022.', 'غادروا في عام 2021.', { only: 'numbers' });
    assert.equal(year!.message, '"2021" where the source has "2022".');
  });

  it('reads a tie (2-2) and digits grouped by a space (116 123) as the translation writes them', () => {
    assert.deepEqual(numbers('He returned for the 2-2 draw with Villarreal.', 'عاد في التعادل بهدفين مع فياريال.'), []);
    assert.deepEqual(numbers('Call Samaritans free on 116 123.', 'اتصل بالسامريين مجانًا على الرقم 116123.'), []);
    assert.deepEqual(numbers('Call 116123 now.', 'اتصل بالرقم 116 123 الآن.'), []);
    // Still a change when the numbers differ.
    assert.deepEqual(numbers('It ended in a 2-1 win.', 'انتهت بالفوز بهدفين.'), [['source', '1']]);
    assert.deepEqual(numbers('Call Samaritans free on 116 123.', 'اتصل على الرقم 116124.'), [['target', '116124'], ['source', '123']]);
  });

  it('does not report a number missing from text whose spaces were lost (the typography check does)', () => {
    assert.deepEqual(numbers('Pompeo has visited North Korea three times already this year.', 'زاربومبيوكورياالشماليةثلاثمراتمسبقًاهذاالعام.'), []);
    assert.deepEqual(numbers('Pompeo has visited North Korea three times already this year.', 'زار بومبيو كوريا الشمالية مرات هذا العام.'), [['source', 'three']]);
  });
});
