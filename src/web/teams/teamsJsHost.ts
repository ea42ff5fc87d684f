// The host adapter over teams-js, for Teams, Outlook and the Microsoft 365 app. It takes the teams-js
// module as a parameter (narrowed to what it calls), so a test fakes it in a few lines and the pages
// import teams-js lazily, only once insideTeamsHost() has said there is a host to talk to.
import type * as TeamsJs from '@microsoft/teams-js';
import { themeFromHost, type HostContext, type TabConfig, type TeamsHost, type ThemeName } from './host';

export type TeamsJsModule = {
  app: Pick<typeof TeamsJs.app, 'initialize' | 'getContext' | 'registerOnThemeChangeHandler'>;
  pages: {
    navigateToApp: typeof TeamsJs.pages.navigateToApp;
    config: Pick<typeof TeamsJs.pages.config, 'setValidityState' | 'registerOnSaveHandler' | 'setConfig'>;
  };
  AppId: typeof TeamsJs.AppId;
};

/** The fields of teams-js's context the pages use, and nothing that names a person. */
export function contextFromTeams(c: TeamsJs.app.Context): HostContext {
  return {
    hostName: c.app.host.name,
    userId: c.user?.id ?? null,
    tenantId: c.user?.tenant?.id ?? null,
    locale: c.app.locale,
    meetingId: c.meeting?.id ?? null,
    chatId: c.chat?.id ?? null,
    pageId: c.page.id || null,
    subPageId: c.page.subPageId || null,
    frameContext: c.page.frameContext ?? null,
  };
}

/**
 * Initialises teams-js (call only inside a host: outside one `app.initialize` rejects) and reads the
 * context once. The theme follows the host's theme-change events from then on.
 */
export async function createTeamsJsHost(teams: TeamsJsModule): Promise<TeamsHost> {
  await teams.app.initialize();
  const raw = await teams.app.getContext();
  const context = contextFromTeams(raw);
  const appId = raw.app.appId?.toString() ?? null;
  let theme: ThemeName = themeFromHost(raw.app.theme);
  const listeners = new Set<(theme: ThemeName) => void>();
  teams.app.registerOnThemeChangeHandler((name) => {
    theme = themeFromHost(name);
    for (const listener of listeners) listener(theme);
  });
  let save: (() => TabConfig) | null = null;

  return {
    kind: 'teams',
    context: () => context,
    theme: () => theme,
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async openAssessment(tab, assessmentId) {
      if (!appId) throw new Error('the host did not say which app this is, so it cannot open a deep link');
      await teams.pages.navigateToApp({ appId: new teams.AppId(appId), pageId: tab, subPageId: assessmentId });
    },
    config: {
      setValid: (valid) => teams.pages.config.setValidityState(valid),
      onSave(next) {
        const first = save === null;
        save = next;
        if (!first) return;
        teams.pages.config.registerOnSaveHandler((event) => {
          Promise.resolve()
            .then(() => teams.pages.config.setConfig(save!()))
            .then(() => event.notifySuccess(), (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)));
        });
      },
    },
  };
}
