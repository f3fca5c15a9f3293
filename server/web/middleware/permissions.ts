// The role and assignment check for every state-changing request, applied once for the whole
// app so that a route added later is covered without knowing about it:
//   /api/documents/:id/… and /documents/:id/…  the user may review that document (admin, or a
//                                              reviewer assigned to it);
//   /api/import, /import                        admin;
//   /login, /logout, /account/…, /admin/…      checked by their own routes;
//   anything else                               admin.
// Routes add the finer checks (a reviewer changes only their own marks; adjudication is admin's).
import type { Request, RequestHandler } from 'express';
import { can, denial, type Action } from '../../auth/permissions.js';
import type { Store } from '../../store/types.js';
import { userOf } from './auth.js';
import { HttpError } from './errors.js';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const DOCUMENT = /^(?:\/api)?\/documents\/([^/]+)(?:\/|$)/;
const OWN_CHECKS = /^\/(?:login|logout|account(?:\/|$)|admin\/)/;

function documentIdOf(req: Request): string | undefined {
  const m = DOCUMENT.exec(req.path);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    throw new HttpError(400, 'Invalid document id in the address.');
  }
}

export function documentWrites(store: Store): RequestHandler {
  return async (req, res, next) => {
    if (!CHANGES.has(req.method) || OWN_CHECKS.test(req.path)) return next();
    const user = userOf(res);
    const documentId = documentIdOf(req);
    let action: Action = 'import';
    let assigned = false;
    if (documentId !== undefined) {
      action = 'review';
      assigned = user.role === 'reviewer' && (await store.assignments.isAssigned(documentId, user.id));
    } else if (!/^\/(?:api\/)?import$/.test(req.path)) {
      action = 'manage-users';
    }
    if (!can(user, action, { assigned })) throw new HttpError(403, denial(user, action, { assigned }), [], 'forbidden');
    res.locals['assigned'] = assigned;
    next();
  };
}
