// Deployment settings a page reads at start: `<meta name="motescheck:…">` tags that the build writes
// into the HTML from its environment (webpack.config.js), so one bundle serves every deployment.
export interface WebConfig {
  /** The API's origin; '' for the page's own origin. */
  apiBaseUrl: string;
  /** The add-in's Entra client id, for nested app auth; '' in a development build. */
  clientId: string;
  /** The API scope requested through nested app auth. */
  apiScope: string;
}

export function readWebConfig(doc: Pick<Document, 'querySelector'> = document): WebConfig {
  const meta = (name: string) => doc.querySelector<HTMLMetaElement>(`meta[name="motescheck:${name}"]`)?.content ?? '';
  return { apiBaseUrl: meta('api-base-url'), clientId: meta('client-id'), apiScope: meta('api-scope') };
}
