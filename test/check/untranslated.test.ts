import assert from 'node:assert/strict';
import { checkPair } from './helpers.js';

const untranslated = (en: string, ar: string) => checkPair(en, ar, { only: 'untranslated' }).map((f) => f.text);

describe('untranslated check', () => {
  // A sentence among Arabic ones (a whole English target is the language check's business).
  const before = 'Heavy rain caused floods across eastern Sudan this week.\n\n';
  const arBefore = 'تسببت الأمطار الغزيرة في فيضانات في أنحاء شرق السودان هذا الأسبوع.\n\n';

  it('flags a target identical to its source, a sentence in Latin script and a long English run', () => {
    const en = 'The floods destroyed crops just weeks before the harvest.';
    assert.deepEqual(untranslated(before + en, arBefore + en), [en]);
    assert.match(checkPair(before + en, arBefore + en, { only: 'untranslated' })[0]!.message, /identical/);
    // A mostly Latin sentence is marked from its first Latin word to its last, not its full stop;
    // one that starts in Arabic is marked on its English part only.
    const mostlyLatin = 'The floods destroyed crops قبل الحصاد just weeks before the harvest.';
    assert.deepEqual(untranslated(before + en, arBefore + mostlyLatin), [mostlyLatin.slice(0, -1)]);
    assert.deepEqual(
      untranslated(`${before}Lawyers argued that the evidence had been gathered without a warrant.`, `${arBefore}وقال المحامون إن the evidence had been gathered without a warrant.`),
      ['the evidence had been gathered without a warrant'],
    );
    assert.deepEqual(
      untranslated(
        `${before}Opposition leaders called for a boycott, saying the vote would entrench the transitional government.`,
        `${arBefore}ودعا زعماء المعارضة إلى المقاطعة، قائلين إن التصويت سيرسخ سلطة الحكومة الانتقالية the transitional government will stay in power.`,
      ),
      ['the transitional government will stay in power'],
    );
  });

  it('leaves names, acronyms and short Latin titles in an Arabic sentence alone', () => {
    const ok: Array<[string, string]> = [
      ['The NTS owns 76,000 hectares.', 'تملك هيئة NTS مساحة 76000 هكتار.'],
      ['He wrote a history of the century, "The Last Palace", in 2018.', 'كتب في عام 2018 تاريخًا للقرن بعنوان "The Last Palace".'],
      ['She visited weather.com daily.', 'كانت تزور موقع weather.com يوميًا.'],
      // A long book title kept in the original, in quotation marks and Title Case.
      [
        'He is the author of "The Last Palace: Europe\'s Turbulent Century in Five Lives and One Legendary House."',
        'وهو مؤلف كتاب "The Last Palace: Europe\'s Turbulent Century in Five Lives and One Legendary House."',
      ],
    ];
    for (const [en, ar] of ok) assert.deepEqual(untranslated(en, ar), [], ar);
    // In quotation marks but a sentence, not a title: it was left untranslated.
    const quoted = 'Lawyers said in court on Monday: "The evidence had been gathered without a warrant."';
    assert.deepEqual(untranslated(before + quoted, `${arBefore}وقال المحامون أمام المحكمة يوم الاثنين: "The evidence had been gathered without a warrant."`), ['The evidence had been gathered without a warrant']);
  });

  it('flags ordinary English words left in an Arabic sentence, and not names, quoted words or addresses', () => {
    const cases: Array<[string, string, string[]]> = [
      ['About 312,000 ballots were blank or spoiled.', 'كانت نحو 312 ألف ورقة اقتراع بيضاء أو spoiled.', ['spoiled']],
      ['The winner took a time bonus of ten seconds.', 'حصل الفائز على time bonus قدرها عشر ثوانٍ.', ['time bonus']],
      ['The launch had been postponed twice because of high winds.', 'وكان الإطلاق قد أُرجئ مرتين because of high winds.', ['because of high winds']],
      ['Output rose 4% year-on-year in March.', 'ارتفع الإنتاج 4 في المئة year-on-year في مارس.', ['year-on-year']],
      ['The offering used bookbuilding to set the price.', 'استُخدم bookbuilding لتحديد سعر الطرح.', ['bookbuilding']],
      // The original term given in brackets after its translation is a gloss, not left out.
      ['So-called clicktivism makes people feel involved.', 'يجعل ما يُسمى الحراك بالنقر (clicktivism) الناس يشعرون بالمشاركة.', []],
      // Function words alone are not a translation left out.
      ['He came in the end.', 'وصل في the end من الأمر بعد انتظار طويل جدًا في المطار.', []],
      // Not in the English: not left from it (a word cited on purpose).
      ['The app lets users post photos.', 'يتيح التطبيق للمستخدمين نشر الصور (selfie).', []],
      ['She visited weather.com daily.', 'كانت تزور موقع weather.com يوميًا.', []],
      ['He wrote the novel "bittersweet" in 1950.', 'كتب رواية "bittersweet" عام 1950.', []],
      ['Many iPhone users and beIN Sports subscribers complained about the outages.', 'اشتكى كثير من مستخدمي هواتف iPhone ومشتركي قنوات beIN Sports من الأعطال.', []],
    ];
    for (const [en, ar, expected] of cases) assert.deepEqual(untranslated(before + en, arBefore + ar), expected, ar);
    // Inside a long English run, the run is reported once, not its words again.
    const long = untranslated(`${before}Lawyers argued that the evidence had been gathered without a warrant.`, `${arBefore}وقال المحامون إن the evidence had been gathered without a warrant.`);
    assert.deepEqual(long, ['the evidence had been gathered without a warrant']);
  });

  it('lets a corpus keep Latin strings as they are', () => {
    const en = 'The floods destroyed crops just weeks before the harvest.';
    assert.deepEqual(checkPair(before + en, arBefore + en, { only: 'untranslated', config: { untranslated: { options: { keep: [en] } } } }), []);
  });
});
