import express, { type RequestHandler } from 'express';
import { formatFailure } from '../../src/contract/checkFailure';
import { type ContractReport, runContract } from '../../src/contract/runner';
import { VENDORS } from '../../src/apis';
import { brokenApp, rewriteJsonBody } from './brokenApp';

// The signatures (ncanode) scenarios against deliberately broken implementations. Each is the real mock
// behind one middleware that breaks a single rule of the spec (by rewriting the request or the answer);
// the scenario for that rule must fail with a readable failure (message + curl), and every other
// signatures scenario must still pass. src/ is never touched.

const SAVE = /^\/signatures\/signature\/?(\?|$)/;
const LIST = /^\/signatures\/signatures\/?(\?|$)/;

/** Lets `change` rewrite the JSON answer (status and body) the mock is about to send. */
function rewriteJsonResponse(when: (req: express.Request) => boolean, change: (answer: { status: number; body: any }) => void): RequestHandler {
  return (req, res, next) => {
    if (!when(req)) return next();
    const end = res.end.bind(res) as (chunk?: unknown) => express.Response;
    (res as any).end = (chunk?: unknown) => {
      if (chunk === undefined || !/json/.test(String(res.getHeader('content-type') ?? ''))) return end(chunk);
      const answer = { status: res.statusCode, body: JSON.parse(Buffer.from(chunk as string).toString('utf8')) };
      change(answer);
      const payload = JSON.stringify(answer.body);
      res.statusCode = answer.status;
      res.setHeader('content-length', Buffer.byteLength(payload));
      return end(payload);
    };
    next();
  };
}

/** The scenarios of the PHP input handling, by what they check. */
const INPUT = {
  contentType: 'input: the body is read as JSON whatever the Content-Type (text/plain, a form-encoded label)',
  untyped: 'input: a JSON body without a Content-Type is read too',
  notJson: 'input: a body that is not a JSON object adds no parameters (no 400): the query string alone is read',
  malformed: 'input: malformed JSON labelled application/json adds no parameters (no 400): the query string alone is read',
  trimmed:
    'input: values are trimmed and a blank one is missing: a whitespace-only cms -> 400 "cms" parameter must be set, nothing stored; a padded key finds the signature',
  versionCast: 'input: version is cast with (int): "1", "2.0" and 3.0 count as the number; "abc" -> 400 "Version must be set"',
  stringCast: 'input: document, thread and cms are cast with (string): numbers are stored as their text (12 -> "12") and found by it',
  intAuthor: 'input: version_created_by and version_comment accept integers (the docs type them [int]) and store them as strings',
  scalarTags: 'input: tags that are not an array save no tags (201); in the list a single tag value is a filter of one',
  limitCast: 'input: limit and offset are cast with (int): limit=abc and limit=-1 are no limit, offset=-1 no offset, limit=2abc is 2',
  noMessage: 'envelope: a success body has no "message" key (the framework drops a null one); DELETE has no content',
};

/** Answers a request `refuse` picks from its raw body, as a stricter server would; the rest goes on unchanged. */
function refuseByBody(refuse: (req: express.Request, text: string) => string | undefined): RequestHandler {
  return (req, res, next) => {
    const chunks: Buffer[] = [];
    const collect = (c: Buffer) => chunks.push(c);
    req.on('data', collect);
    req.once('end', () => {
      req.off('data', collect);
      const payload = Buffer.concat(chunks);
      const message = refuse(req, payload.toString('utf8'));
      if (message) return res.status(400).json({ status: false, message });
      next();
      setImmediate(() => {
        req.emit('data', payload);
        req.emit('end');
      });
    });
  };
}

interface BrokenRule {
  rule: string;
  breaker: RequestHandler;
  /** The scenarios that must fail: the one for the rule, plus any other that states the same rule. */
  fails: string[];
}

/** Reads an unknown signature and saves without cms, so it fails with the rules those steps break. */
const LOCALE = 'locale: the mock answers in English whatever api-locale says (ru, kz): "Signature was not found", "cms" parameter must be set';

const RULES: BrokenRule[] = [
  {
    rule: 'cms is not required (a POST without one stores an empty placeholder)',
    breaker: rewriteJsonBody(
      (req) => req.method === 'POST' && SAVE.test(req.url),
      (body, req) => {
        if (body && typeof body === 'object' && !body.cms && !req.query.cms && body.document && body.thread) body.cms = 'placeholder';
      },
    ),
    fails: ['save: document, thread, cms required (missing or empty) -> 400 "<name>" parameter must be set, in that order, nothing stored', LOCALE],
  },
  {
    rule: 'a stale version is answered 409 Conflict instead of the documented 400',
    breaker: rewriteJsonResponse(
      (req) => req.method === 'POST' && SAVE.test(req.url),
      (answer) => {
        if (answer.body?.message === 'Version provided is not equal to actual signature version') answer.status = 409;
      },
    ),
    fails: [
      'save: a later POST with a version other than the stored one -> 400 "Version provided is not equal to actual signature version", nothing stored',
      'save: of 100 simultaneous POSTs with the stored version exactly one gets 201, the others the stale-version 400',
      'parameters: POST reads document, thread, cms, version, author, comment and tags from the query string',
      INPUT.versionCast,
      'locale: with api-locale en the messages are English; the hard-coded ones are English under ru and kz too',
    ],
  },
  {
    rule: 'DELETE reads only the query string (its JSON body is ignored)',
    breaker: rewriteJsonBody(
      (req) => req.method === 'DELETE',
      (body) => {
        for (const key of Object.keys(body ?? {})) delete body[key];
      },
    ),
    fails: ['parameters: DELETE reads document and thread from a JSON body', INPUT.stringCast],
  },
  {
    rule: 'DELETE answers 200 {status:true} but deletes nothing',
    breaker: (req, res, next) => {
      if (req.method !== 'DELETE' || !req.query.document || !req.query.thread) return next();
      res.status(200).json({ status: true });
    },
    fails: [
      'delete: 200 {status:true} removes the signature and its chain: later GET 404, DELETE 404, and a new POST starts at version 1',
      'delete: an unknown pair or only one of document and thread -> 404 "Signature was not found", nothing deleted',
    ],
  },
  {
    rule: 'nb_results counts the page instead of every match',
    breaker: rewriteJsonResponse(
      (req) => req.method === 'GET' && LIST.test(req.url),
      (answer) => {
        const content = answer.body?.content;
        if (content && 'nb_results' in content) content.nb_results = content.signatures.length;
      },
    ),
    fails: [
      'list: count truthy adds nb_results, the number of matches before paging',
      'parameters: GET /signatures reads document, tags, limit and count from a JSON body',
    ],
  },
  {
    rule: 'the list is oldest first',
    breaker: rewriteJsonResponse(
      (req) => req.method === 'GET' && LIST.test(req.url),
      (answer) => {
        answer.body?.content?.signatures?.reverse();
      },
    ),
    fails: [
      'list: newest first (created_at desc, ties by id desc); a new version does not move a signature',
      'list: document filters to that document; items carry the CMS under cms and signature',
      'list: tags matches signatures having any of the tags, each listed once (tags=a&tags=b)',
      'list: tags in the PHP form tags[]=a&tags[]=b is read like tags=a&tags=b',
      'list: limit and offset page the list; 0 means no limit / no offset',
      'list: count truthy adds nb_results, the number of matches before paging',
      INPUT.limitCast,
      'list: stage is accepted and ignored',
    ],
  },
  {
    rule: 'a new version merges the tags instead of replacing them',
    breaker: (() => {
      // A plausible bug: the implementation keeps every tag it has ever seen for a pair.
      const seen = new Map<string, string[]>();
      return rewriteJsonResponse(
        (req) => req.method === 'POST' && SAVE.test(req.url),
        (answer) => {
          const sig = answer.body?.content?.signature;
          if (answer.status !== 201 || !sig) return;
          const key = `${sig.document}\u0000${sig.thread}`;
          const merged = sig.version === 1 ? sig.tags : [...new Set([...(seen.get(key) ?? []), ...sig.tags])];
          seen.set(key, merged);
          sig.tags = merged;
        },
      );
    })(),
    fails: [
      'save: a later POST with the stored version stores the new cms, comment, author and tags (replaced), version + 1; id and created_at stay',
      'save: a new version without tags, comment or author has no tags and null comment/author (nothing carried over)',
      'parameters: POST reads document, thread, cms, version, author, comment and tags from the query string',
    ],
  },
  {
    rule: 'a body labelled anything but application/json is refused with 400, as a strict JSON API would',
    breaker: refuseByBody((req, text) =>
      text.length && !/^application\/json/.test(req.headers['content-type'] ?? '')
        ? `Content-Type '${req.headers['content-type'] ?? ''}' is not supported`
        : undefined,
    ),
    fails: [INPUT.contentType, INPUT.untyped, INPUT.notJson],
  },
  {
    rule: 'malformed JSON is refused with 400 instead of being ignored',
    breaker: refuseByBody((req, text) => {
      if (!text.length || !/^application\/json/.test(req.headers['content-type'] ?? '')) return undefined;
      try {
        JSON.parse(text);
        return undefined;
      } catch {
        return 'request body is not valid JSON';
      }
    }),
    fails: [INPUT.malformed],
  },
  {
    rule: 'values are not trimmed: a whitespace-only cms is stored',
    breaker: rewriteJsonBody(
      (req) => req.method === 'POST' && SAVE.test(req.url),
      (body) => {
        if (typeof body?.cms === 'string' && body.cms.trim() === '' && body.cms !== '') body.cms = `${body.cms}kept`;
      },
    ),
    fails: [INPUT.trimmed],
  },
  {
    rule: 'version is not cast: a version sent as text counts as missing',
    breaker: rewriteJsonBody(
      (req) => req.method === 'POST' && SAVE.test(req.url),
      (body) => {
        if (typeof body?.version === 'string') delete body.version;
      },
    ),
    fails: [INPUT.versionCast],
  },
  {
    rule: 'a number where a string is documented is refused (document, thread, cms)',
    breaker: rewriteJsonBody(
      () => true,
      (body) => {
        for (const name of ['document', 'thread', 'cms']) if (typeof body?.[name] === 'number') body[name] = [body[name]];
      },
    ),
    fails: [INPUT.stringCast],
  },
  {
    rule: 'version_created_by / version_comment as integers are refused',
    breaker: rewriteJsonBody(
      (req) => req.method === 'POST' && SAVE.test(req.url),
      (body) => {
        for (const name of ['version_created_by', 'version_comment']) if (typeof body?.[name] === 'number') body[name] = [body[name]];
      },
    ),
    fails: [INPUT.intAuthor],
  },
  {
    rule: 'tags that are not an array are refused',
    breaker: rewriteJsonBody(
      () => true,
      (body) => {
        if (body && 'tags' in body && !Array.isArray(body.tags)) body.tags = [[body.tags]];
      },
    ),
    fails: [INPUT.scalarTags],
  },
  {
    rule: 'limit or offset that is not a non-negative integer is refused with 400',
    breaker: (req, res, next) => {
      if (req.method !== 'GET' || !LIST.test(req.url)) return next();
      const bad = ['limit', 'offset'].find((name) => typeof req.query[name] === 'string' && !/^\d+$/.test(req.query[name] as string));
      if (!bad) return next();
      res.status(400).json({ status: false, message: `"${bad}" parameter is invalid: must be integer` });
    },
    fails: [INPUT.limitCast],
  },
  {
    rule: 'success bodies carry "message": null, as the docs show',
    breaker: rewriteJsonResponse(
      () => true,
      (answer) => {
        if (answer.body?.status === true) answer.body.message = null;
      },
    ),
    fails: [INPUT.noMessage],
  },
];

function expectReadableFailures(report: ContractReport) {
  for (const result of report.results.filter((r) => r.outcome === 'failed')) {
    expect(result.failures.length).toBeGreaterThan(0);
    const [first] = result.failures;
    expect(first.message).toMatch(/\w/);
    expect(first.curl).toMatch(/^curl /);
    expect(formatFailure(first)).toContain('reproduce:  curl ');
  }
}

describe('signatures contract scenarios catch a broken implementation', () => {
  it.each(RULES.map((r) => [r.rule, r] as const))('%s', async (_rule, { breaker, fails }) => {
    const report = await runContract({ vendors: VENDORS, apis: ['signatures'], target: { kind: 'in-process', app: brokenApp('signatures', breaker) } });
    expect(
      report.results
        .filter((r) => r.outcome === 'failed')
        .map((r) => r.name)
        .sort(),
    ).toEqual([...fails].sort());
    expectReadableFailures(report);
    expect(report.results.filter((r) => r.outcome === 'skipped')).toEqual([]);
  });

  it('the same suite passes against the unbroken mock behind pass-through middlewares', async () => {
    const passThrough: RequestHandler = (req, res, next) =>
      rewriteJsonBody(
        () => true,
        () => undefined,
      )(req, res, () =>
        rewriteJsonResponse(
          () => true,
          () => undefined,
        )(req, res, next),
      );
    const report = await runContract({ vendors: VENDORS, apis: ['signatures'], target: { kind: 'in-process', app: brokenApp('signatures', passThrough) } });
    expect(report.results.filter((r) => r.outcome !== 'passed').map((r) => r.name)).toEqual([]);
  });

  it('the stale-version failure names the rule, what came back and how to reproduce it', async () => {
    const report = await runContract({
      vendors: VENDORS,
      apis: ['signatures'],
      target: { kind: 'in-process', app: brokenApp('signatures', RULES[1].breaker) },
      grep: 'a later POST with a version other than the stored one',
    });
    expect(report.results.map((r) => [r.name, r.outcome])).toEqual([[RULES[1].fails[0], 'failed']]);
    const text = report.results[0].failures.map(formatFailure).join('\n');
    expect(text).toMatch(/expected status 400, got 409/);
    expect(text).toMatch(/Version provided is not equal to actual signature version/);
    expect(text).toMatch(/curl -i -X POST '[^']*\/signatures\/signature'.*--data-binary '\{"document":"doc_/);
  });
});
