// The calls a meeting surface makes (src/api/contract.ts): find the meeting's check — a participant who
// may not read it learns only that it exists and whether it is complete — and record, at meeting start,
// the checklist confirmations and the identity checks (method and counterpart number, nothing else).
import type { Assessment, MeetingLookup } from '../../api/contract';
import { ApiRequestError, apiCaller, type HttpApiOptions } from './api';

/** What the server says about a meeting's check. `assessment` only for those who may read it. */
export type MeetingCheck =
  | { exists: false }
  | { exists: true; complete: boolean; assessment?: Assessment };

export interface MeetingApi {
  findMeetingCheck(ref: MeetingLookup): Promise<MeetingCheck>;
  confirmChecklistItem(id: string, itemId: string, confirmed: boolean): Promise<Assessment>;
  recordIdentityCheck(id: string, check: { methodId: string; counterpart: number }): Promise<Assessment>;
}

export function createMeetingApi(options: HttpApiOptions): MeetingApi {
  const { call, id } = apiCaller(options);

  return {
    findMeetingCheck: async (ref) => {
      // The server takes exactly one reference; the most specific one known is asked for.
      const query = new URLSearchParams();
      if (ref.teamsMeetingId || ref.teamsChatId) {
        if (ref.teamsMeetingId) query.set('teamsMeetingId', ref.teamsMeetingId);
        if (ref.teamsChatId) query.set('teamsChatId', ref.teamsChatId);
      } else if (ref.joinUrlHash) query.set('joinUrlHash', ref.joinUrlHash);
      else if (ref.eventId) query.set('eventId', ref.eventId);
      else return { exists: false };
      try {
        const found = await call<{ exists: true; complete: boolean; assessment?: Assessment }>('GET', `/api/assessments/by-meeting?${query.toString()}`);
        return found.assessment
          ? { exists: true, complete: found.complete, assessment: found.assessment }
          : { exists: true, complete: found.complete };
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 404) return { exists: false };
        throw error;
      }
    },
    confirmChecklistItem: (assessmentId, itemId, confirmed) =>
      call('POST', `/api/assessments/${id(assessmentId)}/checklist`, { itemId, confirmed }),
    recordIdentityCheck: (assessmentId, check) =>
      call('POST', `/api/assessments/${id(assessmentId)}/identity-checks`, check),
  };
}
