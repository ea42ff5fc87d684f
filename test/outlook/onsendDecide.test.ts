// The pure on-send decision as properties over arbitrary items, checks and server answers: it never
// throws, its messages fit Smart Alerts, "prompt" appears only where the policy allows it, and it
// leaves alone exactly the meetings DESIGN.md says the check does not concern.
import fc from 'fast-check';
import type { AssessmentStatus } from '../../src/api/contract';
import { decideOnSend, errorDecision, MAX_MESSAGE_CHARS, statusToRefresh, type OnSendInput } from '../../src/web/outlook/onsend/decide';
import { hasExternalAttendee, meetingLinks, type OnSendRecord, type OnSendSettings } from '../../src/web/outlook/onsend/format';
import { MESSAGES } from '../../src/web/outlook/onsend/messages';

const STATUSES: AssessmentStatus[] = ['draft', 'awaiting-approval', 'approved', 'rejected', 'ready', 'withdrawn', 'needs-recheck'];
const mode = fc.constantFrom('prompt' as const, 'block' as const);
const onSend = fc.record({ noAssessment: mode, pendingApproval: mode });
const longText = fc.string({ minLength: 0, maxLength: 1200 });
const link = fc.constantFrom(
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x/0', 'https://rum.digitaltmote.example.se/m/1',
  'https://www.exempelkommun.se/soc', 'https://zoom.us/j/1', 'https://other.example/x',
);
const address = fc.constantFrom('a@kommun.se', 'b@soc.kommun.se', 'c@gmail.com', 'Namnlös', null);
const patterns = fc.subarray(['https://teams.microsoft.com/l/meetup-join/*', 'https://*.digitaltmote.example.se/*']);

const settings: fc.Arbitrary<OnSendSettings> = fc.record({
  v: fc.constant(1 as const),
  policyVersion: fc.constant(null),
  internalDomains: fc.option(fc.constant(['kommun.se']), { nil: null }),
  linkPatterns: patterns,
  onSend,
});

const record: fc.Arbitrary<OnSendRecord> = fc.record({
  v: fc.constant(1 as const),
  assessmentId: fc.constant('a-1'),
  revision: fc.integer({ min: 1, max: 3 }),
  status: fc.constantFrom(...STATUSES),
  mode: fc.constantFrom('digital' as const, 'physical' as const),
  notClientMeeting: fc.boolean(),
  serviceId: fc.option(fc.constant('svc'), { nil: null }),
  serviceLabel: fc.option(longText, { nil: null }),
  linkPatterns: patterns,
  startDate: fc.constantFrom('2026-05-04', '2026-05-05'),
  outcome: fc.constantFrom('allowed' as const, 'allowed-with-deviation' as const, 'not-allowed' as const),
  blockingReason: fc.option(fc.record({ sv: longText, en: longText }), { nil: null }),
  comment: fc.option(longText, { nil: null }),
  onSend,
});

const input: fc.Arbitrary<OnSendInput> = fc.record({
  lang: fc.constantFrom('sv' as const, 'en' as const),
  item: fc.record({
    links: fc.uniqueArray(link, { maxLength: 3 }),
    attendees: fc.array(address, { maxLength: 4 }),
    userEmail: fc.constantFrom('me@kommun.se', null),
    start: fc.constantFrom('2026-05-04T08:00:00Z', '2026-05-05T08:00:00Z', null),
  }),
  record: fc.oneof(record, fc.constant(null), fc.constant('unreadable' as const)),
  settings: fc.option(settings, { nil: null }),
  refreshed: fc.option(fc.oneof(
    fc.constant('unreachable' as const),
    fc.record({ revision: fc.integer({ min: 1, max: 3 }), status: fc.constantFrom(...STATUSES), comment: fc.option(longText, { nil: null }) }),
  ), { nil: undefined }),
});

describe('the on-send decision, for any item and check', () => {
  it('never throws; a held item always has a message of at most 500 characters; an allowed one none', () => {
    fc.assert(fc.property(input, (i) => {
      const d = decideOnSend(i);
      if (d.allowEvent) return d.errorMessage === undefined && d.sendModeOverride === undefined;
      return typeof d.errorMessage === 'string' && d.errorMessage.length > 0 && d.errorMessage.length <= MAX_MESSAGE_CHARS;
    }), { numRuns: 3000 });
  });

  it('"prompt" only where the policy says prompt (no check, pending approval) or on an error', () => {
    fc.assert(fc.property(input, (i) => {
      const d = decideOnSend(i);
      if (d.sendModeOverride !== 'PromptUser') return true;
      const policy = i.record && i.record !== 'unreadable' ? i.record.onSend : i.settings?.onSend;
      if (d.code === 'awaiting-approval') return policy?.pendingApproval === 'prompt';
      return ['no-assessment', 'draft', 'withdrawn'].includes(d.code) && policy?.noAssessment === 'prompt';
    }), { numRuns: 3000 });
  });

  it('leaves alone a meeting without a check that has no online-meeting link or no external attendee', () => {
    fc.assert(fc.property(input, (i) => {
      fc.pre(i.record === null && i.settings !== null);
      const s = i.settings!;
      const internal = s.internalDomains ?? (i.item.userEmail ? [i.item.userEmail.split('@')[1]!] : []);
      const concerned = meetingLinks(i.item.links, s.linkPatterns).length > 0 && hasExternalAttendee(i.item.attendees, internal);
      return decideOnSend(i).allowEvent === !concerned;
    }), { numRuns: 3000 });
  });

  it('asks the server only about a check awaiting approval that the item still fits', () => {
    fc.assert(fc.property(input, (i) => {
      const ask = statusToRefresh(i);
      if (ask === null) return true;
      const r = i.record as OnSendRecord;
      return r.status === 'awaiting-approval' && !r.notClientMeeting && decideOnSend({ ...i, refreshed: 'unreachable' }).code === 'awaiting-approval';
    }), { numRuns: 3000 });
  });

  it('every text exists in Swedish and English, within 500 characters before values are filled in', () => {
    for (const [key, text] of Object.entries(MESSAGES)) {
      expect([key, text.sv.length > 0 && text.en.length > 0]).toEqual([key, true]);
      expect(text.sv.length).toBeLessThan(MAX_MESSAGE_CHARS);
      expect(text.en.length).toBeLessThan(MAX_MESSAGE_CHARS);
    }
    expect(MESSAGES.openPane.sv.length).toBeLessThanOrEqual(20);
    expect(MESSAGES.openPane.en.length).toBeLessThanOrEqual(20);
    expect(MESSAGES.newAppointment.sv).toContain('Gör förkontrollen innan du skickar');
  });

  it('an error holds the item and lets the user send anyway', () => {
    expect(errorDecision('sv')).toEqual({ code: 'error', allowEvent: false, errorMessage: MESSAGES.error.sv, sendModeOverride: 'PromptUser' });
  });
});
