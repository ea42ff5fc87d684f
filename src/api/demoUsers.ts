// The development organisation: demo users with fixed object ids. The server's local issuer signs tokens
// for these user ids only, and only with MOTESCHECK_DEV (src/server/auth/devUsers.ts); the standalone
// hosts offer them in their user switcher. No real people.
import type { Role } from './contract';

export interface DemoUser { userId: string; oid: string; name: string; roles: Role[] }

export const DEMO_USERS: readonly DemoUser[] = [
  { userId: 'caseworker', oid: 'd0000000-0000-4000-8000-000000000101', name: 'Demo Handläggare 1', roles: ['Caseworker'] },
  { userId: 'caseworker2', oid: 'd0000000-0000-4000-8000-000000000102', name: 'Demo Handläggare 2', roles: ['Caseworker'] },
  { userId: 'manager', oid: 'd0000000-0000-4000-8000-000000000201', name: 'Demo Chef', roles: ['Manager'] },
  { userId: 'manager2', oid: 'd0000000-0000-4000-8000-000000000202', name: 'Demo Chef (ersättare)', roles: ['Manager'] },
  { userId: 'policyadmin', oid: 'd0000000-0000-4000-8000-000000000301', name: 'Demo Förvaltare', roles: ['PolicyAdmin'] },
  { userId: 'auditor', oid: 'd0000000-0000-4000-8000-000000000401', name: 'Demo Dataskyddsombud', roles: ['Auditor'] },
];
