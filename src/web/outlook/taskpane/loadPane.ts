// Which pane the page runs, and its chunk requested at once. index.tsx imports this module before React,
// so the chunk downloads while React starts up instead of after.
/// <reference types="office-js" />

export const loadOfficePane = () => import(/* webpackChunkName: "office-pane" */ './OfficePane');
export const loadStandalone = () => import(/* webpackChunkName: "standalone" */ './StandalonePage');

/** Office.js's namespace when the page may be inside Outlook; null in a plain browser or with `?standalone`. */
export const office: typeof Office | null = (() => {
  const namespace = (globalThis as { Office?: typeof Office }).Office;
  return !namespace || new URLSearchParams(location.search).has('standalone') ? null : namespace;
})();

// Requested now: the Outlook pane where Office.js is present (index.tsx still waits for Office to
// report an Outlook host, else falls back to the standalone page), otherwise the standalone page.
// A failed load is reported where index.tsx awaits it, not here as an unhandled rejection.
(office ? loadOfficePane() : loadStandalone()).catch(() => undefined);
