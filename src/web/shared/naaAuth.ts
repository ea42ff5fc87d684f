// Nested app authentication: inside Outlook, Teams and the Microsoft 365 app the host brokers the
// sign-in, so the add-in asks MSAL silently first and falls back to a popup (the only interactive
// flow NAA supports). MSAL is imported on first use, keeping it out of the page's first chunk.
import type { AuthProvider } from './auth';

export interface NaaConfig {
  /** The add-in's Entra application (client) id. */
  clientId: string;
  /** The API's scopes, e.g. `api://host/<client id>/access_as_user`. */
  scopes: string[];
  authority?: string;
}

type Msal = Pick<typeof import('@azure/msal-browser'), 'createNestablePublicClientApplication'>;
type Pca = Awaited<ReturnType<Msal['createNestablePublicClientApplication']>>;

const loadMsal = (): Promise<Msal> => import(/* webpackChunkName: "msal" */ '@azure/msal-browser');

export class NestedAppAuth implements AuthProvider {
  private pca: Promise<Pca> | null = null;

  constructor(private readonly config: NaaConfig, private readonly load: () => Promise<Msal> = loadMsal) {}

  private client(): Promise<Pca> {
    this.pca ??= this.load().then((msal) => msal.createNestablePublicClientApplication({
      auth: { clientId: this.config.clientId, authority: this.config.authority ?? 'https://login.microsoftonline.com/organizations' },
    }));
    // A failed start is not kept: the next call tries again.
    this.pca.catch(() => { this.pca = null; });
    return this.pca;
  }

  async getToken(): Promise<string> {
    const pca = await this.client();
    const request = { scopes: this.config.scopes };
    // A silent failure means consent or a fresh sign-in is needed, which the popup asks for.
    const silent = await pca.acquireTokenSilent(request).then((r) => r.accessToken, () => '');
    if (silent) return silent;
    const result = await pca.acquireTokenPopup(request);
    return result.accessToken;
  }
}
