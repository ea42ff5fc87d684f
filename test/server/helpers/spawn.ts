// Runs src/server/main.ts as a real child process (Node 24 + tsx), for crash and start-up tests.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');

export interface SpawnedServer {
  proc: ChildProcess;
  base: string;
  output(): string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  waitHealthy(timeoutMs?: number): Promise<void>;
  token(userId: string): Promise<string>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const port = await freePort();
  let out = '';
  // One process (node --import tsx), not the tsx CLI, which runs the script in a child that a SIGKILL of the parent would leave running.
  const proc = spawn(NODE, ['--import', 'tsx', path.join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: String(port), LOG_LEVEL: 'warn', MOTESCHECK_DEV: 'true', RATE_LIMIT_MAX: '1000000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  proc.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const server: SpawnedServer = {
    proc, base, exited,
    output: () => out,
    async waitHealthy(timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      let done = false;
      void exited.then(() => { done = true; });
      while (Date.now() < until && !done) {
        try {
          const res = await fetch(`${base}/api/health`);
          if (res.status === 200) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 150));
      }
      throw new Error(`server did not become healthy:\n${out}`);
    },
    async token(userId) {
      const res = await fetch(`${base}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
      return ((await res.json()) as { token: string }).token;
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
  return server;
}
