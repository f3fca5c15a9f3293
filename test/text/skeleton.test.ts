import assert from 'node:assert/strict';
import { foldArabicKey } from '../../server/text/arabic.js';
import { stemCandidates } from '../../server/text/clitics.js';
import { arabicSkeleton, arabicSkeletonUncached, englishSkeleton, skeletonOnset, skeletonScore } from '../../server/text/skeleton.js';

const score = (en: string, ar: string) =>
  Math.max(...stemCandidates(foldArabicKey(ar)).map((s) => skeletonScore(englishSkeleton(en), arabicSkeleton(s))));

describe('transliteration skeletons', () => {
  it('scores the pairs of the notes table (../shared/notes/arabic-and-checks.md §3.3)', () => {
    const table: Array<[string, string, number]> = [
      ['junta', 'الخنتة', 1], ['junta', 'المجلس', 0.25], ['Kidal', 'كيدال', 1], ['MINUSMA', 'مينوسما', 1],
      ['Tuareg', 'الطوارق', 1], ['peacekeepers', 'حفظة', 0], ['JNIM', 'جنون', 0.67], ['democracy', 'الديمقراطية', 0.8],
    ];
    for (const [en, ar, expected] of table) assert.equal(Number(score(en, ar).toFixed(2)), expected, `${en} ~ ${ar}`);
  });

  it('handles digraphs and French spellings', () => {
    assert.equal(score('Djibouti', 'جيبوتي'), 1);
    assert.equal(score('inflation', 'الإنفليشن'), 1);
    assert.equal(score('Washington', 'واشنطن'), 0.8);
  });

  it('reads accented Latin letters as their base letters', () => {
    assert.equal(englishSkeleton('Viña'), englishSkeleton('Vina'));
    assert.equal(score('Viña', 'فينيا'), 1);
    assert.equal(score('Müller', 'مولر'), 1);
    assert.equal(englishSkeleton('Łódź'), englishSkeleton('Lodz'));
  });

  it('offers every proclitic reading of a word', () => {
    assert.deepEqual(stemCandidates('والخنته'), ['والخنته', 'خنته', 'الخنته']);
    assert.deepEqual(stemCandidates('للامم'), ['للامم', 'امم', 'لامم']);
    assert.deepEqual(stemCandidates('بنك'), ['بنك', 'نك']);
  });
});

describe('skeletonOnset', () => {
  it('gives the first letter of the joined skeleton without joining the words', () => {
    const words = ['بيونغ', 'يانغ', 'ت', 'تش', 'شه', 'اه', 'اات', 'وه', 'ءه', 'ات', 'اا', 'نيو', 'يورك', 'الخنتة'];
    for (const a of words) {
      for (const b of words) assert.equal(skeletonOnset(a, b), arabicSkeletonUncached(a + b)[0] ?? '', `${a} + ${b}`);
    }
  });
});
