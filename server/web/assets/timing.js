// @ts-check
// Rater-behaviour log, as Anthea keeps one: per bead, the time it was the current bead while the
// reviewer was active ("viewed": count = visits), and per action a count and the milliseconds
// since the previous logged moment on that bead. The clock stops after a minute without input,
// so a reviewer who walks away does not inflate the figures. Deltas are sent in batches.

const IDLE_MS = 60_000;
const FLUSH_MS = 15_000;

/** @typedef {{ beadKey: string, action: string, count: number, ms: number }} TimingEvent */

export class TimingLog {
  /** @param {(events: TimingEvent[]) => void} send */
  constructor(send) {
    this.send = send;
    /** @type {Map<string, TimingEvent>} */
    this.pending = new Map();
    /** @type {string | null} */
    this.current = null;
    this.since = performance.now();
    this.lastInput = performance.now();
    this.lastMark = performance.now();
    const active = () => {
      const now = performance.now();
      // Coming back from idle: the idle stretch is not counted.
      if (now - this.lastInput > IDLE_MS) {
        this.since = now;
        this.lastMark = now;
      }
      this.lastInput = now;
    };
    for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll']) window.addEventListener(type, active, { passive: true, capture: true });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') {
        this.stopClock();
        this.flush();
      } else {
        this.since = performance.now();
        this.lastInput = this.since;
      }
    });
    window.addEventListener('pagehide', () => {
      this.stopClock();
      this.flush();
    });
    setInterval(() => {
      this.stopClock();
      this.since = performance.now();
      this.flush();
    }, FLUSH_MS);
  }

  /** @param {string} beadKey @param {string} action @param {number} count @param {number} ms */
  add(beadKey, action, count, ms) {
    const k = `${beadKey}\u0000${action}`;
    const e = this.pending.get(k) ?? { beadKey, action, count: 0, ms: 0 };
    e.count += count;
    e.ms += Math.max(0, Math.round(ms));
    this.pending.set(k, e);
  }

  /** Adds the active time since `since` to the current bead. */
  stopClock() {
    if (!this.current) return;
    const end = Math.min(performance.now(), this.lastInput + IDLE_MS);
    if (end > this.since) this.add(this.current, 'viewed', 0, end - this.since);
    this.since = performance.now();
  }

  /** The reviewer moved to another bead. @param {string} beadKey */
  enter(beadKey) {
    if (beadKey === this.current) return;
    this.stopClock();
    this.current = beadKey;
    this.since = performance.now();
    this.lastMark = this.since;
    this.add(beadKey, 'viewed', 1, 0);
  }

  /** Counts an action on a bead (the current one by default). @param {string} action @param {string} [beadKey] */
  action(action, beadKey) {
    const key = beadKey ?? this.current;
    if (!key) return;
    const now = performance.now();
    this.add(key, action, 1, key === this.current ? Math.min(now - this.lastMark, IDLE_MS) : 0);
    if (key === this.current) this.lastMark = now;
  }

  flush() {
    const events = [...this.pending.values()].filter((e) => e.count > 0 || e.ms > 0);
    this.pending.clear();
    // The server takes at most 500 events per request.
    for (let i = 0; i < events.length; i += 500) this.send(events.slice(i, i + 500));
  }
}
