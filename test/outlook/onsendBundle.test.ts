// The on-send bundle loaded the way classic Outlook on Windows loads it: one file, run as a plain
// script in a JavaScript-only runtime that has an `Office` global and nothing of a browser — no
// window, no document, no module loader, no timers, no fetch — and then the associated action called.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { parse } from 'acorn';
import webpack from 'webpack';
import { encodeCustomProperties, encodeRoamingSettings, type OnSendRecord } from '../../src/web/outlook/onsend/format';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const configFactory = require('../../webpack.onsend.config.js') as (env: Record<string, string>, argv: Record<string, string>) => webpack.Configuration;

const ROOT = path.join(__dirname, '..', '..');
let dir: string;
let code: string;
let html: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motescheck-onsend-'));
  const config = configFactory({ outDir: dir }, { mode: 'production' });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    webpack({ ...config, context: ROOT }, (error, result) => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result)));
  });
  expect(stats.hasErrors()).toBe(false);
  code = fs.readFileSync(path.join(dir, 'onsend.js'), 'utf8');
  html = fs.readFileSync(path.join(dir, 'onsend.html'), 'utf8');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the bundle', () => {
  it('is one file, and nothing else is emitted but its page', () => {
    expect(fs.readdirSync(dir).sort()).toEqual(['onsend.html', 'onsend.js']);
  });

  it('leaves no require, import or export behind', () => {
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/\bimport\s*[({*'"\w]/);
    expect(code).not.toMatch(/\bexport\s/);
    expect(code).not.toMatch(/__webpack_require__\.e\b|importScripts/);
  });

  it('is ES2016: it parses as ES2016 and uses no later built-in', () => {
    expect(() => parse(code, { ecmaVersion: 2016, sourceType: 'script' })).not.toThrow();
    expect(code).not.toMatch(/\b(?:Object\.(?:entries|values|fromEntries)|padStart|padEnd|trimEnd|trimStart|flatMap|matchAll|replaceAll|globalThis|allSettled)\b/);
  });

  it('touches no DOM', () => {
    expect(code).not.toMatch(/\b(?:document|window|localStorage|sessionStorage|navigator)\b/);
  });

  it('is small: at most 30 KB gzipped (the issue’s goal)', () => {
    expect(zlib.gzipSync(code).length).toBeLessThanOrEqual(30 * 1024);
  });

  it('has a page that loads Office.js from Microsoft’s CDN, then the bundle', () => {
    expect(html).toMatch(/<script src=["']?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
    expect(html.indexOf('office.js')).toBeLessThan(html.indexOf('onsend.js'));
  });
});

type Callback = (result: { status: string; value?: unknown }) => void;

/** The JavaScript-only runtime: a fresh context holding only an `Office` global. */
function loadInRuntime(item: { body: string; attendees: string[]; record?: OnSendRecord }) {
  const associated: Record<string, (event: unknown) => void> = {};
  const ok = (value?: unknown) => ({ status: 'succeeded', value });
  const props = item.record ? encodeCustomProperties(item.record) : {};
  const roaming = encodeRoamingSettings({
    v: 1, policyVersion: null, internalDomains: ['exempelkommun.se'], linkPatterns: ['https://teams.microsoft.com/l/meetup-join/*'],
    onSend: { noAssessment: 'block', pendingApproval: 'block' },
  });
  const Office = {
    actions: { associate: (id: string, fn: (event: unknown) => void) => { associated[id] = fn; } },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html' },
    MailboxEnums: { SendModeOverride: { PromptUser: 'promptUser' }, ItemNotificationMessageType: { InformationalMessage: 'informationalMessage' } },
    context: {
      displayLanguage: 'sv-SE',
      roamingSettings: { get: (k: string) => (roaming as Record<string, string>)[k], set: () => undefined, saveAsync: (cb: Callback) => cb(ok()) },
      mailbox: {
        userProfile: { emailAddress: 'handlaggare@exempelkommun.se' },
        item: {
          body: { getAsync: (_t: string, cb: Callback) => cb(ok(item.body)) },
          location: { getAsync: (cb: Callback) => cb(ok('')) },
          requiredAttendees: { getAsync: (cb: Callback) => cb(ok(item.attendees.map((emailAddress) => ({ emailAddress })))) },
          optionalAttendees: { getAsync: (cb: Callback) => cb(ok([])) },
          start: { getAsync: (cb: Callback) => cb(ok(new Date('2026-05-04T08:00:00Z'))) },
          loadCustomPropertiesAsync: (cb: Callback) => cb(ok({ get: (k: string) => (props as Record<string, string>)[k] })),
          notificationMessages: { addAsync: (_k: string, _d: unknown, cb: Callback) => cb(ok()) },
        },
      },
    },
  };
  const context = vm.createContext({ Office });
  vm.runInContext(code, context, { filename: 'onsend.js' });
  const globals = vm.runInContext('[typeof window, typeof document, typeof require, typeof fetch, typeof setTimeout]', context) as string[];
  return { associated, globals };
}

async function completeWith(handler: (event: unknown) => void): Promise<unknown[][]> {
  const calls: unknown[][] = [];
  handler({ completed: (...args: unknown[]) => calls.push(args) });
  for (let i = 0; i < 50 && calls.length === 0; i++) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return calls;
}

describe('in a JavaScript-only runtime', () => {
  const TEAMS_BODY = '<a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0">Anslut</a>';

  it('has no browser globals to lean on', () => {
    const { globals } = loadInRuntime({ body: '', attendees: [] });
    expect(globals).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
  });

  it('associates both actions when the file runs', () => {
    const { associated } = loadInRuntime({ body: '', attendees: [] });
    expect(Object.keys(associated).sort()).toEqual(['onAppointmentSend', 'onNewAppointment']);
  });

  it('holds a client meeting without a check, once, with the task pane button', async () => {
    const { associated } = loadInRuntime({ body: TEAMS_BODY, attendees: ['klient@gmail.com'] });
    const calls = await completeWith(associated['onAppointmentSend']!);
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toMatchObject({ allowEvent: false, commandId: 'motescheckOpenPane', errorMessage: expect.stringContaining('ingen förkontroll') });
  });

  it('sends an approved meeting', async () => {
    const record: OnSendRecord = {
      v: 1, assessmentId: 'a-1', revision: 1, status: 'approved', mode: 'digital', notClientMeeting: false,
      serviceId: 'teams', serviceLabel: 'Teams', linkPatterns: ['https://teams.microsoft.com/l/meetup-join/*'],
      startDate: '2026-05-04', outcome: 'allowed', blockingReason: null, comment: null, onSend: { noAssessment: 'block', pendingApproval: 'block' },
    };
    const { associated } = loadInRuntime({ body: TEAMS_BODY, attendees: ['klient@gmail.com'], record });
    const calls = await completeWith(associated['onAppointmentSend']!);
    expect(calls).toEqual([[{ allowEvent: true }]]);
  });

  it('pending approval without fetch in the runtime: treated as pending, once', async () => {
    const record: OnSendRecord = {
      v: 1, assessmentId: 'a-1', revision: 1, status: 'awaiting-approval', mode: 'physical', notClientMeeting: false,
      serviceId: null, serviceLabel: null, linkPatterns: [], startDate: '2026-05-04', outcome: 'allowed',
      blockingReason: null, comment: null, onSend: { noAssessment: 'block', pendingApproval: 'prompt' },
    };
    const { associated } = loadInRuntime({ body: '<p>Hembesök</p>', attendees: ['klient@gmail.com'], record });
    const calls = await completeWith(associated['onAppointmentSend']!);
    expect(calls).toEqual([[{ allowEvent: false, errorMessage: expect.stringContaining('kunde inte nå servern'), sendModeOverride: 'promptUser' }]]);
  });

  it('completes the new-appointment event once', async () => {
    const { associated } = loadInRuntime({ body: '', attendees: [] });
    expect(await completeWith(associated['onNewAppointment']!)).toEqual([[]]);
  });
});
