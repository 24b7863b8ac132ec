import type { Spec, SpecOperation } from '../core/spec';
import { type Exchange, SkipStep } from './client';
import { GENERIC_RULES } from './genericRules';
import type { HttpRequest } from './http';
import { operationMutations, type RequestSamples, validRequest } from './negative';
import type { Scenario, ScenarioContext } from './scenario';

// The README's generic rules, the same for every API: how a request no operation documents, or one
// the server cannot read, is answered. No vendor documents these answers, so every scenario here is
// a [standin choice]: against Prism or the vendor a difference is reported apart, not failed.

const UNKNOWN_PATH = '/standin-no-such-route';
const METHODS = ['PATCH', 'PUT', 'DELETE', 'POST', 'GET'];
// An HTML page or a Node stack trace: what a server's default error handler sends.
const HTML = /<html|<!doctype/i;
const FRAME_POSITION = /:\d+:\d+/;
const SCANNED = 64 * 1024;
// The 413 rule sends one byte over the limit; past this a limit is not worth the memory to prove.
const LARGEST_PROBE = 64 * 1024 * 1024;

/**
 * A line like "    at handler (/app/x.js:10:5)", also inside a JSON string (where its line breaks
 * are escaped); checked line by line, so the cost stays linear.
 */
function hasStackTrace(text: string): boolean {
  return text
    .slice(0, SCANNED)
    .split(/\n|\\n/)
    .some((line) => {
      const l = line.trim();
      return l.startsWith('at ') && (FRAME_POSITION.test(l) || l.includes('(<anonymous>)') || l.includes('(node:'));
    });
}

/** A request for `op` as the spec's examples make it, then changed; credentials stay, so auth never decides. */
function requestFor(t: ScenarioContext, op: SpecOperation, samples: RequestSamples, change: Partial<HttpRequest>): HttpRequest {
  const request = t.client.buildRequest(op.operationId, validRequest(op, samples, t.creds));
  return { ...request, ...change, headers: { ...request.headers, ...change.headers } };
}

function withoutBody(request: HttpRequest): HttpRequest {
  const headers = { ...request.headers };
  delete headers['content-type'];
  return { ...request, headers, body: undefined };
}

/** The vendor's envelope is checked on every exchange; these add what the rule itself states. */
function expectNoHtml(t: ScenarioContext, ex: Exchange): void {
  const text = ex.body.subarray(0, SCANNED).toString('utf8');
  t.expect.that(ex, !/html/i.test(ex.headers['content-type'] ?? '') && !HTML.test(text), 'the answer is an HTML page', "JSON in the vendor's error envelope");
  t.expect.that(ex, !hasStackTrace(text), 'the answer carries a stack trace', "JSON in the vendor's error envelope, no stack trace");
}

const jsonBodied = (op: SpecOperation) => op.method !== 'GET' && Boolean(op.requestBody?.content['application/json']);

function documented4xx(op: SpecOperation): string[] {
  return Object.keys(op.responses).filter((s) => /^4/.test(s));
}

function notFound(api: string, spec: Spec, samples: RequestSamples): Scenario {
  return {
    api,
    name: "generic: an unknown path -> 404 in the vendor's error envelope",
    basis: 'choice',
    readme: [GENERIC_RULES.notFound],
    async run(t) {
      const ex = await t.client.sendUndocumented(withoutBody(requestFor(t, spec.operations[0], samples, { method: 'GET', path: UNKNOWN_PATH })));
      t.expect.answer(ex, 404, undefined, 'an unknown path');
      expectNoHtml(t, ex);
    },
  };
}

function methodNotAllowed(api: string, spec: Spec, samples: RequestSamples): Scenario[] {
  const byPath = new Map<string, SpecOperation[]>();
  for (const op of spec.operations) byPath.set(op.pathTemplate, [...(byPath.get(op.pathTemplate) ?? []), op]);
  return [...byPath].flatMap(([path, ops]) => {
    const allowed = ops.map((o) => o.method);
    const method = METHODS.find((m) => !allowed.includes(m));
    if (!method) return [];
    return [
      {
        api,
        name: `generic: ${method} on ${path} -> 405 with Allow: ${allowed.join(', ')}, in the vendor's error envelope`,
        basis: 'choice' as const,
        readme: [GENERIC_RULES.methodNotAllowed],
        async run(t: ScenarioContext) {
          const ex = await t.client.sendUndocumented(withoutBody(requestFor(t, ops[0], samples, { method })));
          t.expect.answer(ex, 405, undefined, `${method} on ${path}`);
          const allow = (ex.headers.allow ?? '')
            .split(',')
            .map((m) => m.trim().toUpperCase())
            .filter(Boolean);
          t.expect.equal(ex, [...allow].sort(), [...allowed].sort(), 'the Allow header');
        },
      },
    ];
  });
}

/**
 * The generated cases check the status (a documented 4xx, the vendor's side); this checks what
 * standin adds: the 4xx is 400 and names the field. An answer that is no 4xx at all is left to the
 * generated case, so one broken rule fails one scenario.
 */
function schemaNamesField(api: string, spec: Spec, samples: RequestSamples): Scenario[] {
  return spec.operations.flatMap((op) => {
    const mutations = operationMutations(spec, op, samples.signedHeaders);
    if (!mutations.length) return [];
    return [
      {
        api,
        name: `generic: ${op.operationId}: a request breaking its schema -> 400 naming the field`,
        basis: 'choice' as const,
        readme: [GENERIC_RULES.schema],
        needs: op.method === 'GET' ? [] : ['writes' as const],
        async run(t: ScenarioContext) {
          for (const m of mutations) {
            const ex = await t.client.call(op.operationId, { ...m.apply(validRequest(op, samples, t.creds)), invalid: true });
            if (ex.status < 400 || ex.status >= 500) continue;
            t.expect.answer(ex, 400, undefined, m.label);
            t.expect.that(
              ex,
              ex.body.toString('utf8').toLowerCase().includes(m.field.toLowerCase()),
              `${m.label}: the 400 does not name '${m.field}'`,
              `a 400 naming '${m.field}'`,
            );
          }
        },
      },
    ];
  });
}

function malformedJson(api: string, spec: Spec, samples: RequestSamples): Scenario[] {
  // Only where a body is required: where it is optional a server may ignore what it cannot read.
  return spec.operations
    .filter((op) => jsonBodied(op) && op.requestBody?.required)
    .map((op) => ({
      api,
      name: `generic: ${op.operationId} with malformed JSON -> 400 in the vendor's error envelope, no HTML`,
      basis: 'choice' as const,
      readme: [GENERIC_RULES.malformedJson, GENERIC_RULES.noHtml],
      needs: ['writes' as const],
      async run(t: ScenarioContext) {
        const init = validRequest(op, samples, t.creds);
        const ex = await t.client.call(op.operationId, {
          ...init,
          json: undefined,
          body: '{"standin": ',
          headers: { ...init.headers, 'content-type': 'application/json' },
          invalid: true,
        });
        t.expect.answer(ex, 400, undefined, 'malformed JSON');
        expectNoHtml(t, ex);
      },
    }));
}

/** A media type the operation does not document, or undefined when it takes any (a wildcard). */
function undocumentedMedia(op: SpecOperation): string | undefined {
  const types = Object.keys(op.requestBody?.content ?? {});
  if (types.some((m) => m.includes('*'))) return undefined;
  return ['text/plain', 'application/x-standin'].find((m) => !types.includes(m));
}

function contentType(api: string, spec: Spec, samples: RequestSamples): Scenario[] {
  return spec.operations
    .filter((op) => op.method !== 'GET' && op.requestBody?.required && undocumentedMedia(op))
    .map((op) => {
      const media = undocumentedMedia(op)!;
      return {
        api,
        name: `generic: ${op.operationId} with Content-Type ${media}, which it does not document -> a documented 4xx in the vendor's error envelope`,
        basis: 'choice' as const,
        readme: [GENERIC_RULES.contentType],
        needs: ['writes' as const],
        async run(t: ScenarioContext) {
          const init = validRequest(op, samples, t.creds);
          const ex = await t.client.call(op.operationId, {
            ...init,
            json: undefined,
            body: 'standin: not the documented media type',
            headers: { ...init.headers, 'content-type': media },
            invalid: true,
          });
          t.expect.that(ex, documented4xx(op).includes(String(ex.status)), `expected a documented 4xx, got ${ex.status}`, documented4xx(op).join(', '));
        },
      };
    });
}

function tooLarge(api: string, spec: Spec, samples: RequestSamples): Scenario[] {
  const op = spec.operations.find((o) => o.method !== 'GET' && o.requestBody);
  if (!op) return [];
  return [
    {
      api,
      name: `generic: ${op.operationId} with a body over the body limit -> 413 in the vendor's error envelope`,
      basis: 'choice',
      readme: [GENERIC_RULES.tooLarge],
      needs: ['writes', 'standin-itself'],
      async run(t) {
        const limit = t.target.bodyLimit;
        if (limit === undefined) throw new Error('a standin target without a body limit');
        if (limit >= LARGEST_PROBE) throw new SkipStep(`the body limit ${limit} is too large to send one byte more`);
        const media = Object.keys(op.requestBody!.content)[0];
        // Well-formed (a JSON string where JSON is documented), so only its size is wrong.
        const body = Buffer.alloc(limit + 1, 0x61);
        if (media === 'application/json') body[0] = body[limit] = 0x22;
        const ex = await t.client.sendUndocumented(
          requestFor(t, op, samples, { body, headers: { 'content-type': media.includes('*') ? 'application/octet-stream' : media } }),
        );
        t.expect.answer(ex, 413, undefined, `a body of ${limit + 1} bytes`);
      },
    },
  ];
}

function noHtml(api: string, spec: Spec, samples: RequestSamples): Scenario {
  const op = spec.operations[0];
  const probes: Array<[string, Partial<HttpRequest>]> = [
    ['a path with broken percent-encoding', { method: 'GET', path: '/%E0%A4%A' }],
    ['a path that climbs out of the API', { method: 'GET', path: '/..%2f..%2f..%2fetc%2fpasswd' }],
    ['malformed JSON to an unknown path', { method: 'POST', path: UNKNOWN_PATH, body: '{"standin": ', headers: { 'content-type': 'application/json' } }],
    [
      'a body that is not UTF-8 to an unknown path',
      { method: 'POST', path: UNKNOWN_PATH, body: Buffer.from([0xff, 0xfe, 0x00, 0xc3]), headers: { 'content-type': 'application/json' } },
    ],
  ];
  return {
    api,
    name: "generic: malformed requests get JSON in the vendor's error envelope, never an HTML page or a stack trace",
    basis: 'choice',
    readme: [GENERIC_RULES.noHtml],
    async run(t) {
      for (const [what, change] of probes) {
        const base = change.body === undefined ? withoutBody(requestFor(t, op, samples, {})) : requestFor(t, op, samples, {});
        const ex = await t.client.sendUndocumented({ ...base, ...change, headers: { ...base.headers, ...change.headers } });
        t.expect.that(ex, ex.status >= 400 && ex.status < 500, `${what}: expected a 4xx, got ${ex.status}`, "a 4xx in the vendor's error envelope");
        expectNoHtml(t, ex);
      }
    },
  };
}

/** The generic rules' scenarios for one API, generated from its spec. */
export function genericScenarios(api: string, spec: Spec, samples: RequestSamples): Scenario[] {
  return [
    notFound(api, spec, samples),
    ...methodNotAllowed(api, spec, samples),
    ...schemaNamesField(api, spec, samples),
    ...malformedJson(api, spec, samples),
    ...contentType(api, spec, samples),
    ...tooLarge(api, spec, samples),
    noHtml(api, spec, samples),
  ];
}
