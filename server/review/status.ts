// Per-bead review statuses and document progress.
import type { BeadStatus } from '../store/types.js';

export const BEAD_STATUSES: ReadonlyArray<{ id: BeadStatus; label: string }> = [
  { id: 'not-started', label: 'Not started' },
  { id: 'reviewed', label: 'Reviewed' },
  { id: 'second-opinion', label: 'Needs second opinion' },
];

export interface Progress {
  reviewed: number;
  secondOpinion: number;
  total: number;
}

export function progressOf(statuses: Iterable<BeadStatus>): Progress {
  const p: Progress = { reviewed: 0, secondOpinion: 0, total: 0 };
  for (const s of statuses) {
    p.total++;
    if (s === 'reviewed') p.reviewed++;
    else if (s === 'second-opinion') p.secondOpinion++;
  }
  return p;
}
