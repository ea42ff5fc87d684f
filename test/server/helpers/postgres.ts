// A throw-away PostgreSQL 15 server for a test file: initdb (as the postgres user, since initdb refuses
// root) into a temporary folder, start it on a private port and socket folder, stop and delete after.
// Missing binaries fail the suite loudly: the PostgreSQL half of the integration tests must not vanish.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresServer {
  port: number;
  /** A connection URL for a database on this server. */
  url(database?: string): string;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function asPostgres(args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0]!, args.slice(1)];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
}

export async function startPostgres(): Promise<PostgresServer> {
  if (!fs.existsSync(path.join(BIN, 'initdb')) || !fs.existsSync(path.join(BIN, 'pg_ctl'))) {
    throw new Error(`PostgreSQL binaries not found in ${BIN} (set PG_BIN): the PostgreSQL integration suite cannot run. Install Debian's postgresql package.`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'motescheck-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', root]);
  const data = path.join(root, 'data');
  const port = await freePort();
  asPostgres([path.join(BIN, 'initdb'), '-D', data, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8']);
  asPostgres([path.join(BIN, 'pg_ctl'), '-D', data, '-w', '-t', '30', '-l', path.join(root, 'log'),
    '-o', `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=32MB`, 'start']);
  return {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop() {
      try {
        asPostgres([path.join(BIN, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
