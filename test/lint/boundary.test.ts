// src/policy is the pure core: lint must refuse any import from the rest of src or from a UI, host,
// server, database or IO package. These plant such imports and check that the rule bites.
import { ESLint } from 'eslint';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import tseslint from 'typescript-eslint';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const boundary = require('../../eslint.boundary.cjs');

const root = join(__dirname, '../..');
// The config file itself is loaded by dynamic import, which jest's VM cannot do; the same rule object
// is used here, and the last test runs the real config in a process.
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, boundary] });

async function lintAs(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import boundary of src/policy', () => {
  it.each([
    "import { buildServer } from '../server/app';",
    "import { api } from '../web/shared/api';",
    "import { approvalCard } from '../cards/approval';",
    "import { run } from '../cli/main';",
    "import type { Assessment } from '../api/contract';",
    "import React from 'react';",
    "import { Button } from '@fluentui/react-components';",
    "import { app } from '@microsoft/teams-js';",
    "import { PublicClientApplication } from '@azure/msal-browser';",
    "import { Pool } from 'pg';",
    "import { PGlite } from '@electric-sql/pglite';",
    "import { Kysely } from 'kysely';",
    "import { readFileSync } from 'node:fs';",
    "import { jwtVerify } from 'jose';",
    "export { x } from '../server/x';",
  ])('refuses %s', async (code) => {
    const messages = await lintAs('src/policy/planted.ts', `${code}\nexport const y = 1;\n`);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toMatch(/src\/policy is the pure core/);
  });

  it.each([
    "import { evaluate } from './evaluate';",
    "import { z } from 'zod';",
    "import canonicalize from 'canonicalize';",
  ])('allows %s', async (code) => {
    expect(await lintAs('src/policy/planted.ts', `${code}\nexport const y = 1;\n`)).toEqual([]);
  });

  it('does not restrict the rest of src', async () => {
    expect(await lintAs('src/server/planted.ts', "import { evaluate } from '../policy';\nimport { Pool } from 'pg';\nexport const y = [evaluate, Pool];\n")).toEqual([]);
  });

  it('the project lint (eslint.config.mjs) fails on a planted import and passes the real core', async () => {
    const exec = promisify(execFile);
    const bin = join(root, 'node_modules/.bin/eslint');
    const planted = exec(bin, ['--stdin', '--stdin-filename', 'src/policy/planted.ts'], { cwd: root });
    planted.child.stdin!.end("import { Pool } from 'pg';\nexport const y = Pool;\n");
    const failure = await planted.then(() => null, (e: { code: number; stdout: string }) => e);
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain('src/policy is the pure core');
    await expect(exec(bin, ['src/policy'], { cwd: root })).resolves.toBeDefined();
  });
});
