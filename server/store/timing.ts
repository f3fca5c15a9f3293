// SQLite implementation of the timing log: deltas in, sums out.
import type { Db } from './db.js';
import type { TimingEvent, TimingRepository, TimingTotal } from './types.js';

export function sqliteTiming(db: Db, now: () => string): TimingRepository {
  const insert = db.prepare('INSERT INTO timing_events (document_id, bead_key, reviewer, action, count, ms, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const totals = db.prepare(`
    SELECT bead_key AS beadKey, reviewer, action, SUM(count) AS count, SUM(ms) AS ms FROM timing_events
    WHERE document_id = ? GROUP BY bead_key, reviewer, action ORDER BY bead_key, reviewer, action`);
  const add = db.transaction((documentId: string, reviewer: string, events: TimingEvent[]) => {
    const at = now();
    for (const e of events) insert.run(documentId, e.beadKey, reviewer, e.action, e.count, e.ms, at);
    return events.length;
  });
  return {
    async add(documentId, reviewer, events) {
      return add(documentId, reviewer, events);
    },
    async totals(documentId) {
      return totals.all(documentId) as TimingTotal[];
    },
  };
}
