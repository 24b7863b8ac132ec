import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../paths';
import type { AppEnv } from './apiKey';
import type { IgnisignApp } from './ignisignApp';

// Read once per process; each namespace builds its own store from these values.

export interface AppFixture extends IgnisignApp {
  keys: Partial<Record<AppEnv, string>>;
}

export interface TsaKeyFixture {
  kid: string;
  alg: string;
  publicKeyPem: string;
  privateKeyPem: string;
}

const DIR = join(FIXTURES_DIR, 'ignisign');
let apps: AppFixture[] | undefined;
let tsaKey: TsaKeyFixture | undefined;

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T;
}

export function appFixtures(): AppFixture[] {
  apps ??= readJson<{ apps: AppFixture[] }>('apps.json').apps;
  return apps;
}

/** The documented demo timestamp-authority key (public on purpose; never a real secret). */
export function tsaKeyFixture(): TsaKeyFixture {
  tsaKey ??= readJson<TsaKeyFixture>('tsa-demo-key.json');
  return tsaKey;
}
