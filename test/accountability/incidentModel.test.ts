// The incident register's rules, read as the specification: the 72-hour deadline is an absolute
// instant, and the statuses move only along the documented transitions.
import {
  deadlineView, INCIDENT_STATUSES, notificationDeadline, transitionProblem, TRANSITIONS, type IncidentFacts, type IncidentStatus,
} from '../../src/server/incidents/model';

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });

describe('the 72-hour notification deadline', () => {
  it('is 72 hours after discovery, the same instant whichever offset the discovery was given in', () => {
    const instants = ['2026-05-04T10:00:00+02:00', '2026-05-04T08:00:00Z', '2026-05-04T04:00:00-04:00', '2026-05-04T17:00:00+09:00'];
    const deadlines = instants.map((i) => notificationDeadline(new Date(i)).toISOString());
    expect(new Set(deadlines)).toEqual(new Set(['2026-05-07T08:00:00.000Z']));
  });

  it('counts real hours across the spring change to summer time: 10:00 CET becomes 11:00 CEST on the wall', () => {
    // Sweden moves the clocks forward at 02:00 on 29 March 2026: that day has 23 hours.
    const discovered = new Date('2026-03-28T10:00:00+01:00');
    const deadline = notificationDeadline(discovered);
    expect(deadline.toISOString()).toBe('2026-03-31T09:00:00.000Z');
    expect(stockholm.format(deadline)).toBe('2026-03-31 11:00');
    expect(deadline.getTime() - discovered.getTime()).toBe(72 * 3600_000);
  });

  it('counts real hours across the autumn change to standard time: 10:00 CEST becomes 09:00 CET on the wall', () => {
    // The clocks go back at 03:00 on 25 October 2026: that day has 25 hours.
    const deadline = notificationDeadline(new Date('2026-10-24T10:00:00+02:00'));
    expect(deadline.toISOString()).toBe('2026-10-27T08:00:00.000Z');
    expect(stockholm.format(deadline)).toBe('2026-10-27 09:00');
  });

  it('counts down while a notification is owed and flags it once the deadline has passed', () => {
    const facts: IncidentFacts = { status: 'oppen', mustNotifyImy: true, correctiveActions: '', notificationDeadline: new Date('2026-03-31T09:00:00Z'), imyNotifiedAt: null };
    expect(deadlineView(facts, new Date('2026-03-31T08:00:00Z'))).toEqual({ deadline: '2026-03-31T09:00:00.000Z', remainingMs: 3600_000, overdue: false });
    expect(deadlineView(facts, new Date('2026-03-31T09:00:01Z'))).toMatchObject({ remainingMs: -1000, overdue: true });
  });

  it('shows no countdown when nothing is owed: not to be notified, already notified, or closed', () => {
    const base: IncidentFacts = { status: 'oppen', mustNotifyImy: true, correctiveActions: '', notificationDeadline: new Date('2026-03-31T09:00:00Z'), imyNotifiedAt: null };
    const late = new Date('2026-04-30T00:00:00Z');
    expect(deadlineView({ ...base, mustNotifyImy: false }, late)).toMatchObject({ remainingMs: null, overdue: false });
    expect(deadlineView({ ...base, status: 'anmald', imyNotifiedAt: new Date('2026-03-30T00:00:00Z') }, late)).toMatchObject({ remainingMs: null, overdue: false });
    expect(deadlineView({ ...base, status: 'avslutad' }, late)).toMatchObject({ remainingMs: null, overdue: false });
  });
});

describe('status transitions', () => {
  const now = new Date('2026-04-01T12:00:00Z');
  const facts = (status: IncidentStatus, over: Partial<IncidentFacts> = {}): IncidentFacts => ({
    status, mustNotifyImy: true, correctiveActions: 'Länken byttes och deltagarna informerades.', notificationDeadline: new Date('2026-04-02T12:00:00Z'), imyNotifiedAt: null, ...over,
  });
  const allowed: [IncidentStatus, IncidentStatus][] = [['oppen', 'atgardad'], ['oppen', 'anmald'], ['atgardad', 'anmald'], ['atgardad', 'oppen'], ['atgardad', 'avslutad'], ['anmald', 'avslutad']];

  it('allows exactly the documented transitions', () => {
    const all = INCIDENT_STATUSES.flatMap((from) => INCIDENT_STATUSES.map((to) => [from, to] as [IncidentStatus, IncidentStatus]));
    const permitted = all.filter(([from, to]) => TRANSITIONS[from].includes(to));
    expect(permitted).toHaveLength(allowed.length);
    expect(permitted).toEqual(expect.arrayContaining(allowed));
  });

  it.each(INCIDENT_STATUSES.flatMap((from) => INCIDENT_STATUSES.filter((to) => !TRANSITIONS[from].includes(to)).map((to) => [from, to])))(
    'refuses %s → %s', (from, to) => {
      expect(transitionProblem(facts(from as IncidentStatus), { to: to as IncidentStatus, imyNotifiedAt: now }, now)).toMatchObject({ code: 'transition-not-allowed', field: 'status' });
    });

  it('needs corrective actions before an incident is remedied or closed', () => {
    expect(transitionProblem(facts('oppen', { correctiveActions: '  ' }), { to: 'atgardad' }, now)).toMatchObject({ code: 'corrective-actions-required', field: 'correctiveActions' });
    expect(transitionProblem(facts('anmald', { correctiveActions: '' }), { to: 'avslutad' }, now)).toMatchObject({ code: 'corrective-actions-required' });
    expect(transitionProblem(facts('oppen'), { to: 'atgardad' }, now)).toBeNull();
  });

  it('notifies IMY only when the incident must be notified, with the time it was done', () => {
    expect(transitionProblem(facts('oppen', { mustNotifyImy: false }), { to: 'anmald', imyNotifiedAt: now }, now)).toMatchObject({ code: 'notification-not-required', field: 'mustNotifyImy' });
    expect(transitionProblem(facts('oppen'), { to: 'anmald' }, now)).toMatchObject({ code: 'notified-at-required', field: 'imyNotifiedAt' });
    expect(transitionProblem(facts('oppen'), { to: 'anmald', imyNotifiedAt: new Date('2026-04-01T13:00:00Z') }, now)).toMatchObject({ code: 'notified-at-in-future' });
    expect(transitionProblem(facts('oppen'), { to: 'anmald', imyNotifiedAt: new Date('2026-03-29T00:00:00Z') }, now)).toMatchObject({ code: 'notified-before-discovery' });
    expect(transitionProblem(facts('oppen'), { to: 'anmald', imyNotifiedAt: now }, now)).toBeNull();
  });

  it('asks for the reasons when IMY was notified after the 72 hours (art. 33.1)', () => {
    const later = new Date('2026-04-03T12:00:00Z');
    expect(transitionProblem(facts('atgardad'), { to: 'anmald', imyNotifiedAt: later }, later)).toMatchObject({ code: 'delay-reason-required', field: 'delayReason' });
    expect(transitionProblem(facts('atgardad'), { to: 'anmald', imyNotifiedAt: later, delayReason: 'Incidenten upptäcktes under en helg.' }, later)).toBeNull();
  });

  it('closes an incident that must be notified only after it was notified', () => {
    expect(transitionProblem(facts('atgardad'), { to: 'avslutad' }, now)).toMatchObject({ code: 'notification-required' });
    expect(transitionProblem(facts('atgardad', { mustNotifyImy: false }), { to: 'avslutad' }, now)).toBeNull();
  });
});
