const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

/**
 * RFC 9112 3.2.2: a server must accept the absolute form (`GET http://host/losant/...`, what a
 * client configured with a proxy sends); it is routed exactly like the origin form it names.
 */
export function originForm(url: string): string {
  if (url.startsWith('/')) return url;
  const schemeEnd = url.indexOf('://');
  if (schemeEnd <= 0 || !SCHEME.test(url.slice(0, schemeEnd))) return url;
  const rest = url.slice(schemeEnd + 3);
  let end = 0;
  while (end < rest.length && rest[end] !== '/' && rest[end] !== '?') end++;
  if (end === rest.length) return '/';
  return rest[end] === '/' ? rest.slice(end) : `/${rest.slice(end)}`;
}
