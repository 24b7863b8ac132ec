import { APP_ENVS } from './apiKey';
import type { IgnisignApp, IgnisignStore } from './store';

// IgnisignApplication_Context as the SDK's init() reads it. Keys are never listed (apiKeys: []).

export function applicationContext(app: IgnisignApp, store: IgnisignStore): Record<string, unknown> {
  const { appId, orgId } = app;
  return {
    appId,
    orgId,
    appName: app.appName,
    status: app.status,
    appType: app.appType,
    ignisignApiVersion: 'V4',
    isDefaultApplication: false,
    config: { appId, orgId },
    envSettings: Object.fromEntries(APP_ENVS.map((appEnv) => [appEnv, {
      appId,
      orgId,
      appEnv,
      isApiKeyGenerated: store.hasKey(appId, appEnv),
      currentVersion: 1,
      webhooks: [],
      extendedAuthSessionEnabled: false,
      sharingRestricted: false,
      apiKeys: [],
      ssoConfigs: [],
    }])),
    settings: { appId, orgId, defaultLanguage: app.defaultLanguage },
    signerProfiles: Object.fromEntries(APP_ENVS.map((appEnv) => [appEnv, []])),
  };
}
