import { markedStandinError, type StandinErrorCode, standinError, statusOf } from '../core/standinErrors';
import type { EngineError, EngineResponse } from '../core/types';
import { originForm } from '../http/originForm';
import type { Upstream } from './upstream';

// What node's parser refuses on the proxy's port (bad bytes, headers too large, a timeout) never
// reaches the vendor; it is answered in the envelope of the vendor the path names, as the mock does.

function message(error: EngineError, code: string): string {
  if (error.kind === 'validation') return error.problems.map((p) => p.message).join('; ');
  return 'message' in error ? error.message : code;
}

export function proxyRefusal(resolve: (pathname: string) => { upstream: Upstream } | undefined) {
  return (rawTarget: string | undefined, code: StandinErrorCode, error: EngineError): EngineResponse => {
    const pathname = rawTarget === undefined ? undefined : originForm(rawTarget).split('?', 1)[0];
    const admin = pathname === '/__admin' || pathname?.startsWith('/__admin/');
    const target = pathname === undefined || admin ? undefined : resolve(pathname);
    if (!target) return markedStandinError(standinError(code, message(error, code)), code);
    const status = statusOf(code);
    const rendered = target.upstream.module.renderError(error, { clock: { now: () => new Date() } });
    const body = rendered.body as Record<string, unknown> | undefined;
    // An envelope that repeats its status in the body repeats the protocol's.
    const echoes = body && typeof body === 'object' && !Buffer.isBuffer(body) && body.status === rendered.status;
    return markedStandinError({ ...rendered, status, body: echoes ? { ...body, status } : rendered.body }, code);
  };
}
