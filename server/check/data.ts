// Word lists shipped with the checks (server/check/data/*.txt, *.tsv): read once, when first used.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cache = new Map<string, string[][]>();

/** Rows of a data file: comment (#) and blank lines skipped, fields split on tabs. */
export function dataRows(name: string): string[][] {
  let rows = cache.get(name);
  if (!rows) {
    const text = readFileSync(fileURLToPath(new URL(`./data/${name}`, import.meta.url)), 'utf8');
    rows = text
      .split(/\r?\n/u)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t').map((f) => f.trim()));
    cache.set(name, rows);
  }
  return rows;
}
