// The personal tabs. Inside Teams each static tab is its own entry (the context's page id says which);
// in the standalone host a tab list switches between them. Each tab is for one role: the roles come
// from the API's token (GET /api/me), and someone without the role sees why — the server decides
// access either way, hiding a tab is not authorization.
import {
  Body1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList, tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { PublishedPolicy, Role } from '../../../api/contract';
import { stockholmDate } from '../../../policy/dates';
import type { TeamsApi } from '../api';
import type { AccountabilityApi } from '../reports/api';
import { errorMessage } from '../format';
import { PERSONAL_TABS, type PersonalTab, type TeamsHost } from '../host';
import { useText, type TeamsText, type TextKey } from '../strings';
import { Approvals } from './Approvals';
import { MyAssessments } from './MyAssessments';
import { Reports } from './Reports';

const SettingsTab = lazy(() => import(/* webpackChunkName: "settings" */ '../settings/SettingsTab').then((m) => ({ default: m.SettingsTab })));

export type PersonalApi = Pick<TeamsApi,
  | 'me' | 'getPublishedPolicy' | 'listAssessments' | 'getAssessment' | 'withdrawAssessment' | 'createAssessment' | 'reviseAssessment'
  | 'submitAssessment' | 'decideAssessment' | 'getDraft' | 'saveDraft' | 'preview' | 'publish' | 'versions' | 'version' | 'diff' | 'reviewReminders'>;

export interface PersonalAppProps {
  host: Pick<TeamsHost, 'kind' | 'context'>;
  api: PersonalApi;
  /** The reports, audit log and incident register for Rapporter (createTeamsApi gives them). */
  accountability?: AccountabilityApi;
  displayName?: (oid: string) => string | undefined;
  now?: () => number;
}

const TAB_ROLE: Record<PersonalTab, Role> = { mine: 'Caseworker', approvals: 'Manager', settings: 'PolicyAdmin', reports: 'Auditor' };
const TAB_NAME: Record<PersonalTab, TextKey> = { mine: 'tabMine', approvals: 'tabApprovals', settings: 'tabSettings', reports: 'tabReports' };
const ROLE_NAME: Record<Role, TextKey> = { Caseworker: 'roleCaseworker', Manager: 'roleManager', PolicyAdmin: 'rolePolicyAdmin', Auditor: 'roleAuditor' };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
});

function roleList(roles: readonly string[], t: TeamsText): string {
  const named = roles.filter((r): r is Role => r in ROLE_NAME).map((r) => t(ROLE_NAME[r]));
  return named.length > 0 ? named.join(', ') : t('noRoles');
}

export function PersonalApp({ host, api, accountability, displayName, now = Date.now }: PersonalAppProps) {
  const styles = useStyles();
  const t = useText();
  const context = host.context();
  const [tab, setTab] = useState<PersonalTab>(() => (PERSONAL_TABS as readonly string[]).includes(context.pageId ?? '') ? context.pageId as PersonalTab : 'mine');
  const [roles, setRoles] = useState<string[] | null>(null);
  const [policy, setPolicy] = useState<PublishedPolicy | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.me(), api.getPublishedPolicy()]).then(([me, published]) => {
      if (cancelled) return;
      setRoles(me.roles);
      setPolicy(published);
    }, (e: unknown) => { if (!cancelled) setError(t('errorLoad', { message: errorMessage(e) })); });
    return () => { cancelled = true; };
  }, [api, t]);

  let body;
  if (error) {
    body = <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  } else if (!roles || !policy) {
    body = <Spinner label={t('loading')} />;
  } else if (!roles.includes(TAB_ROLE[tab])) {
    body = (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('needsRoleTitle')}</MessageBarTitle>
          <Body1 as="p">{t('needsRole', { tab: t(TAB_NAME[tab]), role: t(ROLE_NAME[TAB_ROLE[tab]]), roles: roleList(roles, t) })}</Body1>
          {tab === 'settings' && <Body1 as="p">{t('needsRoleSettings')}</Body1>}
        </MessageBarBody>
      </MessageBar>
    );
  } else if (tab === 'mine') {
    body = <MyAssessments api={api} policy={policy.policy} initialId={context.pageId === 'mine' ? context.subPageId : null} displayName={displayName} />;
  } else if (tab === 'approvals') {
    body = <Approvals api={api} policy={policy.policy} displayName={displayName} now={now} />;
  } else if (tab === 'settings') {
    body = (
      <Suspense fallback={<Spinner label={t('loading')} />}>
        <SettingsTab api={api} today={stockholmDate(new Date(now()))} displayName={displayName} />
      </Suspense>
    );
  } else {
    body = <Reports api={api} accountability={accountability} policy={policy.policy} displayName={displayName} now={now} />;
  }

  return (
    <main className={styles.root}>
      {host.kind === 'standalone' && (
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as PersonalTab)} aria-label={t('tabsLabel')}>
          {PERSONAL_TABS.map((name) => <Tab key={name} value={name}>{t(TAB_NAME[name])}</Tab>)}
        </TabList>
      )}
      {body}
    </main>
  );
}
