// SQLite implementation of the idempotent-request log.
import type { Db } from './db.js';
import type { RequestLogRepository } from './types.js';

interface Row {
  method: string;
  path: string;
  status: number;
  body: string | null;
}

export function sqliteRequestLog(db: Db, now: () => string): RequestLogRepository {
  const get = db.prepare('SELECT method, path, status, body FROM request_log WHERE key = ?');
  const put = db.prepare('INSERT OR IGNORE INTO request_log (key, document_id, method, path, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  return {
    async get(key) {
      const r = get.get(key) as Row | undefined;
      return r ? { method: r.method, path: r.path, status: r.status, body: r.body === null ? undefined : JSON.parse(r.body) } : undefined;
    },
    async put(key, documentId, method, path, response) {
      put.run(key, documentId ?? null, method, path, response.status, response.body === undefined ? null : JSON.stringify(response.body), now());
    },
  };
}
