import type { HttpRequest } from './http';

const SECRET_HEADERS = new Set(['authorization', 'x-api-key', 'cookie']);

/** A vendor's masking of its own credential form; undefined when it is not one. */
export type MaskCredential = (value: string) => string | undefined;

/** Keeps enough of a credential to tell which one was used, never the secret part. */
function mask(value: string, vendorMask?: MaskCredential): string {
  const masked = vendorMask?.(value);
  if (masked !== undefined) return masked;
  const scheme = /^(\w+ )?(.*)$/.exec(value)!;
  const token = scheme[2];
  return `${scheme[1] ?? ''}${token.slice(0, Math.min(6, Math.floor(token.length / 3)))}****`;
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A curl command that reproduces the request, with credentials masked. */
export function curlFor(baseUrl: string, req: HttpRequest, vendorMask?: MaskCredential): string {
  const parts = ['curl -i', '-X', req.method, quote(baseUrl + req.path)];
  for (const [name, value] of Object.entries(req.headers)) {
    parts.push('-H', quote(`${name}: ${SECRET_HEADERS.has(name.toLowerCase()) ? mask(value, vendorMask) : value}`));
  }
  if (req.chunked) parts.push('-H', quote('Transfer-Encoding: chunked'));
  if (req.body !== undefined) {
    const text = typeof req.body === 'string' ? req.body : req.body.toString('utf8');
    const printable = typeof req.body === 'string' || Buffer.from(text, 'utf8').equals(req.body);
    parts.push('--data-binary', printable && text.length <= 2000 ? quote(text) : `@body.bin  # ${Buffer.byteLength(req.body)} bytes`);
  }
  return parts.join(' ');
}
