import assert from 'node:assert/strict';
import { runChecks } from '../../server/check/index.js';
import { processDocument } from '../../server/pipeline.js';
import { segment } from '../../server/segment/index.js';
import { read } from '../helpers/paths.js';
import { checkPair } from './helpers.js';

const omission = (en: string, ar: string) => checkPair(en, ar, { only: 'omission' }).map((f) => [f.side, f.text]);

describe('omission check', () => {
  it('flags a dropped negation on the source and accepts every Arabic negation', () => {
    assert.deepEqual(omission('Officials did not expect shortages.', 'توقع المسؤولون حدوث نقص.'), [['source', 'not']]);
    assert.deepEqual(omission("They won't stay.", 'سيبقون.'), [['source', "n't"]]);
    const negated: Array<[string, string]> = [
      ['Officials did not expect shortages.', 'لم يتوقع المسؤولون حدوث نقص.'],
      ['They will never return.', 'لن يعودوا أبدًا.'],
      ['He left without a word.', 'غادر دون أن ينطق بكلمة.'],
      ['There is no water.', 'لا توجد مياه.'],
      ['It is not legal.', 'هذا غير قانوني.'],
      ['Relief officials have not been able to reach the town.', 'عجز مسؤولو الإغاثة عن الوصول إلى البلدة.'],
      ['The form of Spieth, not least, was encouraging.', 'كان أداء سبيث مشجعًا.'],
      ['See Rule No. 10.', 'انظر القاعدة رقم 10.'],
      ['Never more so than this winter.', 'وخاصةً هذا الشتاء.'],
      ["Don't forget to vote on Thursday.", 'تذكروا التصويت يوم الخميس.'],
      ['Do not forget your passport.', 'تذكر جواز سفرك.'],
      ["We can't wait to see them play.", 'نتوق لرؤيتهم يلعبون.'],
      ["I couldn't agree more with her.", 'أتفق معها تمامًا.'],
      // لا written together with its verb, or glued to the word before it.
      ['There is no water in the town.', 'لاتوجد مياه في البلدة.'],
      ['It cannot be done.', 'لايمكن القيام بذلك.'],
      ['The senators did not agree.', 'قال إن الشيوخلا يتفقون.'],
      // Left in English, the negation is still there (the untranslated check reports the English).
      ['Lawyers argued that the evidence had been gathered without a warrant.', 'وقال المحامون إن the evidence had been gathered without a warrant.'],
      ["They said it wasn't over.", "وقالوا إن it wasn't over."],
    ];
    // The same words denying something still need a negation.
    const denying: Array<[string, string, string]> = [
      ['They did not forget the victims.', 'نسوا الضحايا.', 'not'],
      ["They can't wait any longer.", 'سينتظرون أكثر.', "n't"],
      ["I couldn't agree with her.", 'اتفقت معها.', "n't"],
      ['He never spoke more than twice.', 'تحدث أكثر من مرتين.', 'never'],
      // Words that start or end like a particle are not negations.
      ['The talks did not come later.', 'جاءت المحادثات لاحقا.', 'not'],
      ['They will not join the agreement.', 'سينضمون لاتفاقية السلام.', 'not'],
      ['It was not done, for example.', 'تم ذلك مثلا.', 'not'],
    ];
    for (const [en, ar, word] of denying) assert.deepEqual(omission(en, ar), [['source', word]], en);
    for (const [en, ar] of negated) assert.deepEqual(omission(en, ar), [], ar);
  });

  it('reports 1-0 and 0-1 pairs', () => {
    const source = segment('One.\n\nTwo.', 'en');
    const target = segment('واحد.', 'ar');
    const f = runChecks({ source, target, alignment: [{ source: [0], target: [0], confidence: 1 }, { source: [1], target: [], confidence: 1 }] });
    assert.deepEqual(f.filter((x) => x.check === 'omission').map((x) => [x.side, x.text, x.category]), [['source', 'Two.', 'Accuracy/Omission']]);
    const g = runChecks({ source: target, target: segment('واحد.\n\nاثنان.', 'ar'), alignment: [{ source: [0], target: [0], confidence: 1 }, { source: [], target: [1], confidence: 1 }] });
    assert.deepEqual(g.filter((x) => x.check === 'omission').map((x) => [x.side, x.text, x.category]), [['target', 'اثنان.', 'Accuracy/Addition']]);
  });

  it('reports a sentence lost from one paragraph and one added to the next, and nothing in a shifted stretch', () => {
    const found = (en: string, ar: string) =>
      processDocument({ id: 'x', corpus: 'c', title: 'x', system: 'mt', references: [], sourceText: en, targetText: ar, sourceLang: 'en', targetLang: 'ar' })
        .findings.filter((f) => f.check === 'omission')
        .map((f) => [f.side, f.text.slice(0, 30)])
        .sort();
    assert.deepEqual(found(read('corpora/checks-dev/floods.en.txt'), read('corpora/checks-dev/floods.mt.ar.txt')), [
      ['source', 'Aid workers warned that roads '],
      ['target', 'وأضافوا أن فرق الإنقاذ تعمل لي'],
    ]);
    // The seed's paragraphs two by two; the MT's second lost and an unrelated one appended, so the
    // paragraphs in between are each paired with the one before: only the lost and added count.
    const two = (text: string) => text.trim().split('\n\n').map((p, i, ps) => (i % 2 ? '' : [p, ps[i + 1]].filter(Boolean).join(' '))).filter(Boolean);
    const en = two(read('corpora/mali-minusma/source.en.txt'));
    const ar = two(read('corpora/mali-minusma/mt.ar.txt'));
    const added = 'وفي سياق آخر، افتتح المهرجان السينمائي أبوابه في القاهرة أمس. وحضر الافتتاح عدد كبير من الفنانين والنقاد.';
    const shifted = found(en.join('\n\n'), [ar[0], ...ar.slice(2), added].join('\n\n'));
    assert.deepEqual(shifted.map(([side]) => side), ['source', 'source', 'target', 'target']);
    assert.ok(shifted.some(([, text]) => text!.startsWith('وفي سياق آخر')), JSON.stringify(shifted));
  });

  it('flags a pair whose length is an outlier against the document', () => {
    const en = Array.from({ length: 10 }, (_, i) => `Sentence number ${i + 1} says that the rains came early this year in the north.`);
    const ar = Array.from({ length: 10 }, (_, i) => `تقول الجملة رقم ${i + 1} إن الأمطار جاءت مبكرًا هذا العام في الشمال.`);
    en[4] = 'The aid agencies said that roads to several villages were cut and that food, water and medicine could not reach the families who stayed behind.';
    // Truncated to a quarter: still this sentence's translation. (Cut to a fifth, the aligner
    // rather calls it an omission plus an addition, which this check reports as such.)
    ar[4] = 'قالت وكالات الإغاثة إن الطرق قُطعت.';
    const found = checkPair(en.join('\n'), ar.join('\n'), { only: 'omission' }).filter((f) => /shorter/.test(f.message));
    assert.deepEqual(found.map((f) => f.text), [en[4]]);
  });

  it('flags an attribution to sources, reports or witnesses that the English does not make', () => {
    const added: Array<[string, string, string]> = [
      ['"I see residents going back to the base," said a Kidal resident who spoke on condition of anonymity.', '"أرى السكان يعودون إلى القاعدة"، قال أحد سكان كيدال الذي طلب عدم الكشف عن هويته، بحسب مصادر محلية.', 'بحسب مصادر محلية'],
      ['The convoy reached Baidoa on Monday.', 'وصلت القافلة إلى بيدوا يوم الاثنين، وفقًا لتقارير إعلامية.', 'وفقًا لتقارير إعلامية'],
      ['The convoy reached Baidoa on Monday.', 'وصلت القافلة إلى بيدوا يوم الاثنين نقلا عن شهود عيان.', 'نقلا عن شهود'],
      ['The minister resigned on Friday.', 'وذكرت مصادر مطلعة أن الوزير استقال يوم الجمعة.', 'وذكرت مصادر مطلعة'],
      // An organisation called an agency is not a source the sentence is attributed to.
      ["Japan's space agency charged about ¥2.1 billion for the launch.", 'وتقاضت وكالة الفضاء اليابانية نحو 2.1 مليار ين مقابل الإطلاق، بحسب مصادر مطلعة.', 'بحسب مصادر مطلعة'],
    ];
    for (const [en, ar, text] of added) {
      const f = checkPair(en, ar, { only: 'omission' });
      assert.deepEqual(f.map((x) => [x.side, x.text, x.category]), [['target', text, 'Accuracy/Addition']], ar);
    }
    const made: Array<[string, string]> = [
      ['A farmer was killed by a pig, according to local media reports.', 'قُتل مزارع على يد خنزير، وفقًا لتقارير من وسائل إعلام محلية.'],
      ['He had reportedly travelled with his cousin.', 'وأفادت تقارير بأنه سافر برفقة ابن عمه.'],
      ['Sources say Jones was furious.', 'وذكرت المصادر أن جونز كان غاضبًا.'],
      ['Officials said the road was closed.', 'وقال مسؤولون إن الطريق أُغلق.'],
      // Named sources are the translation's own business: according to the police, as he said.
      ['The road was closed on Monday.', 'أُغلق الطريق يوم الاثنين، حسب الشرطة.'],
      ['The company counted the viewers of each channel.', 'وكانت الشركة تحسب مشاهدي كل قناة.'],
    ];
    for (const [en, ar] of made) assert.deepEqual(omission(en, ar), [], ar);
  });
});
