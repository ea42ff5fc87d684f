// The incident register through the HTTP API on both engines: registering, the deadline shown as a
// countdown and flagged when passed, transitions and who may make them, refusal of personal identity
// numbers in every free-text field, and every change in the verified audit chain.
import { verifyChain } from '../../src/server/audit';
import { ENGINES, engineContext, meetingInput, testServer, type EngineContext, type TestServer } from '../server/helpers/harness';
import { caller, TEST_PERSONAL_NUMBER } from './helpers';

const incident = (over: Record<string, unknown> = {}) => ({
  category: 'moteslanken-spreds',
  occurredAt: '2026-03-01T14:30:00+01:00',
  discoveredAt: '2026-03-02T08:15:00+01:00',
  description: 'Möteslänken vidarebefordrades till fel mottagare.',
  mustNotifyImy: true,
  ...over,
});

describe.each(ENGINES)('incident register on %s', (engine) => {
  let ctx: EngineContext;
  let s: TestServer;
  let call: ReturnType<typeof caller>;

  beforeAll(async () => { ctx = await engineContext(engine); });
  afterAll(async () => { await ctx.close(); });
  beforeEach(async () => {
    s = await testServer(await ctx.newStore());
    call = caller(s);
  });
  afterEach(async () => { await s.close(); });

  it('registers an incident with its 72-hour deadline as an absolute instant and a countdown', async () => {
    s.clock.set('2026-03-02T09:15:00Z');
    const res = await call('POST', '/api/incidents', 'caseworker', incident());
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/incidents/${res.body.id}`);
    expect(res.body).toMatchObject({
      revision: 1, status: 'oppen', category: 'moteslanken-spreds', reportedBy: s.oid('caseworker'), assessmentId: null,
      discoveredAt: '2026-03-02T07:15:00.000Z', allowedTransitions: ['atgardad', 'anmald'],
      notification: { deadline: '2026-03-05T07:15:00.000Z', remainingMs: (72 - 2) * 3600_000, overdue: false },
    });
    s.clock.set('2026-03-05T07:16:00Z');
    const later = await call('GET', `/api/incidents/${res.body.id}`, 'caseworker');
    expect(later.body.notification).toEqual({ deadline: '2026-03-05T07:15:00.000Z', remainingMs: -60_000, overdue: true });
  });

  it('keeps the deadline 72 real hours after discovery across the change to summer time', async () => {
    s.clock.set('2026-03-29T12:00:00Z');
    const res = await call('POST', '/api/incidents', 'caseworker', incident({ occurredAt: '2026-03-28T09:00:00+01:00', discoveredAt: '2026-03-28T10:00:00+01:00' }));
    expect(res.body.notification.deadline).toBe('2026-03-31T09:00:00.000Z'); // 11:00 on Stockholm's clocks
  });

  it.each(['description', 'effects', 'correctiveActions'])('refuses a personal identity number in %s with 422 naming the field', async (field) => {
    const res = await call('POST', '/api/incidents', 'caseworker', incident({ [field]: `Gäller ${TEST_PERSONAL_NUMBER}.` }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'personal-identity-number', details: [{ path: field }] });
  });

  it('refuses identity numbers in an edit and in the notification fields too, and stores nothing', async () => {
    const created = await call('POST', '/api/incidents', 'caseworker', incident());
    const edit = await call('PATCH', `/api/incidents/${created.body.id}`, 'caseworker', { revision: 1, effects: `Personnummer ${TEST_PERSONAL_NUMBER.replace('-', '')}` });
    expect(edit.status).toBe(422);
    expect(edit.body.details).toEqual([{ path: 'effects', message: expect.any(String) }]);
    const notify = await call('POST', `/api/incidents/${created.body.id}/status`, 'auditor', { revision: 1, status: 'anmald', imyNotifiedAt: '2026-03-02T08:00:00Z', delayReason: `se ${TEST_PERSONAL_NUMBER}` });
    expect(notify.status).toBe(422);
    expect(notify.body.details[0].path).toBe('delayReason');
    expect((await call('GET', `/api/incidents/${created.body.id}`, 'caseworker')).body.revision).toBe(1);
  });

  it('refuses times in the wrong order or in the future, naming the field', async () => {
    const backwards = await call('POST', '/api/incidents', 'caseworker', incident({ discoveredAt: '2026-03-01T10:00:00+01:00' }));
    expect(backwards.status).toBe(422);
    expect(backwards.body).toMatchObject({ code: 'discovered-before-occurred', details: [{ path: 'discoveredAt' }] });
    const future = await call('POST', '/api/incidents', 'caseworker', incident({ occurredAt: '2026-03-09T10:00:00+01:00', discoveredAt: '2026-03-09T10:00:00+01:00' }));
    expect(future.status).toBe(422);
    expect(future.body.details[0].path).toBe('occurredAt');
    const unknownField = await call('POST', '/api/incidents', 'caseworker', { ...incident(), clientName: 'x' });
    expect(unknownField.status).toBe(400);
  });

  it('links an incident to a check the reporter may read, and to no other', async () => {
    const a = await call('POST', '/api/assessments', 'caseworker', meetingInput());
    const linked = await call('POST', '/api/incidents', 'caseworker', incident({ assessmentId: a.body.id }));
    expect(linked.status).toBe(201);
    expect(linked.body.assessmentId).toBe(a.body.id);
    const foreign = await call('POST', '/api/incidents', 'caseworker2', incident({ assessmentId: a.body.id }));
    expect(foreign.status).toBe(422);
    expect(foreign.body.details[0].path).toBe('assessmentId');
  });

  it('moves through öppen → åtgärdad → anmäld → avslutad, with notification and closing for the auditor only', async () => {
    const created = await call('POST', '/api/incidents', 'caseworker', incident());
    const id = created.body.id as string;
    const tooEarly = await call('POST', `/api/incidents/${id}/status`, 'caseworker', { revision: 1, status: 'atgardad' });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body).toMatchObject({ code: 'corrective-actions-required', details: [{ path: 'correctiveActions' }] });

    const edited = await call('PATCH', `/api/incidents/${id}`, 'caseworker', { revision: 1, correctiveActions: 'Nytt möte med ny länk och väntrum på.', effects: 'En obehörig kan ha sett mötets tid.' });
    expect(edited.body.revision).toBe(2);
    const stale = await call('PATCH', `/api/incidents/${id}`, 'caseworker', { revision: 1, effects: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale-revision');

    const remedied = await call('POST', `/api/incidents/${id}/status`, 'caseworker', { revision: 2, status: 'atgardad' });
    expect(remedied.body).toMatchObject({ status: 'atgardad', revision: 3, allowedTransitions: ['anmald', 'oppen', 'avslutad'] });

    const byCaseworker = await call('POST', `/api/incidents/${id}/status`, 'caseworker', { revision: 3, status: 'anmald', imyNotifiedAt: '2026-03-02T08:00:00Z' });
    expect(byCaseworker.status).toBe(403);
    const closeFirst = await call('POST', `/api/incidents/${id}/status`, 'auditor', { revision: 3, status: 'avslutad' });
    expect(closeFirst.status).toBe(409);
    expect(closeFirst.body.code).toBe('notification-required');

    const notified = await call('POST', `/api/incidents/${id}/status`, 'auditor', { revision: 3, status: 'anmald', imyNotifiedAt: '2026-03-02T08:00:00Z', imyReference: 'IMY-2026-0001' });
    expect(notified.body).toMatchObject({ status: 'anmald', imyNotifiedAt: '2026-03-02T08:00:00.000Z', imyReference: 'IMY-2026-0001', notification: { remainingMs: null, overdue: false } });
    const unnotify = await call('PATCH', `/api/incidents/${id}`, 'auditor', { revision: 4, mustNotifyImy: false });
    expect(unnotify.status).toBe(409);

    const closed = await call('POST', `/api/incidents/${id}/status`, 'auditor', { revision: 4, status: 'avslutad' });
    expect(closed.body).toMatchObject({ status: 'avslutad', closedAt: '2026-03-02T08:00:00.000Z', allowedTransitions: [] });
    const reopen = await call('POST', `/api/incidents/${id}/status`, 'auditor', { revision: 5, status: 'oppen' });
    expect(reopen.status).toBe(409);
    expect(reopen.body.code).toBe('transition-not-allowed');
    expect((await call('PATCH', `/api/incidents/${id}`, 'auditor', { revision: 5, effects: 'sent' })).body.code).toBe('incident-closed');

    // Every change is an audit event on the incident, and the chain verifies.
    const audit = await call('GET', `/api/audit?entity=${id}`, 'auditor');
    expect(audit.body.events.map((e: { action: string }) => e.action).reverse()).toEqual([
      'incident.create', 'incident.update', 'incident.status', 'incident.status', 'incident.status',
    ]);
    expect(await verifyChain(s.store.db)).toMatchObject({ ok: true });
  });

  it('asks for the reasons when IMY was notified after the deadline', async () => {
    const created = await call('POST', '/api/incidents', 'caseworker', incident());
    s.clock.set('2026-03-06T12:00:00Z');
    const late = { revision: 1, status: 'anmald', imyNotifiedAt: '2026-03-06T11:00:00Z' };
    const refused = await call('POST', `/api/incidents/${created.body.id}/status`, 'auditor', late);
    expect(refused.status).toBe(422);
    expect(refused.body.details[0].path).toBe('delayReason');
    const ok = await call('POST', `/api/incidents/${created.body.id}/status`, 'auditor', { ...late, delayReason: 'Upptäckten rapporterades inte vidare under helgen.' });
    expect(ok.status).toBe(200);
  });

  it('shows an incident to its reporter and the auditor only; the auditor lists all, and the read is logged', async () => {
    const created = await call('POST', '/api/incidents', 'caseworker', incident());
    expect((await call('GET', `/api/incidents/${created.body.id}`, 'caseworker2')).status).toBe(403);
    expect((await call('GET', `/api/incidents/${created.body.id}`, 'manager')).status).toBe(403);
    expect((await call('GET', '/api/incidents?scope=all', 'caseworker')).status).toBe(403);
    expect((await call('GET', '/api/incidents', 'caseworker2')).body.incidents).toEqual([]);
    expect((await call('GET', '/api/incidents', 'policyadmin')).status).toBe(403);
    const all = await call('GET', '/api/incidents?scope=all&status=oppen', 'auditor');
    expect(all.body.incidents.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    const audit = await call('GET', `/api/audit?entity=${created.body.id}`, 'auditor');
    expect(audit.body.events[0]).toMatchObject({ action: 'incident.read', actor: s.oid('auditor') });
  });
});
