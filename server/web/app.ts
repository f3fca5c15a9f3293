// The Express application: thin routes over the pipeline and the store.
import express from 'express';
import path from 'node:path';
import { ROOT } from '../config.js';
import { dirOf } from '../core/lang.js';
import { bidiRuns, dominantDir } from '../report/bidi.js';
import { bidiHtml, piecesHtml } from './fragments.js';
import { jsonForScript } from './page-data.js';
import type { AppContext } from './context.js';
import { durableAnswers } from './middleware/durability.js';
import { errorHandler, notFound } from './middleware/errors.js';
import { authenticate, authOf, csrfProtection, requireUser } from './middleware/auth.js';
import { documentWrites } from './middleware/permissions.js';
import { security } from './middleware/security.js';
import { apiRoutes } from './routes/api.js';
import { authRoutes, type AuthRouteOptions } from './routes/auth.js';
import { agreementRoutes } from './routes/agreement.js';
import { historyRoutes } from './routes/history.js';
import { userRoutes } from './routes/users.js';
import { documentRoutes } from './routes/documents.js';
import { exportRoutes } from './routes/exports.js';
import { importRoutes } from './routes/imports.js';

export interface AppOptions extends Partial<AuthRouteOptions> {
  /** Express's `trust proxy` (config.trustProxy). */
  trustProxy?: string | false;
}

/**
 * The app. `demo` (no login while no account can sign in) must only be set when the server
 * listens on loopback; main.ts decides that from the configured host.
 */
export function createApp(ctx: AppContext, options: AppOptions = {}): express.Express {
  const auth: AuthRouteOptions = {
    demo: options.demo ?? false,
    secureCookies: options.secureCookies ?? 'auto',
    sessionHours: options.sessionHours ?? 12,
    loginLimit: options.loginLimit ?? 10,
  };
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
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

  app.use(security());
  app.use('/assets', express.static(path.join(ROOT, 'server/web/assets'), { fallthrough: false, maxAge: '1h' }));
  app.use(
    '/fonts',
    express.static(path.join(ROOT, 'node_modules/@fontsource/noto-naskh-arabic/files'), { fallthrough: false, maxAge: '30d', immutable: true }),
  );
  app.use(express.json({ limit: '256kb' }));
  app.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 2000 }));

  // Every route below knows who is acting; every change carries the CSRF token; every page but
  // the login needs somebody signed in (or the loopback demo); every change to a document needs
  // a role and an assignment that allow it (routes check marks' ownership on top).
  app.use(durableAnswers(ctx.store));
  app.use(authenticate(ctx.store, auth));
  app.use((_req, res, next) => {
    res.locals['me'] = authOf(res);
    next();
  });
  app.use(csrfProtection);
  app.use(authRoutes(ctx.store, auth));
  app.use(requireUser);
  app.use(documentWrites(ctx.store));

  app.use(userRoutes(ctx.store));
  app.use(historyRoutes(ctx));
  app.use(agreementRoutes(ctx));
  app.use(documentRoutes(ctx));
  app.use(exportRoutes(ctx));
  app.use(importRoutes(ctx));
  app.use('/api', apiRoutes(ctx));

  app.use((req, _res, next) => next(notFound(`"${req.path}"`)));
  app.use(errorHandler);
  return app;
}
