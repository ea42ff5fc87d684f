// The task pane inside Outlook: the item through Office.js, sign-in by nested app auth, the pane in the
// host's language and theme. A chunk of its own (index.tsx starts loading it while Office.js gets
// ready), so the page's first chunk holds only React, Fluent's core and the start-up code.
/// <reference types="office-js" />
import type { Root } from 'react-dom/client';
import { createHttpApi } from '../../shared/api';
import { AppShell } from '../../shared/components/AppShell';
import type { WebConfig } from '../../shared/config';
import { langFromDisplayLanguage } from '../../shared/i18n';
import { NestedAppAuth } from '../../shared/naaAuth';
import { createOfficeHost } from './officeHost';
import { TaskPane } from './TaskPane';

export function renderOfficePane(root: Root, office: typeof Office, config: WebConfig): void {
  const host = createOfficeHost(office);
  const auth = new NestedAppAuth({ clientId: config.clientId, scopes: [config.apiScope] });
  const api = createHttpApi({ baseUrl: config.apiBaseUrl, getToken: () => auth.getToken() });
  root.render(
    <AppShell lang={langFromDisplayLanguage(host.displayLanguage())} theme={host.highContrast() ? 'high-contrast' : 'light'}>
      <TaskPane host={host} api={api} />
    </AppShell>,
  );
}
