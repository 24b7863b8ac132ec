import express from 'express';
import { runContract } from '../lib/runner';
import { brokenApp } from './brokenApp';

// Deliberately broken Ignisign implementations: the real mock behind a middleware that breaks one
// rule. The suite must fail the scenario named after that rule and nothing else.

async function outcomes(app: express.Express, grep: string) {
  const report = await runContract({ apis: ['ignisign'], target: { kind: 'in-process', app }, grep });
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
});
