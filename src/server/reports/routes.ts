// The accountability routes (issue 8): the incident register, the reports with CSV/JSON export, the
// review reminders and one meeting's printable record. Registered from routes.ts; each route declares
// who may call it, and finer checks (reporter, organizer, approver) happen in the services.
import type { FastifyInstance } from 'fastify';
import type { Lang } from '../../policy';
import { stockholmDate } from '../../policy';
import { requirePrincipal } from '../app';
import type { ServerDeps } from '../deps';
import { badRequest } from '../errors';
import type { IncidentStatus } from '../incidents/model';
import * as is from '../incidents/schemas';
import { IncidentService, type IncidentInput, type IncidentPatch, type StatusChange } from '../incidents/service';
import { PolicyService } from '../services/policy';
import { uncheckedMeetings } from '../sweep/findings';
import { REPORT_COLUMNS, REPORT_NAMES, type ReportData, type ReportName } from './catalog';
import { toCsv, type Delimiter } from './csv';
import {
  assessmentsByMonth, coApprovalTurnaround, defaultPeriod, deviationsUsed, incidentsByCategory, modeShare, reviewReminders, type Period,
} from './queries';
import { RecordService } from './record';
import { accountabilityDb } from './schema';

const month = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' } as const;
const uuidParam = {
  type: 'object', additionalProperties: false, required: ['id'],
  properties: { id: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } },
} as const;
const periodQuery = { type: 'object', additionalProperties: false, properties: { from: month, to: month } } as const;
const reportQuery = {
  type: 'object', additionalProperties: false,
  properties: { from: month, to: month, format: { type: 'string', enum: ['json', 'csv'] }, delimiter: { type: 'string', enum: ['comma', 'semicolon'] } },
} as const;
const reportParam = { type: 'object', additionalProperties: false, required: ['report'], properties: { report: { type: 'string', enum: REPORT_NAMES } } } as const;
const recordQuery = { type: 'object', additionalProperties: false, properties: { lang: { type: 'string', enum: ['sv', 'en'] }, download: { type: 'string', enum: ['true', 'false'] } } } as const;
const emptyQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

const MAX_MONTHS = 120;

export async function registerAccountabilityRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { store, clock } = deps;
  const db = accountabilityDb(store.db);
  const incidents = new IncidentService(store.db, clock);
  const policies = new PolicyService(store.db, clock);
  const records = new RecordService(store.db, clock);
  const today = () => stockholmDate(clock.now());

  function period(q: { from?: string; to?: string }): Period {
    const d = defaultPeriod(today());
    const p = { from: q.from ?? (q.to && q.to < d.from ? q.to : d.from), to: q.to ?? d.to };
    if (p.from > p.to) throw badRequest('invalid-range', `"from" (${p.from}) is after "to" (${p.to}).`);
    const months = (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4))) * 12 + Number(p.to.slice(5)) - Number(p.from.slice(5)) + 1;
    if (months > MAX_MONTHS) throw badRequest('range-too-long', `At most ${MAX_MONTHS} months per report: narrow "from"/"to".`);
    return p;
  }

  async function report<K extends ReportName>(name: K, p: Period): Promise<ReportData[K]> {
    const run: { [N in ReportName]: () => Promise<ReportData[N]> } = {
      'assessments-by-month': () => assessmentsByMonth(db, p),
      'mode-share': () => modeShare(db, p),
      deviations: () => deviationsUsed(db, p),
      'co-approval': () => coApprovalTurnaround(db, p),
      incidents: () => incidentsByCategory(db, p, clock.now()),
      reminders: async () => reviewReminders((await policies.published()).policy, today()),
      'unchecked-meetings': () => uncheckedMeetings(db, clock.now()),
    };
    return run[name]();
  }

  const auditor = { access: { roles: ['Auditor'] as const } };

  // --- Reports ---
  app.get('/api/reports', { config: auditor, schema: { querystring: periodQuery } }, async (req) => {
    const p = period(req.query as { from?: string; to?: string });
    const entries = await Promise.all(REPORT_NAMES.map(async (n) => [n, await report(n, p)] as const));
    return { period: p, today: today(), generatedAt: clock.now().toISOString(), reports: Object.fromEntries(entries) };
  });

  app.get('/api/reports/:report', { config: auditor, schema: { params: reportParam, querystring: reportQuery } }, async (req, reply) => {
    const name = (req.params as { report: ReportName }).report;
    const q = req.query as { from?: string; to?: string; format?: 'json' | 'csv'; delimiter?: Delimiter };
    const p = period(q);
    const rows = await report(name, p);
    const columns = REPORT_COLUMNS[name] as readonly { header: string; value: (r: unknown) => string | number | boolean | null }[];
    if (q.format === 'csv') {
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="motescheck-${name}-${p.from}-${p.to}.csv"`)
        .header('cache-control', 'no-store')
        .send(toCsv(columns, rows as unknown[], q.delimiter ?? 'comma'));
    }
    if (q.delimiter) throw badRequest('delimiter-without-csv', '"delimiter" applies to format=csv only.');
    return { report: name, period: p, generatedAt: clock.now().toISOString(), columns: columns.map((c) => c.header), rows };
  });

  // Policy admins see the reminders in Inställningar; the auditor in Rapporter.
  app.get('/api/review-reminders', { config: { access: { roles: ['PolicyAdmin', 'Auditor'] } }, schema: { querystring: emptyQuery } }, async () => ({
    today: today(), reminders: await report('reminders', defaultPeriod(today())),
  }));

  // --- One meeting's record ---
  app.get('/api/records/:id', { config: { access: { roles: ['Caseworker', 'Manager', 'Auditor'] } }, schema: { params: uuidParam, querystring: recordQuery } }, async (req, reply) => {
    const q = req.query as { lang?: Lang; download?: 'true' | 'false' };
    const { html, assessmentId } = await records.render(requirePrincipal(req), (req.params as { id: string }).id, q.lang ?? 'sv');
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
    if (q.download === 'true') reply.header('content-disposition', `attachment; filename="motescheck-kontroll-${assessmentId}.html"`);
    return reply.send(html);
  });

  // --- Incident register ---
  const reporters = { access: { roles: ['Caseworker', 'Manager', 'Auditor'] as const } };
  app.post('/api/incidents', { config: reporters, schema: { body: is.incidentCreateBody, querystring: emptyQuery } }, async (req, reply) => {
    const created = await incidents.create(requirePrincipal(req), req.body as IncidentInput);
    return reply.status(201).header('location', `/api/incidents/${created.id}`).send(created);
  });

  app.get('/api/incidents', { config: reporters, schema: { querystring: is.incidentListQuery } }, async (req) => {
    const q = req.query as { scope?: 'mine' | 'all'; status?: IncidentStatus; limit?: string };
    return { incidents: await incidents.list(requirePrincipal(req), { scope: q.scope ?? 'mine', ...(q.status ? { status: q.status } : {}), limit: q.limit ? Number(q.limit) : 100 }) };
  });

  app.get('/api/incidents/:id', { config: reporters, schema: { params: uuidParam, querystring: emptyQuery } }, async (req) =>
    incidents.get(requirePrincipal(req), (req.params as { id: string }).id));

  app.patch('/api/incidents/:id', { config: reporters, schema: { params: uuidParam, body: is.incidentPatchBody, querystring: emptyQuery } }, async (req) =>
    incidents.update(requirePrincipal(req), (req.params as { id: string }).id, req.body as IncidentPatch));

  app.post('/api/incidents/:id/status', { config: reporters, schema: { params: uuidParam, body: is.incidentStatusBody, querystring: emptyQuery } }, async (req) =>
    incidents.setStatus(requirePrincipal(req), (req.params as { id: string }).id, req.body as StatusChange));
}
