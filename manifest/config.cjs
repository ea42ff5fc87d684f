// The app's deployment settings, read from the environment by the manifest build (scripts/manifest.ts)
// and the on-send bundle's build (webpack.onsend.config.js), so that both name the same server and
// Entra app. Without settings the development values apply: the local server and fixed dev ids.
'use strict';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DEV_DEFAULTS = Object.freeze({
  appId: 'd0000000-0000-4000-8000-00000000a001',
  baseUrl: 'https://localhost:3000',
  // The development Entra client id the server's local token issuer uses (src/server/auth/devUsers.ts).
  entraClientId: 'd0000000-0000-4000-8000-00000000c001',
  // The development bot's app id (src/server/bot/config.ts DEV_BOT_APP_ID).
  botAppId: 'd0000000-0000-4000-8000-00000000b001',
});

class AppConfigError extends Error {
  constructor(problems) {
    super(`Invalid app configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'AppConfigError';
    this.problems = problems;
  }
}

/** Reads MOTESCHECK_APP_ID, MOTESCHECK_BASE_URL, ENTRA_CLIENT_ID and BOT_APP_ID; throws AppConfigError naming each bad one. */
function loadAppConfig(env = process.env) {
  const value = (name, fallback) => (env[name] === undefined || env[name] === '' ? fallback : String(env[name]).trim());
  const appId = value('MOTESCHECK_APP_ID', DEV_DEFAULTS.appId).toLowerCase();
  const baseUrl = value('MOTESCHECK_BASE_URL', DEV_DEFAULTS.baseUrl).replace(/\/+$/, '');
  const entraClientId = value('ENTRA_CLIENT_ID', DEV_DEFAULTS.entraClientId).toLowerCase();
  const botAppId = value('BOT_APP_ID', DEV_DEFAULTS.botAppId).toLowerCase();
  const problems = [];
  if (!GUID.test(appId)) problems.push('MOTESCHECK_APP_ID: must be a GUID such as 00000000-0000-0000-0000-000000000000');
  if (!GUID.test(entraClientId)) problems.push('ENTRA_CLIENT_ID: must be a GUID (the Entra application (client) id)');
  if (!GUID.test(botAppId)) problems.push("BOT_APP_ID: must be a GUID (the Azure Bot's app id)");
  const origin = /^https:\/\/([a-z0-9.-]+(?::\d{1,5})?)$/i.exec(baseUrl);
  if (!origin) problems.push(`MOTESCHECK_BASE_URL: must be an https origin without a path, such as https://motescheck.kommun.se (got "${baseUrl}")`);
  if (problems.length > 0) throw new AppConfigError(problems);
  const host = origin[1].toLowerCase();
  return {
    appId,
    baseUrl: `https://${host}`,
    host,
    entraClientId,
    botAppId,
    /** The API's Application ID URI, as Entra expects it for an add-in: api://<host>/<client id>. */
    resource: `api://${host}/${entraClientId}`,
    apiScope: `api://${host}/${entraClientId}/access_as_user`,
  };
}

module.exports = { loadAppConfig, AppConfigError, DEV_DEFAULTS };
