// A fake of the Teams host adapter at its interface, for the tabs' component tests.
import type { HostContext, PersonalTab, TabConfig, TeamsHost, ThemeName } from '../../src/web/teams/host';

export interface FakeHost extends TeamsHost {
  setTheme(theme: ThemeName): void;
  readonly opened: { tab: PersonalTab; id: string }[];
  readonly configState: { valid: boolean; save: (() => TabConfig) | null };
}

export function fakeHost(context: Partial<HostContext> = {}, kind: 'teams' | 'standalone' = 'teams'): FakeHost {
  let theme: ThemeName = 'light';
  const listeners = new Set<(t: ThemeName) => void>();
  const opened: { tab: PersonalTab; id: string }[] = [];
  const configState: FakeHost['configState'] = { valid: false, save: null };
  const full: HostContext = {
    hostName: 'Teams', userId: 'user', tenantId: 'tenant', locale: 'sv-SE', meetingId: null, chatId: null,
    pageId: 'mine', subPageId: null, frameContext: 'content', ...context,
  };
  return {
    kind,
    context: () => full,
    theme: () => theme,
    setTheme(next) {
      theme = next;
      for (const l of listeners) l(next);
    },
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    opened,
    async openAssessment(tab, id) {
      opened.push({ tab, id });
    },
    configState,
    config: {
      setValid: (valid) => { configState.valid = valid; },
      onSave: (save) => { configState.save = save; },
    },
  };
}
