// Tokenizers: sacreBLEU's behaviour on the cases that matter for Arabic and Unicode text, the
// registry's refusals, and the 13a speed-up checked against sacreBLEU's literal patterns.
import assert from 'node:assert/strict';
import { pyCollapse } from '../../server/score/python-str.js';
import { tokenize13a } from '../../server/score/tokenizers/13a.js';
import { tokenizeChar } from '../../server/score/tokenizers/char.js';
import { tokenizeIntl } from '../../server/score/tokenizers/intl.js';
import { getTokenizer, TOKENIZER_NAMES } from '../../server/score/tokenizers/registry.js';
import { TercomTokenizer } from '../../server/score/tokenizers/ter.js';
import { rng } from '../../scripts/lib/random.js';

/** sacreBLEU's Tokenizer13a with its regular expressions copied as they are. */
function sacrebleu13a(line: string): string {
  line = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (line.includes('&')) {
    line = line.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  }
  line = ` ${line} `;
  line = line.replace(/([\x7b-\x7e\x5b-\x60\x20-\x26\x28-\x2b\x3a-\x40\x2f])/gu, ' $1 ');
  line = line.replace(/([^0-9])([.,])/gu, '$1 $2 ');
  line = line.replace(/([.,])([^0-9])/gu, ' $1 $2');
  line = line.replace(/([0-9])(-)/gu, '$1 $2 ');
  return pyCollapse(line);
}

describe('tokenizers', () => {
  it('13a gives the same tokens as sacreBLEU\'s literal patterns on random text', () => {
    const pieces = [' ', '  ', '.', ',', '-', '0', '7', 'a', 'Z', '&', ';', '"', '\'', '<', '>', '\t', '\n', '-\n', 'ب',
      '٣', '😀', '\u00a0', '\x1c', '&amp;', '&lt;', '<skipped>', '$', '%', '،', '؟', '..', '.,', '3.5', 'x.y'];
    const rand = rng(42);
    for (let k = 0; k < 3000; k++) {
      let s = '';
      const n = 1 + Math.floor(rand() * 12);
      for (let i = 0; i < n; i++) s += pieces[Math.floor(rand() * pieces.length)];
      assert.equal(tokenize13a(s), sacrebleu13a(s), JSON.stringify(s));
    }
  });

  it('13a keeps Arabic punctuation glued and splits only ASCII-digit-free periods', () => {
    assert.equal(tokenize13a('صباحاً، وكان سعيداً.'), 'صباحاً، وكان سعيداً .');
    assert.equal(tokenize13a('العامة؟'), 'العامة؟');
    assert.equal(tokenize13a('٣.٥ و 3.5'), '٣ . ٥ و 3.5');
    assert.equal(tokenize13a('AT&amp;T &amp;lt;'), 'AT & T <');
  });

  it('intl separates Unicode punctuation and symbols but keeps a final number\'s period', () => {
    assert.equal(tokenizeIntl('صباحاً، وكان سعيداً.'), 'صباحاً ، وكان سعيداً .');
    assert.equal(tokenizeIntl('٣٫٥٪ في عام ٢٠٢٣.'), '٣٫٥ ٪ في عام ٢٠٢٣.');
    assert.equal(tokenizeIntl('1,234.56 $'), '1,234.56 $');
  });

  it('char splits code points, so an emoji stays one token', () => {
    assert.equal(tokenizeChar('a😀 b'), 'a 😀   b');
  });

  it('TER lowercases by default and normalises only when asked', () => {
    assert.equal(new TercomTokenizer().tokenize('Jim\'s CAR.'), 'jim\'s car.');
    assert.equal(new TercomTokenizer({ normalized: true }).tokenize('Jim\'s car.'), 'jim \'s car .');
    assert.equal(new TercomTokenizer({ noPunct: true, caseSensitive: true }).tokenize('A ; B ) C : D.'), 'A B C D');
  });

  it('the registry gives the four sacreBLEU tokenizers and refuses the others clearly', () => {
    assert.deepEqual([...TOKENIZER_NAMES].sort(), ['13a', 'char', 'intl', 'none']);
    for (const name of TOKENIZER_NAMES) assert.equal(getTokenizer(name).signature, name);
    assert.throws(() => getTokenizer('flores200'), /Tokenizer 'flores200' is not supported by Tadqiq .*SentencePiece/);
    assert.throws(() => getTokenizer('ja-mecab'), /MeCab/);
    assert.throws(() => getTokenizer('13A'), /Unknown tokenizer '13A'; use one of: 13a, intl, char, none/);
  });
});
