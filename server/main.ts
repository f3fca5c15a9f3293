// Starts the reviewer server: reads config, opens the store, imports the bundled corpora, listens.
import { loadDefaultTypology } from './core/typology.js';
import { loadConfig } from './config.js';
import { readCorpora } from './ingest/corpus.js';
import { importCorpora } from './store/import-corpus.js';
import { openStore } from './store/index.js';
import { createApp } from './web/app.js';
import { createContext } from './web/context.js';

const config = loadConfig();
const store = openStore(config.dbFile);
const { corpora, errors } = readCorpora(config.corporaDir);
for (const e of errors) console.error(`error: corpus skipped: ${e.message}`);
const report = await importCorpora(store, corpora);
for (const k of report.kept) console.warn(`warning: ${k.id}: ${k.reason}`);

const app = createApp(createContext(store, loadDefaultTypology()));
const server = app.listen(config.port, config.host, (error?: Error) => {
  if (error) return; // reported by the 'error' handler below
  const docs = report.inserted.length + report.updated.length + report.kept.length;
  console.log(`Tadqiq: ${docs} document(s) from ${config.corporaDir}; database ${config.dbFile}`);
  const loopback = ['127.0.0.1', '::1', 'localhost', '0.0.0.0', '::'].includes(config.host);
  const port = (server.address() as { port: number }).port;
  console.log(`Reviewer UI on http://${loopback ? 'localhost' : config.host}:${port}/`);
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
