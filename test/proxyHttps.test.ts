import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type StandinApp } from '../src/app/createApp';
import { createProxy } from '../src/proxy/proxyServer';
import { describeIfInstalled } from './support/describeIfInstalled';

// An HTTPS upstream (real vendors are): the proxy speaks TLS to it and checks its certificate.

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describeIfInstalled(
  'proxy to an HTTPS upstream',
  hasOpenssl(),
  'needs the openssl command to make a test certificate (install the Debian package openssl)',
  () => {
    let dir: string;
    let app: StandinApp;
    let server: Server;
    let upstream: string;
    let ca: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'standin-https-'));
      const key = join(dir, 'key.pem');
      const cert = join(dir, 'cert.pem');
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          key,
          '-out',
          cert,
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
      ca = readFileSync(cert, 'utf8');
      app = createApp({ apis: ['losant'] });
      server = createHttpsServer({ key: readFileSync(key), cert: ca }, app.listener);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      upstream = `https://127.0.0.1:${(server.address() as AddressInfo).port}/losant`;
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('with the upstream’s CA the answer comes through TLS unchanged; without it, a 502 that says why', async () => {
      const path = '/applications/575ec8687ae143cd83dc4a97/certificates/575ec76c7ae143cd83dc4a96';
      const trusted = createProxy({ pairs: [{ api: 'losant', upstream }], root: true, ca });
      const untrusted = createProxy({ pairs: [{ api: 'losant', upstream }], root: true });
      await trusted.listen(0);
      await untrusted.listen(0);
      try {
        const res = await fetch(`${trusted.url()}${path}`, { headers: { authorization: 'Bearer losant-demo-all' } });
        expect(res.status).toBe(200);
        expect(((await res.json()) as { id: string }).id).toBe('575ec76c7ae143cd83dc4a96');
        const refused = await fetch(`${untrusted.url()}${path}`, { headers: { authorization: 'Bearer losant-demo-all' } });
        expect(refused.status).toBe(502);
        expect(((await refused.json()) as { message: string }).message).toMatch(/cannot be reached: .*(self-signed|certificate)/i);
      } finally {
        await trusted.close();
        await untrusted.close();
      }
    });
  },
);
