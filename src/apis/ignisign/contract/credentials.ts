/** What an Ignisign call needs: the API key, and the application id and environment it names. */
export interface IgnisignCredentials {
  apiKey: string;
  appId: string;
  appEnv: string;
}

/** The documented demo key standin accepts. */
export const IGNISIGN_DEMO_CREDENTIALS: IgnisignCredentials = { apiKey: 'skv2_development_demo_devsecret', appId: 'appId_demo', appEnv: 'DEVELOPMENT' };

/** The SDK's own reading of an Ignisign key: skv2_<env>_<appIdSuffix>_<secret>. */
export function ignisignFromKey(apiKey: string): IgnisignCredentials {
  const [, env = '', suffix = ''] = apiKey.split('_');
  return { apiKey, appId: `appId_${suffix}`, appEnv: env.toUpperCase() };
}
