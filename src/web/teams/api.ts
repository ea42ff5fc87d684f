// The Teams pages' API: the shared client (assessments, published policy) together with the policy
// admin's calls and the meeting tab's calls, one object over one token source.
import { createHttpApi, type HttpApiOptions, type MotescheckApi } from '../shared/api';
import { createMeetingApi, type MeetingApi } from '../shared/meetingApi';
import { createPolicyAdminApi, type PolicyAdminApi } from '../shared/policyApi';
import { createAccountabilityApi, type AccountabilityApi } from './reports/api';

/** The review reminders belong here too: the policy admin's Inställningar shows them. */
export type TeamsApi = MotescheckApi & PolicyAdminApi & MeetingApi & Pick<AccountabilityApi, 'reviewReminders'>;

/** What a page gets: the Teams calls and the accountability calls (reports, audit log, incidents). */
export type TeamsPageApi = TeamsApi & AccountabilityApi;

export function createTeamsApi(options: HttpApiOptions): TeamsPageApi {
  return { ...createHttpApi(options), ...createPolicyAdminApi(options), ...createMeetingApi(options), ...createAccountabilityApi(options) };
}
