// The on-send handler's two figures: the bundle's size gzipped (goal ≤ 30 KB) and the median time of
// its logic (goal ≤ 20 ms) — the decision alone, and the whole handler from the event to `completed`
// against an in-memory appointment (no server call: an approved check, a large Teams invitation).
// Run: npm run -s bench:onsend
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import webpack from 'webpack';
import { decideOnSend, type OnSendInput } from '../src/web/outlook/onsend/decide';
import { extractLinks, encodeCustomProperties, encodeRoamingSettings, type OnSendRecord } from '../src/web/outlook/onsend/format';
import { createOnSendHandlers, type OnSendOffice } from '../src/web/outlook/onsend/handler';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const configFactory = require('../webpack.onsend.config.js') as (env: Record<string, string>, argv: Record<string, string>) => webpack.Configuration;

async function bundleSize(): Promise<{ raw: number; gzip: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motescheck-bench-onsend-'));
  try {
    const config = configFactory({ outDir: dir }, { mode: 'production' });
    await new Promise<void>((resolve, reject) => {
      webpack({ ...config, context: path.join(__dirname, '..') }, (error, stats) => {
        if (error || !stats || stats.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only')));
        else resolve();
      });
    });
    const code = fs.readFileSync(path.join(dir, 'onsend.js'));
    return { raw: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A Teams invitation as Outlook writes it, padded with the usual boilerplate to about 12 KB. */
const TEAMS = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA5ZTk0%40thread.v2/0?context=%7b%22Tid%22%3a%22d0000000%22%2c%22Oid%22%3a%22d0000001%22%7d';
const BODY = `<html><body><div>${'<p>Information om mötet och hur du ansluter. Ta med legitimation. '.repeat(150)}</p>`
  + `<a href="${TEAMS}">Anslut till mötet nu</a><a href="https://aka.ms/JoinTeamsMeeting">Hjälp</a>`
  + '<a href="https://www.exempelkommun.se/socialtjanst">Socialtjänsten</a></div></body></html>';
const ATTENDEES = ['a@exempelkommun.se', 'b@exempelkommun.se', 'c@soc.exempelkommun.se', 'klient@gmail.com', 'ombud@advokat.se', 'tolk@tolkservice.se'];
const RECORD: OnSendRecord = {
  v: 1, assessmentId: 'a-1', revision: 3, status: 'approved', mode: 'digital', notClientMeeting: false,
  serviceId: 'teams', serviceLabel: 'Microsoft Teams', linkPatterns: ['https://teams.microsoft.com/l/meetup-join/*', 'https://teams.microsoft.com/meet/*'],
  startDate: '2026-05-04', outcome: 'allowed', blockingReason: null, comment: null, onSend: { noAssessment: 'block', pendingApproval: 'prompt' },
};
const SETTINGS = {
  v: 1 as const, policyVersion: null, internalDomains: ['exempelkommun.se'],
  linkPatterns: Array.from({ length: 18 }, (_, i) => `https://tjanst-${i}.example.se/*`).concat(['https://teams.microsoft.com/l/meetup-join/*']),
  onSend: { noAssessment: 'block' as const, pendingApproval: 'prompt' as const },
};

function fakeOffice(): OnSendOffice {
  type Cb = (r: { status: string; value?: unknown }) => void;
  const ok = (value?: unknown) => ({ status: 'succeeded', value });
  const props = encodeCustomProperties(RECORD);
  const roaming = encodeRoamingSettings(SETTINGS);
  return {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html' },
    MailboxEnums: { SendModeOverride: { PromptUser: 'promptUser' }, ItemNotificationMessageType: { InformationalMessage: 'informationalMessage' } },
    actions: { associate: () => undefined },
    context: {
      displayLanguage: 'sv-SE',
      roamingSettings: { get: (k: string) => roaming[k], set: () => undefined, saveAsync: (cb: Cb) => cb(ok()) },
      mailbox: {
        userProfile: { emailAddress: 'handlaggare@exempelkommun.se' },
        item: {
          body: { getAsync: (_t: string, cb: Cb) => cb(ok(BODY)) },
          location: { getAsync: (cb: Cb) => cb(ok('Microsoft Teams-möte')) },
          requiredAttendees: { getAsync: (cb: Cb) => cb(ok(ATTENDEES.map((emailAddress) => ({ emailAddress })))) },
          optionalAttendees: { getAsync: (cb: Cb) => cb(ok([])) },
          start: { getAsync: (cb: Cb) => cb(ok(new Date('2026-05-04T08:00:00Z'))) },
          loadCustomPropertiesAsync: (cb: Cb) => cb(ok({ get: (k: string) => props[k] })),
          notificationMessages: { addAsync: (_k: string, _d: unknown, cb: Cb) => cb(ok()) },
        },
      },
    },
  } as unknown as OnSendOffice;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main() {
  const size = await bundleSize();

  const runs = 2000;
  const decision: number[] = [];
  for (let i = 0; i < runs + 200; i++) {
    const t0 = performance.now();
    const input: OnSendInput = {
      lang: 'sv',
      item: { links: extractLinks(BODY, 'Microsoft Teams-möte'), attendees: ATTENDEES, userEmail: 'handlaggare@exempelkommun.se', start: new Date('2026-05-04T08:00:00Z') },
      record: RECORD,
      settings: SETTINGS,
    };
    const d = decideOnSend(input);
    if (!d.allowEvent) throw new Error(`unexpected decision ${d.code}`);
    if (i >= 200) decision.push(performance.now() - t0);
  }

  const handlers = createOnSendHandlers({ office: fakeOffice(), baseUrl: 'https://localhost:3000' });
  const handler: number[] = [];
  for (let i = 0; i < runs + 200; i++) {
    const t0 = performance.now();
    let completed = 0;
    const d = await handlers.onAppointmentSend({ completed: () => { completed += 1; } });
    if (completed !== 1 || !d.allowEvent) throw new Error(`unexpected handler run ${d.code}`);
    if (i >= 200) handler.push(performance.now() - t0);
  }

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`on-send bundle: ${kb(size.raw)} raw, ${kb(size.gzip)} gzip (goal ≤ 30 KB gzip)`);
  console.log(`decision (links from a ${kb(BODY.length)} body + decide), median of ${runs}: ${median(decision).toFixed(3)} ms (goal ≤ 20 ms)`);
  console.log(`whole handler, event → completed (in-memory Office), median of ${runs}: ${median(handler).toFixed(3)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
