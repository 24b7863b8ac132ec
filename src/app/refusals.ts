import type { Engine } from '../core/engine';
import { NAMESPACE_HEADER, NAMESPACE_PATTERN } from '../core/namespace';
import { markedStandinError, type StandinErrorCode, standinError, statusOf } from '../core/standinErrors';
import type { EngineError, EngineResponse } from '../core/types';
import type { Target } from './routing';

// Answers for requests no engine handles: a path under no prefix, a bad namespace, and what node's
// HTTP parser refused. Each goes out in the owner's envelope when the path names one, else standin's.

/**
 * A refusal keeps the vendor's envelope but takes the protocol's status (431, 417, 408); an
 * envelope that repeats its status in the body (one vendor's `status`) repeats the new one.
 */
function withStatus(response: EngineResponse, status: number): EngineResponse {
  if (response.status === status) return response;
  const body = response.body as Record<string, unknown> | undefined;
  const echoes = body && typeof body === 'object' && !Buffer.isBuffer(body) && body.status === response.status;
  return { ...response, status, body: echoes ? { ...body, status } : response.body };
}

/** An answer in the owner's envelope for a request that never became an EngineRequest. */
function refusal(engine: Engine | undefined, code: StandinErrorCode, error: EngineError): EngineResponse {
  const message =
    error.kind === 'validation'
      ? error.problems.map((p) => [p.field, p.message].filter(Boolean).join(' ')).join('; ')
      : error.kind === 'malformedBody'
        ? error.message
        : code;
  if (!engine) return markedStandinError(standinError(code, message), code);
  return markedStandinError(withStatus(engine.renderError(error), statusOf(code)), code);
}

export function invalidNamespace(engine: Engine | undefined): EngineResponse {
  const problem = {
    in: 'header' as const,
    field: NAMESPACE_HEADER,
    pointer: `/${NAMESPACE_HEADER}`,
    keyword: 'pattern',
    message: `must match ${NAMESPACE_PATTERN}`,
  };
  return refusal(engine, 'InvalidNamespace', { kind: 'validation', problems: [problem] });
}

/** What node's HTTP parser refused, or an Expect it cannot meet, answered as the target's owner would. */
export function protocolRefusal(target: Target | undefined, code: StandinErrorCode, error: EngineError): EngineResponse {
  return refusal(target?.admin ? undefined : target?.engine, code, error);
}

/**
 * standin's 404 for a path under no prefix. A client that dropped the prefix (an SDK that keeps only
 * scheme and host) sends a vendor path to the main port; its first segment says whose it is, so the
 * answer can say where to send it instead.
 */
export function unknownApiAnswer(engines: Map<string, Engine>): (pathname: string) => EngineResponse {
  const ownersOfSegment = new Map<string, string[]>();
  for (const [name, engine] of engines) {
    for (const op of engine.spec.operations) {
      const segment = op.pathTemplate.split('/')[1] ?? '';
      if (!segment || segment.includes('{')) continue;
      const owners = ownersOfSegment.get(segment) ?? [];
      if (!owners.includes(name)) ownersOfSegment.set(segment, [...owners, name]);
    }
  }
  const known = `prefixes: ${[...engines.keys()].map((n) => `/${n}`).join(', ')}, admin: /__admin`;
  return (pathname) => {
    const owners = ownersOfSegment.get(pathname.split('/')[1] ?? '');
    const hint = owners
      ? `. This looks like a path of ${owners.join(' or ')} without its prefix: use /${owners[0]}${pathname}, or serve ${owners[0]} at the root of its own port with --api-port ${owners[0]}=PORT`
      : '';
    return markedStandinError(standinError('UnknownApi', `no API is served at ${pathname}; ${known}${hint}`), 'UnknownApi');
  };
}
