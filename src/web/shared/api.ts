// The front-ends' client for the HTTP API of src/api/contract.ts: JSON over fetch with a bearer token,
// error bodies `{code, message, details}` turned into ApiRequestError. Components take the narrow
// `Pick<MotescheckApi, …>` they use, so a test passes a fake of a few lines.
import type {
  ApiError, Assessment, AssessmentInput, AssessmentStatus, MeetingReference, PublishedPolicy,
} from '../../api/contract';

export type AssessmentScope = 'mine' | 'approvals' | 'all';

export interface AssessmentStatusSummary { id: string; revision: number; status: AssessmentStatus }

export interface MotescheckApi {
  getPublishedPolicy(): Promise<PublishedPolicy>;
  createAssessment(input: AssessmentInput): Promise<Assessment>;
  /** A change of type, service, needs or time: the server makes a new revision in `draft`. */
  reviseAssessment(id: string, input: AssessmentInput, revision: number): Promise<Assessment>;
  submitAssessment(id: string, revision: number): Promise<Assessment>;
  withdrawAssessment(id: string): Promise<Assessment>;
  getAssessment(id: string): Promise<Assessment>;
  /** The meeting's assessment, or null when there is none. */
  findAssessmentByMeeting(ref: MeetingReference): Promise<Assessment | null>;
  getAssessmentStatus(id: string): Promise<AssessmentStatusSummary>;
  listAssessments(scope: AssessmentScope): Promise<Assessment[]>;
  decideAssessment(id: string, decision: { revision: number; outcome: 'approved' | 'rejected'; comment?: string }): Promise<Assessment>;
}

/** A failed call: the server's error code and message, or `network` when no answer came. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: NonNullable<ApiError['details']> = [],
    /** The whole error body, for answers that carry more than code and message (a 412's current draft). */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

export interface HttpApiOptions {
  /** Origin (and optional path prefix) of the server; '' for the page's own origin. */
  baseUrl: string;
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null
    && typeof (value as ApiError).code === 'string' && typeof (value as ApiError).message === 'string';
}

export async function requestJson<T>(
  fetchImpl: typeof fetch, url: string, init: { method: string; token?: string; body?: unknown; headers?: Record<string, string> },
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: init.method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (cause) {
    throw new ApiRequestError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiRequestError(response.status, 'invalid-response', `${init.method} ${url}: the answer is not JSON (HTTP ${response.status})`);
    }
  }
  if (!response.ok) {
    if (isApiError(parsed)) throw new ApiRequestError(response.status, parsed.code, parsed.message, parsed.details ?? [], parsed);
    throw new ApiRequestError(response.status, `http-${response.status}`, `${init.method} ${url}: HTTP ${response.status}`);
  }
  return parsed as T;
}

/** What every API client of the front-ends is built on: JSON calls with a fresh token, and the pieces for the rest. */
export interface ApiCaller {
  call<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  fetchImpl: typeof fetch;
  /** The API's origin without a trailing slash. */
  base: string;
  /** A path segment, encoded. */
  id(value: string): string;
}

export function apiCaller(options: HttpApiOptions): ApiCaller {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/$/, '');
  return {
    fetchImpl,
    base,
    id: (value) => encodeURIComponent(value),
    call: async <T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> =>
      requestJson<T>(fetchImpl, `${base}${path}`, { method, token: await options.getToken(), body, ...(headers ? { headers } : {}) }),
  };
}

export function createHttpApi(options: HttpApiOptions): MotescheckApi {
  const { call, id } = apiCaller(options);

  return {
    getPublishedPolicy: () => call('GET', '/api/policy'),
    createAssessment: (input) => call('POST', '/api/assessments', input),
    reviseAssessment: (assessmentId, input, revision) => call('PUT', `/api/assessments/${id(assessmentId)}`, { ...input, revision }),
    submitAssessment: (assessmentId, revision) => call('POST', `/api/assessments/${id(assessmentId)}/submit`, { revision }),
    withdrawAssessment: (assessmentId) => call('POST', `/api/assessments/${id(assessmentId)}/withdraw`, {}),
    getAssessment: (assessmentId) => call('GET', `/api/assessments/${id(assessmentId)}`),
    findAssessmentByMeeting: async (ref) => {
      // The server takes exactly one reference; the item's own id is the most specific one here.
      const query = new URLSearchParams();
      if (ref.eventId) query.set('eventId', ref.eventId);
      else if (ref.joinUrlHash) query.set('joinUrlHash', ref.joinUrlHash);
      else if (ref.teamsMeetingId) query.set('teamsMeetingId', ref.teamsMeetingId);
      else return null;
      try {
        // The answer says whether a check exists; the assessment itself only to those who may see it.
        const found = await call<{ exists: boolean; complete: boolean; assessment?: Assessment }>('GET', `/api/assessments/by-meeting?${query.toString()}`);
        return found.assessment ?? null;
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 404) return null;
        throw error;
      }
    },
    getAssessmentStatus: (assessmentId) => call('GET', `/api/assessments/${id(assessmentId)}/status`),
    listAssessments: async (scope) => (await call<{ assessments: Assessment[] }>('GET', `/api/assessments?scope=${scope}`)).assessments,
    decideAssessment: (assessmentId, decision) => call('POST', `/api/assessments/${id(assessmentId)}/decision`, decision),
  };
}
