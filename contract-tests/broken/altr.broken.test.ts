import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { altrSignature } from '../../src/apis/altr/contract/signRequest';
import { formatFailure } from '../../src/contract/checkFailure';
import { ALTR_DEMO_CREDENTIALS } from '../../src/apis/altr/contract/credentials';
import { type ContractReport, runContract } from '../../src/contract/runner';
import { VENDORS } from '../../src/apis';
import { brokenApp } from './brokenApp';

// The suite against deliberately broken ALTR implementations: the real mock behind a middleware
// that breaks one rule. Each run must fail the scenario(s) for that rule, with a readable failure,
// and pass everything else. src/ is untouched: the break lives only in this file.

const SECRETS: Record<string, string> = {
  [ALTR_DEMO_CREDENTIALS.key]: ALTR_DEMO_CREDENTIALS.secret,
  [ALTR_DEMO_CREDENTIALS.readOnlyKey!]: ALTR_DEMO_CREDENTIALS.readOnlySecret!,
};
const WELL_FORMED = /^ALTR ([^\s:]+):([A-Za-z0-9+/]+={0,2})$/;
const SINGLE = /^\/altr\/api\/v1\/single\/([^/?]*)/;

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The signed RESOURCE of a request to the mock: empty for POST, the token for the GETs. */
function resourceOf(req: IncomingMessage): string {
  if (req.method === 'POST') return '';
  const m = SINGLE.exec(req.url ?? '');
  return m ? decodeURIComponent(m[1]) : '';
}

/** Replaces the request's signature with a correct one for `key` over its method, resource and date. */
function resign(req: IncomingMessage, key: string, date = String(req.headers['x-altr-date'])): void {
  req.headers['x-altr-date'] = date;
  req.headers.authorization = `ALTR ${key}:${altrSignature(SECRETS[key], req.method ?? 'GET', resourceOf(req), date)}`;
}

/** Rewrites the mock's answer just before it is written (the adapter sets every header, then calls end). */
function rewriteResponse(change: (req: IncomingMessage, res: ServerResponse, body: Buffer) => Buffer | undefined): Middleware {
  return (req, res, next) => {
    const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
    res.end = ((chunk?: unknown) => {
      const body = Buffer.isBuffer(chunk) ? chunk : Buffer.from(typeof chunk === 'string' ? chunk : '');
      const changed = change(req, res, body);
      if (changed === undefined) return end(chunk);
      res.setHeader('content-length', changed.length);
      return end(changed);
    }) as ServerResponse['end'];
    next();
  };
}

/** Answers the request itself in ALTR's envelope, as an implementation with an extra rule would. */
function refuse(res: ServerResponse, message: string): void {
  const body = JSON.stringify({ success: false, response: { error_type: 'bad_request', error_message: message } });
  res.statusCode = 400;
  res.setHeader('content-type', 'application/json');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

const BROKEN: Array<{ rule: string; middleware: Middleware; fails: string[] }> = [
  {
    rule: "PutData refuses any Content-Type but application/octet-stream (the sample clients' JSON and untyped writes get 400)",
    middleware: (req, res, next) => {
      const octets = /^application\/octet-stream/.test(String(req.headers['content-type'] ?? ''));
      if (req.method === 'POST' && SINGLE.test(req.url ?? '') && !octets) return refuse(res, 'Content-Type must be application/octet-stream.');
      next();
    },
    fails: ['PutData: a body sent as application/json', 'PutData: a body labelled application/json that is not valid JSON'],
  },
  {
    rule: 'X-Content-Length-Hint is read as any number (0x10 passes as 16, 1e3 as 1000)',
    middleware: (req, _res, next) => {
      const hint = req.headers['x-content-length-hint'];
      if (typeof hint === 'string' && Number.isInteger(Number(hint)) && Number(hint) >= 0) req.headers['x-content-length-hint'] = String(Number(hint));
      next();
    },
    fails: ['X-Content-Length-Hint that is not decimal digits'],
  },
  {
    rule: 'the signature is not verified (any well-formed header of a known key passes)',
    middleware: (req, _res, next) => {
      const m = WELL_FORMED.exec(String(req.headers.authorization ?? ''));
      if (m && SECRETS[m[1]] && req.headers['x-altr-date']) resign(req, m[1]);
      next();
    },
    fails: ['auth: a wrong signature', 'auth: each 401 cause has its own message'],
  },
  {
    rule: 'only dates in the past are checked for skew (a date 16 minutes ahead is accepted)',
    middleware: (req, _res, next) => {
      const m = WELL_FORMED.exec(String(req.headers.authorization ?? ''));
      const date = Date.parse(String(req.headers['x-altr-date']));
      if (m && SECRETS[m[1]] && date > Date.now() + 15 * 60_000) resign(req, m[1], new Date().toISOString());
      next();
    },
    fails: ['auth: a date 16 minutes in the future'],
  },
  {
    rule: 'the read-only key may write (PutData ignores the write permission)',
    middleware: (req, _res, next) => {
      const m = WELL_FORMED.exec(String(req.headers.authorization ?? ''));
      if (req.method === 'POST' && m?.[1] === ALTR_DEMO_CREDENTIALS.readOnlyKey) resign(req, ALTR_DEMO_CREDENTIALS.key);
      next();
    },
    fails: ['permissions: the read-only key on PutData', 'permissions: a write refused to the read-only key'],
  },
  {
    rule: 'GetData passes the stored bytes through a UTF-8 string (binary data is mangled, the hash matches the mangled bytes)',
    middleware: rewriteResponse((req, res, body) => {
      if (req.method !== 'GET' || res.statusCode !== 200 || !/^application\/octet-stream/.test(String(res.getHeader('content-type')))) return undefined;
      const mangled = Buffer.from(body.toString('utf8'), 'utf8');
      res.setHeader('x-expected-hash', createHash('md5').update(mangled).digest('hex'));
      return mangled;
    }),
    // Every scenario that reads back non-UTF-8 bytes notices.
    fails: [
      'PutData -> GetData returns arbitrary binary bytes byte for byte',
      'X-Content-Length-Hint under 3072 with a Content-Length present',
      'a chunked upload',
      'data cap:',
      'token status: data over 500 bytes',
    ],
  },
  {
    rule: 'the data cap is not enforced (a write past it gets a token)',
    middleware: rewriteResponse((req, res, body) => {
      if (req.method !== 'POST' || res.statusCode !== 400 || !body.toString().includes('Organization data cap exceeded')) return undefined;
      res.statusCode = 200;
      return Buffer.from(JSON.stringify({ success: true, response: { data: { referenceToken: randomBytes(16).toString('hex') } } }));
    }),
    fails: ['data cap:'],
  },
];

describe.each(BROKEN)('the ALTR contract suite against a mock where $rule', ({ middleware, fails }) => {
  let report: ContractReport;

  beforeAll(async () => {
    report = await runContract({ vendors: VENDORS, apis: ['altr'], target: { kind: 'in-process', app: brokenApp('altr', middleware) } });
  });

  it('fails the scenario(s) for that rule, each with a message and a curl reproduction', () => {
    for (const prefix of fails) {
      const result = report.results.find((r) => r.name.startsWith(prefix));
      expect(result?.outcome).toBe('failed');
      const failure = result!.failures.find((f) => f.check === 'behaviour')!;
      expect(failure.message.length).toBeGreaterThan(0);
      expect(failure.curl).toMatch(/^curl -i -X (GET|POST) 'http:\/\/127\.0\.0\.1:4010\/altr\/api\/v1\/single\//);
      expect(failure.curl).not.toContain(ALTR_DEMO_CREDENTIALS.secret);
      expect(formatFailure(failure)).toContain('reproduce:');
    }
  });

  it('passes every other scenario', () => {
    const failed = report.results.filter((r) => r.outcome === 'failed').map((r) => r.name);
    expect(failed.filter((name) => !fails.some((prefix) => name.startsWith(prefix)))).toEqual([]);
    expect(report.results.filter((r) => r.outcome === 'skipped').map((r) => r.name)).toEqual([]);
  });
});
