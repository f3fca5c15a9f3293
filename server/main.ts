// Starts the reviewer server: reads config, opens the store, imports the bundled corpora, listens.
import { loadDefaultTypology } from './core/typology.js';
import { isLoopback, loadConfig } from './config.js';
import { ensureFirstAdmin } from './auth/first-admin.js';
import { readCorpora } from './ingest/corpus.js';
import { importCorpora } from './store/import-corpus.js';
import { openStore } from './store/index.js';
import { createApp } from './web/app.js';
import { createContext } from './web/context.js';

const config = loadConfig();
// Group commit: answers wait for the WAL flush that covers them (web/middleware/durability.ts).
const store = openStore(config.dbFile, undefined, { groupCommit: true });
const { corpora, errors } = readCorpora(config.corporaDir);
for (const e of errors) console.error(`error: corpus skipped: ${e.message}`);
const report = await importCorpora(store, corpora);
for (const k of report.kept) console.warn(`warning: ${k.id}: ${k.reason}`);

// No-login demo only while nothing but this computer can connect.
const demo = config.demoAllowed && isLoopback(config.host);
const admin = await ensureFirstAdmin(store, { demo, env: process.env });
if (admin) {
  console.log(`First start: created the admin account "${admin.username}".`);
  if (admin.password) console.log(`Its one-time password (shown only now; change it at first sign-in): ${admin.password}`);
}
const app = createApp(createContext(store, loadDefaultTypology()), {
  demo,
  trustProxy: config.trustProxy,
  secureCookies: config.secureCookies,
  sessionHours: config.sessionHours,
});
const server = app.listen(config.port, config.host, (error?: Error) => {
  if (error) return; // reported by the 'error' handler below
  const docs = report.inserted.length + report.updated.length + report.kept.length;
  console.log(`Tadqiq: ${docs} document(s) from ${config.corporaDir}; database ${config.dbFile}`);
  const loopback = ['127.0.0.1', '::1', 'localhost', '0.0.0.0', '::'].includes(config.host);
  const port = (server.address() as { port: number }).port;
  console.log(`Reviewer UI on http://${loopback ? 'localhost' : config.host}:${port}/`);
  if (demo) void store.users.countSignIn().then((n) => n === 0 && console.log('Demo mode: no login on this computer until an account exists (npm run user -- add NAME --role admin).'));
});
server.on('error', (e) => {
  console.error(`Cannot listen on ${config.host}:${config.port}: ${e.message}`);
  process.exit(1);
});

const stop = () => {
  server.close(() => {
    store.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
