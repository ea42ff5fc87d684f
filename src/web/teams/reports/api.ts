// The accountability calls (issue 8): reports as JSON or as CSV/JSON files, review reminders, the audit
// log and its verification, one meeting's printable record, and the incident register. Same token
// source and error handling as the shared client (requestJson → ApiRequestError with the field paths).
import { ApiRequestError, apiCaller, type HttpApiOptions } from '../../shared/api';
import type {
  AuditEvent, AuditFilter, ChainVerification, Incident, IncidentInput, IncidentPatch, IncidentStatus, Period, ReminderRow, ReportBundle,
  ReportName, StatusChange,
} from './types';

/** A file the server made, ready to be saved by the browser. */
export interface DownloadedFile { filename: string; blob: Blob }

export interface AccountabilityApi {
  reports(period?: Partial<Period>): Promise<ReportBundle>;
  downloadReport(name: ReportName, format: 'csv' | 'json', period: Period): Promise<DownloadedFile>;
  reviewReminders(): Promise<{ today: string; reminders: ReminderRow[] }>;
  auditEvents(filter: AuditFilter): Promise<AuditEvent[]>;
  verifyAudit(): Promise<ChainVerification>;
  /** The printable record of one check as HTML (no scripts), in the page's language. */
  record(assessmentId: string, lang: 'sv' | 'en'): Promise<DownloadedFile>;
  listIncidents(scope: 'mine' | 'all', status?: IncidentStatus): Promise<Incident[]>;
  getIncident(id: string): Promise<Incident>;
  createIncident(input: IncidentInput): Promise<Incident>;
  updateIncident(id: string, patch: IncidentPatch): Promise<Incident>;
  setIncidentStatus(id: string, change: StatusChange): Promise<Incident>;
}

/** The file name from `content-disposition: attachment; filename="…"`, or the fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(header ?? '')?.[1] ?? fallback;
}

function parseError(text: string): { code?: unknown; message?: unknown; details?: unknown } | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value as { code?: unknown; message?: unknown; details?: unknown } : null;
  } catch {
    return null;
  }
}

export function createAccountabilityApi(options: HttpApiOptions): AccountabilityApi {
  const { call, id, base, fetchImpl } = apiCaller(options);

  /** A non-JSON answer (CSV, HTML) as a file; errors still arrive as JSON and become ApiRequestError. */
  const file = async (path: string, accept: string, fallbackName: string): Promise<DownloadedFile> => {
    const token = await options.getToken();
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, { method: 'GET', headers: { accept, authorization: `Bearer ${token}` } });
    } catch (cause) {
      throw new ApiRequestError(0, 'network', cause instanceof Error ? cause.message : String(cause));
    }
    if (!response.ok) {
      const text = await response.text();
      const parsed = parseError(text);
      if (parsed && typeof parsed.code === 'string' && typeof parsed.message === 'string') {
        throw new ApiRequestError(response.status, parsed.code, parsed.message, Array.isArray(parsed.details) ? parsed.details as { path: string; message: string }[] : [], parsed);
      }
      throw new ApiRequestError(response.status, `http-${response.status}`, `GET ${path}: HTTP ${response.status}`);
    }
    const type = response.headers.get('content-type') ?? accept;
    return { filename: attachmentName(response.headers.get('content-disposition'), fallbackName), blob: new Blob([await response.arrayBuffer()], { type }) };
  };

  const periodQuery = (p: Partial<Period> | undefined) => {
    const q = new URLSearchParams();
    if (p?.from) q.set('from', p.from);
    if (p?.to) q.set('to', p.to);
    return q;
  };

  return {
    reports: (period) => {
      const q = periodQuery(period).toString();
      return call('GET', `/api/reports${q ? `?${q}` : ''}`);
    },
    downloadReport: (name, format, period) => {
      const q = periodQuery(period);
      q.set('format', format);
      const accept = format === 'csv' ? 'text/csv' : 'application/json';
      if (format === 'csv') return file(`/api/reports/${id(name)}?${q.toString()}`, accept, `motescheck-${name}-${period.from}-${period.to}.csv`);
      // The JSON answer has no content-disposition: the file is named like the CSV one.
      return file(`/api/reports/${id(name)}?${q.toString()}`, accept, `motescheck-${name}-${period.from}-${period.to}.json`);
    },
    reviewReminders: () => call('GET', '/api/review-reminders'),
    auditEvents: async (filter) => {
      const q = new URLSearchParams();
      if (filter.entity) q.set('entity', filter.entity);
      if (filter.actor) q.set('actor', filter.actor);
      if (filter.from) q.set('from', filter.from);
      if (filter.to) q.set('to', filter.to);
      if (filter.limit) q.set('limit', String(filter.limit));
      const query = q.toString();
      return (await call<{ events: AuditEvent[] }>('GET', `/api/audit${query ? `?${query}` : ''}`)).events;
    },
    verifyAudit: () => call('GET', '/api/audit/verify'),
    record: (assessmentId, lang) => file(`/api/records/${id(assessmentId)}?lang=${lang}`, 'text/html', `motescheck-kontroll-${assessmentId}.html`),
    listIncidents: async (scope, status) => {
      const q = new URLSearchParams({ scope });
      if (status) q.set('status', status);
      return (await call<{ incidents: Incident[] }>('GET', `/api/incidents?${q.toString()}`)).incidents;
    },
    getIncident: (incidentId) => call('GET', `/api/incidents/${id(incidentId)}`),
    createIncident: (input) => call('POST', '/api/incidents', input),
    updateIncident: (incidentId, patch) => call('PATCH', `/api/incidents/${id(incidentId)}`, patch),
    setIncidentStatus: (incidentId, change) => call('POST', `/api/incidents/${id(incidentId)}/status`, change),
  };
}
