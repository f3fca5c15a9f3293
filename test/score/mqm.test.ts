import assert from 'node:assert/strict';
import { countWords, scoreMqm } from '../../server/score/mqm.js';

describe('MQM scoring (mqm-core profile)', () => {
  it('weighs neutral 0, minor 1, major 5, critical 25 per source word', () => {
    const s = scoreMqm(
      [
        { severity: 'minor', category: 'Style' },
        { severity: 'major', category: 'Accuracy/Mistranslation' },
        { severity: 'neutral', category: 'Style' },
      ],
      200,
    );
    assert.equal(s.penalty, 6);
    assert.equal(s.perThousand, 30);
    assert.equal(s.score, 97);
    assert.equal(s.pass, true);
    assert.deepEqual(s.byCategory['Accuracy'], { count: 1, penalty: 5 });
    assert.match(s.signature, /^mqm\|profile:mqm-core\|weights:0\/1\/5\/25\|unit:source-words\|words:200\|/);
  });

  it('reproduces the MQM Council worked example: 10 minor errors in 1,000 words score 99', () => {
    const s = scoreMqm(Array.from({ length: 10 }, () => ({ severity: 'minor' as const, category: 'Style' })), 1000);
    assert.equal(s.score, 99);
    assert.equal(s.perThousand, 10);
  });

  it('fails any document with a critical error', () => {
    const s = scoreMqm([{ severity: 'critical', category: 'Accuracy' }], 100000);
    assert.ok(s.score > 99);
    assert.equal(s.pass, false);
  });

  it('counts words with letters or digits only', () => {
    assert.equal(countWords('The U.N. — 15,000 troops, “left”.'), 5);
    assert.equal(countWords('غادرت مينوسما الآن ثماني قواعد، من أصل ١٣ قاعدة'), 9);
  });
});
