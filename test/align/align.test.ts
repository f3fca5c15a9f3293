import assert from 'node:assert/strict';
import { align } from '../../server/align/index.js';
import { lengthCost, normalCdf } from '../../server/align/gale-church.js';
import { segment } from '../../server/segment/index.js';
import { read } from '../helpers/paths.js';

const shapes = (beads: ReturnType<typeof align>) => beads.map((b) => `${b.source.join(',')}:${b.target.join(',')}`);

describe('alignment', () => {
  it('aligns the seed with the team English source as 15 one-to-one beads', () => {
    const en = segment(read('corpora/mali-minusma/source.en.txt'), 'en');
    const ar = segment(read('corpora/mali-minusma/mt.ar.txt'), 'ar');
    const beads = align(en, ar);
    assert.deepEqual(shapes(beads), Array.from({ length: 15 }, (_, i) => `${i}:${i}`));
    for (const b of beads) assert.ok(b.confidence > 0 && b.confidence <= 1);
  });

  it('finds a 2-1 merge and a 1-0 omission', () => {
    const en = segment(read('corpora/mali-minusma/source.en.txt'), 'en');
    const mt = read('corpora/mali-minusma/mt.ar.txt');
    const paras = mt.split('\n\n');
    // Drop the MT of paragraph 4 (an omission) and glue paragraph 10's two sentences into one.
    const broken = [...paras.slice(0, 3), ...paras.slice(4)].map((p, i) => (i === 8 ? p.replace('. كما', '، كما') : p)).join('\n\n');
    const beads = align(en, segment(broken, 'ar'));
    const s = shapes(beads);
    assert.ok(s.includes('3:'), `omission of sentence 3 not found: ${s.join(' ')}`);
    assert.ok(s.includes('9,10:8'), `2-1 merge not found: ${s.join(' ')}`);
    // Both are clear-cut here (the paragraphs say so), so the posteriors are high.
    for (const b of beads) assert.ok(b.confidence > 0.9, `${b.source}:${b.target} ${b.confidence}`);
  });

  it('uses the Gale–Church length model', () => {
    assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-7);
    assert.ok(Math.abs(normalCdf(1.96) - 0.975) < 1e-4);
    assert.ok(lengthCost(100, 100, 1) < 1e-3);
    assert.ok(lengthCost(100, 60, 1) > lengthCost(100, 90, 1));
  });
});
