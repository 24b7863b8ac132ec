import type { RequestHandler } from 'express';
import { type ApiName, VENDORS } from '../src/apis';
import { formatResult } from '../src/contract/report';
import { runContract } from '../src/contract/runner';
import { brokenApp } from './broken/brokenApp';
import { spoilErrors } from './testing/spoilErrors';

// The generic rules' scenarios against deliberately broken implementations: the real mock behind a
// middleware that breaks one generic rule. Each must fail the scenario named after that rule, with
// a readable failure that links the README rule, and leave the other generic scenarios passing.

async function generic(api: ApiName, breaker: RequestHandler) {
  const report = await runContract({ vendors: VENDORS, apis: [api], target: { kind: 'in-process', app: brokenApp(api, breaker) }, grep: 'generic:' });
  const failed = report.results.filter((r) => r.outcome !== 'passed');
  return { names: failed.map((r) => r.name), text: failed.map(formatResult).join('\n\n') };
}

const htmlPage =
  (status: number): RequestHandler =>
  (_req, res) => {
    res.status(status).type('html').send('<!DOCTYPE html><html><body><pre>Error: boom<br> &nbsp; &nbsp;at handler (/app/index.js:10:5)</pre></body></html>');
  };

describe('the generic scenarios catch an implementation that breaks a generic rule', () => {
  it('unknown path answered with an HTML page', async () => {
    const { names, text } = await generic('losant', (req, res, next) =>
      req.path.startsWith('/losant/standin-no-such-route') ? htmlPage(404)(req, res, next) : next(),
    );
    expect(names).toEqual([
      "generic: an unknown path -> 404 in the vendor's error envelope",
      "generic: malformed requests get JSON in the vendor's error envelope, never an HTML page or a stack trace",
    ]);
    expect(text).toContain('[envelope] losant (no operation): the 404 answer breaks the losant error envelope at /headers/content-type');
    expect(text).toContain('rule: README.md#rule-generic-404 [standin choice]');
  });

  it('405 without an Allow header', async () => {
    const { names, text } = await generic('signatures', (req, res, next) =>
      req.method === 'PATCH' ? void res.status(405).json({ status: false, message: 'no' }) : next(),
    );
    expect(names).toEqual([
      "generic: PATCH on /signature -> 405 with Allow: GET, POST, DELETE, in the vendor's error envelope",
      "generic: PATCH on /signatures -> 405 with Allow: GET, in the vendor's error envelope",
    ]);
    expect(text).toContain('the Allow header: expected ["DELETE","GET","POST"], got []');
  });

  it('404 instead of 405 for a wrong method', async () => {
    const { names } = await generic('losant', (req, res, next) =>
      req.method === 'PUT' ? void res.status(404).json({ type: 'NotFound', message: 'no' }) : next(),
    );
    expect(names).toEqual([
      "generic: PUT on /applications/{applicationId}/certificates/{applicationCertificateId} -> 405 with Allow: GET, DELETE, PATCH, in the vendor's error envelope",
    ]);
  });

  it('a 400 that does not name the field', async () => {
    // Every 400 of the list loses its message; the other operations' 400s stay as they are.
    const spoil = spoilErrors((body, req) =>
      req.method === 'GET' && req.path.endsWith('/certificates') ? { type: 'Validation', message: 'bad request' } : body,
    );
    const { names, text } = await generic('losant', spoil);
    expect(names).toEqual(['generic: listApplicationCertificates: a request breaking its schema -> 400 naming the field']);
    expect(text).toContain("path 'applicationId' breaking its pattern: the 400 does not name 'applicationId'");
    expect(text).toContain('rule: README.md#rule-generic-400 [standin choice]');
  });

  it("malformed JSON answered by a framework's HTML error page with a stack trace", async () => {
    const { names, text } = await generic('losant', (req, res, next) =>
      req.method === 'POST' && req.path.endsWith('/certificates') && req.headers['content-length'] === '12' ? htmlPage(400)(req, res, next) : next(),
    );
    expect(names).toEqual(["generic: createApplicationCertificate with malformed JSON -> 400 in the vendor's error envelope, no HTML"]);
    expect(text).toContain('the answer is an HTML page');
  });

  it('a body in an undocumented content type accepted', async () => {
    const { names, text } = await generic('losant', (req, res, next) =>
      req.headers['content-type'] === 'text/plain' ? void res.status(201).json({}) : next(),
    );
    expect(names).toEqual([
      "generic: createApplicationCertificate with Content-Type text/plain, which it does not document -> a documented 4xx in the vendor's error envelope",
      "generic: patchApplicationCertificate with Content-Type text/plain, which it does not document -> a documented 4xx in the vendor's error envelope",
    ]);
    expect(text).toContain('expected a documented 4xx, got 201');
  });

  it('a body over the limit answered 400 instead of 413', async () => {
    const { names, text } = await generic('droplit', (req, res, next) =>
      Number(req.headers['content-length']) > 5242880
        ? void res.status(400).json({ errorType: 'InvalidBody', errors: [{ path: '', message: 'too big' }] })
        : next(),
    );
    expect(names).toEqual(["generic: createEnvironment with a body over the body limit -> 413 in the vendor's error envelope"]);
    expect(text).toContain('a body of 5242881 bytes: expected status 413, got 400');
  });

  it('a stack trace in a JSON error', async () => {
    const { names, text } = await generic('signatures', (req, res, next) => {
      if (!req.url.includes('%E0%A4%A')) return next();
      res.status(400).json({
        status: false,
        message: 'URIError: URI malformed\n    at decodeURIComponent (<anonymous>)\n    at parse (/app/node_modules/qs/lib/utils.js:111:16)',
      });
    });
    expect(names).toEqual(["generic: malformed requests get JSON in the vendor's error envelope, never an HTML page or a stack trace"]);
    expect(text).toContain('the answer carries a stack trace');
  });

  it('and the same scenarios pass against the unbroken mock', async () => {
    for (const api of ['ignisign', 'altr', 'signatures', 'losant', 'droplit'] as const)
      expect((await generic(api, (_req, _res, next) => next())).names).toEqual([]);
  });
});
