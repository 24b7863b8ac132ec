import type { components } from '../../types/ignisign';
import { APP_ENVS } from './apiKey';
import type { IgnisignApp } from './ignisignApp';
import type { IgnisignStore } from './store';

type ApplicationContext = components['schemas']['ApplicationContext'];

// IgnisignApplication_Context as the SDK's init() reads it. Keys are never listed (apiKeys: []).

export function applicationContext(app: IgnisignApp, store: IgnisignStore): ApplicationContext {
  const { appId, orgId } = app;
  return {
    appId,
    orgId,
    appName: app.appName,
    status: app.status,
    // Fixtures hold only the spec's app types, and the mock's response check refuses any other.
    appType: app.appType as ApplicationContext['appType'],
    ignisignApiVersion: 'V4',
    isDefaultApplication: false,
    config: { appId, orgId },
    envSettings: Object.fromEntries(
      APP_ENVS.map((appEnv) => [
        appEnv,
        {
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
        },
      ]),
    ),
    settings: { appId, orgId, defaultLanguage: app.defaultLanguage },
    signerProfiles: Object.fromEntries(APP_ENVS.map((appEnv) => [appEnv, []])),
  };
}
