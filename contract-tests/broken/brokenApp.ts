import express, { type Request, type RequestHandler } from 'express';
import type { ApiName } from '../../src/apis';
import { formatFailure } from '../../src/contract/checkFailure';
import type { ContractReport } from '../../src/contract/runner';
import { createApp } from '../../src/server';

/**
 * The mock may write its head in one writeHead(status, headers) call, whose headers node neither
 * shows to getHeader nor lets setHeader change. A breaker rewrites an answer in res.end by reading
 * and setting headers, so here a writeHead with headers only sets them (as setHeader would), and
 * the head goes out when node's own writeHead runs inside res.end.
 */
const headThroughSetHeader: RequestHandler = (_req, res, next) => {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => unknown;
  (res as unknown as { writeHead: (status: number, ...args: unknown[]) => unknown }).writeHead = (status: number, ...args: unknown[]) => {
    const head = args.find((a) => typeof a === 'object' && a !== null);
    // Without headers (node's own implicit call from res.end, after every breaker has run): the real thing.
    if (head === undefined) return writeHead(status, ...args);
    res.statusCode = status;
    if (typeof args[0] === 'string') res.statusMessage = args[0];
    if (Array.isArray(head)) for (let i = 0; i + 1 < head.length; i += 2) res.setHeader(String(head[i]), head[i + 1] as string);
    else for (const [name, value] of Object.entries(head)) res.setHeader(name, value as string);
    return res;
  };
  next();
};

/**
 * A deliberately broken implementation: the real mock behind middleware that breaks one rule
 * (rewrites a request, swaps a credential, or answers a route itself). Nothing in src/ changes.
 */
export function brokenApp(api: ApiName, ...breakers: RequestHandler[]): express.Express {
  const app = express();
  app.use(headThroughSetHeader);
  for (const breaker of breakers) app.use(breaker);
  app.use(createApp({ apis: [api] }).app);
  return app;
}

/** Reads the JSON body, lets `change` rewrite it, and replays it to the next handler. */
export function rewriteJsonBody(when: (req: Request) => boolean, change: (body: any, req: Request) => void): RequestHandler {
  return (req, _res, next) => {
    if (!when(req) || !/^application\/json/.test(req.headers['content-type'] ?? '')) return next();
    const chunks: Buffer[] = [];
    const collect = (c: Buffer) => chunks.push(c);
    req.on('data', collect);
    req.once('end', () => {
      req.off('data', collect);
      let payload = Buffer.concat(chunks);
      try {
        const body = JSON.parse(payload.toString('utf8'));
        change(body, req);
        payload = Buffer.from(JSON.stringify(body));
      } catch {
        // not JSON: replay as received
      }
      req.headers['content-length'] = String(payload.length);
      delete req.headers['transfer-encoding'];
      next();
      // The downstream reader attaches its listeners synchronously in next(); replay the body to them.
      setImmediate(() => {
        req.emit('data', payload);
        req.emit('end');
      });
    });
  };
}

/** Exactly the named scenarios fail, each with a readable failure and a curl line; nothing is skipped. */
export function expectExactlyTheseFail(report: ContractReport, fails: string[]): void {
  const failed = report.results.filter((r) => r.outcome === 'failed');
  expect(failed.map((r) => r.name).sort()).toEqual([...fails].sort());
  for (const result of failed) {
    expect(result.failures.length).toBeGreaterThan(0);
    const [first] = result.failures;
    expect(first.message).toMatch(/\w/);
    expect(first.curl).toMatch(/^curl /);
    expect(formatFailure(first)).toContain('reproduce:  curl ');
  }
  expect(report.results.filter((r) => r.outcome === 'skipped')).toEqual([]);
}
