import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { StandinErrorCode } from '../core/standinErrors';
import type { EngineError, EngineResponse } from '../core/types';
import { rawResponse, write } from './write';

// node answers what its parser refuses, and an Expect other than 100-continue, with a bare empty
// 400/431/417/408 that no vendor SDK can parse; these handlers answer in the owner's envelope.

/** The answer for a request node refused, by its raw target (undefined when none could be read). */
export type ProtocolRefusal = (rawTarget: string | undefined, code: StandinErrorCode, error: EngineError) => EngineResponse;

type ParserError = Error & { code?: string; rawPacket?: Buffer };

/** Parser errors about the body's framing, which a vendor reports as a bad body. */
const BODY_PARSE_ERRORS = /CHUNK|BODY|CONTENT_LENGTH|TRANSFER_ENCODING/;

/** Method and target from the bytes node could not parse: the request line, read from its first 8 KiB. */
function requestLine(raw: Buffer | undefined): { method: string; target?: string } | undefined {
  if (!raw) return undefined;
  const head = raw.subarray(0, 8192).toString('latin1');
  const lineEnd = head.indexOf('\r\n');
  const words = (lineEnd === -1 ? head : head.slice(0, lineEnd)).split(' ');
  return { method: words[0].toUpperCase(), target: words[1] };
}

function parserRefusal(err: ParserError): { code: StandinErrorCode; error: EngineError } {
  const code = err.code === 'HPE_HEADER_OVERFLOW' ? 'HeadersTooLarge' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'RequestTimeout' : 'MalformedRequest';
  const message = `the request is not valid HTTP/1.1 (${err.code ?? 'parse error'}: ${err.message})`;
  const error: EngineError = BODY_PARSE_ERRORS.test(err.code ?? '')
    ? { kind: 'malformedBody', message }
    : { kind: 'validation', problems: [{ in: 'header', field: '', pointer: '', keyword: 'http', message }] };
  return { code, error };
}

export function protect(server: Server, refuse: ProtocolRefusal): void {
  server.on('clientError', (err: ParserError, socket: Duplex) => {
    const inFlight = (socket as { _httpMessage?: ServerResponse })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const { code, error } = parserRefusal(err);
    const line = requestLine(err.rawPacket);
    const reply = () => {
      if (socket.writable) socket.end(rawResponse(refuse(line?.target, code, error), line?.method === 'HEAD'));
    };
    // Bytes after a complete request (e.g. a body sent without Content-Length) break the parser while
    // that request is still being answered: its answer must reach the client, not this refusal in its
    // place, so the refusal waits for it (node may close the connection first; the client then has
    // the answer to what it asked).
    if (inFlight?.req?.complete) inFlight.once('finish', reply);
    else if (inFlight?.headersSent) socket.destroy();
    else reply();
  });
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const expect = String(req.headers.expect).slice(0, 100);
    const problem = { in: 'header' as const, field: 'expect', pointer: '/expect', keyword: 'enum', message: `must be 100-continue, got '${expect}'` };
    res.setHeader('connection', 'close');
    write(res, refuse(req.url, 'ExpectationFailed', { kind: 'validation', problems: [problem] }));
  });
}
