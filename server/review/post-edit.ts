// Post-editing: a reviewer's corrected target for one bead, kept apart from the MT (which is
// never altered), shown as a word-level diff of the MT against the correction.
import { diffWords } from 'diff';
import type { Bead, SegmentedText } from '../core/types.js';

export interface DiffPart {
  text: string;
  op: 'same' | 'removed' | 'added';
}

/** The MT text of a bead as the reviewer sees it: its target sentences joined by a space. */
export function beadTargetText(target: SegmentedText, bead: Bead): string {
  return bead.target.map((i) => target.sentences[i]!.text).join(' ');
}

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Word-level diff. The `diff` package's own word pattern is Latin-only and would diff Arabic
 * letter by letter, so words come from Intl.Segmenter for the target language.
 */
export function wordDiff(mt: string, postEdit: string, lang: string): DiffPart[] {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  return diffWords(mt, postEdit, { intlSegmenter: segmenter }).map((c) => ({
    text: c.value,
    op: c.added ? 'added' : c.removed ? 'removed' : 'same',
  }));
}

export const MAX_POST_EDIT = 10_000;

/** A post-edit as sent by a reviewer: trimmed; '' means "no post-edit". */
export function normalisePostEdit(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}
