import type { ReminderRow, SweepProblem } from '../../src/api/contract';
import { reminderKey, reviewReminderCard, uncheckedMeetingCard, type AdaptiveCard, type UncheckedMeetingCardInput } from '../../src/cards';
import type { Lang } from '../../src/policy';
import { actions, checkCard, texts } from './harness';
import { EVENT_URL, FINDING, HOSTILE, HOSTILE_TEXT, hostilePolicy, NAMES, POLICY, REMINDERS, SECRETS, SETTINGS_URL } from './fixtures';

const LANGS: Lang[] = ['sv', 'en'];
const allText = (card: AdaptiveCard) => [...texts(card, 'TextBlock'), ...texts(card, 'TextRun')].join('\n');
/** What a reader sees of each RichTextBlock, its runs joined, so sentences can be asserted whole. */
const lines = (node: unknown): string[] => {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'RichTextBlock') out.push(texts(o.inlines, 'TextRun').join(''));
      else if (o.type === 'TextBlock') out.push(String(o.text));
      else Object.values(o).forEach(walk);
    }
  };
  walk(node);
  return out;
};
/** Every key anywhere in the JSON. */
const keys = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(keys);
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => [k, ...keys(v)]);
  return [];
};
const containers = (card: AdaptiveCard) => card.body.filter((e) => e.type === 'Container');

describe('review reminder card (policy admin)', () => {
  const input = (lang: Lang) => ({ reminders: REMINDERS, policy: POLICY, lang, newKeys: ['deviation-expiry:avsteg-teams-utredning'], openUrl: SETTINGS_URL });

  it.each(LANGS)('%s: matches the snapshot', (lang) => {
    expect(reviewReminderCard(input(lang))).toMatchSnapshot();
  });

  it.each(LANGS)('%s: passes the official object model', (lang) => {
    expect(checkCard(reviewReminderCard(input(lang)))).toEqual({ contextEvents: [], validationEvents: [], roundTripDifferences: [] });
  });

  it.each([
    ['sv', [
      'Mötescheck · Påminnelse',
      'Dags att se över säkerhetsåtgärder',
      'Översynen är försenad',
      'Riskanalysen RA-2025-11 (exempel) för Microsoft Teams skulle ha setts över senast 1 oktober 2026 (för 12 dagar sedan).',
      'Avsteget upphör snart · Ny',
      'Avsteget avsteg-teams-utredning för Microsoft Teams (beslut SN 2026/117 (exempel)) gäller till och med 14 oktober 2026 (om 1 dag).',
      'Dags för översyn snart',
      'Riskanalysen RA-2026-04 (exempel) för E-legitimerat videomöte (som Inera Digitalt möte) ska ses över senast 25 oktober 2026 (om 12 dagar).',
    ]],
    ['en', [
      'Mötescheck · Reminder',
      'Security measures due for review',
      'Review overdue',
      'The risk analysis RA-2025-11 (exempel) for Microsoft Teams was due for review by 1 October 2026 (12 days ago).',
      'Deviation expiring soon · New',
      'The deviation avsteg-teams-utredning for Microsoft Teams (decision SN 2026/117 (exempel)) is valid until 14 October 2026 (in 1 day).',
      'Review due soon',
      'The risk analysis RA-2026-04 (exempel) for E-legitimerat videomöte (som Inera Digitalt möte) is due for review by 25 October 2026 (in 12 days).',
    ]],
  ] as const)('%s: one entry per reminder, soonest first, the state in words', (lang, expected) => {
    const seen = lines(reviewReminderCard(input(lang)));
    expect(seen.filter((l) => expected.includes(l as never))).toEqual(expected);
  });

  it('cites art. 32.1 d and says what to do: update in Inställningar and publish a new policy version', () => {
    const sv = allText(reviewReminderCard(input('sv')));
    expect(sv).toContain('artikel 32.1 d i dataskyddsförordningen');
    expect(sv).toContain('under Inställningar i Mötescheck');
    expect(sv).toContain('förnya beslutet');
    expect(sv).toContain('Publicera sedan en ny version av policyn');
    const en = allText(reviewReminderCard(input('en')));
    expect(en).toContain('Article 32(1)(d) GDPR');
    expect(en).toContain('Then publish a new version of the policy');
  });

  it('names only the kinds of work the reminders call for', () => {
    const risk = allText(reviewReminderCard({ reminders: [REMINDERS[0]!], policy: POLICY, lang: 'sv' }));
    expect(risk).toContain('Riskanalys: se över den');
    expect(risk).not.toContain('Avsteg: förnya');
    const deviation = allText(reviewReminderCard({ reminders: [REMINDERS[1]!], policy: POLICY, lang: 'en' }));
    expect(deviation).toContain('Deviation: renew the decision');
    expect(deviation).not.toContain('Risk analysis: review it');
  });

  it('overdue is in an attention box, due-soon and expiring in warning boxes, each also said in words', () => {
    const card = reviewReminderCard(input('sv'));
    expect(containers(card).map((c) => c.type === 'Container' && c.style)).toEqual(['attention', 'warning', 'warning']);
    expect(containers(card).map((c) => lines(c)[0])).toEqual(['Översynen är försenad', 'Avsteget upphör snart · Ny', 'Dags för översyn snart']);
  });

  it('marks "Ny" only the reminders named in newKeys, by kind and id', () => {
    expect(reminderKey(REMINDERS[0]!)).toBe('risk-analysis-review:microsoft-teams');
    const none = reviewReminderCard({ reminders: REMINDERS, policy: POLICY, lang: 'sv' });
    expect(texts(none, 'TextRun')).not.toContain('Ny');
    // The deviation's id as a risk-analysis key, and the service id alone, mark nothing.
    const wrongKind = reviewReminderCard({ reminders: REMINDERS, policy: POLICY, lang: 'sv', newKeys: ['risk-analysis-review:avsteg-teams-utredning', 'microsoft-teams'] });
    expect(texts(wrongKind, 'TextRun')).not.toContain('Ny');
    const both = reviewReminderCard({ reminders: REMINDERS, policy: POLICY, lang: 'en', newKeys: ['risk-analysis-review:microsoft-teams', 'risk-analysis-review:eid-videotjanst'] });
    expect(containers(both).map((c) => lines(c)[0])).toEqual(['Review overdue · New', 'Deviation expiring soon', 'Review due soon · New']);
  });

  it('falls back to the service id when the policy has no such service', () => {
    const reminder: ReminderRow = { ...REMINDERS[1]!, serviceId: 'borttagen-tjanst' };
    expect(lines(reviewReminderCard({ reminders: [reminder], policy: POLICY, lang: 'sv' }))).toContain(
      'Avsteget avsteg-teams-utredning för borttagen-tjanst (beslut SN 2026/117 (exempel)) gäller till och med 14 oktober 2026 (om 1 dag).',
    );
  });

  it.each([
    ['sv', 'overdue', -1, '(för 1 dag sedan).'],
    ['sv', 'due-soon', 0, 'ska ses över senast 1 oktober 2026 (i dag).'],
    ['sv', 'due-soon', 30, '(om 30 dagar).'],
    ['en', 'overdue', -1, '(1 day ago).'],
    ['en', 'due-soon', 0, 'is due for review by 1 October 2026 (today).'],
    ['en', 'due-soon', 1, '(in 1 day).'],
  ] as const)('%s %s, %i days left → "%s"', (lang, state, daysLeft, text) => {
    const card = reviewReminderCard({ reminders: [{ ...REMINDERS[0]!, state, daysLeft }], policy: POLICY, lang });
    expect(lines(card).some((l) => l.endsWith(text))).toBe(true);
  });

  it('sorts by due date whatever order the reminders come in', () => {
    const card = reviewReminderCard({ reminders: [...REMINDERS].reverse(), policy: POLICY, lang: 'en' });
    expect(containers(card).map((c) => lines(c)[0])).toEqual(['Review overdue', 'Deviation expiring soon', 'Review due soon']);
  });

  it('has a fallback text and opens Inställningar when a link is given, with no action otherwise', () => {
    const card = reviewReminderCard(input('sv'));
    expect(card.fallbackText).toBe('Mötescheck: säkerhetsåtgärder i policyn behöver ses över. Öppna kortet i Teams.');
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Öppna Inställningar', url: SETTINGS_URL }]);
    expect(reviewReminderCard({ reminders: REMINDERS, policy: POLICY, lang: 'en' }).actions).toBeUndefined();
  });

  it('refuses to build a card with nothing to send', () => {
    expect(() => reviewReminderCard({ reminders: [], policy: POLICY, lang: 'sv' })).toThrow(/no reminders/);
  });
});

describe('unchecked meeting card (second line of control)', () => {
  const input = (lang: Lang, audience: UncheckedMeetingCardInput['audience'], problem: SweepProblem = 'no-check'): UncheckedMeetingCardInput => ({
    finding: { ...FINDING, problem, assessmentId: problem === 'no-check' ? null : 'asmt-0001' },
    audience,
    names: { caseworker: NAMES.caseworker },
    lang,
    eventUrl: EVENT_URL,
  });

  it.each(LANGS.flatMap((lang) => (['caseworker', 'manager'] as const).map((audience) => [lang, audience] as const)))('%s, %s: matches the snapshot and passes the object model', (lang, audience) => {
    const card = uncheckedMeetingCard(input(lang, audience));
    expect(card).toMatchSnapshot();
    expect(checkCard(card)).toEqual({ contextEvents: [], validationEvents: [], roundTripDifferences: [] });
  });

  const PROBLEM: Record<Lang, Record<SweepProblem, string>> = {
    sv: {
      'no-check': 'Mötescheck: Ingen kontroll gjord.',
      'check-incomplete': 'Mötescheck: Kontrollen är inte klar (väntar på godkännande eller behöver göras om).',
      'check-withdrawn': 'Mötescheck: Kontrollen har återkallats.',
    },
    en: {
      'no-check': 'Mötescheck: No check made.',
      'check-incomplete': 'Mötescheck: The check is not complete (awaiting approval or must be redone).',
      'check-withdrawn': 'Mötescheck: The check has been withdrawn.',
    },
  };
  const AUDIENCE = {
    sv: {
      caseworker: {
        title: 'Ditt klientmöte saknar genomförd mötescheck',
        lines: ['Datum och tid: tisdag 16 juni 2026 kl. 10:00', 'Gör mötescheck i Outlook (Mötescheck i mötesbokningen) innan mötet, eller boka om mötet.', 'Är det inte ett klientmöte? Öppna Mötescheck i mötesbokningen och välj ”Registrera: inte ett klientmöte”.'],
      },
      manager: {
        title: 'Ett klientmöte saknar genomförd mötescheck',
        lines: ['Kim Exempelssons möte tisdag 16 juni 2026 kl. 10:00 saknar genomförd mötescheck.', 'Påminn handläggaren om att göra mötescheck i Outlook innan mötet, eller att boka om mötet.'],
      },
    },
    en: {
      caseworker: {
        title: 'Your client meeting has no completed check',
        lines: ['Date and time: Tuesday, 16 June 2026 at 10:00', 'Do the check in Outlook (Mötescheck in the meeting form) before the meeting, or rebook the meeting.', 'Not a client meeting? Open Mötescheck in the meeting form and choose “Record: not a client meeting”.'],
      },
      manager: {
        title: 'A client meeting has no completed check',
        lines: ["Kim Exempelsson's meeting on Tuesday, 16 June 2026 at 10:00 has no completed check.", 'Remind the caseworker to do the check in Outlook before the meeting, or to rebook the meeting.'],
      },
    },
  } as const;
  const WHY = {
    sv: 'Möten som bokas i Teams, i Outlook för Mac eller mobil eller på webben kontrolleras inte när de skickas.',
    en: 'Meetings booked in Teams, in Outlook for Mac or mobile, or on the web are not checked when they are sent.',
  };
  const table = LANGS.flatMap((lang) => (['caseworker', 'manager'] as const).flatMap((audience) =>
    (['no-check', 'check-incomplete', 'check-withdrawn'] as const).map((problem) => [lang, audience, problem] as const)));

  it.each(table)('%s, %s, %s: the title, the problem in words, what to do and why Mötescheck looked', (lang, audience, problem) => {
    const card = uncheckedMeetingCard(input(lang, audience, problem));
    const seen = lines(card);
    const expected = AUDIENCE[lang][audience];
    expect(seen[0]).toBe(`Mötescheck · ${lang === 'sv' ? 'Kontroll av kalendern' : 'Calendar check'}`);
    expect(seen[1]).toBe(expected.title);
    expect(seen).toContain(PROBLEM[lang][problem]);
    for (const line of expected.lines) expect(seen).toContain(line);
    expect(allText(card)).toContain(WHY[lang]);
    const box = card.body.find((e) => e.type === 'Container');
    expect(box).toMatchObject({ type: 'Container', style: 'attention' });
    expect(lines(box)).toContain(PROBLEM[lang][problem]);
    expect(card.fallbackText).toEqual(expect.stringContaining('Mötescheck: '));
  });

  it.each([
    ['Kim Exempelsson', 'Kim Exempelssons möte'],
    ['Lars', 'Lars möte'],
    ['Max', 'Max möte'],
    ['Inez', 'Inez möte'],
    [undefined, 'Handläggarens möte'],
    ['  ', 'Handläggarens möte'],
  ] as const)('the manager\'s card writes the Swedish genitive of %j', (name, text) => {
    const card = uncheckedMeetingCard({ ...input('sv', 'manager'), names: name === undefined ? {} : { caseworker: name } });
    expect(lines(card).some((l) => l.startsWith(`${text} tisdag 16 juni 2026 kl. 10:00`))).toBe(true);
  });

  it('the manager\'s card without a name in English', () => {
    const card = uncheckedMeetingCard({ ...input('en', 'manager'), names: {} });
    expect(lines(card)).toContain("The caseworker's meeting on Tuesday, 16 June 2026 at 10:00 has no completed check.");
  });

  it.each([
    // Summer time ends at 01:00 UTC on 25 October 2026: 00:30Z is 02:30 CEST, 01:30Z is 02:30 CET.
    ['2026-10-25T00:30:00Z', 'sv', 'söndag 25 oktober 2026 kl. 02:30'],
    ['2026-10-25T01:30:00Z', 'sv', 'söndag 25 oktober 2026 kl. 02:30'],
    ['2026-10-25T02:30:00Z', 'sv', 'söndag 25 oktober 2026 kl. 03:30'],
    ['2026-10-25T01:30:00Z', 'en', 'Sunday, 25 October 2026 at 02:30'],
    // Summer time begins at 01:00 UTC on 29 March 2026.
    ['2026-03-29T00:30:00Z', 'sv', 'söndag 29 mars 2026 kl. 01:30'],
    ['2026-03-29T01:30:00Z', 'sv', 'söndag 29 mars 2026 kl. 03:30'],
    // Late in the evening in UTC is the next day in Stockholm.
    ['2026-12-31T23:15:00Z', 'en', 'Friday, 1 January 2027 at 00:15'],
  ] as const)('%s in Stockholm (%s): %s', (start, lang, text) => {
    const card = uncheckedMeetingCard({ ...input(lang, 'caseworker'), finding: { ...FINDING, start } });
    expect(lines(card)).toContain(`${lang === 'sv' ? 'Datum och tid' : 'Date and time'}: ${text}`);
  });

  it('refuses a start that is not a date-time', () => {
    expect(() => uncheckedMeetingCard({ ...input('sv', 'caseworker'), finding: { ...FINDING, start: 'i morgon' } })).toThrow(RangeError);
  });

  it.each(LANGS)('%s: the caseworker gets an Action.OpenUrl to the meeting for an https event link', (lang) => {
    expect(uncheckedMeetingCard(input(lang, 'caseworker')).actions).toEqual([
      { type: 'Action.OpenUrl', title: lang === 'sv' ? 'Öppna mötet i Outlook' : 'Open the meeting in Outlook', url: EVENT_URL },
    ]);
  });

  it.each([
    'http://outlook.office365.com/owa/?itemid=x',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//outlook.office365.com/owa/',
    'outlook.office365.com/owa/',
    'ms-outlook://events/x',
    '',
  ])('ignores the event link %j: no action', (eventUrl) => {
    const card = uncheckedMeetingCard({ ...input('sv', 'caseworker'), eventUrl });
    expect(card.actions).toBeUndefined();
    expect(actions(card)).toEqual([]);
  });

  it('gives no event link to the manager: it opens the event in the caseworker\'s mailbox', () => {
    expect(uncheckedMeetingCard(input('sv', 'manager')).actions).toBeUndefined();
  });

  it('the input has no field for a subject, attendee or anything about the client', () => {
    const findingFields: Record<keyof UncheckedMeetingCardInput['finding'], true> = { eventId: true, start: true, problem: true, assessmentId: true };
    const inputFields: Record<keyof UncheckedMeetingCardInput, true> = { finding: true, audience: true, names: true, lang: true, eventUrl: true };
    const nameFields: Record<keyof UncheckedMeetingCardInput['names'], true> = { caseworker: true };
    expect(Object.keys(findingFields).sort()).toEqual(['assessmentId', 'eventId', 'problem', 'start']);
    expect(Object.keys(inputFields).sort()).toEqual(['audience', 'eventUrl', 'finding', 'lang', 'names']);
    expect(Object.keys(nameFields)).toEqual(['caseworker']);
    uncheckedMeetingCard({
      ...input('sv', 'caseworker'),
      // @ts-expect-error a finding has no subject
      finding: { ...FINDING, subject: 'x' },
    });
  });

  it.each(table)('%s, %s, %s: no subject, attendee, location, event id or assessment id reaches the card, even when a caller passes them', (lang, audience, problem) => {
    const leaky = {
      ...input(lang, audience, problem),
      finding: { ...input(lang, audience, problem).finding, subject: 'Samtal med Anna Andersson 19850101-1234', attendees: ['anna@example.com'], location: 'Storgatan 1' },
      subject: 'Samtal med Anna Andersson', attendees: ['anna@example.com'], bodyPreview: 'Om barnet',
    } as UncheckedMeetingCardInput;
    const card = uncheckedMeetingCard(leaky);
    const json = JSON.stringify(card);
    for (const leak of ['Anna', 'anna@example.com', '19850101', 'Storgatan', 'Om barnet', SECRETS.eventId, 'asmt-0001']) expect({ leak, found: json.includes(leak) }).toEqual({ leak, found: false });
    for (const key of keys(card)) expect(['subject', 'attendees', 'location', 'bodyPreview', 'organizer', 'eventId', 'assessmentId']).not.toContain(key);
  });
});

describe('record text on these cards is shown literally', () => {
  it('service labels, references, ids and the caseworker\'s name are only in TextRuns, neutralised', () => {
    const review = reviewReminderCard({ reminders: REMINDERS.map((r) => ({ ...r, reference: `SN ${HOSTILE_TEXT}` })), policy: hostilePolicy(), lang: 'sv' });
    const unchecked = uncheckedMeetingCard({ finding: FINDING, audience: 'manager', names: { caseworker: `Kim ${HOSTILE_TEXT}` }, lang: 'sv' });
    for (const card of [review, unchecked]) {
      for (const t of texts(card, 'TextBlock')) for (const h of Object.values(HOSTILE)) expect(t).not.toContain(h.slice(0, 6));
      expect(texts(card, 'TextRun').join('\n')).toContain(HOSTILE.markdown);
      expect(JSON.stringify(card)).not.toMatch(/\$\{|\{\{/);
    }
  });
});
