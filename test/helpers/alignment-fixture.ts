// The corpus the alignment-correction tests share (test/fixtures/alignment/council/README.md).
import path from 'node:path';
import { ROOT } from './paths.js';

export const FIXTURE_CORPORA = path.join(ROOT, 'test/fixtures/alignment');
export const FIXTURE_DOC = 'budget.engine-a';
