// @ts-check
// The outbox: every change the reviewer makes is written here (localStorage) before it is sent,
// then sent in order, one at a time. A change the server cannot be reached for stays queued and is
// retried with backoff, across reloads; each carries an Idempotency-Key, so a retry of a change
// whose answer was lost is answered from the server's log instead of being applied twice. Only
// one tab sends at a time (Web Locks), the queue is shared.

/**
 * @typedef {object} Op
 * @property {string} id            idempotency key, also the queue key
 * @property {string} method
 * @property {string} url
 * @property {unknown} [body]
 * @property {Record<string, string>} headers
 * @property {string} label         what the reviewer did, for messages
 * @property {Record<string, unknown>} [meta]  what the page needs to redraw when it lands
 * @property {boolean} [quiet]     a background record (timing): a refusal is dropped without alarm
 * @property {number} tries
 * @property {number} createdAt
 * @property {string} [owner]      who queued it (identity.js owner()); sent only by the same account
 * @property {string} [held]       why the server refused it (403 or 409): kept aside, not lost
 */

/**
 * @typedef {{ state: 'done', status: number, body: any } | { state: 'rejected', status: number, message: string } | { state: 'queued', message: string } | { state: 'held', status: number, message: string, body: any } | { state: 'signed-out', message: string }} Outcome
 */

/**
 * @typedef {object} OutboxState
 * @property {'saved'|'saving'|'offline'|'failed'|'signed-out'} state
 * @property {number} pending
 * @property {string} [message]
 * @property {number} [retryAt]   when the next attempt is due (ms since epoch)
 * @property {number} [held]      changes the server refused (403/409), kept for the reviewer to retry or discard
 */

const STORAGE = 'tadqiq.outbox.v1';
const HELD = 'tadqiq.outbox.held.v1';
const LOCK = 'tadqiq.outbox';
const DELAYS = [1000, 2000, 4000, 8000, 15000, 30000, 60000];
const TIMEOUT = 20000;

/** A random id that also works outside secure contexts (crypto.randomUUID does not). */
export function newId() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

/** @returns {Op[]} */
function load() {
  try {
    const v = JSON.parse(localStorage.getItem(STORAGE) ?? '[]');
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** @param {Op[]} ops */
function save(ops) {
  localStorage.setItem(STORAGE, JSON.stringify(ops));
}

/** @returns {Op[]} */
export function loadHeld() {
  try {
    const v = JSON.parse(localStorage.getItem(HELD) ?? '[]');
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** @param {Op[]} ops */
function saveHeld(ops) {
  localStorage.setItem(HELD, JSON.stringify(ops));
}

/** @param {Response} res */
async function errorText(res) {
  try {
    const body = await res.json();
    const fields = (body.fields ?? []).map((/** @type {{field: string, message: string}} */ f) => `${f.field}: ${f.message}`).join('; ');
    return `${body.error ?? res.statusText}${fields ? ` (${fields})` : ''}`;
  } catch {
    return `${res.status} ${res.statusText}`;
  }
}

/** Answers worth retrying: the server was unreachable, overloaded or failed. */
const retryable = (/** @type {number} */ status) => status >= 500 || status === 408 || status === 429;

export class Outbox {
  /**
   * @param {{ idempotencyHeader: string, onState: (s: OutboxState) => void, onDone: (op: Op, body: any) => void, onRejected: (op: Op, message: string) => void,
   *   onHeld?: (op: Op, message: string, body: any) => void, owner?: () => string, authHeaders?: () => Record<string, string>, refreshAuth?: () => Promise<string> }} opts
   */
  constructor(opts) {
    this.opts = opts;
    /** @type {Map<string, (o: Outcome) => void>} */
    this.waiting = new Map();
    this.running = false;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.attempt = 0;
    /** @type {string | undefined} the last change the server refused, shown until one succeeds */
    this.lastError = undefined;
    /** @type {OutboxState} */
    this.state = { state: 'saved', pending: load().length };
    window.addEventListener('online', () => this.retryNow());
    // Another tab sent (or queued) something: our view of the queue is stale.
    window.addEventListener('storage', (ev) => {
      if (ev.key !== STORAGE) return;
      const ids = new Set(load().map((o) => o.id));
      for (const [id, resolve] of this.waiting) {
        if (!ids.has(id)) {
          this.waiting.delete(id);
          resolve({ state: 'done', status: 200, body: null });
        }
      }
      this.report(this.state.state, this.state.message, this.state.retryAt);
    });
  }

  get pending() {
    return load().length;
  }

  /** The changes still waiting, oldest first. @returns {Op[]} */
  queued() {
    return load();
  }

  /**
   * Queues a change and starts sending. Resolves with the first attempt's outcome: done,
   * rejected (the server refused it; it is dropped), or queued (it will be retried).
   * @param {Omit<Op, 'id'|'tries'|'createdAt'> & { id?: string }} change
   * @returns {Promise<Outcome>}
   */
  send(change) {
    /** @type {Op} */
    const op = { ...change, id: change.id ?? newId(), tries: 0, createdAt: Date.now(), ...(this.opts.owner ? { owner: this.opts.owner() } : {}) };
    const ops = load();
    ops.push(op);
    save(ops);
    const result = new Promise((resolve) => this.waiting.set(op.id, resolve));
    if (this.timer !== undefined) {
      // The queue is waiting to retry: this change waits behind the others.
      this.resolve(op.id, { state: 'queued', message: this.state.message ?? 'waiting for the server' });
      this.report(this.state.state, this.state.message, this.state.retryAt);
      return /** @type {Promise<Outcome>} */ (result);
    }
    this.report('saving');
    void this.flush();
    return /** @type {Promise<Outcome>} */ (result);
  }

  retryNow() {
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.flush();
  }

  /** Sends queued changes in order until the queue is empty or the server is unreachable. */
  async flush() {
    if (this.running) return;
    this.running = true;
    try {
      const locks = navigator.locks;
      if (locks) await locks.request(LOCK, () => this.drain());
      else await this.drain();
    } finally {
      this.running = false;
    }
  }

  async drain() {
    for (;;) {
      const op = load()[0];
      if (!op) {
        this.attempt = 0;
        this.report(this.lastError ? 'failed' : 'saved', this.lastError);
        return;
      }
      // Changes queued by another account (signed out, someone else signed in) wait for it.
      if (op.owner !== undefined && this.opts.owner && op.owner !== this.opts.owner()) {
        const outcome = { state: /** @type {const} */ ('signed-out'), message: `${load().length} change(s) were made by another account; sign in as it to send them` };
        for (const id of [...this.waiting.keys()]) this.resolve(id, outcome);
        this.report('signed-out', outcome.message);
        return;
      }
      this.report('saving');
      let outcome = await this.attemptOne(op);
      if (outcome.state === 'held' && outcome.body?.code === 'csrf' && this.opts.refreshAuth) {
        // The token rotated (signed in again, server restarted in the demo): fetch it and retry once.
        const who = await this.opts.refreshAuth().catch(() => undefined);
        if (who !== undefined && (op.owner === undefined || who === op.owner)) outcome = await this.attemptOne(op);
      }
      if (outcome.state === 'signed-out' || (outcome.state === 'held' && outcome.body?.code === 'csrf')) {
        // Kept in the queue: it goes out once the reviewer signs in again (the page reloads).
        const message = outcome.state === 'signed-out' ? outcome.message : 'the session changed';
        const waiting = { state: /** @type {const} */ ('signed-out'), message: `signed out (${message}): sign in again to send ${load().length} queued change(s)` };
        for (const id of [...this.waiting.keys()]) this.resolve(id, waiting);
        this.report('signed-out', waiting.message);
        return;
      }
      if (outcome.state === 'queued') {
        const delay = DELAYS[Math.min(this.attempt, DELAYS.length - 1)] ?? 60000;
        this.attempt++;
        // Every change behind it waits too; their forms must not hang on a first answer.
        for (const id of [...this.waiting.keys()]) this.resolve(id, outcome);
        this.bump(op.id);
        this.report(navigator.onLine === false ? 'offline' : 'failed', outcome.message, Date.now() + delay);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.retryNow(), delay);
        return;
      }
      this.attempt = 0;
      this.remove(op.id);
      this.resolve(op.id, outcome);
      if (outcome.state === 'held') {
        // Refused as not allowed (403) or made against a stale version (409): set aside where
        // the reviewer sees it, to apply again or discard, never dropped silently.
        saveHeld([...loadHeld(), { ...op, held: outcome.message }]);
        this.lastError = `${op.label}: ${outcome.message}`;
        this.opts.onHeld?.(op, outcome.message, outcome.body);
        continue;
      }
      if (outcome.state === 'done') {
        this.lastError = undefined;
        this.opts.onDone(op, outcome.body);
      } else {
        if (!op.quiet) this.lastError = `${op.label}: ${outcome.message}`;
        this.opts.onRejected(op, outcome.message);
      }
    }
  }

  /** @param {Op} op @returns {Promise<Outcome>} */
  async attemptOne(op) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), TIMEOUT);
    /** @type {Response} */
    let res;
    try {
      res = await fetch(op.url, {
        method: op.method,
        headers: {
          ...op.headers,
          ...(this.opts.authHeaders ? this.opts.authHeaders() : {}),
          [this.opts.idempotencyHeader]: op.id,
          ...(op.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: op.body === undefined ? undefined : JSON.stringify(op.body),
        signal: ctl.signal,
        keepalive: true,
      });
    } catch {
      return { state: 'queued', message: 'the server cannot be reached' };
    } finally {
      clearTimeout(timer);
    }
    if (res.ok) {
      const body = res.status === 204 ? null : await res.json().catch(() => null);
      return { state: 'done', status: res.status, body };
    }
    if (res.status === 401) return { state: 'signed-out', message: 'the session ended' };
    if (res.status === 403 || res.status === 409) {
      const body = await res.json().catch(() => ({}));
      return { state: 'held', status: res.status, message: body.error ?? `${res.status} ${res.statusText}`, body };
    }
    const message = await errorText(res);
    if (retryable(res.status)) return { state: 'queued', message: `server error: ${message}` };
    return { state: 'rejected', status: res.status, message };
  }

  /** @param {string} id @param {Outcome} outcome */
  resolve(id, outcome) {
    const r = this.waiting.get(id);
    if (r) {
      this.waiting.delete(id);
      r(outcome);
    }
  }

  /** @param {string} id */
  remove(id) {
    save(load().filter((o) => o.id !== id));
  }

  /** Changes the server refused with 403 or 409, oldest first. @returns {Op[]} */
  held() {
    return loadHeld();
  }

  /**
   * Sends a held change again; `force` drops the version it was made against (the reviewer has
   * seen the current state and applies theirs over it).
   * @param {string} id @param {boolean} [force]
   */
  retryHeld(id, force = false) {
    const op = loadHeld().find((o) => o.id === id);
    if (!op) return;
    saveHeld(loadHeld().filter((o) => o.id !== id));
    const { held: _held, ...rest } = op;
    let { body, url } = rest;
    if (force) {
      if (body && typeof body === 'object' && 'version' in body) {
        const { version: _v, ...b } = /** @type {Record<string, unknown>} */ (body);
        body = b;
      }
      url = url.replace(/([?&])version=\d+&?/, '$1').replace(/[?&]$/, '');
    }
    // A new key: the refusal was recorded for the old one.
    void this.send({ ...rest, id: newId(), url, ...(body === undefined ? {} : { body }) });
  }

  /** @param {string} id */
  discardHeld(id) {
    saveHeld(loadHeld().filter((o) => o.id !== id));
    this.report(this.state.state, this.state.message, this.state.retryAt);
  }

  /** @param {string} id */
  bump(id) {
    save(load().map((o) => (o.id === id ? { ...o, tries: o.tries + 1 } : o)));
  }

  /** @param {OutboxState['state']} state @param {string} [message] @param {number} [retryAt] */
  report(state, message, retryAt) {
    const held = loadHeld().length;
    this.state = { state, pending: load().length, ...(message ? { message } : {}), ...(retryAt ? { retryAt } : {}), ...(held ? { held } : {}) };
    this.opts.onState(this.state);
  }
}
