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
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env['PORT']}"`);
  const dataDir = path.resolve(env['TADQIQ_DATA_DIR'] ?? path.join(ROOT, 'data'));
  return {
    port,
    // Loopback by default: until accounts exist, the reviewer UI must not face a network.
    host: env['HOST'] ?? '127.0.0.1',
    dataDir,
    dbFile: path.resolve(env['TADQIQ_DB'] ?? path.join(dataDir, 'tadqiq.sqlite')),
    corporaDir: path.resolve(env['TADQIQ_CORPORA'] ?? path.join(ROOT, 'corpora')),
  };
}
