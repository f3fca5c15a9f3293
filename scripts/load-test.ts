// The load test: autocannon holds a fixed rate of annotation writes against the real server
// (a child process, loopback, a signed-in reviewer with CSRF token, group commit on) and prints
// throughput, latency percentiles and errors. Each connection creates a mark and deletes it
// again, so the document's size stays that of a reviewed document during the run.
//
//   npm run load-test -- [--rate 500] [--duration 60] [--connections 20]
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { DOC, freePort, prepareDatabase, signIn, spans, startServerProcess } from './lib/server-process.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) {
    console.error(`--${name} must be a positive number`);
    process.exit(2);
  }
  return v;
}

const RATE = arg('rate', 500);
const DURATION = arg('duration', 60);
const CONNECTIONS = arg('connections', 20);

const { dir, dbFile } = await prepareDatabase();
const server = await startServerProcess(dbFile, await freePort());
const { cookie, csrf } = await signIn(server.url);
// The first request on a document after a start runs its pipeline (segmentation, alignment,
// checks: seconds, once); a server that has just started is not what this test measures.
const warm = performance.now();
const warmRes = await fetch(`${server.url}/api/documents/${DOC}/summary`, { headers: { Cookie: cookie } });
if (!warmRes.ok) throw new Error(`warm-up failed: ${warmRes.status} ${await warmRes.text()}`);
const warmMs = performance.now() - warm;
const target = (new Database(dbFile, { readonly: true }).prepare('SELECT target_text FROM documents WHERE id = ?').get(DOC) as { target_text: string }).target_text;
const places = spans(target);
const path = `/api/documents/${DOC}/annotations`;
const headers = { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf };

let n = 0;
type Ctx = { id?: string };
const result = await autocannon({
  url: server.url,
  connections: CONNECTIONS,
  overallRate: RATE,
  duration: DURATION,
  timeout: 10,
  requests: [
    {
      method: 'POST',
      path,
      headers,
      setupRequest: (req: autocannon.Request, context: Ctx) => {
        const id = `load${randomBytes(8).toString('hex')}`;
        context.id = id;
        const p = places[n++ % places.length]!;
        return { ...req, body: JSON.stringify({ clientId: id, side: 'target', start: p.start, end: p.end, category: 'Style', severity: 'minor', comment: 'load test' }) };
      },
    },
    {
      method: 'DELETE',
      headers,
      setupRequest: (req: autocannon.Request, context: Ctx) => ({ ...req, path: `${path}/${context.id}` }),
    },
  ] as autocannon.Request[],
});
server.child.kill('SIGTERM');
await server.exited;

const db = new Database(dbFile, { readonly: true });
const stored = (db.prepare(`SELECT COUNT(*) AS n FROM annotations WHERE document_id = ? AND client_id LIKE 'load%'`).get(DOC) as { n: number }).n;
db.close();
fs.rmSync(dir, { recursive: true, force: true });

const l = result.latency;
const ok = result['2xx'];
const rate = ok / result.duration;
console.log(`load test: ${RATE} writes/s asked for ${DURATION} s over ${CONNECTIONS} connections (create + delete of a mark, signed in, CSRF, group commit)`);
console.log(`  machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average at the end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`  warm-up: the first request on the document (its pipeline) took ${warmMs.toFixed(0)} ms, before the measurement`);
console.log(`  requests: ${result.requests.total}; 2xx: ${ok}; non-2xx: ${result.non2xx}; errors: ${result.errors}; timeouts: ${result.timeouts}`);
console.log(`  achieved: ${rate.toFixed(1)} writes/s over ${result.duration.toFixed(1)} s`);
console.log(`  latency ms: p50 ${l.p50}, p90 ${l.p90}, p97.5 ${l.p97_5}, p99 ${l.p99}, max ${l.max}`);
console.log(`  marks created (all soft-deleted again, each with its audit events): ${stored}`);
const pass = result.non2xx === 0 && result.errors === 0 && result.timeouts === 0 && l.p99 < 50 && rate >= RATE * 0.98;
console.log(pass ? 'PASS: target rate held, p99 < 50 ms, no errors' : 'FAIL: target not met');
process.exit(pass ? 0 : 1);
