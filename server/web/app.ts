// The Express application: thin routes over the pipeline and the store.
import express from 'express';
import path from 'node:path';
import { ROOT } from '../config.js';
import { dirOf } from '../core/lang.js';
import { bidiRuns, dominantDir } from '../report/bidi.js';
import { bidiHtml, piecesHtml } from './fragments.js';
import { jsonForScript } from './page-data.js';
import type { AppContext } from './context.js';
import { errorHandler, notFound } from './middleware/errors.js';
import { apiRoutes } from './routes/api.js';
import { documentRoutes } from './routes/documents.js';
import { exportRoutes } from './routes/exports.js';
import { importRoutes } from './routes/imports.js';

export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('views', path.join(ROOT, 'views'));
  app.set('view engine', 'ejs');
  app.set('query parser', 'simple');
  // Compiled templates are kept: without this EJS recompiles every template and partial on every
  // render.
  app.set('view cache', true);
  app.locals['dirOf'] = dirOf;
  app.locals['dominantDir'] = dominantDir;
  app.locals['bidiRuns'] = bidiRuns;
  app.locals['jsonForScript'] = jsonForScript;
  app.locals['piecesHtml'] = piecesHtml;
  app.locals['bidiHtml'] = bidiHtml;

  app.use('/assets', express.static(path.join(ROOT, 'server/web/assets'), { fallthrough: false, maxAge: '1h' }));
  app.use(
    '/fonts',
    express.static(path.join(ROOT, 'node_modules/@fontsource/noto-naskh-arabic/files'), { fallthrough: false, maxAge: '30d', immutable: true }),
  );
  app.use(express.json({ limit: '256kb' }));

  app.use(documentRoutes(ctx));
  app.use(exportRoutes(ctx));
  app.use(importRoutes(ctx));
  app.use('/api', apiRoutes(ctx));

  app.use((req, _res, next) => next(notFound(`"${req.path}"`)));
  app.use(errorHandler);
  return app;
}
