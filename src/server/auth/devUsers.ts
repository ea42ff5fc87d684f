// The development organisation: demo users with fixed object ids and their manager relations. Used
// only when MOTESCHECK_DEV is on (config.ts refuses it with NODE_ENV=production). No real people.
import type { Role } from '../../api/contract';

export const DEV_TENANT_ID = 'd0000000-0000-4000-8000-00000000d001';
export const DEV_CLIENT_ID = 'd0000000-0000-4000-8000-00000000c001';

export interface DevUser { userId: string; oid: string; name: string; roles: Role[] }

export const DEV_USERS: readonly DevUser[] = [
  { userId: 'caseworker', oid: 'd0000000-0000-4000-8000-000000000101', name: 'Demo Handläggare 1', roles: ['Caseworker'] },
  { userId: 'caseworker2', oid: 'd0000000-0000-4000-8000-000000000102', name: 'Demo Handläggare 2', roles: ['Caseworker'] },
  { userId: 'manager', oid: 'd0000000-0000-4000-8000-000000000201', name: 'Demo Chef', roles: ['Manager'] },
  { userId: 'manager2', oid: 'd0000000-0000-4000-8000-000000000202', name: 'Demo Chef (ersättare)', roles: ['Manager'] },
  { userId: 'policyadmin', oid: 'd0000000-0000-4000-8000-000000000301', name: 'Demo Förvaltare', roles: ['PolicyAdmin'] },
  { userId: 'auditor', oid: 'd0000000-0000-4000-8000-000000000401', name: 'Demo Dataskyddsombud', roles: ['Auditor'] },
];

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
