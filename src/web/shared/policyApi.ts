// The policy admin's calls (src/api/contract.ts): the draft guarded by its ETag, validation, a preview
// against an unsaved document, publishing with a change note, versions and their diff. A save that
// lost the race (412) becomes DraftConflict carrying the draft that won, so nothing is silently lost.
import type { PolicyDraft, PublishedPolicy, ValidationIssue } from '../../api/contract';
import type { EvaluationRequest, Verdict } from '../../policy/types';
import { ApiRequestError, apiCaller, type HttpApiOptions } from './api';

export interface PolicyVersionSummary { number: number; hash: string; publishedAt: string; publishedBy: string; changeNote: string }

/** One difference between two policies; arrays of entries with ids are matched by id (`$.services[id=teams].label`). */
export type { PolicyChange } from '../../policy/diff';
import type { PolicyChange } from '../../policy/diff';

export interface PolicyDiff {
  from: { version: number; hash: string };
  to: { version: number; hash: string };
  changes: PolicyChange[];
}

export interface PublishResult extends PublishedPolicy {
  /** Open assessments the new version was checked against, and those it sent to re-check. */
  recheck: { checked: number; needsRecheck: string[] };
}

export interface Me { oid: string; tid: string; roles: string[] }

export interface PolicyAdminApi {
  me(): Promise<Me>;
  getDraft(): Promise<PolicyDraft>;
  /** Rejects with DraftConflict when the draft changed since `etag`. */
  saveDraft(policy: unknown, etag: string): Promise<PolicyDraft>;
  validate(policy: unknown): Promise<{ valid: boolean; errors: ValidationIssue[]; warnings: ValidationIssue[] }>;
  /** Evaluates a sample meeting against `policy` (the unsaved edit), or the saved draft when absent. */
  preview(request: EvaluationRequest, policy?: unknown): Promise<{ verdict: Verdict; warnings: ValidationIssue[] }>;
  publish(changeNote: string, etag: string): Promise<PublishResult>;
  versions(): Promise<PolicyVersionSummary[]>;
  version(number: number): Promise<PublishedPolicy>;
  diff(from: number, to: number): Promise<PolicyDiff>;
}

/** Someone else saved the draft first: `current` is theirs, as it stands now. */
export class DraftConflict extends Error {
  override readonly name = 'DraftConflict';
  constructor(readonly current: PolicyDraft, message: string) {
    super(message);
  }
}

function isDraft(value: unknown): value is PolicyDraft {
  return typeof value === 'object' && value !== null && typeof (value as PolicyDraft).etag === 'string' && 'policy' in value;
}

export function createPolicyAdminApi(options: HttpApiOptions): PolicyAdminApi {
  const { call } = apiCaller(options);

  return {
    me: () => call('GET', '/api/me'),
    getDraft: () => call('GET', '/api/policy/draft'),
    saveDraft: async (policy, etag) => {
      try {
        return await call<PolicyDraft>('PUT', '/api/policy/draft', { policy }, { 'if-match': etag });
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 412) {
          const current = (error.body as { current?: unknown } | undefined)?.current;
          if (isDraft(current)) throw new DraftConflict(current, error.message);
        }
        throw error;
      }
    },
    validate: (policy) => call('POST', '/api/policy/validate', { policy }),
    preview: (request, policy) => call('POST', '/api/policy/preview', policy === undefined ? { request } : { policy, request }),
    publish: async (changeNote, etag) => {
      try {
        return await call<PublishResult>('POST', '/api/policy/publish', { changeNote, etag });
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 412) {
          const current = (error.body as { current?: unknown } | undefined)?.current;
          if (isDraft(current)) throw new DraftConflict(current, error.message);
        }
        throw error;
      }
    },
    versions: async () => (await call<{ versions: PolicyVersionSummary[] }>('GET', '/api/policy/versions')).versions,
    version: (number) => call('GET', `/api/policy/versions/${number}`),
    diff: (from, to) => call('GET', `/api/policy/diff?from=${from}&to=${to}`),
  };
}
