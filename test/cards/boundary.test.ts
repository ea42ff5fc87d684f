// src/cards is pure: it may import the policy core and the API contract's types, and its own modules —
// no server, web, React, Teams SDK, adaptivecards or IO package.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', '..', 'src', 'cards');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

describe('src/cards imports', () => {
  it('has modules to check', () => {
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'approval.ts', 'adaptive.ts']));
  });

  it.each(files)('%s imports only ./*, ../policy and the API contract (types only)', (file) => {
    const source = readFileSync(join(DIR, file), 'utf8');
    const imports = [...source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)].map((m) => ({ typeOnly: Boolean(m[2]), from: m[3]! }));
    for (const { typeOnly, from } of imports) {
      const allowed = /^\.\/[\w-]+$/.test(from) || /^\.\.\/policy(\/[\w-]+)?$/.test(from) || (from === '../api/contract' && typeOnly);
      expect({ file, from, allowed }).toEqual({ file, from, allowed: true });
    }
    expect(source).not.toMatch(/\brequire\(|\bimport\(/);
  });
});
