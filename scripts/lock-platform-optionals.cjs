#!/usr/bin/env node
// Usage: node scripts/lock-platform-optionals.cjs NAME… (the names `npm ci` reports as "Missing … from lock file").
// The registry reached here serves only this platform's binaries, so `npm install` cannot record the others.
// Adds lock entries for other platforms' optional binaries that this registry mirror does not serve,
// so npm ci can skip them by os/cpu instead of calling the lock out of sync.
const fs = require('fs');
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const missing = process.argv.slice(2);
const OS = { darwin: 'darwin', win32: 'win32', linux: 'linux', android: 'android', freebsd: 'freebsd', openharmony: 'openharmony', wasm32: null };
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64'];
for (const name of missing) {
  let version;
  for (const p of Object.values(lock.packages)) {
    if (p.optionalDependencies && p.optionalDependencies[name]) { version = p.optionalDependencies[name]; break; }
  }
  if (!version) { console.error('no parent for', name); process.exit(1); }
  const tail = name.split('/').pop();
  const os = Object.keys(OS).find((o) => tail.includes(`-${o}-`) || tail.endsWith(`-${o}`));
  const cpu = CPU.find((c) => tail.includes(`-${c}`));
  const libc = tail.includes('musl') ? ['musl'] : tail.includes('gnu') ? ['glibc'] : undefined;
  lock.packages[`node_modules/${name}`] = { version, dev: true, optional: true, ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc } : {}) };
}
fs.writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log('added', missing.length);
