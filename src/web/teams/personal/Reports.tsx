// *Rapporter*: the auditor's tab (src/web/teams/reports/ReportsTab.tsx) — the reports with CSV/JSON
// export and review reminders, the incident register, the audit log with its chain verified and each
// meeting's printable record. Without the accountability calls (a page given only the Teams calls)
// it shows what an auditor can read from those: the policy's version history.
import { Body1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle1, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Policy } from '../../../policy/types';
import type { MotescheckApi } from '../../shared/api';
import type { PolicyAdminApi } from '../../shared/policyApi';
import type { AccountabilityApi } from '../reports/api';
import { ReportsTab, type ReportsTabApi } from '../reports/ReportsTab';
import { VersionHistory } from '../settings/panels';
import { useText } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '820px' },
});

export interface ReportsProps {
  api: Pick<PolicyAdminApi, 'versions' | 'version' | 'diff'> & Pick<MotescheckApi, 'listAssessments'>;
  accountability?: AccountabilityApi;
  policy?: Policy | null;
  displayName?: (oid: string) => string | undefined;
  now?: () => number;
}

export function Reports({ api, accountability, policy = null, displayName, now }: ReportsProps) {
  const styles = useStyles();
  const t = useText();
  const merged = useMemo<ReportsTabApi | null>(() => (accountability ? {
    ...accountability, versions: api.versions, version: api.version, diff: api.diff, listAssessments: api.listAssessments,
  } : null), [api, accountability]);
  if (merged) return <ReportsTab api={merged} policy={policy} displayName={displayName} {...(now ? { now } : {})} />;
  return (
    <section className={styles.root} aria-labelledby="reports-heading">
      <Subtitle1 as="h1" id="reports-heading">{t('reportsHeading')}</Subtitle1>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('reportsComingTitle')}</MessageBarTitle>
          <Body1>{t('reportsComing')}</Body1>
        </MessageBarBody>
      </MessageBar>
      <VersionHistory api={api} refreshKey={0} labels={null} displayName={displayName} />
    </section>
  );
}
