// Reads a text file for the pipeline. Offsets are taken on the decoded text with the byte-order
// mark removed; nothing else is changed (line endings stay as they are). Decoding accepts UTF-8,
// UTF-16 with a byte-order mark and Windows-1256 Arabic (encodings.ts).
import fs from 'node:fs';
import { InputError } from '../core/types.js';
import { decodeBytes, type Encoding } from './encodings.js';

export function decodeText(bytes: Uint8Array, file: string, encoding: Encoding = 'auto'): string {
  return decodeBytes(bytes, file, encoding).text;
}

export function readBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(e)})`, { file });
  }
}

export function readTextFile(file: string, encoding: Encoding = 'auto'): string {
  return decodeText(readBytes(file), file, encoding);
}
