import type { HttpApp } from '../../../app/createApp';
import request from 'supertest';

// Requests exactly as the newest losant-rest (Losant/losant-rest-js main, v4.2.0 and later) builds
// them, for the API additions no registry release knows: `_actions=false&_links=true&_embedded=true`
// first, then the action's parameters in the client's order, `query` as JSON.stringify of the object,
// all serialised by qs.stringify (RFC 3986 percent-encoding: `*` becomes %2A), and the headers
// Accept, Accept-Version and Authorization.

export interface NewestListParams {
  sortField?: string;
  sortDirection?: string;
  page?: string | number;
  perPage?: string | number;
  filterField?: string;
  filter?: string;
  query?: unknown;
}

const ORDER: Array<keyof NewestListParams> = ['sortField', 'sortDirection', 'page', 'perPage', 'filterField', 'filter', 'query'];

/** qs's default encoder: everything but A-Z a-z 0-9 - _ . ~ is percent-encoded as UTF-8. */
const rfc3986 = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function newestListPath(applicationId: string, params: NewestListParams = {}): string {
  const pairs: Array<[string, string]> = [
    ['_actions', 'false'],
    ['_links', 'true'],
    ['_embedded', 'true'],
  ];
  for (const name of ORDER) {
    const value = params[name];
    if (value !== undefined) pairs.push([name, name === 'query' ? JSON.stringify(value) : String(value)]);
  }
  return `/applications/${applicationId}/certificates?${pairs.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&')}`;
}

/** A client bound to an app's Losant prefix, a namespace and a token, sending what the newest losant-rest sends. */
export function newestClient(app: HttpApp, namespace: string, token: string) {
  const headers = (test: request.Test) =>
    test.set('accept', 'application/json').set('accept-version', '^1.30.0').set('authorization', `Bearer ${token}`).set('x-standin-namespace', namespace);
  const item = (applicationId: string, id: string) => `/losant/applications/${applicationId}/certificates/${id}?_actions=false&_links=true&_embedded=true`;
  return {
    list: (applicationId: string, params?: NewestListParams) => headers(request(app).get(`/losant${newestListPath(applicationId, params)}`)),
    create: (applicationId: string, body: object) =>
      headers(request(app).post(`/losant/applications/${applicationId}/certificates?_actions=false&_links=true&_embedded=true`)).send(body),
    patch: (applicationId: string, id: string, body: object) => headers(request(app).patch(item(applicationId, id))).send(body),
    get: (applicationId: string, id: string) => headers(request(app).get(item(applicationId, id))),
    remove: (applicationId: string, id: string) => headers(request(app).delete(item(applicationId, id))).send({}),
  };
}
