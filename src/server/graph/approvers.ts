// The approver from the directory: the organizer's manager (GET /users/{id}/manager) plus whoever is
// configured to stand in for that manager on the date, or the configured fallback group when the
// directory names no manager. Same interface as the configuration-only resolver (approvers.ts).
import type { ApproverConfig } from '../config';
import type { ApproverResolver } from '../deps';
import type { Directory } from './directory';

export function graphApproverResolver(directory: Pick<Directory, 'manager'>, config: Pick<ApproverConfig, 'standIns' | 'fallbackGroup'>): ApproverResolver {
  return {
    async resolve(organizer, date) {
      const manager = await directory.manager(organizer);
      const candidates = manager
        ? [manager, ...config.standIns.filter((s) => s.for === manager && s.from <= date && date <= s.until).map((s) => s.by)]
        : [...config.fallbackGroup];
      // A caseworker never approves their own assessment, even as a manager, stand-in or group member.
      return { approvers: [...new Set(candidates)].filter((oid) => oid !== organizer) };
    },
  };
}
