// A silent token for the handler's two calls, by nested app authentication when the host offers it.
// MSAL cannot come along (it needs a DOM and would be most of the bundle), so this speaks the host's
// NAA bridge directly — the `nestedAppAuthBridge` object and the JSON messages that
// `@azure/msal-browser`'s BridgeProxy uses — and only its silent `GetToken`: the handler cannot show
// a sign-in. Where there is no bridge (classic Outlook's JavaScript-only runtime) it gives null and
// the handler calls without a token, which the server answers as it answers any unauthenticated call.

interface BridgeMessageEvent { data?: unknown }
export interface NaaBridge {
  postMessage(message: string): void;
  addEventListener(type: 'message', listener: (response: string | BridgeMessageEvent) => void): void;
  removeEventListener?(type: 'message', listener: (response: string | BridgeMessageEvent) => void): void;
}

export interface NaaTokenConfig {
  clientId: string;
  scopes: string[];
  authority?: string;
}

function requestId(): string {
  return 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(Math.random() * 16).toString(16));
}

/**
 * A token source: the access token, or null when the host has no NAA bridge or does not give one
 * silently. `findBridge` looks the bridge up when a token is wanted (the host may add it late).
 */
export function naaSilentToken(config: NaaTokenConfig, findBridge: () => NaaBridge | undefined): () => Promise<string | null> {
  return () => {
    const bridge = findBridge();
    if (!bridge || typeof bridge.postMessage !== 'function' || typeof bridge.addEventListener !== 'function') return Promise.resolve(null);
    const id = requestId();
    return new Promise<string | null>((resolve) => {
      const listener = (response: string | BridgeMessageEvent) => {
        let envelope: { requestId?: string; success?: boolean; token?: { access_token?: string } };
        try {
          const text = typeof response === 'string' ? response : response.data;
          envelope = typeof text === 'string' ? JSON.parse(text) : {};
        } catch {
          return; // not a bridge answer: keep listening for ours
        }
        if (envelope.requestId !== id) return;
        if (bridge.removeEventListener) bridge.removeEventListener('message', listener);
        const token = envelope.success === true && envelope.token ? envelope.token.access_token : undefined;
        resolve(typeof token === 'string' && token !== '' ? token : null);
      };
      bridge.addEventListener('message', listener);
      bridge.postMessage(JSON.stringify({
        messageType: 'NestedAppAuthRequest',
        method: 'GetToken',
        requestId: id,
        sendTime: Date.now(),
        clientLibrary: 'motescheck-onsend',
        clientLibraryVersion: '1',
        tokenParams: {
          clientId: config.clientId,
          authority: config.authority ?? 'https://login.microsoftonline.com/organizations',
          scope: config.scopes.join(' '),
          correlationId: id,
          authenticationScheme: 'Bearer',
        },
      }));
    });
  };
}
