// Python string semantics the port depends on; expected values are what CPython 3.11 gives.
import assert from 'node:assert/strict';
import {
  codePointOffsets, isPyWhitespace, pyFloatRepr, pyFormatFixed, pyLen, pyLines, pyLower, pyRstrip, pySplit, pyStrip,
} from '../../server/score/python-str.js';

// [c for c in range(0x110000) if chr(c).isspace()] in CPython 3.11
const PY_SPACE = [0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002,
  0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];

describe('Python string semantics', () => {
  it('uses exactly Python\'s whitespace set, not JavaScript\'s \\s', () => {
    const found: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isPyWhitespace(c)) found.push(c);
    assert.deepEqual(found, PY_SPACE);
    for (const c of [0xfeff, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0x180e]) assert.equal(isPyWhitespace(c), false);
  });

  it('splits, strips and collapses like str.split() / rstrip()', () => {
    assert.deepEqual(pySplit('  a\u00a0b\x1cc\u0085d\ufeffe\u200bf  '), ['a', 'b', 'c', 'd\ufeffe\u200bf']);
    assert.deepEqual(pySplit(''), []);
    assert.deepEqual(pySplit(' \t\n'), []);
    assert.equal(pyRstrip('a b \u3000\r\n'), 'a b');
    assert.equal(pyRstrip('a\ufeff'), 'a\ufeff');
    assert.equal(pyStrip('\u2028 x y \u2029'), 'x y');
  });

  it('counts and slices code points, not UTF-16 units', () => {
    assert.equal(pyLen('😀a'), 2);
    const off = codePointOffsets('a😀b');
    assert.deepEqual([...off], [0, 1, 3, 4]);
    assert.equal(pyLen('\ud800x'), 2, 'a lone surrogate is one code point');
  });

  it('lowercases with the full Unicode mapping', () => {
    assert.equal(pyLower('İSTANBUL ΟΔΟΣ'), 'i̇stanbul οδος');
    assert.equal(pyLower('İ').length, 2);
  });

  it('reads lines as Python file iteration does', () => {
    assert.deepEqual(pyLines('a\nb\r\nc\rd\n'), ['a', 'b\r', 'c\rd']);
    assert.deepEqual(pyLines('a\nb\r\nc\rd\n', true), ['a', 'b', 'c', 'd']);
    assert.deepEqual(pyLines(''), []);
    assert.deepEqual(pyLines('\n'), ['']);
    assert.deepEqual(pyLines('x'), ['x']);
    assert.deepEqual(pyLines('\ufeffx\n'), ['\ufeffx'], 'a BOM stays');
  });

  it('formats fixed-point numbers half-to-even on the exact binary value', () => {
    const cases: [number, number, string][] = [
      [6.25, 1, '6.2'], [48.625, 2, '48.62'], [0.125, 2, '0.12'], [2.675, 2, '2.67'], [1.005, 2, '1.00'],
      [100.00000000000004, 2, '100.00'], [-0.0, 2, '-0.00'], [1e22, 2, '10000000000000000000000.00'],
      [0.5, 0, '0'], [1.5, 0, '2'], [2.5, 0, '2'], [0.05, 1, '0.1'], [0.15, 1, '0.1'], [0.25, 1, '0.2'],
      [0.35, 1, '0.3'], [-1.25, 1, '-1.2'], [1e-14, 3, '0.000'],
    ];
    for (const [x, d, want] of cases) assert.equal(pyFormatFixed(x, d), want, `format(${x}, '.${d}f')`);
  });

  it('writes floats as Python repr (what json.dumps prints)', () => {
    const cases: [number, string][] = [
      [1e-5, '1e-05'], [0.0001, '0.0001'], [1e16, '1e+16'], [1e15, '1000000000000000.0'], [123, '123.0'],
      [65.8, '65.8'], [1.0000000000000002e-14, '1.0000000000000002e-14'], [-2.5, '-2.5'], [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'], [0.1 + 0.2, '0.30000000000000004'], [0, '0.0'],
    ];
    for (const [x, want] of cases) assert.equal(pyFloatRepr(x), want);
  });
});
