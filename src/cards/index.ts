// Adaptive cards and bot messages of Mötescheck: pure functions from records (plus directory display
// names) to Adaptive Card 1.5 JSON, in Swedish and English. No IO; imports only the policy core and
// the API contract's types.
export type { AdaptiveCard, Action, Element, ExecuteAction } from './adaptive';
export { CARD_VERSION, literal } from './adaptive';
export {
  approvalCard, approvalActionData, parseApprovalAction, VERBS, COMMENT_INPUT_ID, COMMENT_MAX_LENGTH,
  type ApprovalCardInput, type ApprovalActionData, type Refusal, type Verb,
} from './approval';
export {
  outcomeNotificationCard, needsRecheckCard, pendingWarningCard, myAssessmentsCard, isOpen,
  type OutcomeNotificationInput, type NeedsRecheckInput, type PendingWarningInput, type MyAssessmentsInput,
} from './caseworker';
export { pendingListCards, type PendingItem, type PendingListInput } from './pending';
export { reviewReminderCard, reminderKey, type ReviewReminderCardInput } from './review';
export { uncheckedMeetingCard, type UncheckedMeetingCardInput } from './unchecked';
export { greetingText, helpText, parseCommand, type BotCommand } from './messages';
export { formatDateTime, formatShortDateTime, formatCalendarDate } from './format';
export type { RecheckCause, UncheckedAudience } from './strings';
