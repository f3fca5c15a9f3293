// Group commit. With synchronous=FULL every commit waits for its own fsync (about 6 ms on the
// development machine's disk) with the event loop blocked, which caps a server at ~150 writes a
// second. Instead the server commits with synchronous=NORMAL (the WAL is written, not yet
// flushed) and answers a change only after `durable()` resolves: one fsync of the WAL file, run
// on libuv's thread pool, covers every commit made before it started. An acknowledged change is
// therefore on disk exactly as with FULL; the requests that arrive during one fsync share the
// next one.
import fs from 'node:fs';

export interface WalSync {
  /** Resolves when every commit made before the call is on stable storage. */
  durable(): Promise<void>;
  close(): void;
}

export function walSync(dbFile: string): WalSync {
  const wal = `${dbFile}-wal`;
  let fd: number | undefined;
  let running = false;
  let waiting: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];

  const open = (): number | undefined => {
    if (fd !== undefined) return fd;
    try {
      // Opened for writing because some systems refuse to flush a read-only descriptor; never written.
      fd = fs.openSync(wal, 'r+');
    } catch (e) {
      // No WAL file: nothing has been written since the last full checkpoint.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    return fd;
  };

  const round = () => {
    if (running || waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    let f: number | undefined;
    try {
      f = open();
    } catch (e) {
      for (const w of batch) w.reject(e as Error);
      return;
    }
    if (f === undefined) {
      for (const w of batch) w.resolve();
      return;
    }
    running = true;
    fs.fsync(f, (err) => {
      running = false;
      for (const w of batch) (err ? w.reject(err) : w.resolve());
      // Commits made while this fsync ran were not necessarily covered: they wait for the next.
      round();
    });
  };

  return {
    durable: () =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ resolve, reject });
        round();
      }),
    close() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}
