import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_ENVS, type AppEnv, isAppEnv, type KeyScope, maskKey, scopeOfKey } from './apiKey';
import { isHashSha256B64 } from './hashSha256B64';
import type { IgnisignApp } from './ignisignApp';
import { createTimestampToken, type TsaSigner } from './timestampToken';

// One namespace's Ignisign state: applications, their API keys (one per app and env) and the log
// capsules created per (appId, appEnv). No HTTP here; handlers translate the outcomes.

export interface Capsule {
  serial: string;
  hashSha256_b64: string;
  genTime: string;
  timestamp_b64: string;
}

export type CreateCapsuleOutcome = { ok: true; capsule: Capsule } | { ok: false; reason: 'appNotFound' | 'invalidEnv' | 'invalidHash' };

const scopeKey = (appId: string, appEnv: string) => `${appId}\u0000${appEnv}`;
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export class IgnisignStore {
  private readonly apps = new Map<string, IgnisignApp>();
  /** scope -> SHA-256 of the key, so lookups compare fixed-length digests in constant time. */
  private readonly keys = new Map<string, { digest: Buffer; masked: string }>();
  private readonly capsules = new Map<string, Capsule[]>();
  private lastSerial = 0;

  constructor(private readonly signer: TsaSigner) {}

  /** Registers an app and its keys; a key that names another app or env is a fixture bug. */
  addApp(app: IgnisignApp, keys: Partial<Record<AppEnv, string>>): void {
    for (const [env, key] of Object.entries(keys)) {
      const scope = key === undefined ? undefined : scopeOfKey(key);
      if (!isAppEnv(env) || !scope || scope.appId !== app.appId || scope.appEnv !== env) {
        throw new Error(`ignisign fixture: key for ${app.appId}/${env} must be skv2_${env.toLowerCase()}_${app.appId.replace(/^appId_/, '')}_<secret>`);
      }
    }
    this.apps.set(app.appId, { ...app });
    for (const [env, key] of Object.entries(keys)) this.keys.set(scopeKey(app.appId, env), { digest: digest(key!), masked: maskKey(key!) });
  }

  /** The scope of a known key, or undefined: the key names its scope, which must hold exactly this key. */
  findKey(key: string): KeyScope | undefined {
    const scope = scopeOfKey(key);
    if (!scope) return undefined;
    const stored = this.keys.get(scopeKey(scope.appId, scope.appEnv));
    if (!stored || !timingSafeEqual(stored.digest, digest(key))) return undefined;
    return scope;
  }

  getApp(appId: string): IgnisignApp | undefined {
    const app = this.apps.get(appId);
    return app && { ...app };
  }

  hasKey(appId: string, appEnv: AppEnv): boolean {
    return this.keys.has(scopeKey(appId, appEnv));
  }

  /**
   * Duplicates are accepted: the vendor's behaviour for a repeated hash is undocumented. The hash is
   * kept exactly as sent, whatever 44-character base64 the vendor's validator lets through (31, 32 or
   * 33 bytes): the vendor does not say it canonicalises, and the echo must match what was sent.
   */
  createCapsule(appId: string, appEnv: string, hashSha256_b64: unknown, now: Date): CreateCapsuleOutcome {
    if (!this.apps.has(appId)) return { ok: false, reason: 'appNotFound' };
    if (!isAppEnv(appEnv)) return { ok: false, reason: 'invalidEnv' };
    if (!isHashSha256B64(hashSha256_b64)) return { ok: false, reason: 'invalidHash' };
    const serial = String(++this.lastSerial);
    const { token_b64, token } = createTimestampToken({ hashSha256_b64, genTime: now, serial }, this.signer);
    const capsule: Capsule = { serial, hashSha256_b64, genTime: token.genTime, timestamp_b64: token_b64 };
    const key = scopeKey(appId, appEnv);
    const list = this.capsules.get(key);
    if (list) list.push(capsule);
    else this.capsules.set(key, [capsule]);
    return { ok: true, capsule: { ...capsule } };
  }

  capsulesOf(appId: string, appEnv: AppEnv): readonly Capsule[] {
    return (this.capsules.get(scopeKey(appId, appEnv)) ?? []).map((c) => ({ ...c }));
  }

  dump(): unknown {
    return {
      tsaKeyId: this.signer.kid,
      lastSerial: this.lastSerial,
      apps: [...this.apps.values()].map((app) => ({
        ...app,
        keys: Object.fromEntries(
          APP_ENVS.flatMap((env) => {
            const stored = this.keys.get(scopeKey(app.appId, env));
            return stored ? [[env, stored.masked]] : [];
          }),
        ),
        capsules: Object.fromEntries(APP_ENVS.map((env) => [env, [...(this.capsules.get(scopeKey(app.appId, env)) ?? [])]])),
      })),
    };
  }
}
