import type { ApiName } from '../../src/core/types';

// What each API needs to be called, and the documented demo values standin accepts.

export interface IgnisignCredentials { apiKey: string; appId: string; appEnv: string }
export interface AltrCredentials {
  key: string;
  secret: string;
  readOnlyKey?: string;
  readOnlySecret?: string;
  writeOnlyKey?: string;
  writeOnlySecret?: string;
  dataCapBytes?: number;
}
export interface LosantCredentials {
  token: string;
  readToken?: string;
  noScopeToken?: string;
  /** A token holding only a `*.bounded` scope (e.g. all.Application.bounded), which every certificate operation accepts. */
  boundedToken?: string;
  applicationId: string;
}
export interface DroplitCredentials {
  accountToken: string;
  userToken?: string;
  serverToken?: string;
  /** A token type no environment operation accepts (Droplit's client tokens). */
  clientToken?: string;
  ecosystemId: string;
  /** A second ecosystem the account may create in (aliases are unique per ecosystem only). */
  otherEcosystemId?: string;
}

export interface CredentialsByApi {
  ignisign: IgnisignCredentials;
  altr: AltrCredentials;
  signatures: Record<string, never>;
  losant: LosantCredentials;
  droplit: DroplitCredentials;
}

export const DEMO_CREDENTIALS: CredentialsByApi = {
  ignisign: { apiKey: 'skv2_development_demo_devsecret', appId: 'appId_demo', appEnv: 'DEVELOPMENT' },
  altr: { key: 'ALTR-demo-rw', secret: 'demo-rw-secret', readOnlyKey: 'ALTR-demo-ro', readOnlySecret: 'demo-ro-secret',
    writeOnlyKey: 'ALTR-demo-wo', writeOnlySecret: 'demo-wo-secret', dataCapBytes: 1048576 },
  signatures: {},
  losant: {
    token: 'losant-demo-all', readToken: 'losant-demo-read', noScopeToken: 'losant-demo-none', boundedToken: 'losant-demo-bounded',
    applicationId: '575ec8687ae143cd83dc4a97',
  },
  droplit: {
    accountToken: 'droplit-demo-account', userToken: 'droplit-demo-user', serverToken: 'droplit-demo-server', clientToken: 'droplit-demo-client',
    ecosystemId: 'C599343aecca8fba8297a3195', otherEcosystemId: 'C5a0b1c2d3e4f5a6b7c8d9e0f',
  },
};

/** Fields a live run must be given for each API; the rest are optional and unlock more scenarios. */
export const REQUIRED_FIELDS: { [A in ApiName]: string[] } = {
  ignisign: ['apiKey'],
  altr: ['key', 'secret'],
  signatures: [],
  losant: ['token', 'applicationId'],
  droplit: ['accountToken', 'ecosystemId'],
};

/** The SDK's own reading of an Ignisign key: skv2_<env>_<appIdSuffix>_<secret>. */
export function ignisignFromKey(apiKey: string): IgnisignCredentials {
  const [, env = '', suffix = ''] = apiKey.split('_');
  return { apiKey, appId: `appId_${suffix}`, appEnv: env.toUpperCase() };
}
