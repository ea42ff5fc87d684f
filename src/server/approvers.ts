// The approver from configuration: the organizer's manager plus their stand-ins on the date, or the
// fallback group when the organizer has no manager. The Graph-backed resolver (approvals issue)
// implements the same interface.
import type { ApproverConfig } from './config';
import type { ApproverResolver } from './deps';

export function configApproverResolver(config: ApproverConfig): ApproverResolver {
  return {
    async resolve(organizer, date) {
      const manager = config.managers[organizer];
      const candidates = manager
        ? [manager, ...config.standIns.filter((s) => s.for === manager && s.from <= date && date <= s.until).map((s) => s.by)]
        : [...config.fallbackGroup];
      // A caseworker never approves their own assessment, even as a manager or stand-in.
      return { approvers: [...new Set(candidates)].filter((oid) => oid !== organizer) };
    },
  };
}
