import express, { type RequestHandler } from 'express';
import { runContract } from '../../src/contract/runner';
import { VENDORS } from '../../src/apis';
import { brokenApp, expectExactlyTheseFail, rewriteJsonBody } from './brokenApp';

// Deliberately broken Ignisign implementations: the real mock behind a middleware that breaks one
// rule. The suite must fail the scenario named after that rule and nothing else.

async function outcomes(app: express.Express, grep: string) {
  const report = await runContract({ vendors: VENDORS, apis: ['ignisign'], target: { kind: 'in-process', app }, grep });
  return report.results;
}

describe('the contract suite catches a broken Ignisign', () => {
  it('that accepts any key for the app (unknown key not refused)', async () => {
    const app = brokenApp('ignisign', (req, _res, next) => {
      if (/not-a-real-secret/.test(req.headers.authorization ?? '')) req.headers.authorization = 'Bearer skv2_development_demo_devsecret';
      next();
    });
    const [result] = await outcomes(app, 'unknown key');
    expect(result.outcome).toBe('failed');
    expect(result.failures[0].message).toMatch(/expected status 401, got 200/);
    expect(result.failures[0].curl).toMatch(/curl -i -X GET .*authorization: Bearer skv2_d\*\*\*\*/);
  });

  it("that ignores the key's environment (403 rule)", async () => {
    const app = brokenApp('ignisign', (req, _res, next) => {
      req.url = req.url.replace('/envs/STAGING/', '/envs/DEVELOPMENT/');
      next();
    });
    const results = await outcomes(app, 'auth:');
    expect(results.find((r) => r.name.includes('another env'))?.outcome).toBe('failed');
    expect(results.filter((r) => !r.name.includes('another env')).every((r) => r.outcome === 'passed')).toBe(true);
  });

  it('that answers errors outside the vendor envelope', async () => {
    const app = brokenApp('ignisign', (req, res, next) => {
      if (!req.headers.authorization) return void res.status(401).json({ error: 'unauthorized' });
      next();
    });
    const [result] = await outcomes(app, 'no Authorization header');
    expect(result.outcome).toBe('failed');
    expect(result.failures.map((f) => f.check)).toContain('body-schema');
  });

  it("that is stricter than the vendor's DTO on hashSha256_b64 (refuses the 31- and 33-byte forms)", async () => {
    const app = brokenApp(
      'ignisign',
      rewriteJsonBody(
        (req) => req.method === 'POST' && /\/log-capsules$/.test(req.url),
        (body) => {
          if (typeof body.hashSha256_b64 === 'string' && !/^[^=]{43}=$/.test(body.hashSha256_b64)) body.hashSha256_b64 = 'refused';
        },
      ),
    );
    const report = await runContract({ vendors: VENDORS, apis: ['ignisign'], target: { kind: 'in-process', app } });
    expectExactlyTheseFail(report, ['hashSha256_b64 of 31 or 33 bytes in 44 base64 characters passes the DTO -> 201, echoed as sent']);
  });

  it('that answers a route it lacks with a code outside the vendor list (the SDK would rethrow the raw HTTP error)', async () => {
    const renameCode: RequestHandler = (_req, res, next) => {
      const end = res.end.bind(res) as (chunk?: unknown) => express.Response;
      (res as any).end = (chunk?: unknown) => {
        if (res.statusCode !== 404 || chunk === undefined) return end(chunk);
        const body = JSON.parse(Buffer.from(chunk as string).toString('utf8'));
        if (body.code === 'NOT_YET_IMPLEMENTED') body.code = 'NOT_FOUND';
        const payload = JSON.stringify(body);
        res.setHeader('content-length', Buffer.byteLength(payload));
        return end(payload);
      };
      next();
    };
    const report = await runContract({ vendors: VENDORS, apis: ['ignisign'], target: { kind: 'in-process', app: brokenApp('ignisign', renameCode) } });
    expectExactlyTheseFail(report, [
      'a route the mock lacks -> 404 NOT_YET_IMPLEMENTED, a wrong method -> 405 BAD_REQUEST: codes the SDK knows, so it throws an IGNISIGN SDK EXCEPTION',
    ]);
  });
});
