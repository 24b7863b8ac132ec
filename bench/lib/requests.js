'use strict';
// The measured requests. Each one is a factory: `make(kind)` returns a function that builds the next
// request ({method, path, headers, body}); the same function feeds the start-up probe, the warm-up and
// the measured run, so aliases, dates and signatures are fresh on every request.
const crypto = require('node:crypto');

/** @typedef {'standin' | 'prism' | 'bare'} Kind */
/** @typedef {{ method: string, path: string, headers: Record<string, string>, body?: string | Buffer }} Req */
/**
 * @typedef {object} RequestDef
 * @property {string} id          short id used in --only and in the JSON
 * @property {string} label       what the table shows
 * @property {'GET' | 'POST'} method
 * @property {string | null} api  the standin prefix / Prism spec, null for the bare-node requests
 * @property {Kind[]} kinds       which servers this request is measured against
 * @property {(kind: Kind) => { next: () => Req, notes: () => string[], fixed?: Req }} make
 *   `fixed` is set when every request is the same, so autocannon builds it once instead of per request
 */

const DROPLIT_ECOSYSTEM = 'C599343aecca8fba8297a3195';
const LOSANT_PATH = '/applications/575ec8687ae143cd83dc4a97/certificates/575ec76c7ae143cd83dc4a96';
const NCANODE_PATH = '/signatures?document=doc_12&tags=customer_1&limit=10&count=1';
const ALTR_KEY = 'ALTR-demo-rw';
const ALTR_SECRET = 'demo-rw-secret';
const ALTR_BODY = Buffer.from('standin bench PutData payload'.padEnd(64, '.'));
/** PutData requests per x-standin-namespace: 10 000 x 64 B = 640 000 B, well under the 1 MiB cap. */
const ALTR_PER_NAMESPACE = 10000;
const ALTR_CAP = 1048576;
const ALTR_SEEDED_BYTES = 16;

// One counter for the whole harness process, so no alias is ever sent twice to any server.
let aliasCounter = 0;
/** A fresh alias matching ^[A-Za-z0-9_]{1,24}$ ("b" + base-36 counter + "_" + pid in base 36). */
function nextAlias() {
  aliasCounter += 1;
  return `b${aliasCounter.toString(36)}_${process.pid.toString(36)}`;
}

const prefixFor = (kind, api) => (kind === 'standin' ? `/${api}` : '');

/** @type {RequestDef[]} */
const REQUESTS = [
  {
    id: 'droplit-create',
    label: 'Droplit create (POST, unique alias)',
    method: 'POST',
    api: 'droplit',
    kinds: ['standin', 'prism'],
    make(kind) {
      const path = `${prefixFor(kind, 'droplit')}/v0/api/environments/`;
      return {
        next: () => ({
          method: 'POST',
          path,
          headers: { authorization: 'droplit-demo-account', 'content-type': 'application/json' },
          body: `{"ecosystemId":"${DROPLIT_ECOSYSTEM}","alias":"${nextAlias()}","meta":{"k":"v"}}`,
        }),
        notes: () => [],
      };
    },
  },
  {
    id: 'losant-get',
    label: 'Losant GET certificate (bearer scope)',
    method: 'GET',
    api: 'losant',
    kinds: ['standin', 'prism'],
    make(kind) {
      const req = { method: 'GET', path: `${prefixFor(kind, 'losant')}${LOSANT_PATH}`, headers: { authorization: 'Bearer losant-demo-all' } };
      return { next: () => req, fixed: req, notes: () => [] };
    },
  },
  {
    id: 'altr-put',
    label: 'ALTR PutData (POST, fresh HMAC)',
    method: 'POST',
    api: 'altr',
    kinds: ['standin', 'prism'],
    make(kind) {
      const path = `${prefixFor(kind, 'altr')}/api/v1/single/`;
      let sent = 0;
      return {
        next() {
          const date = new Date().toISOString(); // millisecond precision: a new date on (almost) every request
          const sig = crypto.createHmac('sha256', ALTR_SECRET).update(`POST\n\n${date}\n`).digest('base64');
          /** @type {Record<string, string>} */
          const headers = {
            'x-altr-date': date,
            authorization: `ALTR ${ALTR_KEY}:${sig}`,
            'content-type': 'application/octet-stream',
          };
          if (kind === 'standin') headers['x-standin-namespace'] = `bench-altr-${Math.floor(sent / ALTR_PER_NAMESPACE)}`;
          sent += 1;
          return { method: 'POST', path, headers, body: ALTR_BODY };
        },
        notes() {
          if (kind !== 'standin') return [];
          const namespaces = Math.max(1, Math.ceil(sent / ALTR_PER_NAMESPACE));
          return [
            `ALTR 1 MiB data cap: ${ALTR_BODY.length}-byte bodies, x-standin-namespace rotated every ${ALTR_PER_NAMESPACE} PutData ` +
              `(at most ${ALTR_SEEDED_BYTES + ALTR_PER_NAMESPACE * ALTR_BODY.length} of ${ALTR_CAP} bytes per namespace); ` +
              `${sent} PutData built, ${namespaces} namespace(s) used`,
          ];
        },
      };
    },
  },
  {
    id: 'ncanode-list',
    label: 'ncanode GET /signatures (filters)',
    method: 'GET',
    api: 'signatures',
    kinds: ['standin', 'prism'],
    make(kind) {
      const req = { method: 'GET', path: `${prefixFor(kind, 'signatures')}${NCANODE_PATH}`, headers: {} };
      return { next: () => req, fixed: req, notes: () => [] };
    },
  },
  {
    id: 'bare-get',
    label: 'GET (fixed body)',
    method: 'GET',
    api: null,
    kinds: ['bare'],
    make() {
      const req = { method: 'GET', path: `/losant${LOSANT_PATH}`, headers: { authorization: 'Bearer losant-demo-all' } };
      return { next: () => req, fixed: req, notes: () => [] };
    },
  },
  {
    id: 'bare-post',
    label: 'POST (Droplit-shaped body, fixed answer)',
    method: 'POST',
    api: null,
    kinds: ['bare'],
    make() {
      return {
        next: () => ({
          method: 'POST',
          path: '/droplit/v0/api/environments/',
          headers: { authorization: 'droplit-demo-account', 'content-type': 'application/json' },
          body: `{"ecosystemId":"${DROPLIT_ECOSYSTEM}","alias":"${nextAlias()}","meta":{"k":"v"}}`,
        }),
        notes: () => [],
      };
    },
  },
];

module.exports = { REQUESTS };
