export interface AppConfig {
  appId: string;
  baseUrl: string;
  host: string;
  entraClientId: string;
  botAppId: string;
  resource: string;
  apiScope: string;
}
export declare class AppConfigError extends Error {
  readonly problems: string[];
}
export declare const DEV_DEFAULTS: Readonly<{ appId: string; baseUrl: string; entraClientId: string; botAppId: string }>;
export declare function loadAppConfig(env?: Record<string, string | undefined>): AppConfig;
