// Every card the bot sends or answers with, in one language: the list the validation, rendering and
// screenshot checks all go through.
import type { Lang } from '../../src/policy';
import {
  approvalCard, myAssessmentsCard, needsRecheckCard, outcomeNotificationCard, pendingListCards, pendingWarningCard, reviewReminderCard,
  uncheckedMeetingCard, type AdaptiveCard,
} from '../../src/cards';
import {
  APPROVER_USER_IDS, decided, EVENT_URL, FINDING, hostilePolicy, HOSTILE_TEXT, makeAssessment, NAMES, NOW, POLICY, REMINDERS, SETTINGS_URL,
} from './fixtures';

export function scenarios(lang: Lang): { name: string; card: AdaptiveCard }[] {
  const pending = makeAssessment();
  const approverView = { assessment: pending, policy: POLICY, names: { caseworker: NAMES.caseworker, approver: NAMES.approver }, lang, approverUserIds: APPROVER_USER_IDS, now: NOW };
  const hostile = hostilePolicy();
  const list = [
    { name: 'approval, approver view', card: approvalCard({ ...approverView, viewerIsApprover: true }) },
    { name: 'approval, everyone else', card: approvalCard(approverView) },
    { name: 'approval, reminder', card: approvalCard({ ...approverView, viewerIsApprover: true, reminder: true }) },
    {
      name: 'approval, physical meeting',
      card: approvalCard({ ...approverView, viewerIsApprover: true, assessment: makeAssessment({ mode: 'physical', meetingTypeId: 'skyddsbedomning-barn', needs: [] }) }),
    },
    {
      name: 'approval, recurring series with an e-ID service',
      card: approvalCard({
        ...approverView, viewerIsApprover: true,
        assessment: makeAssessment({ meetingTypeId: 'uppfoljning-placering', serviceId: 'eid-videotjanst', needs: ['barn-deltar', 'ny-motpart'], seriesEnd: '2026-09-01T08:00:00Z' }),
      }),
    },
    { name: 'approved, outcome', card: approvalCard({ ...approverView, assessment: decided('approved', 'Går bra. Följ villkoren i avsteget.'), names: { caseworker: NAMES.caseworker, decidedBy: NAMES.standIn } }) },
    { name: 'rejected, outcome', card: approvalCard({ ...approverView, assessment: decided('rejected', 'Välj den e-legitimerade tjänsten i stället.'), names: { caseworker: NAMES.caseworker, decidedBy: NAMES.approver } }) },
    { name: 'stale revision', card: approvalCard({ ...approverView, viewerIsApprover: true, assessment: makeAssessment({ revision: 3 }), seenRevision: 2 }) },
    { name: 'already decided', card: approvalCard({ ...approverView, viewerIsApprover: true, assessment: decided('approved'), names: { caseworker: NAMES.caseworker, decidedBy: NAMES.approver }, refusal: 'already-decided' }) },
    { name: 'own assessment refused', card: approvalCard({ ...approverView, viewerIsApprover: true, refusal: 'own-assessment' }) },
    { name: 'withdrawn', card: approvalCard({ ...approverView, viewerIsApprover: true, assessment: makeAssessment({ status: 'withdrawn' }) }) },
    {
      name: 'hostile record text',
      card: approvalCard({
        ...approverView,
        policy: hostile,
        assessment: decided('rejected', `Nej. ${HOSTILE_TEXT}`, { policy: hostile }),
        names: { caseworker: `Kim ${HOSTILE_TEXT}`, approver: `Alex ${HOSTILE_TEXT}`, decidedBy: `Robin ${HOSTILE_TEXT}` },
      }),
    },
    { name: 'outcome to caseworker, approved', card: outcomeNotificationCard({ assessment: decided('approved', 'Går bra.'), policy: POLICY, names: { decidedBy: NAMES.approver }, lang, openUrl: 'https://motescheck.example.se/app/assessments/asmt-0001' }) },
    { name: 'outcome to caseworker, rejected', card: outcomeNotificationCard({ assessment: decided('rejected', 'Välj den e-legitimerade tjänsten i stället.'), policy: POLICY, names: { decidedBy: NAMES.approver }, lang }) },
    { name: 'needs recheck', card: needsRecheckCard({ assessment: makeAssessment({ status: 'needs-recheck', revision: 3 }), policy: POLICY, lang, cause: 'policy-published' }) },
    { name: 'pending warning', card: pendingWarningCard({ assessment: pending, policy: POLICY, names: { approver: NAMES.approver }, lang }) },
    {
      name: 'mina',
      card: myAssessmentsCard({
        lang, now: NOW,
        items: [
          { assessment: pending, policy: POLICY },
          { assessment: decided('rejected', 'Välj den e-legitimerade tjänsten i stället.', { id: 'asmt-0002', start: '2026-06-12T12:30:00Z' }), policy: POLICY },
          { assessment: makeAssessment({ id: 'asmt-0003', status: 'ready', meetingTypeId: 'informationsmote', needs: [], start: '2026-06-20T07:00:00Z' }), policy: POLICY },
        ],
      }),
    },
    { name: 'mina, none open', card: myAssessmentsCard({ lang, now: NOW, items: [] }) },
    { name: 'pending list, empty', card: pendingListCards({ items: [], lang })[0]! },
    {
      name: 'pending list, more than fit',
      card: pendingListCards({ lang, max: 1, items: [1, 2, 3].map((n) => ({ assessment: makeAssessment({ id: `asmt-000${n}` }), policy: POLICY, names: { caseworker: NAMES.caseworker } })) }).at(-1)!,
    },
    {
      name: 'review reminders to the policy admin',
      card: reviewReminderCard({ reminders: REMINDERS, policy: POLICY, lang, newKeys: ['deviation-expiry:avsteg-teams-utredning'], openUrl: SETTINGS_URL }),
    },
    {
      name: 'review reminder, a service the policy no longer has',
      card: reviewReminderCard({ reminders: [{ ...REMINDERS[0]!, id: 'borttagen-tjanst', serviceId: 'borttagen-tjanst' }], policy: POLICY, lang }),
    },
    { name: 'unchecked meeting, to the caseworker', card: uncheckedMeetingCard({ finding: FINDING, audience: 'caseworker', names: {}, lang, eventUrl: EVENT_URL }) },
    {
      name: 'unchecked meeting, to the manager',
      card: uncheckedMeetingCard({ finding: { ...FINDING, problem: 'check-incomplete', assessmentId: 'asmt-0001' }, audience: 'manager', names: { caseworker: NAMES.caseworker }, lang, eventUrl: EVENT_URL }),
    },
  ];
  return list;
}
