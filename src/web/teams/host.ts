// What the Teams pages need from the host they run in. Two implementations: teams-js inside Teams,
// Outlook and the Microsoft 365 app (teamsJsHost.ts), and the standalone host for a plain browser
// (standaloneHost.ts), which never loads teams-js: outside a host `app.initialize` rejects and
// teams-js fetches a domain list from a CDN.

export type ThemeName = 'light' | 'dark' | 'high-contrast';

/** The page inside the app: a personal tab, the meeting tab or its configuration page. */
export type PageId = 'mine' | 'approvals' | 'settings' | 'reports' | 'meeting' | 'config';

export const PERSONAL_TABS = ['mine', 'approvals', 'settings', 'reports'] as const;
export type PersonalTab = (typeof PERSONAL_TABS)[number];

export function isPersonalTab(value: string | undefined | null): value is PersonalTab {
  return (PERSONAL_TABS as readonly string[]).includes(value ?? '');
}

/** Ids and categories the host tells the page; used to find things, never as proof of identity. */
export interface HostContext {
  /** 'Teams', 'Outlook', 'Office' … or 'standalone'. */
  hostName: string;
  /** The user's object id as the host reports it (the API trusts only its token). */
  userId: string | null;
  tenantId: string | null;
  /** The host's display language, e.g. `sv-SE`. */
  locale: string;
  meetingId: string | null;
  chatId: string | null;
  /** The static tab's entity id (`mine`, `approvals`, …) or the configurable tab's. */
  pageId: string | null;
  /** A deep link's target inside the page: here, one assessment's id. */
  subPageId: string | null;
  /** `content`, `sidePanel`, `settings`, `meetingStage` … */
  frameContext: string | null;
}

export interface TabConfig {
  contentUrl: string;
  websiteUrl?: string;
  entityId: string;
  suggestedDisplayName: string;
}

export interface TeamsHost {
  readonly kind: 'teams' | 'standalone';
  context(): HostContext;
  theme(): ThemeName;
  /** Calls back with the new theme whenever the host switches; returns an unsubscribe. */
  onThemeChange(listener: (theme: ThemeName) => void): () => void;
  /** Opens one assessment in the personal tab `tab` (a deep link with `subPageId`). */
  openAssessment(tab: PersonalTab, assessmentId: string): Promise<void>;
  /** Configuration page only: whether Save may be pressed, and what Save stores. */
  config: {
    setValid(valid: boolean): void;
    /** `save` runs when the user presses Save; its rejection is shown by the host. */
    onSave(save: () => TabConfig): void;
  };
}

/** Maps the host's theme name (`default`, `dark`, `contrast`, `glass`) to a Fluent theme. */
export function themeFromHost(name: string | null | undefined): ThemeName {
  switch ((name ?? '').toLowerCase()) {
    case 'dark':
      return 'dark';
    case 'contrast':
      return 'high-contrast';
    default:
      return 'light';
  }
}

/**
 * True when the page runs inside a Microsoft 365 host. The manifest's URLs carry `host=teams`; the
 * host frames the page (or, on mobile, gives it a native interface). `standalone` in the query wins.
 */
export function insideTeamsHost(win: { location: { search: string }; parent: unknown; self: unknown; nativeInterface?: unknown }): boolean {
  const params = new URLSearchParams(win.location.search);
  if (params.has('standalone') || params.get('host') !== 'teams') return false;
  return win.parent !== win.self || win.nativeInterface !== undefined;
}
