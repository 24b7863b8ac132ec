import type { EngineResponse, ResponseBody } from './types';

/** The content type a body goes out with when its handler named none: bytes, text, or JSON. */
export function defaultContentType(body: ResponseBody): string | undefined {
  if (body === undefined) return undefined;
  if (Buffer.isBuffer(body)) return 'application/octet-stream';
  if (typeof body === 'string') return 'text/plain; charset=utf-8';
  return 'application/json; charset=utf-8';
}

/** The response with its content type filled in, so the spec check sees what the wire will carry. */
export function withContentType(response: EngineResponse): EngineResponse {
  if (response.headers?.['content-type']) return response;
  const type = defaultContentType(response.body);
  if (!type) return response;
  return { ...response, headers: { ...response.headers, 'content-type': type } };
}
