// Where a submitted assessment stands: awaiting approval, approved (by whom, when), rejected (with the
// comment), ready, withdrawn or needing a re-check.
import { Body1, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { Assessment, AssessmentStatus } from '../../../api/contract';
import { useI18n, type StringKey } from '../i18n';

export interface StatusViewProps {
  assessment: Assessment;
  /** Resolves an approver's object id to a display name, where the host can look one up. */
  displayName?: (oid: string) => string | undefined;
}

const INTENT: Record<AssessmentStatus, 'success' | 'warning' | 'error' | 'info'> = {
  draft: 'info',
  'awaiting-approval': 'info',
  approved: 'success',
  rejected: 'error',
  ready: 'success',
  withdrawn: 'warning',
  'needs-recheck': 'warning',
};

const TITLE: Record<Exclude<AssessmentStatus, 'approved' | 'rejected'>, StringKey> = {
  draft: 'statusDraft',
  'awaiting-approval': 'statusAwaiting',
  ready: 'statusReady',
  withdrawn: 'statusWithdrawn',
  'needs-recheck': 'statusNeedsRecheck',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

export function StatusView({ assessment, displayName }: StatusViewProps) {
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  const { status, decision } = assessment;
  let title: string;
  if ((status === 'approved' || status === 'rejected') && decision) {
    const by = displayName?.(decision.by) ?? decision.by;
    title = t(status === 'approved' ? 'statusApproved' : 'statusRejected', { by, at: dateTime(decision.at) });
  } else if (status === 'approved' || status === 'rejected') {
    title = t(status === 'approved' ? 'statusApproved' : 'statusRejected', { by: '–', at: '–' });
  } else {
    title = t(TITLE[status]);
  }

  return (
    <div className={styles.root} role="status" aria-live="polite">
      <MessageBar intent={INTENT[status]} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {status === 'rejected' && decision?.comment && <Body1>{t('statusRejectedComment', { comment: decision.comment })}</Body1>}
          {assessment.notClientMeeting && <div>{t('statusNotClientMeeting')}</div>}
        </MessageBarBody>
      </MessageBar>
      <Caption1>{t('statusRevision', { revision: assessment.revision })}</Caption1>
    </div>
  );
}
