/** @jest-environment jsdom */
// Starting a page: in a plain browser teams-js is never loaded (it would reach for a CDN and its
// initialize rejects outside a host); inside a host (framed, `host=teams`) it is loaded, initialised,
// and the page takes the host's language and theme and follows theme changes live. teams-js is
// replaced at its module interface; fetch is stubbed so no request can leave the test.
import './jsdomSetup';
import { act, screen, waitFor } from '@testing-library/react';
import { boot } from '../../src/web/teams/boot';
import { ConfigPage } from '../../src/web/teams/config/ConfigPage';

const mockTeams = {
  loaded: 0,
  themeHandler: null as ((theme: string) => void) | null,
  calls: [] as string[],
};

jest.mock('@microsoft/teams-js', () => {
  mockTeams.loaded += 1;
  return {
    app: {
      initialize: async () => { mockTeams.calls.push('initialize'); },
      getContext: async () => ({
        app: { locale: 'en-US', theme: 'dark', sessionId: 's', host: { name: 'Teams', clientType: 'web', sessionId: 'h' } },
        page: { id: '', frameContext: 'settings' },
        user: { id: 'u', tenant: { id: 't' } },
        dialogParameters: {},
      }),
      registerOnThemeChangeHandler: (handler: (theme: string) => void) => { mockTeams.themeHandler = handler; },
    },
    pages: {
      navigateToApp: async () => undefined,
      config: {
        setValidityState: (valid: boolean) => { mockTeams.calls.push(`valid:${valid}`); },
        registerOnSaveHandler: () => { mockTeams.calls.push('registerOnSaveHandler'); },
        setConfig: async () => undefined,
      },
    },
    AppId: class { constructor(private readonly id: string) {} toString() { return this.id; } },
  };
});

const fetchCalls: string[] = [];

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  fetchCalls.length = 0;
  globalThis.fetch = (async (url: RequestInfo | URL) => {
    fetchCalls.push(String(url));
    throw new Error('no network in this test');
  }) as typeof fetch;
});

const config = () => (
  ({ host }: Parameters<Parameters<typeof boot>[1]>[0]) => <ConfigPage host={host} pageUrl="https://motescheck.example/teams/config.html" />
);

describe('starting a Teams page', () => {
  it('runs standalone in a plain browser without loading teams-js', async () => {
    window.history.pushState({}, '', '/teams/config.html?lang=sv-SE');
    await act(() => boot('config', config()));
    expect(await screen.findByRole('heading', { name: 'Lägg till Mötescheck i mötet' })).toBeTruthy();
    expect(screen.getByText('Fristående läge (utveckling)')).toBeTruthy();
    expect(mockTeams.loaded).toBe(0);
    expect(fetchCalls).toEqual([]);
  });

  it('inside a host loads and initialises teams-js, takes its language and theme, and follows theme changes', async () => {
    window.history.pushState({}, '', '/teams/config.html?host=teams');
    Object.defineProperty(window, 'parent', { value: {}, configurable: true });
    try {
      await act(() => boot('config', config()));
      expect(await screen.findByRole('heading', { name: 'Add Mötescheck to the meeting' })).toBeTruthy();
      expect(mockTeams.loaded).toBe(1);
      expect(mockTeams.calls.slice(0, 1)).toEqual(['initialize']);
      expect(mockTeams.calls).toEqual(expect.arrayContaining(['registerOnSaveHandler', 'valid:true']));
      const provider = () => document.querySelector('.fui-FluentProvider')!;
      expect(provider().getAttribute('data-theme')).toBe('dark');
      act(() => mockTeams.themeHandler!('contrast'));
      await waitFor(() => expect(provider().getAttribute('data-theme')).toBe('high-contrast'));
      expect(screen.queryByText(/Standalone mode/)).toBeNull();
      expect(fetchCalls).toEqual([]);
    } finally {
      Object.defineProperty(window, 'parent', { value: window, configurable: true });
    }
  });
});
