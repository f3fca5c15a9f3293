import assert from 'node:assert/strict';
import { KeyType, buildAnchors, dominantScript } from '../../server/align/anchors.js';
import { numberValues, parseDigits } from '../../server/align/numbers.js';
import { arabicSkeletons, latinSkeleton } from '../../server/align/phonetic.js';
import { parseTbx } from '../../server/ingest/tbx.js';
import { segment } from '../../server/segment/index.js';
import { SEED_CORPUS, read } from '../helpers/paths.js';
import path from 'node:path';
import fs from 'node:fs';

describe('alignment anchors', () => {
  it('reads numbers in every digit system, with separators, scale words and number words', () => {
    const cases: Array<[string, string[]]> = [
      ['the 15,000-strong mission', ['15000']],
      ['بلغ عددهم ١٥٬٠٠٠ جندي', ['15000']],
      ['قوامها 15 ألف جندي', ['15000']],
      ['ثلاثة عشر قاعدة', ['13']],
      ['thirteen bases and twenty-five trucks', ['13', '25']],
      ['نسبة ٣٫٥ في المئة و3.5', ['3.5', '3.5']],
      ['two hundred and fifty, then 1.5 billion', ['250', '1500000000']],
      ['مئة وخمسة وعشرون، وخمسة وعشرون ومئة، وثلاثمائة وخمسون', ['125', '125', '350']],
      ['وثلاثة آلاف، وألفان', ['3000', '2000']],
      ['one of the two men', []],
      ['19,29 m', ['19.29']],
      ['in 2021م and ۱۴۰۰', ['2021', '1400']],
    ];
    for (const [text, expected] of cases) assert.deepEqual(numberValues(text), expected, text);
    // A lone "1.000" is a thousand in German and one in English: both readings are kept.
    assert.deepEqual(parseDigits('1.000'), [1000, 1]);
    assert.deepEqual(parseDigits('١٬٠٠٠٫٥'), [1000.5]);
  });

  it('reduces a Latin name and its Arabic transliteration to the same consonant skeleton', () => {
    const pairs: Array<[string, string]> = [
      ['Kidal', 'كيدال'], ['MINUSMA', 'مينوسما'], ['Tuareg', 'الطوارق'], ['Goita', 'غويتا'],
      ['Chad', 'تشاد'], ['France', 'فرنسا'], ['Gao', 'وغاو'], ['Smith', 'سميث'], ['Mali', 'لمالي'],
    ];
    for (const [en, ar] of pairs) assert.ok(arabicSkeletons(ar).includes(latinSkeleton(en)), `${en} ${latinSkeleton(en)} vs ${ar} ${arabicSkeletons(ar)}`);
    assert.ok(!arabicSkeletons('المجلس').includes(latinSkeleton('junta')));
  });

  it('finds the shared anchors of the seed pair: numbers, names, glossary terms', () => {
    const glossary = parseTbx(fs.readFileSync(path.join(SEED_CORPUS, 'glossary.tbx'), 'utf8'), 'glossary.tbx');
    const en = segment(read('corpora/mali-minusma/source.en.txt'), 'en');
    const ar = segment(read('corpora/mali-minusma/mt.ar.txt'), 'ar');
    assert.equal(dominantScript(en.text), 'latin');
    assert.equal(dominantScript(ar.text), 'arabic');
    const a = buildAnchors(en, ar, { glossary });
    const keysOf = (side: typeof a.source, k: number) => new Set(Array.from(side.ids.subarray(side.offsets[k], side.offsets[k + 1]), (id) => a.names[id]!));
    // "MINUSMA has now left eight of its 13 bases … the 15,000-strong mission" — "ثماني … 13 … 15000".
    const shared = [...keysOf(a.source, 4)].filter((k) => keysOf(a.target, 4).has(k));
    for (const k of ['n:8', 'n:13', 'n:15000', 'h:MNSM']) assert.ok(shared.includes(k), `${k} missing from ${shared.join(' ')}`);
    // The glossary's "junta" concept is found on both sides (the MT's الخنتة is its deprecated term).
    assert.ok(shared.some((k) => k.startsWith('g:')), shared.join(' '));
    // Arabic skeletons are an index (never expected), except where they spell an English name.
    const types = new Set(Array.from(a.target.types));
    assert.ok(types.has(KeyType.PhoneticIndex) && types.has(KeyType.NameEcho));
  });

  it('matches acronyms spelled out in Arabic, and months and weekdays', () => {
    const en = segment('CBS and NBC reported it on Friday, September 28.', 'en');
    const ar = segment('وأفادت سي بي إس وإن بي سي بذلك يوم الجمعة 28 أيلول.', 'ar');
    const a = buildAnchors(en, ar);
    const keys = (side: typeof a.source) => new Set(Array.from(side.ids, (id) => a.names[id]!));
    const both = [...keys(a.source)].filter((k) => keys(a.target).has(k));
    for (const k of ['a:CBS', 'a:NBC', 'd:fri', 'd:sep', 'n:28']) assert.ok(both.includes(k), `${k} not shared: ${both.join(' ')}`);
  });

  it('uses cognates between two Latin-script languages', () => {
    const de = segment('Der Himalaya ist hoch.', 'de');
    const fr = segment("L'Himalaya est haut.", 'fr');
    const a = buildAnchors(de, fr);
    const keys = (side: typeof a.source) => new Set(Array.from(side.ids, (id) => a.names[id]!));
    assert.ok(keys(a.source).has('w:hima') && keys(a.target).has('w:hima'));
  });
});
