import assert from 'node:assert/strict';
import { decodeBytes, normaliseLineEnds } from '../../server/ingest/encodings.js';
import { InputError } from '../../server/core/types.js';
import { encodeWindows1256 } from '../helpers/formats.js';

const TEXT = 'أمرت الخنتة البعثة بالمغادرة، قالت "لا".\nThe junta ordered it.';

function utf16(s: string, be: boolean): Buffer {
  const le = Buffer.from(s, 'utf16le');
  if (be) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
}

describe('ingest/encodings', () => {
  it('decodes UTF-8 with and without a byte-order mark to the same text', () => {
    const plain = decodeBytes(Buffer.from(TEXT), 'a.txt');
    const bom = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'a.txt');
    assert.equal(plain.text, TEXT);
    assert.equal(bom.text, TEXT);
    assert.deepEqual([plain.bom, bom.bom], [false, true]);
  });

  it('decodes UTF-16 LE and BE with a byte-order mark', () => {
    for (const be of [false, true]) {
      const d = decodeBytes(utf16(TEXT, be), 'u16.txt');
      assert.equal(d.text, TEXT);
      assert.equal(d.encoding, be ? 'utf-16be' : 'utf-16le');
    }
  });

  it('detects Windows-1256 Arabic, and decodes it when named', () => {
    const bytes = encodeWindows1256('أمرت الخنتة البعثة بالمغادرة، قالت "لا".');
    const d = decodeBytes(bytes, 'legacy.txt');
    assert.equal(d.encoding, 'windows-1256');
    assert.equal(d.text, 'أمرت الخنتة البعثة بالمغادرة، قالت "لا".');
    assert.equal(decodeBytes(bytes, 'legacy.txt', 'windows-1256').text, d.text);
  });

  it('refuses UTF-16 without a BOM, binary data and Latin-1 text with messages naming file and line', () => {
    const noBom = utf16('hello', false).subarray(2);
    assert.throws(() => decodeBytes(noBom, 'nobom.txt'), (e: InputError) => /nobom\.txt.*UTF-16 without a byte-order mark/.test(e.message));
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    assert.throws(() => decodeBytes(png, 'image.png'), (e: InputError) => /image\.png, line 3: binary data \(a NUL byte/.test(e.message));
    // "Sécurité" in Latin-1 on line 2: not UTF-8, and its high bytes are not Arabic letters.
    const latin1 = Buffer.from('ok\nS\xe9curit\xe9 renforc\xe9e\n', 'latin1');
    assert.throws(() => decodeBytes(latin1, 'fr.txt'), (e: InputError) => /fr\.txt, line 2, field "encoding": not valid UTF-8 \(byte 4: 0xe9\)/.test(e.message));
    assert.throws(() => decodeBytes(utf16('x', false), 'a.txt', 'utf-8'), /byte-order mark says utf-16le/);
  });

  it('normalises CRLF and CR line ends to LF', () => {
    assert.equal(normaliseLineEnds('a\r\nb\rc\n'), 'a\nb\nc\n');
  });
});
