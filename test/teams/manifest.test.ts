// The Teams parts of the unified manifest, held together with the pages: each personal tab opens the
// personal page on its own tab with the host flag, the meeting tab's configuration page is the one
// webpack builds, and what that page saves points at the meeting page on the same origin.
// (office-addin-manifest validates the whole generated manifest in test/outlook/manifest.test.ts.)
import { loadAppConfig } from '../../manifest/config.cjs';
import { buildManifest } from '../../scripts/manifest';
import { meetingTabConfig } from '../../src/web/teams/config/ConfigPage';
import { insideTeamsHost, PERSONAL_TABS } from '../../src/web/teams/host';
import { StandaloneTeamsHost } from '../../src/web/teams/standaloneHost';

const ENV = {
  MOTESCHECK_APP_ID: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  MOTESCHECK_BASE_URL: 'https://motescheck.exempelkommun.se/',
  ENTRA_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
};

interface StaticTab { entityId: string; name: string; contentUrl: string; websiteUrl: string; scopes: string[]; context: string[] }
interface ConfigurableTab { configurationUrl: string; canUpdateConfiguration: boolean; scopes: string[]; context: string[] }

const manifest = buildManifest(loadAppConfig(ENV), '1.2.3') as { staticTabs: StaticTab[]; configurableTabs: ConfigurableTab[]; validDomains: string[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js')({}, { mode: 'production' }) as { entry: Record<string, string> };

const framed = (url: string) => ({ location: { search: new URL(url).search }, self: {}, parent: {} });

describe('the Teams tabs in the manifest', () => {
  it('declares the four personal tabs, Swedish names, each opening its own tab of the personal page', () => {
    expect(manifest.staticTabs.map((t) => [t.entityId, t.name])).toEqual([
      ['mine', 'Mina bedömningar'], ['approvals', 'Att godkänna'], ['settings', 'Inställningar'], ['reports', 'Rapporter'],
    ]);
    for (const tab of manifest.staticTabs) {
      expect(PERSONAL_TABS).toContain(tab.entityId);
      expect(tab).toMatchObject({ scopes: ['personal'], context: ['personalTab'] });
      const url = new URL(tab.contentUrl);
      expect(`${url.origin}${url.pathname}`).toBe('https://motescheck.exempelkommun.se/teams/personal.html');
      expect(url.searchParams.get('tab')).toBe(tab.entityId);
      // Inside the host the page talks to teams-js; the website link opens the standalone page.
      expect(insideTeamsHost(framed(tab.contentUrl))).toBe(true);
      expect(insideTeamsHost(framed(tab.websiteUrl))).toBe(false);
      expect(new StandaloneTeamsHost({ page: 'personal', search: url.search }).context().pageId).toBe(tab.entityId);
    }
  });

  it('declares one configurable meeting tab for the side panel, details and chat, in group chats and teams', () => {
    expect(manifest.configurableTabs).toEqual([{
      configurationUrl: 'https://motescheck.exempelkommun.se/teams/config.html?host=teams',
      canUpdateConfiguration: false,
      scopes: ['groupChat', 'team'],
      context: ['meetingSidePanel', 'meetingDetailsTab', 'meetingChatTab'],
    }]);
  });

  it('points at pages the build makes, and the configuration page saves the meeting page on the same host', () => {
    for (const name of ['teams/personal', 'teams/meeting', 'teams/config']) expect(Object.keys(webpackConfig.entry)).toContain(name);
    const saved = meetingTabConfig(manifest.configurableTabs[0]!.configurationUrl);
    expect(saved.contentUrl).toBe('https://motescheck.exempelkommun.se/teams/meeting.html?host=teams');
    expect(manifest.validDomains).toContain(new URL(saved.contentUrl).host);
    expect(insideTeamsHost(framed(saved.contentUrl))).toBe(true);
  });
});
