import assert from 'node:assert/strict';
import { readCorpus } from '../../server/ingest/corpus.js';
import { processDocument } from '../../server/pipeline.js';
import { SEED_CORPUS } from '../helpers/paths.js';
import { checkPair } from './helpers.js';

const names = (en: string, ar: string) => checkPair(en, ar, { only: 'names' }).map((f) => [f.side, f.text]);

describe('names check', () => {
  it('flags exactly جنون in the seed: JNIM rendered as the word "madness"', () => {
    const doc = readCorpus(SEED_CORPUS).documents[0]!;
    for (const pair of [doc.pair, (({ glossary: _g, ...rest }) => rest)(doc.pair)]) {
      const found = processDocument(pair).findings.filter((f) => f.check === 'names');
      assert.deepEqual(found.map((f) => [f.side, f.text]), [['target', 'جنون']]);
      assert.equal(doc.pair.targetText.slice(found[0]!.start, found[0]!.end), 'جنون');
    }
  });

  it('accepts transliterations, known Arabic forms, letter spellings and Latin spellings', () => {
    const ok: Array<[string, string]> = [
      ['Peacekeepers left Kidal and Gao.', 'غادر حفظة السلام كيدال وغاو.'],
      ['Germany and the UN sent aid.', 'أرسلت ألمانيا والأمم المتحدة مساعدات.'],
      ['The BBC reported it.', 'ذكرت ذلك بي بي سي.'],
      ['Sites such as RedState reported it.', 'ذكرت ذلك مواقع مثل RedState.'],
      ['He visited New York and Pyongyang.', 'زار نيويورك وبيونغ يانغ.'],
      ['Russian contractors from the Wagner Group arrived.', 'وصل متعاقدون روس من مجموعة فاغنر.'],
      ['Chambers of commerce welcomed it.', 'رحبت الغرف التجارية بذلك.'],
    ];
    for (const [en, ar] of ok) assert.deepEqual(names(en, ar), [], ar);
  });

  it('reports a dropped name on the source and an acronym turned into a word on the target', () => {
    assert.deepEqual(names('Opposition leader Succès Masra called for a boycott.', 'دعا زعيم المعارضة إلى المقاطعة.'), [['source', 'Succès Masra']]);
    assert.deepEqual(names('The group JNIM claimed the attack.', 'تبنت جماعة جنون الهجوم.'), [['target', 'جنون']]);
  });
});
