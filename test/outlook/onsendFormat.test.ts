// The on-send data format: what the task pane writes on the item and in the roaming settings, how the
// handler reads it back, and the link-pattern semantics both sides share.
import fc from 'fast-check';
import type { Assessment } from '../../src/api/contract';
import { examplePolicy, stockholmDate } from '../../src/policy';
import { evaluate } from '../../src/policy/evaluate';
import {
  compileLinkPattern, CUSTOM_PROPERTIES_MAX_CHARS, CUSTOM_PROPERTY_KEY, decodeOnSendRecord, decodeOnSendSettings,
  decodeStatusSummary, encodeCustomProperties, encodeRoamingSettings, extractLinks, hasExternalAttendee, matchesLinkPattern,
  meetingLinks, normaliseLink, OnSendFormatError, onSendRecordFor, onSendSettingsFor, recogniseServiceId, ROAMING_SETTINGS_KEY,
  stockholmDateOf, type OnSendRecord,
} from '../../src/web/outlook/onsend/format';

const TODAY = '2026-05-01';
const TEAMS_HTML = `<div><a href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA5%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d&amp;btype=a">Anslut till mötet</a></div>
<p>Se <a href="https://www.exempelkommun.se/socialtjanst">kommunens sida</a>.</p>`;

function assessment(overrides: Partial<Assessment> = {}): Assessment {
  const policy = examplePolicy(TODAY);
  const type = policy.meetingTypes[0]!.id;
  const service = policy.services.find((s) => (s.meetingLinkPatterns ?? []).length > 0)!;
  const verdict = evaluate(policy, { meetingTypeId: type, serviceId: service.id, needs: [], date: '2026-05-04' });
  return {
    id: 'a-1', revision: 2, status: 'approved', organizer: 'oid-1', meeting: { eventId: 'evt' },
    start: '2026-05-04T08:00:00Z', mode: 'digital', meetingTypeId: type, serviceId: service.id, needs: [],
    verdict, policyVersion: verdict.policyVersion, policyNumber: 1, createdAt: '2026-05-01T08:00:00Z', updatedAt: '2026-05-01T08:00:00Z',
    checklistConfirmations: [], identityChecks: [],
    ...overrides,
  };
}

describe('link patterns', () => {
  it.each([
    ['https://teams.microsoft.com/l/meetup-join/*', 'https://teams.microsoft.com/l/meetup-join/19%3Ameeting_x/0?context=1', true],
    ['https://teams.microsoft.com/l/meetup-join/*', 'https://teams.microsoft.com/l/chat/0', false],
    ['https://*.digitaltmote.example.se/*', 'https://digitaltmote.example.se/rum/1', true],
    ['https://*.digitaltmote.example.se/*', 'https://a.b.digitaltmote.example.se/rum/1', true],
    ['https://*.digitaltmote.example.se/*', 'https://evil.example/x.digitaltmote.example.se/rum', false],
    ['https://*.digitaltmote.example.se/*', 'https://digitaltmote.example.se.evil.example/rum', false],
    ['https://*.digitaltmote.example.se/*', 'http://digitaltmote.example.se/rum', false],
    ['*://meet.example/*', 'http://meet.example/a', true],
    ['meet.example/room/*', 'https://meet.example/room/7', true],
    ['https://meet.example', 'https://meet.example/any/path?x=1', true],
    ['https://meet.example', 'https://meet.example.org/', false],
    ['https://video-*.example/*', 'https://video-3.example/x', true],
    ['https://video-*.example/*', 'https://video.a.example/x', false],
    ['https://teams.microsoft.com/l/meetup-join/*', 'https://teams.microsoft.com@evil.example/l/meetup-join/1', false],
    ['https://meet.example/*', 'https://MEET.Example:443/A', true],
  ])('%s against %s → %s', (pattern, link, expected) => {
    expect(matchesLinkPattern(link, pattern)).toBe(expected);
  });

  it('refuses what is not a URL pattern', () => {
    expect(compileLinkPattern('ftp://files.example/*')).toBeNull();
    expect(matchesLinkPattern('https://files.example/a', 'ftp://files.example/*')).toBe(false);
  });

  it('a pattern matches the same link wherever Safe Links wrapped it', () => {
    const inner = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x/0';
    const wrapped = `https://eur01.safelinks.protection.outlook.com/?url=${encodeURIComponent(inner)}&data=05%7C01`;
    expect(normaliseLink(wrapped)).toBe(inner);
    expect(matchesLinkPattern(wrapped, 'https://teams.microsoft.com/l/meetup-join/*')).toBe(true);
  });
});

describe('links in an invitation', () => {
  it('finds the body’s and the location’s links, entities decoded, each once', () => {
    const links = extractLinks(`${TEAMS_HTML}${TEAMS_HTML}`, 'Rum 3 / https://meet.example/room/7.');
    expect(links).toEqual([
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA5%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d&btype=a',
      'https://www.exempelkommun.se/socialtjanst',
      'https://meet.example/room/7',
    ]);
  });

  it('an online-meeting link is one a catalogue pattern or a well-known service matches', () => {
    const links = extractLinks(TEAMS_HTML, 'https://zoom.us/j/123 https://room.digitaltmote.example.se/r/1');
    expect(meetingLinks(links, [])).toEqual([links[0], 'https://zoom.us/j/123']);
    expect(meetingLinks(links, ['https://*.digitaltmote.example.se/*'])).toHaveLength(3);
  });

  it('recognises the service whose patterns match, first link first', () => {
    const policy = examplePolicy(TODAY);
    const links = extractLinks(TEAMS_HTML, '');
    const teams = policy.services.find((s) => (s.meetingLinkPatterns ?? []).some((p) => p.startsWith('https://teams.microsoft.com')))!;
    expect(recogniseServiceId(links, policy.services)).toBe(teams.id);
    expect(recogniseServiceId(['https://unknown.example/x'], policy.services)).toBeNull();
  });
});

describe('attendees', () => {
  it('an attendee outside the internal domains, or without an address, is external; subdomains are internal', () => {
    expect(hasExternalAttendee(['a@kommun.se', 'b@soc.kommun.se'], ['kommun.se'])).toBe(false);
    expect(hasExternalAttendee(['a@kommun.se', 'c@gmail.com'], ['kommun.se'])).toBe(true);
    expect(hasExternalAttendee(['a@notkommun.se'], ['kommun.se'])).toBe(true);
    expect(hasExternalAttendee(['Anna Andersson'], ['kommun.se'])).toBe(true);
    expect(hasExternalAttendee([], ['kommun.se'])).toBe(false);
  });
});

describe('the Stockholm date without Intl', () => {
  it('agrees with the policy core’s Intl-based date for any instant 1997–2099', () => {
    const from = Date.UTC(1997, 0, 1);
    const to = Date.UTC(2099, 11, 31);
    fc.assert(fc.property(fc.integer({ min: from, max: to }), (t) => stockholmDateOf(t) === stockholmDate(t)), { numRuns: 5000 });
  });

  it('agrees around every summer-time change of 2026', () => {
    for (const iso of ['2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-10-24T22:30:00Z', '2026-10-25T00:59:59Z', '2026-10-25T01:00:00Z', '2026-12-31T22:59:59Z', '2026-12-31T23:00:00Z']) {
      expect(stockholmDateOf(iso)).toBe(stockholmDate(iso));
    }
  });

  it('is null for what is not a date-time', () => {
    expect(stockholmDateOf('not a date')).toBeNull();
  });
});

describe('the record on the item (custom properties)', () => {
  it('holds ids, categories, the service’s patterns, the date and onSend — and reads back the same', () => {
    const policy = examplePolicy(TODAY);
    const a = assessment();
    const record = onSendRecordFor(a, policy);
    const service = policy.services.find((s) => s.id === a.serviceId)!;
    expect(record).toMatchObject({
      v: 1, assessmentId: 'a-1', revision: 2, status: 'approved', mode: 'digital', notClientMeeting: false,
      serviceId: service.id, serviceLabel: service.label, linkPatterns: service.meetingLinkPatterns, startDate: '2026-05-04',
      outcome: a.verdict.digital, onSend: policy.onSend,
    });
    const encoded = encodeCustomProperties(record);
    expect(Object.keys(encoded)).toEqual([CUSTOM_PROPERTY_KEY]);
    expect(JSON.stringify(encoded).length).toBeLessThan(CUSTOM_PROPERTIES_MAX_CHARS);
    expect(decodeOnSendRecord(encoded[CUSTOM_PROPERTY_KEY])).toEqual(record);
  });

  it('a physical check keeps no service and no patterns; a rejection keeps the comment, shortened', () => {
    const policy = examplePolicy(TODAY);
    const physical = onSendRecordFor(assessment({ mode: 'physical' }), policy);
    expect(physical).toMatchObject({ mode: 'physical', serviceId: null, serviceLabel: null, linkPatterns: [] });
    const rejected = onSendRecordFor(assessment({ status: 'rejected', decision: { outcome: 'rejected', by: 'oid-2', at: '2026-05-02T08:00:00Z', revision: 2, comment: 'x'.repeat(400) } }), policy);
    expect(rejected.comment).toHaveLength(200);
    expect(rejected.comment!.endsWith('…')).toBe(true);
  });

  it('the blocking reason is the server’s, else the verdict’s first blocking reason', () => {
    const policy = examplePolicy(TODAY);
    const own = onSendRecordFor(assessment({ blockingReason: { sv: 'Kort skäl', en: 'Short reason' } }), policy);
    expect(own.blockingReason).toEqual({ sv: 'Kort skäl', en: 'Short reason' });
    const a = assessment();
    const blocked = { ...a, verdict: { ...a.verdict, digital: 'not-allowed' as const, reasons: [{ code: 'service-not-approved' as const, severity: 'block' as const, text: { sv: 'Inte godkänd', en: 'Not approved' }, source: 'SKR' }] } };
    expect(onSendRecordFor(blocked, policy).blockingReason).toEqual({ sv: 'Inte godkänd', en: 'Not approved' });
  });

  it('refuses a record longer than Outlook keeps, naming the size', () => {
    const record: OnSendRecord = { ...onSendRecordFor(assessment(), examplePolicy(TODAY)), linkPatterns: Array.from({ length: 60 }, (_, i) => `https://video-${i}.example.se/rooms/*`) };
    expect(() => encodeCustomProperties(record)).toThrow(/takes \d+ characters; Outlook keeps at most 2500/);
  });

  it('reads nothing as no record, and anything malformed as an error that says which field', () => {
    expect(decodeOnSendRecord(undefined)).toBeNull();
    expect(decodeOnSendRecord('')).toBeNull();
    expect(() => decodeOnSendRecord('{')).toThrow(OnSendFormatError);
    const good = JSON.parse(encodeCustomProperties(onSendRecordFor(assessment(), examplePolicy(TODAY)))[CUSTOM_PROPERTY_KEY]!);
    expect(() => decodeOnSendRecord({ ...good, status: 'maybe' })).toThrow(/status must be one of/);
    expect(() => decodeOnSendRecord({ ...good, revision: 0 })).toThrow(/revision/);
    expect(() => decodeOnSendRecord({ ...good, startDate: '4 maj' })).toThrow(/startDate/);
    expect(() => decodeOnSendRecord({ ...good, v: 2 })).toThrow(/v must be 1/);
    expect(() => decodeOnSendRecord({ ...good, linkPatterns: 'x' })).toThrow(/linkPatterns/);
  });
});

describe('the roaming settings', () => {
  it('carry the internal domains, every service’s patterns (each once) and onSend, and read back the same', () => {
    const policy = examplePolicy(TODAY);
    const settings = onSendSettingsFor(policy, 'sha256:abc');
    const all = policy.services.flatMap((s) => s.meetingLinkPatterns ?? []);
    expect(settings).toEqual({ v: 1, policyVersion: 'sha256:abc', internalDomains: policy.internalDomains, linkPatterns: [...new Set(all)], onSend: policy.onSend });
    const encoded = encodeRoamingSettings(settings);
    expect(Object.keys(encoded)).toEqual([ROAMING_SETTINGS_KEY]);
    expect(decodeOnSendSettings(encoded[ROAMING_SETTINGS_KEY])).toEqual(settings);
  });

  it('a policy without internal domains or onSend: the user’s domain, and block for both', () => {
    const policy = { ...examplePolicy(TODAY), internalDomains: undefined, onSend: undefined };
    expect(onSendSettingsFor(policy)).toMatchObject({ internalDomains: null, onSend: { noAssessment: 'block', pendingApproval: 'block' } });
  });

  it('the server’s answer may leave out v; a wrong shape is an error', () => {
    expect(decodeOnSendSettings({ internalDomains: ['Kommun.SE'], linkPatterns: [], onSend: { noAssessment: 'prompt', pendingApproval: 'block' } }))
      .toEqual({ v: 1, policyVersion: null, internalDomains: ['kommun.se'], linkPatterns: [], onSend: { noAssessment: 'prompt', pendingApproval: 'block' } });
    expect(() => decodeOnSendSettings({ linkPatterns: [], onSend: { noAssessment: 'maybe', pendingApproval: 'block' } })).toThrow(/noAssessment/);
  });
});

describe('the status answer', () => {
  it('reads the revision and status, and a comment given flat or in the decision', () => {
    expect(decodeStatusSummary({ id: 'a', revision: 3, status: 'approved' })).toEqual({ revision: 3, status: 'approved', comment: null });
    expect(decodeStatusSummary({ id: 'a', revision: 3, status: 'rejected', comment: 'Nej' }).comment).toBe('Nej');
    expect(decodeStatusSummary({ id: 'a', revision: 3, status: 'rejected', decision: { comment: 'Hembesök' } }).comment).toBe('Hembesök');
    expect(() => decodeStatusSummary({ id: 'a', status: 'approved' })).toThrow(/revision/);
  });
});
