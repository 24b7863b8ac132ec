import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** Why a port could not be opened, in words; node's error is its cause, and its code (EADDRINUSE, ...) is kept for a program to test. */
export function cannotListen(err: NodeJS.ErrnoException, what: string, host: string, port: number, flag: string): Error {
  const why =
    err.code === 'EADDRINUSE'
      ? `the port is in use: stop what holds it, or give another with ${flag} (0 picks a free one)`
      : err.code === 'EACCES'
        ? `not allowed to open it (below 1024 needs privileges): give another with ${flag}`
        : err.code === 'EADDRNOTAVAIL'
          ? `${host} is not an address of this machine (--host)`
          : err.message;
  return Object.assign(new Error(`cannot listen${what} on ${host}:${port}: ${why}`, { cause: err }), { code: err.code });
}

/** A node:http server over `listener`, protected, listening; rejects when the port cannot be had. */
export function open(listener: Listener, port: number, host: string, protect: (server: Server) => void): Promise<Server> {
  return new Promise((resolve, reject) => {
    // The listening server skips Express's router: on this 2-core box the same handling answered
    // 2.6x more requests per second without it (bench/README.md). `app` stays for in-process use.
    const server = createServer(listener);
    protect(server);
    server.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => resolve(server));
  });
}

/** Closes a server and every connection it holds, keep-alive ones included. */
export function shut(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}
