// The embedded database's folder: one process at a time (a lock file), periodic snapshots, and a
// start-up check that refuses an unusable folder with instructions instead of starting on it.
//
// Layout:  DATA_DIR/db/          the PGlite (PostgreSQL) data directory
//          DATA_DIR/snapshots/   gzip tarballs from dumpDataDir, newest last by name
//          DATA_DIR/lock         pid of the process that holds the folder
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPgliteStore, type Store } from './store';

/** A data folder problem that stops start-up; the message says what to do. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

export interface DataDirLayout { root: string; db: string; snapshots: string; lock: string }

export function dataDirLayout(root: string): DataDirLayout {
  return { root, db: path.join(root, 'db'), snapshots: path.join(root, 'snapshots'), lock: path.join(root, 'lock') };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock or throws naming the process that holds it. A lock left by a dead process is taken over. */
export function acquireLock(layout: DataDirLayout): () => void {
  fs.mkdirSync(layout.root, { recursive: true });
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(layout.lock, mine, { flag: 'wx' });
      return () => {
        // Only remove the lock if it is still ours.
        try {
          if (fs.readFileSync(layout.lock, 'utf8') === mine) fs.unlinkSync(layout.lock);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder: { pid?: number; host?: string; since?: string } = {};
    try {
      holder = JSON.parse(fs.readFileSync(layout.lock, 'utf8')) as typeof holder;
    } catch {
      holder = {};
    }
    const sameHost = holder.host === os.hostname();
    if (typeof holder.pid === 'number' && (!sameHost || processAlive(holder.pid))) {
      throw new DataDirError(
        `The data folder ${layout.root} is in use by process ${holder.pid} on ${holder.host ?? 'unknown host'} (since ${holder.since ?? '?'}). ` +
          'The embedded database allows one server process per folder: stop that process, or use DATABASE_URL (a PostgreSQL server) to run several.',
      );
    }
    // The holder is gone (killed or crashed): its lock is stale.
    fs.rmSync(layout.lock, { force: true });
  }
  throw new DataDirError(`Could not take the lock ${layout.lock}: another process took it at the same moment.`);
}

export function listSnapshots(layout: DataDirLayout): string[] {
  if (!fs.existsSync(layout.snapshots)) return [];
  return fs.readdirSync(layout.snapshots).filter((f) => /^snapshot-.*\.tar\.gz$/.test(f)).sort().map((f) => path.join(layout.snapshots, f));
}

function recoveryAdvice(layout: DataDirLayout): string {
  const latest = listSnapshots(layout).at(-1);
  const moveAside = `mv ${layout.db} ${layout.db}.damaged-${new Date().toISOString().slice(0, 10)}`;
  return latest
    ? `To recover: stop every server using it, run \`${moveAside}\`, then start once with RESTORE_SNAPSHOT=latest (newest snapshot: ${latest}; changes made after it are lost — the audit verification shows where the log ends).`
    : `No snapshot exists in ${layout.snapshots}. Keep the folder for investigation (\`${moveAside}\`) and restore it from the host's backup.`;
}

/** Opens (or creates, or restores) the embedded database in the folder. The caller holds the lock. */
export async function openDataDir(layout: DataDirLayout, options: { restoreSnapshot?: string } = {}): Promise<Store> {
  const dbExists = fs.existsSync(layout.db) && fs.readdirSync(layout.db).length > 0;
  if (options.restoreSnapshot) {
    if (dbExists) throw new DataDirError(`RESTORE_SNAPSHOT is set but ${layout.db} is not empty. Move it aside first; a restore never overwrites a database.`);
    const file = options.restoreSnapshot === 'latest' ? listSnapshots(layout).at(-1) : path.resolve(options.restoreSnapshot);
    if (!file || !fs.existsSync(file)) throw new DataDirError(`RESTORE_SNAPSHOT: no snapshot found (${file ?? `none in ${layout.snapshots}`}).`);
    const blob = new Blob([fs.readFileSync(file)]);
    try {
      return await openPgliteStore({ dataDir: layout.db, loadDataDir: blob });
    } catch (err) {
      throw new DataDirError(`RESTORE_SNAPSHOT: ${file} could not be loaded (${(err as Error).message}). Try an older snapshot.`);
    }
  }
  if (dbExists) {
    // PGlite silently initialises a new, empty database over a folder without PG_VERSION: check first.
    for (const required of ['PG_VERSION', path.join('global', 'pg_control'), 'base']) {
      if (!fs.existsSync(path.join(layout.db, required))) {
        throw new DataDirError(`The database folder ${layout.db} is unusable: ${required} is missing. ${recoveryAdvice(layout)}`);
      }
    }
  }
  let store: Store;
  try {
    store = await openPgliteStore({ dataDir: layout.db });
  } catch (err) {
    throw new DataDirError(`The database folder ${layout.db} cannot be opened (${(err as Error).message}). ${recoveryAdvice(layout)}`);
  }
  if (!(await store.ping())) {
    await store.close().catch(() => undefined);
    throw new DataDirError(`The database in ${layout.db} opened but does not answer queries. ${recoveryAdvice(layout)}`);
  }
  return store;
}

/** Writes a snapshot atomically (temporary file, then rename) and keeps the newest `keep`. */
export async function writeSnapshot(store: Store, layout: DataDirLayout, keep: number, now: Date): Promise<string> {
  if (!store.dumpDataDir) throw new Error('snapshots are for the embedded database only');
  fs.mkdirSync(layout.snapshots, { recursive: true });
  const blob = await store.dumpDataDir();
  const file = path.join(layout.snapshots, `snapshot-${now.toISOString().replace(/[:.]/g, '-')}.tar.gz`);
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, Buffer.from(await blob.arrayBuffer()));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  for (const old of listSnapshots(layout).slice(0, -keep)) fs.rmSync(old, { force: true });
  return file;
}
