// The `motescheck` CLI contract: commands, exit codes and output shapes other tools rely on.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { run } from '../../src/cli/main';
import { examplePolicy } from '../../src/policy';

const TODAY = '2026-11-23';
const dir = mkdtempSync(join(tmpdir(), 'motescheck-cli-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, today: () => TODAY });
  return { code, stdout, stderr };
}

const policyFile = file('policy.json', examplePolicy(TODAY));
const request = { meetingTypeId: 'utredningssamtal-vuxen', serviceId: 'microsoft-teams', needs: ['ny-motpart'], date: TODAY };
const requestFile = file('request.json', request);

describe('motescheck validate', () => {
  it('exits 0 for a valid policy (warnings go to stderr, marked)', async () => {
    const r = await cli('validate', '--policy', policyFile);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean).every((l) => l.startsWith('warning: $.'))).toBe(true);
  });

  it('exits 1 with one line per error, JSON path and message, on stderr', async () => {
    const bad = examplePolicy(TODAY);
    bad.deviations[0]!.serviceId = 'ghost';
    bad.meetingTypes[0]!.classification.confidentiality = 7 as never;
    const r = await cli('validate', '--policy', file('bad.json', bad));
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(expect.arrayContaining([
      '$.deviations[0].serviceId: "ghost" is not an id in services',
      expect.stringMatching(/^\$\.meetingTypes\[0\]\.classification\.confidentiality: /),
    ]));
  });

  it('exits 1 for a file that is not JSON, and says so', async () => {
    const r = await cli('validate', '--policy', file('broken.json', '{ "schemaVersion": 1,'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^\$: policy file .* is not valid JSON/);
  });
});

describe('motescheck evaluate', () => {
  it('prints the verdict as JSON in the contract shape and exits 0', async () => {
    for (const source of [policyFile, 'example']) {
      const r = await cli('evaluate', '--policy', source, '--request', requestFile);
      expect(r.code).toBe(0);
      const verdict = JSON.parse(r.stdout);
      expect(Object.keys(verdict)).toEqual(['policyVersion', 'digital', 'approvedServices', 'identityVerification', 'coApproval', 'checklist', 'deviation', 'reasons']);
      expect(verdict.digital).toBe('allowed-with-deviation');
      expect(verdict.deviation.reference).toBe('SN 2026/117 (exempel)');
    }
  });

  it('exits 1 with the errors as validate prints them for an invalid policy', async () => {
    const r = await cli('evaluate', '--policy', file('bad2.json', { schemaVersion: 1 }), '--request', requestFile);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('$.organization: is required');
    expect(r.stdout).toBe('');
  });

  it.each([
    ['an unknown meeting type', { ...request, meetingTypeId: 'okand-typ' }, 'request.meetingTypeId: unknown meeting type "okand-typ"'],
    ['an unknown service', { ...request, serviceId: 'okand-tjanst' }, 'request.serviceId: unknown service "okand-tjanst"'],
    ['an unknown need', { ...request, needs: ['ny-motpart', 'okant-behov'] }, 'request.needs[1]: unknown need "okant-behov"'],
    ['a malformed date', { ...request, date: '23/11/2026' }, 'request.date:'],
    ['a missing field', { meetingTypeId: 'utredningssamtal-vuxen', serviceId: null, needs: [] }, 'request.date: is required'],
    ['an unknown field', { ...request, subject: 'x' }, 'request.subject: unknown field'],
  ])('exits 2 for %s, naming it', async (_, req, message) => {
    const r = await cli('evaluate', '--policy', 'example', '--request', file(`req-${Math.random()}.json`, req));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('exits 2 for a request file that is not JSON', async () => {
    const r = await cli('evaluate', '--policy', 'example', '--request', file('req.txt', 'meeting'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^request: request file .* is not valid JSON/);
  });
});

describe('motescheck explain', () => {
  it('explains the verdict in Swedish by default and in English on request', async () => {
    const sv = await cli('explain', '--policy', 'example', '--request', requestFile);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toContain('Digitalt möte är tillåtet genom ett beslut om avsteg.');
    expect(sv.stdout).toContain('Identitetskontroll: krävs');
    expect(sv.stdout).toContain('Källa: SKR 2020');
    const en = await cli('explain', '--policy', 'example', '--request', requestFile, '--lang', 'en');
    expect(en.stdout).toContain('A digital meeting is allowed under a deviation decision.');
    expect(en.stdout).toContain("Manager's co-approval: required");
  });

  it('refuses an unknown language', async () => {
    const r = await cli('explain', '--policy', 'example', '--request', requestFile, '--lang', 'de');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang must be sv or en');
  });
});

describe('motescheck example-policy', () => {
  it('prints the example policy for the given day, the same every time', async () => {
    const a = await cli('example-policy', '--today', '2026-01-15');
    const b = await cli('example-policy', '--today', '2026-01-15');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toEqual(examplePolicy('2026-01-15'));
  });

  it('uses today by default and refuses a bad --today', async () => {
    expect(JSON.parse((await cli('example-policy')).stdout)).toEqual(examplePolicy(TODAY));
    const r = await cli('example-policy', '--today', 'tomorrow');
    expect(r.code).toBe(2);
  });
});

describe('usage errors', () => {
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['validate'], 'validate needs --policy FILE'],
    [['evaluate', '--policy', 'example'], 'evaluate needs --request FILE'],
    [['validate', '--polcy', 'x'], "Unknown option '--polcy'"],
  ])('%j exits 2 with usage', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Usage: motescheck');
  });
});

describe('as a process, the way other tools call it', () => {
  const exec = promisify(execFile);
  const npm = (args: string[]) => exec('npm', ['run', '-s', 'motescheck', '--', ...args], { cwd: join(__dirname, '../..') })
    .then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));

  it('npm run -s motescheck -- evaluate prints only the verdict JSON on stdout', async () => {
    const r = await npm(['evaluate', '--policy', 'example', '--request', requestFile]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).policyVersion).toMatch(/^sha256:/);
  });

  it('exit codes reach the caller: 1 for an invalid policy, 2 for an unknown id', async () => {
    const bad = await npm(['validate', '--policy', file('p.json', { schemaVersion: 1 })]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('$.organization: is required');
    const unknown = await npm(['evaluate', '--policy', 'example', '--request', file('u.json', { ...request, needs: ['okant'] })]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('okant');
  });
});
