import assert from 'node:assert/strict';
import { runChecks } from '../../server/check/index.js';
import { segment } from '../../server/segment/index.js';
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
    ];
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

  it('flags a pair whose length is an outlier against the document', () => {
    const en = Array.from({ length: 10 }, (_, i) => `Sentence number ${i + 1} says that the rains came early this year in the north.`);
    const ar = Array.from({ length: 10 }, (_, i) => `تقول الجملة رقم ${i + 1} إن الأمطار جاءت مبكرًا هذا العام في الشمال.`);
    en[4] = 'The aid agencies said that roads to several villages were cut and that food, water and medicine could not reach the families who stayed behind.';
    // Truncated to a quarter: still this sentence's translation. (Cut to a tenth, the aligner
    // rather calls it an omission plus an addition, which this check reports as such.)
    ar[4] = 'قالت الوكالات إن الطرق قُطعت.';
    const found = checkPair(en.join('\n'), ar.join('\n'), { only: 'omission' }).filter((f) => /shorter/.test(f.message));
    assert.deepEqual(found.map((f) => f.text), [en[4]]);
  });
});
