// Character encodings of uploaded and imported files. Offsets are taken on the decoded text, so
// decoding is the one place where bytes turn into the text every later stage refers to.
//
// Accepted: UTF-8 with or without a byte-order mark, UTF-16 LE/BE with a byte-order mark, and
// Windows-1256 (legacy Arabic), detected when the bytes are not UTF-8 or named explicitly.
import { isUtf8 } from 'node:buffer';
import { InputError } from '../core/types.js';

export const ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1256'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export function parseEncoding(raw: string | undefined, field = '--encoding'): Encoding {
  const v = (raw ?? 'auto').trim().toLowerCase().replace(/^utf8$/, 'utf-8').replace(/^(cp|win)-?1256$/, 'windows-1256');
  if (!(ENCODINGS as readonly string[]).includes(v)) {
    throw new InputError(`unknown encoding "${raw}" (expected ${ENCODINGS.join(', ')})`, { field });
  }
  return v as Encoding;
}

function bomOf(bytes: Uint8Array): { encoding: Exclude<Encoding, 'auto' | 'windows-1256'>; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Where the first line break before `byte` puts it, for messages about single-byte text. */
function lineOfByte(bytes: Uint8Array, byte: number): number {
  let line = 1;
  for (let i = 0; i < byte && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The first byte where `bytes` stop being UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    let n = 0;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) n = 2;
    else if (b >= 0xf0 && b <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * Windows-1256 is the only legacy encoding accepted, so "detection" means: the bytes are not
 * UTF-8, hold no NUL, and their high bytes are mostly Arabic letters in that code page. Latin-1
 * text mis-saved would decode to Arabic gibberish, so mostly-Latin high bytes are refused.
 */
function looksLikeWindows1256(bytes: Uint8Array): boolean {
  let high = 0;
  let arabic = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    high++;
    // Arabic letters, tatweel and harakat in Windows-1256 (C1–FF minus the few Latin accented letters).
    if ((b >= 0xc1 && b <= 0xd6) || (b >= 0xd8 && b <= 0xdf) || b === 0xe1 || (b >= 0xe3 && b <= 0xe6) || (b >= 0xec && b <= 0xed) || (b >= 0xf0 && b <= 0xf3) || b === 0xf5 || b === 0xf6 || b === 0xf8 || b === 0xfa || b === 0xdc || b === 0xa1 || b === 0xba || b === 0xbf || (b >= 0x81 && b <= 0x9f)) {
      arabic++;
    }
  }
  return high > 0 && arabic / high >= 0.8;
}

export interface Decoded {
  text: string;
  encoding: Exclude<Encoding, 'auto'>;
  bom: boolean;
}

/**
 * Decodes file bytes to text: BOM first, then UTF-8, then (when allowed) Windows-1256. Binary
 * data and bytes that fit no accepted encoding are refused with a message naming the file and
 * the line, and saying what was expected.
 */
export function decodeBytes(bytes: Uint8Array, file: string, encoding: Encoding = 'auto'): Decoded {
  const bom = bomOf(bytes);
  let enc: Exclude<Encoding, 'auto'>;
  let body = bytes;
  if (bom && (encoding === 'auto' || encoding === bom.encoding)) {
    enc = bom.encoding;
    body = bytes.subarray(bom.length);
  } else if (bom && encoding !== 'auto') {
    throw new InputError(`the byte-order mark says ${bom.encoding}, but ${encoding} was asked for`, { file, field: 'encoding' });
  } else if (encoding !== 'auto') {
    enc = encoding;
  } else {
    enc = 'utf-8';
  }

  if (enc === 'utf-16le' || enc === 'utf-16be') {
    if (body.length % 2 === 1) throw new InputError(`truncated ${enc} text (an odd number of bytes)`, { file, field: 'encoding' });
    const text = new TextDecoder(enc, { fatal: false, ignoreBOM: true }).decode(body);
    const bad = text.search(/[\u0000\uFFFD]/u);
    if (bad !== -1) {
      const line = text.slice(0, bad).split('\n').length;
      throw new InputError(`binary data or broken ${enc} (character ${bad + 1}); expected a text file`, { file, line });
    }
    return { text: text.replace(/^\uFEFF/u, ''), encoding: enc, bom: bom !== null };
  }

  const nul = body.indexOf(0);
  if (nul !== -1) {
    // Every other byte NUL: UTF-16 without its byte-order mark.
    const utf16 = body.length > 3 && (body[1] === 0 || body[0] === 0) && (body[3] === 0 || body[2] === 0);
    throw new InputError(
      utf16
        ? 'looks like UTF-16 without a byte-order mark; save it with a BOM or name the encoding (utf-16le or utf-16be)'
        : `binary data (a NUL byte at byte ${nul}); expected a text file`,
      { file, line: lineOfByte(body, nul) },
    );
  }
  if (enc === 'windows-1256') {
    return { text: new TextDecoder('windows-1256').decode(body), encoding: enc, bom: false };
  }
  // Node's own validator (SIMD) passes well-formed text in a fraction of the byte loop's time;
  // only what it refuses is read byte by byte, which also lets through, as before, the encoded
  // surrogates and overlong forms that TextDecoder repairs.
  const invalid = isUtf8(body) ? -1 : firstInvalidUtf8(body);
  if (invalid === -1) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    return { text, encoding: 'utf-8', bom: bom !== null };
  }
  if (encoding === 'auto' && !bom && looksLikeWindows1256(body)) {
    return { text: new TextDecoder('windows-1256').decode(body), encoding: 'windows-1256', bom: false };
  }
  throw new InputError(
    `not valid UTF-8 (byte ${invalid}: 0x${body[invalid]!.toString(16).padStart(2, '0')}); expected UTF-8, UTF-16 with a byte-order mark or Windows-1256 Arabic`,
    { file, line: lineOfByte(body, invalid), field: 'encoding' },
  );
}

/** CRLF and lone CR become LF: imported texts are stored with one kind of line end. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/gu, '\n');
}
