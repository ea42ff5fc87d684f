// The manager's approval card (Universal Actions, Adaptive Card 1.5). One function gives every view of
// it: the card everyone sees, the approver's view with the buttons, the outcome after a decision, the
// card for a stale revision and the answers to a refused action. Hiding the buttons is not
// authorization: the server checks the actor, the revision and the status on every action.
import type { Assessment } from '../api/contract';
import type { Lang, Policy } from '../policy/types';
import { card, container, run, subCard, uiText, type Action, type AdaptiveCard, type Element, type ExecuteAction } from './adaptive';
import { checklistSection, decisionSection, deviationSection, identitySection, meetingFacts, notice, title, verdictSection } from './sections';
import { STRINGS } from './strings';

/** The `verb`s of the card's `Action.Execute`s, as the bot receives them in `adaptiveCard/action`. */
export const VERBS = { approve: 'approve', reject: 'reject', refresh: 'refresh' } as const;
export type Verb = (typeof VERBS)[keyof typeof VERBS];

/** The id of the rejection comment input: its value arrives in the action's data under this key. */
export const COMMENT_INPUT_ID = 'comment';
/** The longest comment the card accepts; the server must refuse longer ones too. */
export const COMMENT_MAX_LENGTH = 500;

/** What every action on the card carries: the assessment and the revision the approver saw. */
export interface ApprovalActionData { assessmentId: string; revision: number }

/** Why the server refused an action; the card it answers with says so. */
export type Refusal = 'already-decided' | 'not-approver' | 'own-assessment' | 'not-awaiting';

export interface ApprovalCardInput {
  assessment: Assessment;
  /** The policy version the assessment was judged by (labels of types, services and methods). */
  policy: Policy;
  /** Display names looked up from the directory by the caller; never anything about the client. */
  names: { caseworker: string; approver?: string; decidedBy?: string };
  lang: Lang;
  /**
   * Teams user ids of whoever may decide (the approver, a stand-in while standing in): `refresh.userIds`,
   * so that their clients fetch their own view with the buttons. At most 60. Defaults to the
   * assessment's approver.
   */
  approverUserIds?: string[];
  /** The card is for the designated approver (or a stand-in): show the buttons while awaiting approval. */
  viewerIsApprover?: boolean;
  /** The revision on the card the action or refresh came from, when older than the current one. */
  seenRevision?: number;
  /** The server refused the viewer's action. */
  refusal?: Refusal;
  /** A reminder sent because nobody has decided and the meeting is getting close. */
  reminder?: boolean;
  /** The current time, to say when the meeting has already started. */
  now?: string | Date;
}

export function approvalActionData(assessment: Pick<Assessment, 'id' | 'revision'>): ApprovalActionData {
  return { assessmentId: assessment.id, revision: assessment.revision };
}

function execute(verb: Verb, assessment: Assessment, extra: Partial<ExecuteAction> = {}): ExecuteAction {
  return { type: 'Action.Execute', verb, data: { ...approvalActionData(assessment) }, ...extra };
}

function decisionActions(assessment: Assessment, lang: Lang): Action[] {
  const s = STRINGS[lang];
  const rejectCard = subCard([
    {
      type: 'Input.Text',
      id: COMMENT_INPUT_ID,
      label: s.commentLabel,
      placeholder: s.commentPlaceholder,
      isMultiline: true,
      isRequired: true,
      maxLength: COMMENT_MAX_LENGTH,
      errorMessage: s.commentError(COMMENT_MAX_LENGTH),
    },
  ], [execute(VERBS.reject, assessment, { title: s.reject, style: 'destructive', associatedInputs: 'auto' })]);
  return [
    execute(VERBS.approve, assessment, { title: s.approve, style: 'positive', associatedInputs: 'none' }),
    { type: 'Action.ShowCard', title: s.rejectOpen, card: rejectCard },
  ];
}

function refusalText(refusal: Refusal, lang: Lang): string {
  const n = STRINGS[lang].notice;
  switch (refusal) {
    case 'already-decided':
      return n.alreadyDecided;
    case 'not-approver':
      return n.notApprover;
    case 'own-assessment':
      return n.ownAssessment;
    case 'not-awaiting':
      return n.notAwaiting;
  }
}

function hasStarted(assessment: Assessment, now: string | Date | undefined): boolean {
  if (now === undefined) return false;
  return new Date(assessment.start).getTime() <= new Date(now).getTime();
}

export function approvalCard(input: ApprovalCardInput): AdaptiveCard {
  const { assessment, policy, names, lang } = input;
  const s = STRINGS[lang];
  const awaiting = assessment.status === 'awaiting-approval';
  const refusedViewer = input.refusal === 'not-approver' || input.refusal === 'own-assessment';
  const showButtons = awaiting && input.viewerIsApprover === true && !refusedViewer;

  const decided = assessment.status === 'approved' || assessment.status === 'rejected';
  const kind = !awaiting ? (decided ? s.title.decided : s.title.other)
    : input.reminder ? s.title.reminder
    : input.viewerIsApprover && !refusedViewer ? s.title.approver
    : s.title.others;
  const body: Element[] = [...title(kind, policy, assessment, lang)];

  if (input.seenRevision !== undefined && input.seenRevision < assessment.revision) {
    body.push(notice([
      run(`${s.notice.stale[0]} `), run(String(input.seenRevision), { weight: 'bolder' }),
      run(` ${s.notice.stale[1]} `), run(String(assessment.revision), { weight: 'bolder' }), run(s.notice.stale[2]),
    ], 'warning'));
  }
  if (input.refusal) body.push(notice(refusalText(input.refusal, lang), 'attention'));
  if (input.reminder && awaiting) body.push(notice(s.notice.reminder, 'warning'));
  if (awaiting && hasStarted(assessment, input.now)) body.push(notice(s.notice.meetingPassed, 'attention'));

  const explained = s.statusExplained[assessment.status];
  if (assessment.decision && decided) {
    body.push(...decisionSection(assessment.decision, names.decidedBy, lang));
  } else if (explained) {
    body.push(container([uiText(explained)], { style: 'emphasis', spacing: 'medium' }));
  }

  body.push(
    ...meetingFacts(assessment, policy, lang, { caseworker: names.caseworker, approver: names.approver }),
    ...verdictSection(assessment, lang),
    ...deviationSection(assessment, lang),
    ...identitySection(assessment, policy, lang),
    ...checklistSection(assessment, lang),
  );

  const userIds = input.approverUserIds ?? (assessment.approver ? [assessment.approver] : []);
  if (userIds.length > 60) throw new RangeError('refresh.userIds holds at most 60 users');
  return card(body, {
    fallbackText: s.fallback,
    ...(awaiting && userIds.length > 0
      ? { refresh: { action: execute(VERBS.refresh, assessment, { title: s.appName }), userIds } }
      : {}),
    ...(showButtons ? { actions: decisionActions(assessment, lang) } : {}),
  });
}

/** The verb and data of an `adaptiveCard/action` invoke's `value`, checked; null when it is not ours. */
export function parseApprovalAction(value: unknown): { verb: Verb; assessmentId: string; revision: number; comment?: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const action = (value as { action?: unknown }).action;
  if (typeof action !== 'object' || action === null) return null;
  const { type, verb, data } = action as { type?: unknown; verb?: unknown; data?: unknown };
  if (type !== 'Action.Execute' || typeof verb !== 'string' || !Object.values(VERBS).includes(verb as Verb)) return null;
  if (typeof data !== 'object' || data === null) return null;
  const { assessmentId, revision, [COMMENT_INPUT_ID]: comment } = data as Record<string, unknown>;
  if (typeof assessmentId !== 'string' || assessmentId === '') return null;
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 0) return null;
  if (comment !== undefined && typeof comment !== 'string') return null;
  const trimmed = typeof comment === 'string' ? comment.trim() : '';
  return { verb: verb as Verb, assessmentId, revision, ...(trimmed !== '' ? { comment: trimmed } : {}) };
}
