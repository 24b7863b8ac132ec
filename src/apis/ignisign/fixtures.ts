import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../paths';
import type { AppEnv } from './apiKey';
import type { IgnisignApp } from './store';

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

function readJson(file: string): any {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8'));
}

export function appFixtures(): AppFixture[] {
  apps ??= readJson('apps.json').apps as AppFixture[];
  return apps;
}

/** The documented demo timestamp-authority key (public on purpose; never a real secret). */
export function tsaKeyFixture(): TsaKeyFixture {
  tsaKey ??= readJson('tsa-demo-key.json') as TsaKeyFixture;
  return tsaKey;
}
