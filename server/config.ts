// Environment and defaults in one place.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  dbFile: string;
  corporaDir: string;
  /** Express's `trust proxy`: set when a TLS-terminating proxy stands in front (TADQIQ_TRUST_PROXY). */
  trustProxy: string | false;
  /** Cookies marked Secure: 'auto' = when the request came over HTTPS (directly or via a trusted proxy). */
  secureCookies: 'auto' | boolean;
  /** TADQIQ_DEMO=0 turns the loopback no-login demo off. */
  demoAllowed: boolean;
  /** A session ends after this many hours without a request (TADQIQ_SESSION_HOURS). */
  sessionHours: number;
}

/** Whether a listening address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::ffff:127.0.0.1';
}

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env['PORT']}"`);
  const dataDir = path.resolve(env['TADQIQ_DATA_DIR'] ?? path.join(ROOT, 'data'));
  return {
    port,
    // Loopback by default: the no-login demo works only there (see web/middleware/auth.ts).
    host: env['HOST'] ?? '127.0.0.1',
    dataDir,
    dbFile: path.resolve(env['TADQIQ_DB'] ?? path.join(dataDir, 'tadqiq.sqlite')),
    corporaDir: path.resolve(env['TADQIQ_CORPORA'] ?? path.join(ROOT, 'corpora')),
    trustProxy: env['TADQIQ_TRUST_PROXY'] ? env['TADQIQ_TRUST_PROXY'] : false,
    secureCookies: env['TADQIQ_SECURE_COOKIES'] === '1' ? true : env['TADQIQ_SECURE_COOKIES'] === '0' ? false : 'auto',
    demoAllowed: env['TADQIQ_DEMO'] !== '0',
    sessionHours: positive(env['TADQIQ_SESSION_HOURS'], 12, 'TADQIQ_SESSION_HOURS'),
  };
}
