// The task pane page. Inside Outlook, Office.js (loaded from Microsoft's CDN by the HTML page) reports
// an Outlook host: the pane reads the item through Office.js and signs in by nested app auth. In a
// plain browser Office.js is absent or reports no host: the standalone page with its appointment form
// and the development sign-in runs instead, behind the same adapter interface.
/// <reference types="office-js" />
import { createRoot } from 'react-dom/client';
import { createHttpApi } from '../../shared/api';
import { AppShell } from '../../shared/components/AppShell';
import { readWebConfig } from '../../shared/config';
import { langFromDisplayLanguage } from '../../shared/i18n';
import { NestedAppAuth } from '../../shared/naaAuth';
import { createOfficeHost } from './officeHost';
import { TaskPane } from './TaskPane';

async function outlookOffice(): Promise<typeof Office | null> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || new URLSearchParams(location.search).has('standalone')) return null;
  const info = await office.onReady();
  return info.host === office.HostType.Outlook ? office : null;
}

async function main() {
  const container = document.getElementById('root');
  if (!container) throw new Error('the page has no #root element');
  const root = createRoot(container);
  const config = readWebConfig();
  const office = await outlookOffice();

  if (!office) {
    const { renderStandalone } = await import(/* webpackChunkName: "standalone" */ './StandalonePage');
    renderStandalone(root, config);
    return;
  }

  const host = createOfficeHost(office);
  const auth = new NestedAppAuth({ clientId: config.clientId, scopes: [config.apiScope] });
  const api = createHttpApi({ baseUrl: config.apiBaseUrl, getToken: () => auth.getToken() });
  root.render(
    <AppShell lang={langFromDisplayLanguage(host.displayLanguage())} theme={host.highContrast() ? 'high-contrast' : 'light'}>
      <TaskPane host={host} api={api} />
    </AppShell>,
  );
}

void main();
