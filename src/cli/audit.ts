// `motescheck audit verify --database-url URL | --data-dir DIR`: walks the audit hash chain of a
// PostgreSQL database or a stopped embedded-database folder and reports "ok" or the first broken link.
import { verifyChain } from '../server/audit';
import { DataDirError, acquireLock, dataDirLayout, openDataDir } from '../server/store/dataDir';
import { openPostgresStore, type Store } from '../server/store/store';

const USAGE = 'usage: motescheck audit verify (--database-url postgres://… | --data-dir DIR)';

/** Exit code: 0 the chain verifies, 1 it is broken, 2 usage or the database cannot be opened. */
export interface AuditIo { stdout: (line: string) => void; stderr: (line: string) => void }

export async function runAuditVerify(args: string[], io: AuditIo = { stdout: console.log, stderr: console.error }): Promise<number> {
  const out = io.stdout;
  const err = io.stderr;
  const rest = args[0] === 'verify' ? args.slice(1) : args;
  const opt = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const url = opt('--database-url');
  const dir = opt('--data-dir');
  if ((url ? 1 : 0) + (dir ? 1 : 0) !== 1 || rest.length !== 2) {
    err(USAGE);
    return 2;
  }
  let store: Store | undefined;
  let release: (() => void) | undefined;
  try {
    if (url) {
      store = await openPostgresStore(url, { max: 1 });
    } else {
      // The lock refuses a folder that a running server holds: PGlite is one process.
      const layout = dataDirLayout(dir!);
      release = acquireLock(layout);
      store = await openDataDir(layout);
    }
    const result = await verifyChain(store.db);
    if (result.ok) {
      out(`ok: ${result.events} events, head ${result.head}`);
      return 0;
    }
    out(`broken: ${result.firstBroken.message} (event ${result.firstBroken.seq}, ${result.firstBroken.problem}); ${result.events} events before it verify`);
    return 1;
  } catch (e) {
    err(e instanceof DataDirError ? e.message : `cannot verify: ${(e as Error).message}`);
    return 2;
  } finally {
    await store?.close().catch(() => undefined);
    release?.();
  }
}
