// Rater-behaviour logs, as Anthea keeps them: per bead and action, how many times and how many
// milliseconds. The browser sends deltas (time on a bead while it is current and the reviewer is
// active; one count per action); reports sum them per bead and per reviewer.
import { z } from 'zod';
import type { TimingEvent, TimingTotal } from '../store/types.js';

/** Time spent on a bead is logged under this action; its count is the number of visits. */
export const DWELL = 'viewed';

/** One delta may not claim more than an hour: the browser stops the clock after a minute idle. */
const MAX_MS = 3_600_000;

export const TimingEventSchema = z
  .object({
    beadKey: z.string().regex(/^s(?:\d+|-)t(?:\d+|-)$/, 'must be a bead key like s0t0'),
    action: z.string().regex(/^[a-z][a-z0-9-]{0,47}$/, 'must be a lower-case action name'),
    count: z.number().int().min(0).max(10_000),
    ms: z.number().int().min(0).max(MAX_MS),
  })
  .strict();

export const TimingBatchSchema = z.object({ events: z.array(TimingEventSchema).min(1).max(500) }).strict();

export interface BeadTiming {
  beadKey: string;
  /** Milliseconds the bead was current while the reviewer was active. */
  ms: number;
  visits: number;
  /** Count and milliseconds per action other than dwelling. */
  actions: Record<string, { count: number; ms: number }>;
}

export interface TimingSummary {
  totalMs: number;
  byReviewer: Record<string, { ms: number; beads: number }>;
  beads: BeadTiming[];
}

export function summariseTiming(totals: TimingTotal[]): TimingSummary {
  const beads = new Map<string, BeadTiming>();
  const byReviewer: TimingSummary['byReviewer'] = {};
  const seen = new Map<string, Set<string>>();
  let totalMs = 0;
  for (const t of totals) {
    let b = beads.get(t.beadKey);
    if (!b) beads.set(t.beadKey, (b = { beadKey: t.beadKey, ms: 0, visits: 0, actions: {} }));
    if (t.action === DWELL) {
      b.ms += t.ms;
      b.visits += t.count;
      totalMs += t.ms;
      const r = (byReviewer[t.reviewer] ??= { ms: 0, beads: 0 });
      r.ms += t.ms;
      const s = seen.get(t.reviewer) ?? new Set<string>();
      if (!s.has(t.beadKey)) r.beads++;
      s.add(t.beadKey);
      seen.set(t.reviewer, s);
    } else {
      const a = (b.actions[t.action] ??= { count: 0, ms: 0 });
      a.count += t.count;
      a.ms += t.ms;
    }
  }
  return { totalMs, byReviewer, beads: [...beads.values()] };
}

export type { TimingEvent };
