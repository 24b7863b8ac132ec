import express, { type RequestHandler } from 'express';
import { type ContractReport, runContract } from '../../src/contract/runner';
import { VENDORS } from '../../src/apis';
import { brokenApp, expectExactlyTheseFail, rewriteJsonBody } from './brokenApp';

// The losant scenarios against deliberately broken implementations. Each is the real mock behind one
// middleware that breaks a single rule (rewriting the request on its way in, or the
// response on its way out); the scenarios stating that rule must fail with a readable failure
// (message + curl), and every other losant scenario must still pass. src/ is never touched.

const DEMO_TOKENS = ['losant-demo-all', 'losant-demo-bounded', 'losant-demo-read', 'losant-demo-none'];
const isItem = (req: express.Request) => /^\/losant\/applications\/[^/]+\/certificates\/[^/?]+/.test(req.url);
const isList = (req: express.Request) => req.method === 'GET' && /^\/losant\/applications\/[^/]+\/certificates\/?(\?|$)/.test(req.url);

/** Lets `change` rewrite the mock's JSON answer (return the new body, or undefined to keep it). */
function rewriteResponse(when: (req: express.Request) => boolean, change: (status: number, body: any) => unknown): RequestHandler {
  return (req, res, next) => {
    if (!when(req)) return next();
    const chunks: Buffer[] = [];
    const end = res.end.bind(res) as (chunk?: unknown) => express.Response;
    (res as any).write = (chunk: unknown) => (chunks.push(Buffer.from(chunk as Buffer)), true);
    (res as any).end = (chunk?: unknown) => {
      if (chunk !== undefined && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as Buffer));
      let payload = Buffer.concat(chunks);
      try {
        const replaced = change(res.statusCode, JSON.parse(payload.toString('utf8')));
        if (replaced !== undefined) payload = Buffer.from(JSON.stringify(replaced));
      } catch {
        // not JSON: answer as the mock did
      }
      res.setHeader('content-length', payload.length);
      return end(payload);
    };
    next();
  };
}

/** Lets `change` rewrite the query string of the requests `when` selects. */
function rewriteQuery(when: (req: express.Request) => boolean, change: (params: URLSearchParams) => void): RequestHandler {
  return (req, _res, next) => {
    const at = req.url.indexOf('?');
    if (when(req) && at >= 0) {
      const params = new URLSearchParams(req.url.slice(at + 1));
      change(params);
      req.url = `${req.url.slice(0, at)}?${params}`;
    }
    next();
  };
}

/** Applies `change` to every certificate in a body (one certificate, or a list's items). */
function eachCertificate(body: any, change: (certificate: any) => void): unknown {
  for (const c of Array.isArray(body?.items) ? body.items : [body]) if (c?.certificateInfo) change(c);
  return body;
}

interface BrokenRule {
  rule: string;
  breakers: RequestHandler[];
  /** The scenarios that must fail: the one for the rule, plus any other that states the same rule. */
  fails: string[];
}

const RULES: BrokenRule[] = [
  {
    rule: 'any well-formed bearer token is accepted (an unknown token acts as the full token)',
    breakers: [
      (req, _res, next) => {
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        if (token !== undefined && !DEMO_TOKENS.includes(token)) req.headers.authorization = 'Bearer losant-demo-all';
        next();
      },
    ],
    fails: [
      'auth: an unknown token -> 401 Unauthorized "Invalid access token" on list and get',
      'auth: an unknown token -> 401 Unauthorized "Invalid access token" on create, patch and delete, nothing changed',
      'error precedence: 401 (token) before 403 (scope) before 400 (ids, body) before 404 (not found) before 400 (PEM)',
    ],
  },
  {
    rule: 'scopes are checked for reads only (the read-only token may create, patch and delete)',
    breakers: [
      (req, _res, next) => {
        if (req.method !== 'GET' && req.headers.authorization === 'Bearer losant-demo-read') req.headers.authorization = 'Bearer losant-demo-all';
        next();
      },
    ],
    fails: [
      'scopes: the read-only token is refused create, patch and delete -> 403 Forbidden, nothing changed',
      'error precedence: 401 (token) before 403 (scope) before 400 (ids, body) before 404 (not found) before 400 (PEM)',
    ],
  },
  {
    rule: 'PATCH replaces instead of merging (topic lists left out are reset to [])',
    breakers: [
      rewriteJsonBody(
        (req) => req.method === 'PATCH',
        (body) => {
          if (body && typeof body === 'object' && !Array.isArray(body)) {
            body.pubTopics ??= [];
            body.subTopics ??= [];
          }
        },
      ),
    ],
    fails: ['patch: merges the fields sent (arrays replaced), keeps the others, bumps lastUpdated; GET reads back equal'],
  },
  {
    rule: 'the list reports totalCount as the size of the page',
    breakers: [rewriteResponse(isList, (status, body) => (status === 200 ? { ...body, totalCount: body.count } : undefined))],
    fails: [
      'list: page and perPage slice the matches in order; count = page size, totalCount = all matches, a page past the end is empty',
      'query: overrides filterField and filter (neither applied nor echoed), and is sorted and paged like any list',
    ],
  },
  {
    rule: 'DELETE answers {success:true} but keeps the certificate (it is only looked up)',
    breakers: [
      (req, _res, next) => {
        // Only for the full token, so the scope rules still hold and just the delete itself is broken.
        if (req.method === 'DELETE' && isItem(req) && req.headers.authorization === 'Bearer losant-demo-all') {
          req.method = 'GET';
          (req.headers as Record<string, string>)['x-broken-delete'] = '1';
          delete req.headers['content-type'];
          delete req.headers['content-length'];
        }
        next();
      },
      rewriteResponse(
        (req) => req.headers['x-broken-delete'] === '1',
        (status) => (status === 200 ? { success: true } : undefined),
      ),
    ],
    fails: ['delete: 200 {success:true}; later GET, PATCH and DELETE -> 404 and the list no longer holds it'],
  },
  {
    rule: "certificateInfo.issuerName is the subject's common name (not the issuer's)",
    breakers: [
      rewriteResponse(
        (req) => req.url.startsWith('/losant/'),
        (_status, body) => eachCertificate(body, (c) => (c.certificateInfo.issuerName = c.certificateInfo.commonName)),
      ),
    ],
    fails: [
      'create: 201 with certificateInfo read from the certificate and the defaults (active, filter all, no topics); GET reads back equal',
      'patch: a new certificate replaces the PEM and certificateInfo is read from it again',
    ],
  },
  {
    rule: 'the advanced query parameter is ignored (the list is not filtered by it, and a malformed one is not refused)',
    breakers: [rewriteQuery(isList, (params) => params.delete('query'))],
    fails: [
      'query: the advanced query filters by its fields and operators ($eq, $in, $startsWith with $ci, $and, $or, $nor, ids, arrays)',
      'query: overrides filterField and filter (neither applied nor echoed), and is sorted and paged like any list',
      'query: not JSON, not an object, an unknown operator or a wrong operand -> 400 Validation',
      'query: an unknown field, nesting over 10 levels, over 200 conditions or over 4096 characters -> 400 Validation',
    ],
  },
  {
    rule: 'the name sent on POST and PATCH is dropped (every certificate keeps its derived name)',
    breakers: [
      rewriteJsonBody(
        (req) => req.method === 'POST' || req.method === 'PATCH',
        (body) => {
          if (body && typeof body === 'object' && !Array.isArray(body)) delete body.name;
        },
      ),
    ],
    fails: [
      'name: POST keeps the name sent; without one the name is the common name; GET and the list return it',
      'name: PATCH changes the name; a new certificate keeps it; an empty name -> 400 Validation',
      'list: filterField name globs on the name (whole value, case-insensitive); sortField name orders by it',
      'query: the advanced query filters by its fields and operators ($eq, $in, $startsWith with $ci, $and, $or, $nor, ids, arrays)',
      "generated: createApplicationCertificate with body 'name' of the wrong type gets a documented 4xx",
      "generated: patchApplicationCertificate with body 'name' of the wrong type gets a documented 4xx",
    ],
  },
  {
    rule: 'a *.bounded scope is refused (the scope lists of 2.8.1)',
    breakers: [
      (req, _res, next) => {
        if (req.headers.authorization === 'Bearer losant-demo-bounded') req.headers.authorization = 'Bearer losant-demo-none';
        next();
      },
    ],
    fails: ['scopes: a token holding only a *.bounded scope may list, create, get, patch and delete'],
  },
  {
    rule: 'page and perPage are read with Number() (hex, exponents and Infinity taken as numbers)',
    breakers: [
      rewriteQuery(isList, (params) => {
        for (const name of ['page', 'perPage']) {
          const value = params.get(name);
          if (value === null || /^[0-9]+$/.test(value)) continue;
          const n = Number(value);
          if (Number.isNaN(n)) continue;
          if (!Number.isFinite(n))
            params.set(name, '1'); // what an implementation clamping Infinity would read
          else if (Number.isInteger(n) && n >= 0) params.set(name, String(n));
        }
      }),
    ],
    fails: ['list: page and perPage must be decimal digits (Infinity, -Infinity, 1e400, 1e2, 0x2) and a filter at most 1024 characters -> 400 Validation'],
  },
];

describe('losant contract scenarios catch a broken implementation', () => {
  it.each(RULES.map((r) => [r.rule, r] as const))('%s', async (_rule, { breakers, fails }) => {
    const report: ContractReport = await runContract({
      vendors: VENDORS,
      apis: ['losant'],
      target: { kind: 'in-process', app: brokenApp('losant', ...breakers) },
    });
    expectExactlyTheseFail(report, fails);
  });

  it('the same suite passes against the unbroken mock behind a pass-through middleware', async () => {
    const report = await runContract({
      vendors: VENDORS,
      apis: ['losant'],
      target: { kind: 'in-process', app: brokenApp('losant', (_req, _res, next) => next()) },
    });
    expect(report.results.filter((r) => r.outcome !== 'passed').map((r) => r.name)).toEqual([]);
  });

  it('grep keeps a run to the named rule, and the failure says what was expected with a curl to reproduce it', async () => {
    const report = await runContract({
      vendors: VENDORS,
      apis: ['losant'],
      target: { kind: 'in-process', app: brokenApp('losant', ...RULES[1].breakers) },
      grep: 'scopes: the read-only token is refused',
    });
    expect(report.results.map((r) => [r.name, r.outcome])).toEqual([[RULES[1].fails[0], 'failed']]);
    const [failure] = report.results[0].failures;
    expect(failure.message).toMatch(/expected status 403, got 201/);
    expect(failure.curl).toMatch(/^curl -i -X POST .*'authorization: Bearer [^*']{1,8}\*+'/);
    expect(failure.curl).not.toContain('losant-demo-read'); // the token is masked
  });
});
