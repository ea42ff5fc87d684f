// The task pane in a plain browser: the stand-in appointment form beside the pane, signed in through
// the server's development sign-in with a demo-user switcher. Loaded only when there is no Outlook.
import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState, useSyncExternalStore } from 'react';
import type { Root } from 'react-dom/client';
import { createHttpApi } from '../../shared/api';
import { DEMO_USERS, demoUserName, DevSignIn } from '../../shared/auth';
import { AppShell } from '../../shared/components/AppShell';
import type { WebConfig } from '../../shared/config';
import { langFromDisplayLanguage, useI18n } from '../../shared/i18n';
import { initialAppointment, StandaloneAppointmentForm, StandaloneItem } from './standaloneHost';
import { TaskPane } from './TaskPane';

const useStyles = makeStyles({
  page: {
    display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground2, minHeight: '100vh', boxSizing: 'border-box',
  },
  appointment: {
    flex: '1 1 360px', maxWidth: '560px', padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium,
  },
  pane: {
    flex: '0 0 360px', width: '360px', backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
  },
  signIn: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0` },
});

function SignInSwitcher({ userId, onChange }: { userId: string; onChange: (userId: string) => void }) {
  const { t } = useI18n();
  return (
    <Field label={t('signInAs')}>
      <Select value={userId} onChange={(_, d) => onChange(d.value)}>
        {DEMO_USERS.map((u) => <option key={u.userId} value={u.userId}>{u.name}</option>)}
      </Select>
    </Field>
  );
}

export function StandalonePage({ item, config, initialUser }: { item: StandaloneItem; config: WebConfig; initialUser: string }) {
  const styles = useStyles();
  const appointment = useSyncExternalStore(item.subscribe, () => item.current);
  const [userId, setUserId] = useState(initialUser);
  const auth = useMemo(() => new DevSignIn({ baseUrl: config.apiBaseUrl, userId: initialUser }), [config.apiBaseUrl, initialUser]);
  const api = useMemo(() => createHttpApi({ baseUrl: config.apiBaseUrl, getToken: () => auth.getToken() }), [auth, config.apiBaseUrl]);
  const switchUser = (next: string) => {
    auth.switchUser(next);
    setUserId(next);
  };

  return (
    <AppShell lang={langFromDisplayLanguage(appointment.displayLanguage)} theme={item.highContrast() ? 'high-contrast' : 'light'}>
      <div className={styles.page}>
        <div className={styles.appointment}>
          <StandaloneAppointmentForm item={item} />
        </div>
        <div className={styles.pane}>
          <div className={styles.signIn}>
            <SignInSwitcher userId={userId} onChange={switchUser} />
          </div>
          <TaskPane key={userId} host={item} api={api} displayName={demoUserName} />
        </div>
      </div>
    </AppShell>
  );
}

export function renderStandalone(root: Root, config: WebConfig): void {
  const search = new URLSearchParams(location.search);
  const item = new StandaloneItem(initialAppointment(search));
  root.render(<StandalonePage item={item} config={config} initialUser={search.get('user') ?? DEMO_USERS[0]!.userId} />);
}
