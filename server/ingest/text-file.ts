// Reads a text file for the pipeline. Offsets are taken on the decoded text with the byte-order
// mark removed; nothing else is changed (line endings stay as they are).
import fs from 'node:fs';
import { InputError } from '../core/types.js';

export function decodeText(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new InputError(`binary data (a NUL byte at byte ${nul}); expected a UTF-8 text file`, { file });
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    throw new InputError('not valid UTF-8; save the file as UTF-8', { file });
  }
}

export function readTextFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(e)})`, { file });
  }
  return decodeText(bytes, file);
}
