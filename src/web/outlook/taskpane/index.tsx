// The task pane page. Inside Outlook, Office.js (loaded from Microsoft's CDN by the HTML page) reports
// an Outlook host: the pane reads the item through Office.js and signs in by nested app auth. In a
// plain browser Office.js is absent or reports no host: the standalone page with its appointment form
// and the development sign-in runs instead, behind the same adapter interface.
//
// This entry is the page's first chunk and stays small: React and Fluent's core come in the shared
// framework chunk, and each host's pane is a chunk of its own, requested by ./loadPane before React
// starts (it is imported first for that) and, in Outlook, before waiting for Office.js.
/// <reference types="office-js" />
// First, before React: see ./loadPane.
import { loadOfficePane, loadStandalone, office } from './loadPane';
import { createRoot } from 'react-dom/client';
import { readWebConfig } from '../../shared/config';

async function main() {
  const container = document.getElementById('root');
  if (!container) throw new Error('the page has no #root element');
  const root = createRoot(container);
  const config = readWebConfig();

  if (office) {
    const info = await office.onReady();
    if (info.host === office.HostType.Outlook) {
      const { renderOfficePane } = await loadOfficePane();
      renderOfficePane(root, office, config);
      return;
    }
  }

  const { renderStandalone } = await loadStandalone();
  renderStandalone(root, config);
}

void main();
