// RFC 9110 7.6.1: a proxy drops the connection-specific fields and every field the Connection header
// names. Transfer-Encoding stays: the framing is re-done per hop, but a chunked body stays chunked.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade', 'proxy-authorization', 'proxy-authenticate']);

/** The fields a Connection header lists, lower case. */
function connectionNamed(raw: string[]): Set<string> {
  const named = new Set<string>();
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i].toLowerCase() !== 'connection') continue;
    for (const token of raw[i + 1].split(',')) if (token.trim()) named.add(token.trim().toLowerCase());
  }
  return named;
}

/**
 * A raw header list (node's rawHeaders: name, value, name, value...) as forwarded: names keep their
 * case and order; hop-by-hop fields are dropped; `host`, when given, replaces the client's Host.
 */
export function forwardedHeaders(raw: string[], host?: string): string[] {
  const named = connectionNamed(raw);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const lower = raw[i].toLowerCase();
    if (HOP_BY_HOP.has(lower) || named.has(lower)) continue;
    if (lower === 'host' && host !== undefined) out.push(raw[i], host);
    else out.push(raw[i], raw[i + 1]);
  }
  if (host !== undefined && !out.some((name, i) => i % 2 === 0 && name.toLowerCase() === 'host')) out.unshift('Host', host);
  return out;
}

/** A raw header list as one string per lower-case name (repeats joined by ', '), what the checks read. */
export function headerRecord(raw: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    out[name] = out[name] === undefined ? raw[i + 1] : `${out[name]}, ${raw[i + 1]}`;
  }
  return out;
}
