// The standalone host: the Teams pages in a plain browser, for development and demos. The context
// comes from the address (`?tab=…&meeting=…&sub=…&lang=…&theme=…`), the theme from a switch on the
// page, a deep link is an ordinary navigation, and the configuration page's Save is a button here.
import { isPersonalTab, type HostContext, type PageId, type PersonalTab, type TabConfig, type TeamsHost, type ThemeName } from './host';

const THEMES: readonly ThemeName[] = ['light', 'dark', 'high-contrast'];

export interface StandaloneOptions {
  /** The page this is: the personal tabs page, the meeting tab or its configuration page. */
  page: 'personal' | 'meeting' | 'config';
  search: string;
  /** Goes to another page of the app; `location.assign` in the browser. */
  navigate?: (url: string) => void;
  /** True when the operating system forces colours: high contrast unless the address says otherwise. */
  forcedColors?: boolean;
}

/** Where each page is built (webpack.config.js), relative to the current page. */
const PAGE_FILE = { personal: 'personal.html', meeting: 'meeting.html', config: 'config.html' } as const;

export class StandaloneTeamsHost implements TeamsHost {
  readonly kind = 'standalone' as const;
  private current: ThemeName;
  private readonly themeListeners = new Set<(theme: ThemeName) => void>();
  private readonly stateListeners = new Set<() => void>();
  private readonly ctx: HostContext;
  private saveHandler: (() => TabConfig) | null = null;
  private validState = false;

  constructor(private readonly options: StandaloneOptions) {
    const q = new URLSearchParams(options.search);
    const requested = q.get('theme') as ThemeName | null;
    this.current = requested && THEMES.includes(requested) ? requested : options.forcedColors ? 'high-contrast' : 'light';
    const tab = q.get('tab');
    const pageId: PageId = options.page === 'personal' ? (isPersonalTab(tab) ? tab : 'mine') : options.page;
    this.ctx = {
      hostName: 'standalone',
      userId: null,
      tenantId: null,
      locale: q.get('lang') ?? 'sv-SE',
      meetingId: options.page === 'meeting' ? (q.get('meeting') ?? 'standalone-meeting') : null,
      chatId: options.page === 'meeting' ? (q.get('chat') ?? null) : null,
      pageId,
      subPageId: q.get('sub'),
      frameContext: options.page === 'config' ? 'settings' : (q.get('frame') ?? (options.page === 'meeting' ? 'sidePanel' : 'content')),
    };
  }

  context(): HostContext {
    return this.ctx;
  }

  theme(): ThemeName {
    return this.current;
  }

  /** The page's theme switch: what a host's theme change does inside Teams. */
  setTheme(theme: ThemeName): void {
    if (theme === this.current) return;
    this.current = theme;
    for (const listener of this.themeListeners) listener(theme);
  }

  onThemeChange(listener: (theme: ThemeName) => void): () => void {
    this.themeListeners.add(listener);
    return () => this.themeListeners.delete(listener);
  }

  async openAssessment(tab: PersonalTab, assessmentId: string): Promise<void> {
    const q = new URLSearchParams(this.options.search);
    for (const key of ['meeting', 'chat', 'frame']) q.delete(key);
    q.set('tab', tab);
    q.set('sub', assessmentId);
    (this.options.navigate ?? ((url) => location.assign(url)))(`${PAGE_FILE.personal}?${q.toString()}`);
  }

  readonly config = {
    setValid: (valid: boolean) => {
      this.validState = valid;
      this.emit();
    },
    onSave: (save: () => TabConfig) => {
      this.saveHandler = save;
      this.emit();
    },
  };

  /** For the standalone Save button: whether the page said it may be saved. */
  get valid(): boolean {
    return this.validState && this.saveHandler !== null;
  }

  /** What Teams would store for the tab when Save is pressed. */
  save(): TabConfig {
    if (!this.saveHandler || !this.validState) throw new Error('the configuration page has not said it can be saved');
    return this.saveHandler();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  private emit(): void {
    for (const listener of this.stateListeners) listener();
  }
}
