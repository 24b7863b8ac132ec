import type { RequestHandler } from 'express';

/**
 * Test-only: rewrites the JSON body of every error answer (status >= 400) the mock behind it gives.
 * The mock writes its answers with res.end, so that is what this wraps.
 */
export function spoilErrors(change: (body: any, req: Parameters<RequestHandler>[0]) => unknown): RequestHandler {
  return (req, res, next) => {
    const end = res.end.bind(res) as (...args: any[]) => any;
    (res as any).end = (chunk?: any, ...rest: any[]) => {
      if (res.statusCode >= 400 && chunk !== undefined && /json/.test(String(res.getHeader('content-type')))) {
        const spoiled = Buffer.from(JSON.stringify(change(JSON.parse(Buffer.from(chunk).toString('utf8')), req)));
        res.setHeader('content-length', spoiled.length);
        return end(spoiled, ...rest);
      }
      return end(chunk, ...rest);
    };
    next();
  };
}
