// The host adapters: teams-js faked at its module interface (the functions the adapter calls), the
// standalone host from the address, and the detection that keeps teams-js out of a plain browser.
import type * as TeamsJs from '@microsoft/teams-js';
import { insideTeamsHost, themeFromHost } from '../../src/web/teams/host';
import { StandaloneTeamsHost } from '../../src/web/teams/standaloneHost';
import { contextFromTeams, createTeamsJsHost, type TeamsJsModule } from '../../src/web/teams/teamsJsHost';

class FakeAppId {
  constructor(private readonly id: string) {}
  toString() {
    return this.id;
  }
}

function teamsContext(patch: { theme?: string; meeting?: string; chat?: string; page?: Partial<TeamsJs.app.PageInfo> } = {}): TeamsJs.app.Context {
  return {
    app: {
      locale: 'sv-SE', theme: patch.theme ?? 'default', sessionId: 's1',
      host: { name: 'Teams' as TeamsJs.HostName, clientType: 'web' as TeamsJs.HostClientType, sessionId: 'h1' },
      appId: new FakeAppId('11111111-2222-4333-8444-555555555555') as unknown as TeamsJs.AppId,
    },
    page: { id: 'mine', frameContext: 'content' as TeamsJs.FrameContexts, subPageId: '', ...patch.page },
    user: { id: 'user-oid', displayName: 'Never Shown', userPrincipalName: 'someone@kommun.se', tenant: { id: 'tenant-id' } },
    ...(patch.meeting ? { meeting: { id: patch.meeting } } : {}),
    ...(patch.chat ? { chat: { id: patch.chat } } : {}),
    dialogParameters: {},
  };
}

function fakeTeams(context: TeamsJs.app.Context) {
  const calls: string[] = [];
  let themeHandler: ((theme: string) => void) | null = null;
  let saveHandler: ((event: TeamsJs.pages.config.SaveEvent) => void) | null = null;
  const module: TeamsJsModule = {
    app: {
      initialize: jest.fn(async () => { calls.push('initialize'); }),
      getContext: jest.fn(async () => { calls.push('getContext'); return context; }),
      registerOnThemeChangeHandler: jest.fn((handler: (theme: string) => void) => { themeHandler = handler; }),
    },
    pages: {
      navigateToApp: jest.fn(async () => undefined),
      config: {
        setValidityState: jest.fn(),
        registerOnSaveHandler: jest.fn((handler) => { saveHandler = handler; }),
        setConfig: jest.fn(async () => undefined),
      },
    },
    AppId: FakeAppId as unknown as typeof TeamsJs.AppId,
  };
  return { module, calls, changeTheme: (t: string) => themeHandler!(t), save: (e: TeamsJs.pages.config.SaveEvent) => saveHandler!(e) };
}

describe('the teams-js host adapter', () => {
  it('initialises before it reads the context, and maps the context to ids and categories only', async () => {
    const fake = fakeTeams(teamsContext({ meeting: 'meeting-1', chat: 'chat-1', page: { id: 'meeting', frameContext: 'sidePanel' as TeamsJs.FrameContexts } }));
    const host = await createTeamsJsHost(fake.module);
    expect(fake.calls).toEqual(['initialize', 'getContext']);
    expect(host.kind).toBe('teams');
    expect(host.context()).toEqual({
      hostName: 'Teams', userId: 'user-oid', tenantId: 'tenant-id', locale: 'sv-SE',
      meetingId: 'meeting-1', chatId: 'chat-1', pageId: 'meeting', subPageId: null, frameContext: 'sidePanel',
    });
    // The user's name and sign-in name are not carried along.
    expect(JSON.stringify(host.context())).not.toMatch(/Never Shown|kommun\.se/);
  });

  it('reads a deep link target from subPageId', () => {
    expect(contextFromTeams(teamsContext({ page: { id: 'mine', subPageId: 'a-42' } }))).toMatchObject({ pageId: 'mine', subPageId: 'a-42' });
  });

  it.each([
    ['default', 'light'],
    ['dark', 'dark'],
    ['contrast', 'high-contrast'],
    ['glass', 'light'],
  ])('maps the host theme %s to the Fluent theme %s', async (hostTheme, expected) => {
    const host = await createTeamsJsHost(fakeTeams(teamsContext({ theme: hostTheme })).module);
    expect(host.theme()).toBe(expected);
  });

  it('follows the host theme live and stops telling a listener that unsubscribed', async () => {
    const fake = fakeTeams(teamsContext());
    const host = await createTeamsJsHost(fake.module);
    const seen: string[] = [];
    const off = host.onThemeChange((t) => seen.push(t));
    fake.changeTheme('dark');
    fake.changeTheme('contrast');
    expect(host.theme()).toBe('high-contrast');
    off();
    fake.changeTheme('default');
    expect(seen).toEqual(['dark', 'high-contrast']);
    expect(host.theme()).toBe('light');
  });

  it('opens one assessment by a deep link into the personal tab (pages.navigateToApp with subPageId)', async () => {
    const fake = fakeTeams(teamsContext());
    const host = await createTeamsJsHost(fake.module);
    await host.openAssessment('mine', 'a-7');
    const params = (fake.module.pages.navigateToApp as jest.Mock).mock.calls[0][0];
    expect(String(params.appId)).toBe('11111111-2222-4333-8444-555555555555');
    expect(params).toMatchObject({ pageId: 'mine', subPageId: 'a-7' });
  });

  it('configuration page: validity, and Save stores the config before it reports success', async () => {
    const fake = fakeTeams(teamsContext({ page: { id: '', frameContext: 'settings' as TeamsJs.FrameContexts } }));
    const host = await createTeamsJsHost(fake.module);
    host.config.setValid(true);
    expect(fake.module.pages.config.setValidityState).toHaveBeenCalledWith(true);
    const config = { contentUrl: 'https://app.example/teams/meeting.html?host=teams', entityId: 'meeting', suggestedDisplayName: 'Mötescheck' };
    host.config.onSave(() => config);
    const event = { result: {}, notifySuccess: jest.fn(), notifyFailure: jest.fn() };
    fake.save(event);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.module.pages.config.setConfig).toHaveBeenCalledWith(config);
    expect(event.notifySuccess).toHaveBeenCalledTimes(1);
    expect(event.notifyFailure).not.toHaveBeenCalled();
  });

  it('reports a failed save to the host with the reason', async () => {
    const fake = fakeTeams(teamsContext());
    (fake.module.pages.config.setConfig as jest.Mock).mockRejectedValueOnce(new Error('host refused'));
    const host = await createTeamsJsHost(fake.module);
    host.config.onSave(() => ({ contentUrl: 'https://x/teams/meeting.html', entityId: 'meeting', suggestedDisplayName: 'Mötescheck' }));
    const event = { result: {}, notifySuccess: jest.fn(), notifyFailure: jest.fn() };
    fake.save(event);
    await new Promise((r) => setTimeout(r, 0));
    expect(event.notifyFailure).toHaveBeenCalledWith('host refused');
    expect(event.notifySuccess).not.toHaveBeenCalled();
  });
});

describe('host detection', () => {
  const win = (search: string, framed: boolean, nativeInterface?: unknown) => {
    const self = {};
    return { location: { search }, self, parent: framed ? {} : self, ...(nativeInterface ? { nativeInterface } : {}) };
  };

  it('talks to teams-js only when framed (or on mobile) with the manifest URL flag', () => {
    expect(insideTeamsHost(win('?host=teams&tab=mine', true))).toBe(true);
    expect(insideTeamsHost(win('?host=teams', false, {}))).toBe(true);
  });

  it('stays standalone in a plain browser, without the flag, or when asked to', () => {
    expect(insideTeamsHost(win('?host=teams', false))).toBe(false);
    expect(insideTeamsHost(win('?tab=mine', true))).toBe(false);
    expect(insideTeamsHost(win('?host=teams&standalone', true))).toBe(false);
  });

  it('maps unknown theme names to light', () => {
    expect(themeFromHost(undefined)).toBe('light');
    expect(themeFromHost('DARK')).toBe('dark');
  });
});

describe('the standalone host', () => {
  it('takes its context from the address', () => {
    const host = new StandaloneTeamsHost({ page: 'personal', search: '?tab=approvals&sub=a-9&lang=en-GB&theme=dark' });
    expect(host.kind).toBe('standalone');
    expect(host.context()).toMatchObject({ hostName: 'standalone', pageId: 'approvals', subPageId: 'a-9', locale: 'en-GB', meetingId: null });
    expect(host.theme()).toBe('dark');
  });

  it('gives the meeting page a meeting id and the side panel frame', () => {
    const host = new StandaloneTeamsHost({ page: 'meeting', search: '?meeting=m-1' });
    expect(host.context()).toMatchObject({ pageId: 'meeting', meetingId: 'm-1', frameContext: 'sidePanel' });
  });

  it('starts in high contrast when the system forces colours, and switches theme on request', () => {
    const host = new StandaloneTeamsHost({ page: 'personal', search: '', forcedColors: true });
    expect(host.theme()).toBe('high-contrast');
    const seen: string[] = [];
    host.onThemeChange((t) => seen.push(t));
    host.setTheme('dark');
    expect(seen).toEqual(['dark']);
  });

  it('follows a deep link by navigating to the personal page with the assessment as subPageId', async () => {
    const navigate = jest.fn();
    const host = new StandaloneTeamsHost({ page: 'meeting', search: '?meeting=m-1&user=caseworker&lang=sv-SE', navigate });
    await host.openAssessment('mine', 'a-3');
    expect(navigate).toHaveBeenCalledWith('personal.html?user=caseworker&lang=sv-SE&tab=mine&sub=a-3');
  });

  it('saves the configuration only after the page said it is valid', () => {
    const host = new StandaloneTeamsHost({ page: 'config', search: '' });
    host.config.onSave(() => ({ contentUrl: 'meeting.html?host=teams', entityId: 'meeting', suggestedDisplayName: 'Mötescheck' }));
    expect(host.valid).toBe(false);
    expect(() => host.save()).toThrow(/not said/);
    host.config.setValid(true);
    expect(host.save().contentUrl).toBe('meeting.html?host=teams');
  });
});
