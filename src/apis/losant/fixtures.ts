import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../paths';
import { type CertificateInfo, readCertificateInfo } from './certificateInfo';
import type { Certificate } from './certificate';
import { defaultName } from './store';

// fixtures/losant, read and parsed once per process; every namespace is seeded from this value.

export interface FixtureCertificate {
  pem: string;
  info: CertificateInfo;
}

export interface LosantFixtures {
  tokens: Array<{ token: string; scopes: string[] }>;
  applications: Array<{ id: string; certificates: Certificate[]; generated: number }>;
  /** The PEMs generated certificates take in turn. */
  generatedCertificates: FixtureCertificate[];
}

const DIR = join(FIXTURES_DIR, 'losant');

/** A certificate as seed.json lists it: its PEM in a file of its own, the fields read from it left out. */
type SeedCertificate = Omit<Certificate, 'name' | 'applicationCertificateId' | 'applicationId' | 'certificateInfo' | 'certificate'> & {
  name?: string;
  certificateFile: string;
};

interface SeedFile {
  applications: Array<{ id: string; generated?: number; certificates: SeedCertificate[] }>;
  generatedCertificateFiles: string[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T;
}

function readPem(file: string): FixtureCertificate {
  const pem = readFileSync(join(DIR, file), 'utf8');
  const info = readCertificateInfo(pem);
  if (!info) throw new Error(`standin: fixtures/losant/${file} is not a PEM X.509 certificate`);
  return { pem, info };
}

function load(): LosantFixtures {
  const credentials = readJson<Pick<LosantFixtures, 'tokens'>>('credentials.json');
  const seed = readJson<SeedFile>('seed.json');
  return {
    tokens: credentials.tokens,
    applications: seed.applications.map((app) => ({
      id: app.id,
      generated: app.generated ?? 0,
      certificates: app.certificates.map(({ certificateFile, ...fields }): Certificate => {
        const { pem, info } = readPem(certificateFile);
        return {
          ...fields,
          name: fields.name ?? defaultName(info),
          applicationCertificateId: fields.id,
          applicationId: app.id,
          certificateInfo: info,
          certificate: pem,
        };
      }),
    })),
    generatedCertificates: seed.generatedCertificateFiles.map(readPem),
  };
}

let cached: LosantFixtures | undefined;

export function losantFixtures(): LosantFixtures {
  cached ??= load();
  return cached;
}
