import express, { type RequestHandler } from 'express';
import { type ContractReport, runContract } from '../../src/contract/runner';
import { VENDORS } from '../../src/apis';
import { brokenApp, expectExactlyTheseFail, rewriteJsonBody } from './brokenApp';

// The droplit scenarios against deliberately broken implementations. Each is the real mock behind one
// middleware that breaks a single rule; the scenario for that rule must fail with a readable failure
// (message + curl), and every other droplit scenario must still pass. src/ is never touched.

const isCreate = (req: express.Request) => req.method === 'POST' && /^\/droplit\/(v0\/)?api\/environments\/?(\?|$)/.test(req.url);

interface BrokenRule {
  rule: string;
  breaker: RequestHandler;
  /** The scenarios that must fail: the one for the rule, plus any other that states the same rule. */
  fails: string[];
}

const RULES: BrokenRule[] = [
  {
    rule: 'create accepts a user token (the user token is swapped for the account token)',
    breaker: (req, _res, next) => {
      if (isCreate(req) && req.headers.authorization === 'droplit-demo-user') req.headers.authorization = 'droplit-demo-account';
      next();
    },
    fails: ['auth: create needs an account token: a user token -> 403 Forbidden, nothing stored'],
  },
  {
    rule: 'create ignores the query string (it is stripped before the mock sees it)',
    breaker: (req, _res, next) => {
      if (isCreate(req)) req.url = req.url.replace(/\?.*$/, '');
      next();
    },
    fails: [
      'create: any query string -> 400 InvalidParams "No Query String Allowed", one entry per parameter, nothing stored',
      'create: the query string is refused before the body is looked at',
    ],
  },
  {
    rule: 'only /v0/api/environments answers: /api/environments gets a plausible 404 in the vendor envelope',
    breaker: (req, res, next) => {
      if (!/^\/droplit\/api\//.test(req.url)) return next();
      res.status(404).json({ errorType: 'NotFound', errors: [{ path: req.path, message: `Cannot ${req.method} ${req.path}` }] });
    },
    fails: ['both /v0/api/environments and /api/environments answer (create, list, info, update, delete)'],
  },
  {
    rule: 'the x-system-metadata-prefix header is ignored',
    breaker: (req, _res, next) => {
      delete req.headers['x-system-metadata-prefix'];
      next();
    },
    fails: [
      'x-system-metadata-prefix: prefixed keys are stored as $…, that response shows the prefix, later reads show $…',
      'x-system-metadata-prefix wins over x-system-meta-prefix, which is honoured alone too',
      'x-system-metadata-prefix on update: translated on the way in, shown with the prefix in that response only',
    ],
  },
  {
    rule: 'update ignores meta: null (the field is dropped from the body)',
    breaker: rewriteJsonBody(
      (req) => req.method === 'PUT',
      (body) => {
        if (body && typeof body === 'object' && body.meta === null) delete body.meta;
      },
    ),
    fails: ['update: meta null clears the metadata (then returned as {})'],
  },
  {
    rule: 'update lets an alias be taken twice in one ecosystem (the taken alias is replaced by a fresh one)',
    breaker: rewriteJsonBody(
      (req) => req.method === 'PUT',
      (body) => {
        // A plausible bug: uniqueness enforced by silently suffixing, so the 400 never comes.
        if (body && typeof body.alias === 'string' && body.alias.startsWith('taken_')) body.alias = `${body.alias.slice(0, 20)}_dup`;
      },
    ),
    fails: ['update: an alias used by another environment in the ecosystem -> 400 InvalidBody "Alias Exists", nothing changed'],
  },
  {
    rule: 'delete answers 200 for any reference with an accepted token, and deletes nothing',
    breaker: (req, res, next) => {
      const accepted = ['droplit-demo-account', 'droplit-demo-server', 'droplit-demo-user'].includes(req.headers.authorization ?? '');
      if (req.method === 'DELETE' && accepted && !req.url.includes('?')) return res.status(200).end();
      next();
    },
    fails: [
      'auth: a user token may list, read, update and delete',
      'delete: 200 with no body; info, update, list and a second delete then find nothing',
      'delete: frees the alias, so a create with it in the same ecosystem is 201 again',
      'delete: by "<ecosystemId>;<alias>", by alias and by @alias',
      'delete: an unknown id -> 404 NotFound "Environment Not Found"; a malformed one -> 400 InvalidParams "invalid id"',
      'info, update and delete: a bare alias held in two ecosystems -> 400 InvalidParams "Environment Invalid" ("invalid id")',
      'both /v0/api/environments and /api/environments answer (create, list, info, update, delete)',
      "generated: deleteEnvironment with path 'id' breaking its pattern gets a documented 4xx",
    ],
  },
  {
    rule: 'delete ignores the query string (it is stripped before the mock sees it)',
    breaker: (req, _res, next) => {
      if (req.method === 'DELETE') req.url = req.url.replace(/\?.*$/, '');
      next();
    },
    fails: ['delete: any query string -> 400 InvalidParams "No Query String Allowed", nothing deleted'],
  },
  {
    rule: 'list answers an unknown ecosystem with the JSON envelope instead of the documented plain text',
    breaker: (req, res, next) => {
      const unknown = req.method === 'GET' && /[?&]ecosystemId=C0{24}(&|$)/.test(req.url);
      if (!unknown) return next();
      res
        .status(404)
        .json({ errorType: 'NotFound', errors: [{ in: 'query', path: 'ecosystemId', message: `Ecosystem with id C${'0'.repeat(24)} does not exist.` }] });
    },
    fails: ['list: an unknown ecosystem -> 404 text/plain "Ecosystem with id <id> does not exist."'],
  },
];

describe('droplit contract scenarios catch a broken implementation', () => {
  it.each(RULES.map((r) => [r.rule, r] as const))('%s', async (_rule, { breaker, fails }) => {
    const report: ContractReport = await runContract({
      vendors: VENDORS,
      apis: ['droplit'],
      target: { kind: 'in-process', app: brokenApp('droplit', breaker) },
    });
    expectExactlyTheseFail(report, fails);
  });

  it('the same suite passes against the unbroken mock behind a pass-through middleware', async () => {
    const report = await runContract({
      vendors: VENDORS,
      apis: ['droplit'],
      target: { kind: 'in-process', app: brokenApp('droplit', (_req, _res, next) => next()) },
    });
    expect(report.results.filter((r) => r.outcome !== 'passed').map((r) => r.name)).toEqual([]);
  });

  it('grep keeps a run to the named rule', async () => {
    const report = await runContract({
      vendors: VENDORS,
      apis: ['droplit'],
      target: { kind: 'in-process', app: brokenApp('droplit', RULES[0].breaker) },
      grep: 'auth: create needs an account token',
    });
    expect(report.results.map((r) => [r.name, r.outcome])).toEqual([[RULES[0].fails[0], 'failed']]);
  });
});
