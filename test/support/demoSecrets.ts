import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALTR_DEMO_CREDENTIALS } from '../../src/apis/altr/contract/credentials';
import { DROPLIT_DEMO_CREDENTIALS } from '../../src/apis/droplit/contract/credentials';
import { IGNISIGN_DEMO_CREDENTIALS } from '../../src/apis/ignisign/contract/credentials';
import { LOSANT_DEMO_CREDENTIALS } from '../../src/apis/losant/contract/credentials';
import { FIXTURES_DIR } from '../../src/paths';

// Every credential standin documents for its demo: what a journal, a state dump, a log line or the
// dashboard must never show. Read from the fixtures as well as the contract descriptors, so a key
// added to either is searched for without touching the tests.

const fixture = <T>(api: string, file: string): T => JSON.parse(readFileSync(join(FIXTURES_DIR, api, file), 'utf8')) as T;

const ignisignKeys = fixture<{ apps: { keys: Record<string, string> }[] }>('ignisign', 'apps.json').apps.flatMap((app) => Object.values(app.keys));
const altrKeys = fixture<{ apiKeys: { key: string; secret: string }[] }>('altr', 'seed.json').apiKeys.flatMap((k) => [k.key, k.secret]);
const losantTokens = fixture<{ tokens: { token: string }[] }>('losant', 'credentials.json').tokens.map((t) => t.token);
const droplitTokens = fixture<{ tokens: { token: string }[] }>('droplit', 'seed.json').tokens.map((t) => t.token);

const fromDescriptors = [
  IGNISIGN_DEMO_CREDENTIALS.apiKey,
  ALTR_DEMO_CREDENTIALS.key,
  ALTR_DEMO_CREDENTIALS.secret,
  ALTR_DEMO_CREDENTIALS.readOnlyKey,
  ALTR_DEMO_CREDENTIALS.readOnlySecret,
  ALTR_DEMO_CREDENTIALS.writeOnlyKey,
  ALTR_DEMO_CREDENTIALS.writeOnlySecret,
  LOSANT_DEMO_CREDENTIALS.token,
  LOSANT_DEMO_CREDENTIALS.readToken,
  LOSANT_DEMO_CREDENTIALS.noScopeToken,
  LOSANT_DEMO_CREDENTIALS.boundedToken,
  DROPLIT_DEMO_CREDENTIALS.accountToken,
  DROPLIT_DEMO_CREDENTIALS.userToken,
  DROPLIT_DEMO_CREDENTIALS.serverToken,
  DROPLIT_DEMO_CREDENTIALS.clientToken,
];

/** Every demo key, secret and token of the five APIs, each once. */
export const DEMO_SECRETS: string[] = [
  ...new Set([...fromDescriptors, ...ignisignKeys, ...altrKeys, ...losantTokens, ...droplitTokens].filter((s): s is string => !!s)),
];

/** A secret and the encodings it could leak in (a body or header echoed as base64). */
export function leakForms(secret: string): string[] {
  return [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)];
}
