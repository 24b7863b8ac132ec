// Ignisign API keys name their own scope: the official SDK reads appId and appEnv out of
// `skv2_<env>_<appIdSuffix>_<secret>` (it splits on '_', so the suffix cannot hold one).

export const APP_ENVS = ['DEVELOPMENT', 'STAGING', 'PRODUCTION'] as const;
export type AppEnv = (typeof APP_ENVS)[number];

export interface KeyScope {
  appId: string;
  appEnv: AppEnv;
}

const KEY_PATTERN = /^skv2_(development|staging|production)_([A-Za-z0-9-]+)_(.+)$/;

export function isAppEnv(value: unknown): value is AppEnv {
  return typeof value === 'string' && (APP_ENVS as readonly string[]).includes(value);
}

/** The scope the SDK would derive from the key, or undefined when it is not an skv2 key. */
export function scopeOfKey(key: string): KeyScope | undefined {
  const match = KEY_PATTERN.exec(key);
  if (!match) return undefined;
  return { appId: `appId_${match[2]}`, appEnv: match[1].toUpperCase() as AppEnv };
}

/** The key with its secret hidden, for state dumps. */
export function maskKey(key: string): string {
  const match = KEY_PATTERN.exec(key);
  return match ? `skv2_${match[1]}_${match[2]}_***` : '***';
}
