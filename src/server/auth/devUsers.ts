// The development organisation: demo users with fixed object ids and their manager relations. Used
// only when MOTESCHECK_DEV is on (config.ts refuses it with NODE_ENV=production). No real people.
import { DEMO_USERS, type DemoUser } from '../../api/demoUsers';

export const DEV_TENANT_ID = 'd0000000-0000-4000-8000-00000000d001';
export const DEV_CLIENT_ID = 'd0000000-0000-4000-8000-00000000c001';

/** The demo users (src/api/demoUsers.ts: the standalone hosts list the same). */
export type DevUser = DemoUser;
export const DEV_USERS = DEMO_USERS;

export function devUser(userId: string): DevUser | undefined {
  return DEV_USERS.find((u) => u.userId === userId);
}

const oidOf = (userId: string) => devUser(userId)!.oid;

/** Both caseworkers report to `manager`; `manager2` is the fallback when a caseworker has no manager. */
export function devApproverConfig() {
  return {
    managers: { [oidOf('caseworker')]: oidOf('manager'), [oidOf('caseworker2')]: oidOf('manager') },
    standIns: [] as { for: string; by: string; from: string; until: string }[],
    fallbackGroup: [oidOf('manager2')],
  };
}
