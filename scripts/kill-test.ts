// The kill test: concurrent clients send annotation writes to the real server; it is killed
// with SIGKILL mid-run and restarted on the same database; every write that got a 2xx answer
// must then be present exactly once. Clients behave like the page's outbox: a write whose
// answer never came is retried with the same client id until it is answered.
//
//   npm run kill-test -- [--clients 20] [--writes 2000] [--kill-after 1000]
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DOC, freePort, prepareDatabase, signIn, spans, startServerProcess, type ServerProcess } from './lib/server-process.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) {
    console.error(`--${name} must be a positive whole number`);
    process.exit(2);
  }
  return v;
}

const CLIENTS = arg('clients', 20);
const WRITES = arg('writes', 2000);
const KILL_AFTER = arg('kill-after', Math.floor(WRITES / 2));

const { dir, dbFile } = await prepareDatabase();
const port = await freePort();
let server: ServerProcess = await startServerProcess(dbFile, port);
const { cookie, csrf } = await signIn(server.url);
const target = (new Database(dbFile, { readonly: true }).prepare('SELECT target_text FROM documents WHERE id = ?').get(DOC) as { target_text: string }).target_text;
const places = spans(target);

const acked = new Set<string>();
let ackedBeforeKill = 0;
let failedAttempts = 0;
let retriedAfterKill = 0;
let killed = false;
let restarting: Promise<void> | undefined;
const t0 = performance.now();
let killAt = 0;
let backAt = 0;

async function killAndRestart(): Promise<void> {
  killed = true;
  ackedBeforeKill = acked.size;
  killAt = performance.now();
  server.child.kill('SIGKILL');
  await server.exited;
  server = await startServerProcess(dbFile, port);
  backAt = performance.now();
}

async function write(n: number): Promise<void> {
  const clientId = `kill${String(n).padStart(8, '0')}`;
  const p = places[n % places.length]!;
  const body = JSON.stringify({ clientId, side: 'target', start: p.start, end: p.end, category: 'Style', severity: 'minor', comment: `kill test ${n}` });
  for (let attempt = 0; ; attempt++) {
    if (restarting) await restarting;
    try {
      const res = await fetch(`${server.url}/api/documents/${DOC}/annotations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf, 'Idempotency-Key': `idem-${clientId}` },
        body,
        signal: AbortSignal.timeout(20_000),
      });
      if (res.status >= 200 && res.status < 300) {
        await res.arrayBuffer();
        acked.add(clientId);
        if (attempt > 0 && killed) retriedAfterKill++;
        if (!killed && acked.size >= KILL_AFTER && !restarting) restarting = killAndRestart();
        return;
      }
      throw new Error(`status ${res.status}: ${await res.text()}`);
    } catch (e) {
      failedAttempts++;
      if (!restarting && !killed) throw e;
      await new Promise((r) => setTimeout(r, 50 * Math.min(attempt + 1, 20)));
    }
  }
}

let next = 0;
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (next < WRITES) await write(next++);
  }),
);
const elapsed = (performance.now() - t0) / 1000;
server.child.kill('SIGTERM');
await server.exited;

const db = new Database(dbFile, { readonly: true });
const rows = db.prepare(`SELECT client_id, COUNT(*) AS n FROM annotations WHERE document_id = ? AND client_id LIKE 'kill%' AND deleted_at IS NULL GROUP BY client_id`).all(DOC) as Array<{ client_id: string; n: number }>;
const counts = new Map(rows.map((r) => [r.client_id, r.n]));
const missing = [...acked].filter((id) => !counts.has(id));
const duplicated = [...counts].filter(([, n]) => n > 1);
const unacknowledged = [...counts.keys()].filter((id) => !acked.has(id));
const audit = (db.prepare(`SELECT COUNT(*) AS n FROM audit_events WHERE document_id = ? AND action = 'create'`).get(DOC) as { n: number }).n;
db.close();

console.log(`kill test: ${CLIENTS} clients, ${WRITES} annotation writes, SIGKILL after ${KILL_AFTER} acknowledged`);
console.log(`  acknowledged before the kill: ${ackedBeforeKill}; attempts that failed (connection lost, refused while down): ${failedAttempts}`);
console.log(`  server back after ${((backAt - killAt) / 1000).toFixed(2)} s; writes retried after the restart that then succeeded: ${retriedAfterKill}`);
console.log(`  acknowledged in all: ${acked.size}/${WRITES}; stored: ${counts.size}; missing: ${missing.length}; duplicated: ${duplicated.length}; stored but never acknowledged: ${unacknowledged.length}`);
console.log(`  audit 'create' events for the document: ${audit} (one per stored write)`);
console.log(`  wall time ${elapsed.toFixed(1)} s`);
const ok = missing.length === 0 && duplicated.length === 0 && acked.size === WRITES && audit === counts.size;
console.log(ok ? 'PASS: every acknowledged write is present exactly once' : 'FAIL');
fs.rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
