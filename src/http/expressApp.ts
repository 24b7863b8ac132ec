import type express from 'express';
import type { Listener } from './listen';

/**
 * An Express app over a listener, for supertest and mounting. Express is loaded only here, on
 * first use: `standin serve` listens with node:http and starts faster without it.
 */
export function expressApp(listener: Listener): express.Express {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see above
  const expressFactory = require('express') as typeof express;
  const app = expressFactory();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res) => listener(req, res));
  return app;
}
