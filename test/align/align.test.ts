import assert from 'node:assert/strict';
import { align, alignDetailed } from '../../server/align/index.js';
import { lengthCost, normalCdf } from '../../server/align/gale-church.js';
import { lengthCostNats } from '../../server/align/model.js';
import { segment } from '../../server/segment/index.js';
import { fromLines } from '../../scripts/align/data.js';
import { read } from '../helpers/paths.js';

const shapes = (beads: ReturnType<typeof align>) => beads.map((b) => `${b.source.join(',')}:${b.target.join(',')}`);
const enText = read('corpora/mali-minusma/source.en.txt');
const mtText = read('corpora/mali-minusma/mt.ar.txt');

describe('alignment', () => {
  const en = segment(enText, 'en');

  it('aligns the seed with the team English source as 15 one-to-one beads, confidently', () => {
    const beads = align(en, segment(mtText, 'ar'));
    assert.deepEqual(shapes(beads), Array.from({ length: 15 }, (_, i) => `${i}:${i}`));
    for (const b of beads) assert.ok(b.confidence > 0.9 && b.confidence <= 1, `${b.source} ${b.confidence}`);
  });

  it('finds a 2-1 merge and a 1-0 omission', () => {
    const paras = mtText.split('\n\n');
    // Drop the MT of paragraph 4 (an omission) and glue paragraph 10's two sentences into one.
    const broken = [...paras.slice(0, 3), ...paras.slice(4)].map((p, i) => (i === 8 ? p.replace('. كما', '، كما') : p)).join('\n\n');
    const beads = align(en, segment(broken, 'ar'));
    const s = shapes(beads);
    assert.ok(s.includes('3:'), `omission of sentence 3 not found: ${s.join(' ')}`);
    assert.ok(s.includes('9,10:8'), `2-1 merge not found: ${s.join(' ')}`);
    // Both are clear-cut here (the paragraphs say so), so the posteriors are high.
    for (const b of beads) assert.ok(b.confidence > 0.9, `${b.source}:${b.target} ${b.confidence}`);
  });

  it('keeps an omission and an addition in their own paragraphs when the translation kept the paragraphs', () => {
    // The dev set's floods story: paragraph 2 lost its second sentence, paragraph 3 gained one at
    // its end. Sentence by sentence, pairing straight across the break looked cheaper.
    const beads = align(segment(read('corpora/checks-dev/floods.en.txt'), 'en'), segment(read('corpora/checks-dev/floods.mt.ar.txt'), 'ar'));
    assert.deepEqual(shapes(beads), ['0:0', '1:1', '2:', '3:2', '4:3', ':4', '5:5']);
  });

  it('does not hold paragraphs to their namesakes when a lost and a gained paragraph shift them', () => {
    // The seed's paragraphs joined two by two; the MT's second is dropped and an unrelated one
    // appended: the counts still match, but every paragraph in between pairs with the one before.
    const two = (ps: string[]) => ps.map((p, i) => (i % 2 ? null : [p, ps[i + 1]].filter(Boolean).join(' '))).filter((p): p is string => p !== null);
    const ens = two(enText.trim().split('\n\n'));
    const ars = two(mtText.trim().split('\n\n'));
    const added = 'وفي سياق آخر، افتتح المهرجان السينمائي أبوابه في القاهرة أمس. وحضر الافتتاح عدد كبير من الفنانين والنقاد.';
    const source = segment(ens.join('\n\n'), 'en');
    const target = segment([ars[0], ...ars.slice(2), added].join('\n\n'), 'ar');
    assert.equal(target.paragraphs.length, source.paragraphs.length);
    const s = shapes(align(source, target));
    assert.deepEqual(s, ['0:0', '1:1', '2:', '3:', ...Array.from({ length: 11 }, (_, k) => `${k + 4}:${k + 2}`), ':13', ':14']);
  });

  it('finds a 3-1 merge and an addition in text without paragraphs (one sentence a line)', () => {
    const ens = en.sentences.map((x) => x.text);
    const ars = segment(mtText, 'ar').sentences.map((x) => x.text);
    // AR 5+6+7 become one line; an unrelated sentence is added after AR 11.
    const target = [...ars.slice(0, 5), `${ars[5]} ${ars[6]} ${ars[7]}`, ...ars.slice(8, 12), 'وفي سياق آخر، افتتح المهرجان السينمائي أبوابه في القاهرة أمس.', ...ars.slice(12)];
    const s = shapes(align(fromLines(ens, 'en'), fromLines(target, 'ar')));
    assert.ok(s.includes('5,6,7:5'), s.join(' '));
    assert.ok(s.includes(':10'), s.join(' '));
  });

  it('gives low confidence where the alignment is a coin toss, high elsewhere', () => {
    // Two identical English sentences, one Arabic translation: which one was left out cannot be
    // known, so neither bead around them deserves a reviewer's trust.
    const ens = [...en.sentences.slice(0, 6).map((x) => x.text), 'The town was calm.', 'The town was calm.', ...en.sentences.slice(6, 12).map((x) => x.text)];
    const ars = segment(mtText, 'ar').sentences.map((x) => x.text);
    const target = [...ars.slice(0, 6), 'كانت المدينة هادئة.', ...ars.slice(6, 12)];
    const beads = align(fromLines(ens, 'en'), fromLines(target, 'ar'));
    const around = beads.filter((b) => b.source.some((x) => x === 6 || x === 7));
    for (const b of around) assert.ok(b.confidence < 0.7, `${b.source}:${b.target} ${b.confidence}`);
    for (const b of beads.filter((x) => x.source.every((y) => y < 5))) assert.ok(b.confidence > 0.9, `${b.source} ${b.confidence}`);
  });

  it('searches a band for long texts and finds the same beads as the full matrix', () => {
    // 16 copies of the seed, with every 7th Arabic sentence dropped: 240 × 206 sentences.
    const ens = Array.from({ length: 16 }, () => en.sentences.map((x) => x.text)).flat();
    const all = Array.from({ length: 16 }, () => segment(mtText, 'ar').sentences.map((x) => x.text)).flat();
    const ars = all.filter((_, k) => k % 7 !== 3);
    const s = fromLines(ens, 'en');
    const t = fromLines(ars, 'ar');
    const full = alignDetailed(s, t, { fullLimit: 1e7 });
    const banded = alignDetailed(s, t, { fullLimit: 1000 });
    assert.ok(banded.cells < full.cells / 5, `${banded.cells} cells searched vs ${full.cells}`);
    assert.deepEqual(shapes(banded.beads), shapes(full.beads));
    assert.equal(full.beads.filter((b) => b.target.length === 0).length, all.length - ars.length);
    // Very long texts estimate their parameters on a sample: nearly every omission is still found.
    const sampled = alignDetailed(s, t, { fullLimit: 1000, sampleSize: 60 });
    const omissions = (r: typeof full) => new Set(r.beads.filter((b) => b.target.length === 0).map((b) => b.source[0]));
    const found = [...omissions(full)].filter((x) => omissions(sampled).has(x)).length;
    assert.ok(found >= 0.9 * omissions(full).size, `${found} of ${omissions(full).size}`);
  });

  it('returns skips only when a side is empty', () => {
    const empty = segment('', 'ar');
    assert.deepEqual(shapes(align(en, empty)), Array.from({ length: 15 }, (_, i) => `${i}:`));
    assert.deepEqual(align(empty, empty), []);
  });

  it('uses the Gale–Church length model', () => {
    assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-7);
    assert.ok(Math.abs(normalCdf(1.96) - 0.975) < 1e-4);
    assert.ok(lengthCost(100, 100, 1) < 1e-3);
    assert.ok(lengthCost(100, 60, 1) > lengthCost(100, 90, 1));
    // The tabulated cost in nats matches −ln(2(1 − Φ(|z|))) closely.
    for (const [l1, l2] of [[100, 93], [100, 70], [40, 80], [200, 150]] as const) {
      const z = Math.abs(0.93 * l1 - l2) / Math.sqrt(6.8 * ((l1 + l2 / 0.93) / 2));
      assert.ok(Math.abs(lengthCostNats(l1, l2, 0.93, 6.8) + Math.log(2 * (1 - normalCdf(z)))) < 1e-3, `${l1} ${l2}`);
    }
  });
});
