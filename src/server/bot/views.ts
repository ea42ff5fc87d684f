// Card views for the bot and the outbox: the assessment, the policy version it was judged by and staff
// display names go into the pure builders of src/cards. Nothing about the client is ever looked up.
import type { Assessment } from '../../api/contract';
import {
  approvalCard, needsRecheckCard, outcomeNotificationCard, pendingWarningCard,
  type AdaptiveCard, type ApprovalCardInput, type Refusal,
} from '../../cards';
import { card, uiText } from '../../cards/adaptive';
import { STRINGS } from '../../cards/strings';
import type { Lang, Policy } from '../../policy/types';
import type { Directory } from '../graph/directory';
import type { PolicyService } from '../services/policy';

export const langOf = (locale: string | null | undefined, fallback: Lang): Lang =>
  !locale ? fallback : locale.toLowerCase().startsWith('sv') ? 'sv' : locale.toLowerCase().startsWith('en') ? 'en' : fallback;

export class CardViews {
  constructor(private readonly policyService: Pick<PolicyService, 'version'>, private readonly directory: Pick<Directory, 'displayName'>) {}

  /** The policy version an assessment was judged by (PolicyService keeps each version once read). */
  async policy(number: number): Promise<Policy> {
    return (await this.policyService.version(number)).policy;
  }

  /** Staff display names for a card: the caseworker, the designated approver and who decided. */
  async names(a: Assessment) {
    const [caseworker, approver, decidedBy] = await Promise.all([
      this.directory.displayName(a.organizer),
      a.approver ? this.directory.displayName(a.approver) : Promise.resolve(undefined),
      a.decision ? this.directory.displayName(a.decision.by) : Promise.resolve(undefined),
    ]);
    return { caseworker, ...(approver !== undefined ? { approver } : {}), ...(decidedBy !== undefined ? { decidedBy } : {}) };
  }

  async approval(a: Assessment, lang: Lang, view: Omit<ApprovalCardInput, 'assessment' | 'policy' | 'names' | 'lang'>): Promise<AdaptiveCard> {
    return approvalCard({ assessment: a, policy: await this.policy(a.policyNumber), names: await this.names(a), lang, ...view });
  }

  async outcome(a: Assessment, lang: Lang): Promise<AdaptiveCard> {
    return outcomeNotificationCard({ assessment: a, policy: await this.policy(a.policyNumber), names: { ...(a.decision ? { decidedBy: await this.directory.displayName(a.decision.by) } : {}) }, lang });
  }

  async recheck(a: Assessment, lang: Lang): Promise<AdaptiveCard> {
    return needsRecheckCard({ assessment: a, policy: await this.policy(a.policyNumber), lang });
  }

  async pendingWarning(a: Assessment, lang: Lang): Promise<AdaptiveCard> {
    const approver = a.approver ? await this.directory.displayName(a.approver) : undefined;
    return pendingWarningCard({ assessment: a, policy: await this.policy(a.policyNumber), names: approver !== undefined ? { approver } : {}, lang });
  }
}

/**
 * The answer to someone who may not read the assessment at all: the refusal alone, without the
 * meeting's facts (who sees what: only the caseworker, the approvers and auditors read a check).
 */
export function refusalOnlyCard(refusal: Refusal, lang: Lang): AdaptiveCard {
  const s = STRINGS[lang];
  const text = refusal === 'own-assessment' ? s.notice.ownAssessment : s.notice.notApprover;
  return card([uiText(s.appName, { weight: 'bolder' }), uiText(text, { spacing: 'small' })], { fallbackText: text });
}
