// Starting a Teams page. Inside a Microsoft 365 host (insideTeamsHost) teams-js is imported — only
// then, since it reaches for a CDN when loaded — initialised, and the API token comes by nested app
// auth. In a plain browser the standalone host runs instead: a bar to pick a demo user (the server's
// development sign-in), the language and the theme; teams-js is never loaded.
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEMO_USERS, demoUserName, DevSignIn } from '../shared/auth';
import { readWebConfig, type WebConfig } from '../shared/config';
import { langFromDisplayLanguage, type Lang } from '../shared/i18n';
import { NestedAppAuth } from '../shared/naaAuth';
import { createTeamsApi, type TeamsPageApi } from './api';
import { insideTeamsHost, type TeamsHost, type ThemeName } from './host';
import { StandaloneTeamsHost } from './standaloneHost';
import { teamsText, useText } from './strings';
import { TeamsShell } from './TeamsShell';

export type PageKind = 'personal' | 'meeting' | 'config';

export interface PageServices {
  host: TeamsHost;
  api: TeamsPageApi;
  displayName?: (oid: string) => string | undefined;
}

export type RenderPage = (services: PageServices) => ReactNode;

/** The demo user a standalone page starts as: the one whose role the page is for. */
export function defaultDemoUser(kind: PageKind, pageId: string | null): string {
  if (kind !== 'personal') return 'caseworker';
  return { mine: 'caseworker', approvals: 'manager', settings: 'policyadmin', reports: 'auditor' }[pageId ?? 'mine'] ?? 'caseworker';
}

const useStyles = makeStyles({
  bar: {
    display: 'flex', flexWrap: 'wrap', alignItems: 'end', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground3, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  barTitle: { fontWeight: tokens.fontWeightSemibold, alignSelf: 'center' },
  save: { padding: `0 ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalL}`, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

function StandaloneBar({ userId, onUser, lang, onLang, host }: {
  userId: string; onUser: (id: string) => void; lang: Lang; onLang: (lang: Lang) => void; host: StandaloneTeamsHost;
}) {
  const styles = useStyles();
  const t = useText();
  const theme = useSyncExternalStore((l) => host.onThemeChange(l), () => host.theme());
  return (
    <header className={styles.bar} aria-label={t('standaloneHeading')}>
      <span className={styles.barTitle}>{t('standaloneHeading')}</span>
      <Field label={t('demoUser')} size="small">
        <Select size="small" value={userId} onChange={(_, d) => onUser(d.value)}>
          {DEMO_USERS.map((u) => <option key={u.userId} value={u.userId}>{u.name}</option>)}
        </Select>
      </Field>
      <Field label={t('language')} size="small">
        <Select size="small" value={lang} onChange={(_, d) => onLang(d.value === 'en' ? 'en' : 'sv')}>
          <option value="sv">Svenska</option>
          <option value="en">English</option>
        </Select>
      </Field>
      <Field label={t('theme')} size="small">
        <Select size="small" value={theme} onChange={(_, d) => host.setTheme(d.value as ThemeName)}>
          <option value="light">{t('themeLight')}</option>
          <option value="dark">{t('themeDark')}</option>
          <option value="high-contrast">{t('themeContrast')}</option>
        </Select>
      </Field>
    </header>
  );
}

/** The configuration page's Save, which Teams draws outside the page: here a button under it. */
function StandaloneSave({ host }: { host: StandaloneTeamsHost }) {
  const styles = useStyles();
  const t = useText();
  const valid = useSyncExternalStore(host.subscribe, () => host.valid);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className={styles.save}>
      <Button appearance="primary" disabled={!valid} onClick={() => setSaved(host.save().contentUrl)}>{t('standaloneSave')}</Button>
      {saved && <MessageBar intent="success"><MessageBarBody>{t('configSaved', { url: saved })}</MessageBarBody></MessageBar>}
    </div>
  );
}

export function StandaloneFrame({ kind, host, config, render, initialUser, initialLang }: {
  kind: PageKind; host: StandaloneTeamsHost; config: WebConfig; render: RenderPage; initialUser: string; initialLang: Lang;
}) {
  const [userId, setUserId] = useState(initialUser);
  const [lang, setLang] = useState<Lang>(initialLang);
  const auth = useMemo(() => new DevSignIn({ baseUrl: config.apiBaseUrl, userId: initialUser }), [config.apiBaseUrl, initialUser]);
  const api = useMemo(() => createTeamsApi({ baseUrl: config.apiBaseUrl, getToken: () => auth.getToken() }), [auth, config.apiBaseUrl]);
  const switchUser = (next: string) => {
    auth.switchUser(next);
    setUserId(next);
  };
  return (
    <TeamsShell host={host} lang={lang}>
      <StandaloneBar userId={userId} onUser={switchUser} lang={lang} onLang={setLang} host={host} />
      <div key={userId}>{render({ host, api, displayName: demoUserName })}</div>
      {kind === 'config' && <StandaloneSave host={host} />}
    </TeamsShell>
  );
}

export async function boot(kind: PageKind, render: RenderPage): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('the page has no #root element');
  const root = createRoot(container);
  const config = readWebConfig();

  if (!insideTeamsHost(window)) {
    const host = new StandaloneTeamsHost({ page: kind, search: location.search, forcedColors: window.matchMedia?.('(forced-colors: active)').matches === true });
    const q = new URLSearchParams(location.search);
    const initialUser = q.get('user') ?? defaultDemoUser(kind, host.context().pageId);
    root.render(
      <StandaloneFrame
        kind={kind} host={host} config={config} render={render} initialUser={initialUser}
        initialLang={langFromDisplayLanguage(host.context().locale)}
      />,
    );
    return;
  }

  try {
    const teams = await import(/* webpackChunkName: "teams-js" */ '@microsoft/teams-js');
    const { createTeamsJsHost } = await import(/* webpackChunkName: "teams-host" */ './teamsJsHost');
    const host = await createTeamsJsHost(teams);
    const auth = new NestedAppAuth({ clientId: config.clientId, scopes: [config.apiScope] });
    const api = createTeamsApi({ baseUrl: config.apiBaseUrl, getToken: () => auth.getToken() });
    root.render(
      <TeamsShell host={host} lang={langFromDisplayLanguage(host.context().locale)}>
        {render({ host, api })}
      </TeamsShell>,
    );
  } catch (error) {
    // Without the host nothing works; say so in the page rather than leave it blank.
    const lang = langFromDisplayLanguage(navigator.language);
    container.textContent = teamsText(lang)('errorLoad', { message: error instanceof Error ? error.message : String(error) });
  }
}
