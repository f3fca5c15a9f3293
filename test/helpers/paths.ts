// Paths tests share: the repository root, the bundled corpus, and the optional ../shared data.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SEED_CORPUS = path.join(ROOT, 'corpora/mali-minusma');
export const SHARED = path.resolve(process.env['TADQIQ_SHARED'] ?? path.join(ROOT, '../shared'));
export const hasShared = () => fs.existsSync(path.join(SHARED, 'seed/mali-minusma.ar.txt'));
export const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
