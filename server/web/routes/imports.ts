// Uploads: the import form, and POST /import (HTML) or /api/import (JSON) with multipart files.
// Files are held in memory up to the size limit and imported in one transaction; bad input is
// answered 400 with the message naming the file, line and field, and nothing is written.
import { Router, type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { InputError } from '../../core/types.js';
import { ENCODINGS, parseEncoding } from '../../ingest/encodings.js';
import { DEFAULT_MAX_BYTES, FORMAT_LABELS, IMPORT_FORMATS, runImport, type ImportFile, type ImportFormat, type ImportRequest } from '../../ingest/import.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../middleware/errors.js';
import { authOf, verifyCsrf } from '../middleware/auth.js';

/** The upload's CSRF token (header or form field) can only be read once multer has parsed the body. */
const csrfAfterUpload = (req: Request, res: Response, next: NextFunction) => {
  verifyCsrf(req, authOf(res));
  next();
};

export function maxUploadBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env['TADQIQ_MAX_UPLOAD_MB'] ?? DEFAULT_MAX_BYTES / 1048576);
  return Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1048576) : DEFAULT_MAX_BYTES;
}

const FILE_FIELDS = [{ name: 'file', maxCount: 1 }, { name: 'source', maxCount: 1 }, { name: 'target', maxCount: 1 }, { name: 'reference', maxCount: 4 }];

export function importRoutes(ctx: AppContext, maxBytes = maxUploadBytes()): Router {
  const r = Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 7, fields: 20, fieldSize: 64 * 1024 } }).fields(FILE_FIELDS);

  const receive = (req: Request, res: Response, next: NextFunction) =>
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') {
          return next(new HttpError(413, `${err.field ?? 'file'}: the file is larger than the ${(maxBytes / 1048576).toFixed(0)} MB limit; nothing was imported`, [{ field: err.field ?? 'file', message: 'too large' }]));
        }
        return next(new HttpError(400, `upload refused: ${err.message}`, [{ field: err.field ?? 'file', message: err.message }]));
      }
      next(err);
    });

  const formPage = (res: Response, status: number, locals: Record<string, unknown>) =>
    res.status(status).render('import', { formats: IMPORT_FORMATS.map((f) => ({ id: f, label: FORMAT_LABELS[f] })), encodings: ENCODINGS, maxMb: Math.round(maxBytes / 1048576), values: {}, ...locals });

  r.get('/import', (_req, res) => {
    const me = authOf(res).user;
    if (me?.role !== 'admin') throw new HttpError(403, `Only an admin may import (you are a ${me?.role ?? 'visitor'}).`, [], 'forbidden');
    formPage(res, 200, {});
  });

  const handle = async (req: Request) => {
    if (!req.is('multipart/form-data')) throw new HttpError(415, 'Send the files as multipart/form-data.');
    const files = (req.files ?? {}) as Record<string, Express.Multer.File[]>;
    const body = (req.body ?? {}) as Record<string, string>;
    const asFile = (f: Express.Multer.File | undefined): ImportFile | undefined => (f ? { name: f.originalname || f.fieldname, bytes: f.buffer } : undefined);
    const format = (body['format'] || 'auto') as ImportFormat;
    if (!IMPORT_FORMATS.includes(format)) throw new InputError(`unknown format "${format}"`, { field: 'format' });
    const text = (k: string) => (typeof body[k] === 'string' && body[k]!.trim() ? body[k]!.trim() : undefined);
    const request: ImportRequest = {
      format,
      encoding: parseEncoding(text('encoding'), 'encoding'),
      maxBytes,
      ...(asFile(files['file']?.[0]) ? { file: asFile(files['file']?.[0])! } : {}),
      ...(asFile(files['source']?.[0]) ? { source: asFile(files['source']?.[0])! } : {}),
      ...(asFile(files['target']?.[0]) ? { target: asFile(files['target']?.[0])! } : {}),
      ...(files['reference']?.length ? { references: files['reference'].map((f) => asFile(f)!) } : {}),
    };
    for (const k of ['sourceLang', 'targetLang', 'system', 'corpus', 'title', 'id', 'author'] as const) {
      const v = text(k);
      if (v !== undefined) (request as unknown as Record<string, string>)[k] = v;
    }
    if (text('segmentation') === 'lines') request.segmentation = 'lines';
    if (!request.file && !request.source && !request.target) throw new InputError('choose a file to import', { field: 'file' });
    return runImport(ctx.store, ctx.typology, request);
  };

  r.post('/api/import', receive, csrfAfterUpload, async (req, res) => {
    res.status(201).json(await handle(req));
  });

  r.post('/import', receive, csrfAfterUpload, async (req, res) => {
    try {
      const summary = await handle(req);
      formPage(res, 201, { summary, values: req.body ?? {} });
    } catch (e) {
      if (e instanceof InputError || (e instanceof HttpError && e.status < 500)) {
        const status = e instanceof HttpError ? e.status : 400;
        formPage(res, status, { error: e.message, values: req.body ?? {} });
        return;
      }
      throw e;
    }
  });

  return r;
}
