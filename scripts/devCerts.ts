// A development certificate for https://localhost, made without prompts by office-addin-dev-certs. Its
// `install` cannot add the CA to the system store without sudo (and still exits 0), so the files are
// generated and used directly; Node clients are told about the CA with NODE_EXTRA_CA_CERTS.
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs/lib/generate';

export interface DevCertificate { caPath: string; certPath: string; keyPath: string; created: boolean }

const RENEW_BEFORE_MS = 3 * 24 * 3600_000;

export async function ensureDevCertificate(dir: string, now = Date.now()): Promise<DevCertificate> {
  const caPath = join(dir, 'ca.crt');
  const certPath = join(dir, 'localhost.crt');
  const keyPath = join(dir, 'localhost.key');
  if ([caPath, certPath, keyPath].every((p) => existsSync(p))) {
    const cert = new X509Certificate(readFileSync(certPath));
    if (Date.parse(cert.validTo) - now > RENEW_BEFORE_MS) return { caPath, certPath, keyPath, created: false };
  }
  await generateCertificates(caPath, certPath, keyPath, 30, ['localhost', '127.0.0.1']);
  return { caPath, certPath, keyPath, created: true };
}
