import request from 'supertest';
import { altrAuthorization } from '../signature';

// Shared by this folder's tests: the demo credentials and a signer, so each test states only what it varies.

export interface Credentials {
  key: string;
  secret: string;
}

export const RW: Credentials = { key: 'ALTR-demo-rw', secret: 'demo-rw-secret' };
export const RO: Credentials = { key: 'ALTR-demo-ro', secret: 'demo-ro-secret' };
export const SINGLE = '/altr/api/v1/single/';
export const SEEDED_TOKEN = '9f2b6c1e4d7a4b0c8e3f5a2d1c6b9e70';
export const DATA_CAP = 1_048_576;

/** Authorization + X-ALTR-DATE for a request; RESOURCE is empty for POST and the token for GETs. */
export function signedHeaders(method: 'GET' | 'POST', resource: string, date: string, creds: Credentials = RW): Record<string, string> {
  return { authorization: altrAuthorization(creds.key, creds.secret, method, resource, date), 'x-altr-date': date };
}

/**
 * superagent buffers octet-stream into a Buffer only when told to. `any`: superagent types `res` as
 * its own Response, though at run time it is the node stream.
 */
export function binaryParser(res: any, done: (err: Error | null, body: any) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

export function allByteValues(repeat = 1): Buffer {
  const one = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  return Buffer.concat(Array.from({ length: repeat }, () => one));
}

export interface AltrDump {
  organizations: Array<{ id: string; usedBytes: number; dataCapBytes: number }>;
  records: Array<{ referenceToken: string; size: number; md5: string; metadata: string | null; dataBase64: string }>;
}

/** The namespace's state through the admin API, as a user would inspect it. */
export async function altrState(app: Parameters<typeof request>[0], namespace: string): Promise<AltrDump> {
  const res = await request(app).get(`/__admin/state/altr?namespace=${encodeURIComponent(namespace)}`);
  if (res.status !== 200) throw new Error(`admin state: ${res.status}`);
  return res.body.state as AltrDump;
}
