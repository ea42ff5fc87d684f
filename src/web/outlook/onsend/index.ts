// The on-send bundle's entry: classic Outlook's JavaScript-only runtime loads this one file (and the
// other clients load it from onsend.html), runs it top to bottom and then calls the associated
// actions. `Office.onReady` does not run there, so everything starts inside the handlers.
import { registerOnSendHandlers } from './handler';
import { naaSilentToken, type NaaBridge } from './naaToken';

// Filled in by webpack.onsend.config.js from the app configuration (manifest/config.cjs).
declare const __MOTESCHECK_BASE_URL__: string;
declare const __ENTRA_CLIENT_ID__: string;
declare const __MOTESCHECK_API_SCOPE__: string;
// The host's nested app authentication bridge, where there is one (never in the JavaScript-only runtime).
declare const nestedAppAuthBridge: NaaBridge | undefined;

registerOnSendHandlers({
  office: Office,
  fetch: typeof fetch === 'function' ? (input, init) => fetch(input, init) : undefined,
  baseUrl: __MOTESCHECK_BASE_URL__,
  getToken: naaSilentToken(
    { clientId: __ENTRA_CLIENT_ID__, scopes: [__MOTESCHECK_API_SCOPE__] },
    // `typeof` of an undeclared global is safe where `globalThis` (ES2020) may not exist.
    () => (typeof nestedAppAuthBridge === 'undefined' ? undefined : nestedAppAuthBridge),
  ),
  log: (text) => { if (typeof console !== 'undefined') console.warn(`[Mötescheck] ${text}`); },
});
