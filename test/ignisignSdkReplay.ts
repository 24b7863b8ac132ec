import { VENDOR_IGNISIGN_ERROR_CODES } from '../src/apis/ignisign/testing/vendorErrorCodes';

// A replay of what @ignisign/sdk (ignisign/ignisign-node) does on the wire, without the package
// (it is not on the registry): the paths of its URL map, its request interceptor's URL handling,
// the bearer header and the error handling that decides between an `IGNISIGN SDK EXCEPTION` and
// the raw HTTP error. Written from reading src/ignisign-http.service.ts, src/ignisign-sdk.service.ts
// and src/ignisign-sdk-error.service.ts, not copied.

/** The two SDK routes a log-capsule app uses, as the SDK's URL map writes them. */
export const SDK_PATHS = {
  getApplicationContext: '/v4/applications/:appId/context',
  logCapsuleCreate: '/v4/applications/:appId/envs/:appEnv/log-capsules',
  apiAuth: '/v4/auth/app-api',
} as const;

/**
 * The URL the SDK requests. Its interceptor resolves the route against the configured server URL
 * (so an absolute route replaces any path the server URL had), fills `:name` placeholders with
 * encodeURIComponent, then hands axios only `protocol//host` as the base and the pathname as the
 * route, which axios joins with a single '/'. Any path prefix or query of the server URL is lost.
 */
export function sdkRequestUrl(serverUrl: string, route: string, urlParams: Record<string, string> = {}): string {
  const resolved = new URL(route, serverUrl);
  for (const [name, value] of Object.entries(urlParams)) resolved.pathname = resolved.pathname.replace(`:${name}`, encodeURIComponent(value));
  const base = `${resolved.protocol}//${resolved.host}`;
  return `${base.replace(/\/+$/, '')}/${resolved.pathname.replace(/^\/+/, '')}`;
}

export type SdkOutcome<T> =
  | { kind: 'data'; data: T }
  /** What the SDK throws for a body whose `code` is in IGNISIGN_ERROR_CODES. */
  | { kind: 'sdkException'; message: string; code: string; context: Record<string, unknown> }
  /** The raw HTTP error it rethrows otherwise. */
  | { kind: 'rawHttpError'; status: number; data: unknown };

const VENDOR_CODES = new Set(VENDOR_IGNISIGN_ERROR_CODES);

/** An SDK instance initialised with a current (skv2) API key. */
export class IgnisignSdkReplay {
  readonly appId: string;
  readonly appEnv: string;
  readonly requested: string[] = [];
  private appType: string | undefined;

  constructor(
    private readonly serverUrl: string,
    private readonly apiKey: string,
  ) {
    // The SDK splits the key on '_' into [prefix, env, appIdSuffix, secret].
    const [, env, suffix] = apiKey.split('_');
    this.appId = `appId_${suffix}`;
    this.appEnv = env.toUpperCase();
  }

  async call<T>(method: 'GET' | 'POST', route: string, urlParams: Record<string, string>, body?: unknown): Promise<SdkOutcome<T>> {
    const url = sdkRequestUrl(this.serverUrl, route, urlParams);
    this.requested.push(`${method} ${url}`);
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${this.apiKey}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // axios leaves a body that is not JSON as text
    }
    if (res.status >= 200 && res.status < 300) return { kind: 'data', data: data as T };
    const code = (data as { code?: unknown } | null)?.code;
    if (typeof code !== 'string' || !VENDOR_CODES.has(code)) return { kind: 'rawHttpError', status: res.status, data };
    return { kind: 'sdkException', message: `IGNISIGN SDK EXCEPTION: ${code}`, code, context: { ...(data as object) } };
  }

  /** init(): the context call, then the app type the SDK keeps. */
  async init(): Promise<SdkOutcome<{ appType: string }>> {
    const outcome = await this.call<{ appType: string }>('GET', SDK_PATHS.getApplicationContext, { appId: this.appId });
    if (outcome.kind === 'data') this.appType = outcome.data.appType;
    return outcome;
  }

  /** logCapsuleCreate(hash): refused by the SDK itself unless init found a LOG_CAPSULE app. */
  async logCapsuleCreate(hashSha256_b64: string): Promise<SdkOutcome<{ hashSha256_b64: string; timestamp_b64: string }>> {
    if (this.appType !== 'LOG_CAPSULE') throw new Error(`the SDK refuses logCapsuleCreate for app type ${this.appType}`);
    return this.call('POST', SDK_PATHS.logCapsuleCreate, { appId: this.appId, appEnv: this.appEnv }, { hashSha256_b64 });
  }
}
