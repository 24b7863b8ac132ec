import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { rootCertificates as tlsRootCertificates } from 'node:tls';
import type { ContractDescriptor, LiveValues } from '../contract/descriptor';
import type { ApiModule } from '../core/module';
import { loadApiSpec } from '../core/precompiled';
import { Router } from '../core/router';
import type { Spec } from '../core/spec';
import type { SpecValidators } from '../core/validators';
import type { Vendors } from '../vendor';
import { Redactor } from './redact';

/** One proxied API: where it is forwarded, and the compiled spec both sides are checked against. */
export interface Upstream {
  api: string;
  /** The path prefix it is served under on the proxy ('' at the root). */
  prefix: string;
  url: URL;
  /** The upstream URL's path, without a trailing slash, put before each forwarded path. */
  basePath: string;
  host: string;
  request: typeof httpRequest;
  agent: HttpAgent;
  module: ApiModule;
  contract: ContractDescriptor;
  spec: Spec;
  validators: SpecValidators;
  router: Router;
  redactor: Redactor;
}

export interface UpstreamPair {
  api: string;
  upstream: string;
  /** The live credentials of this API (a --config file's fields), so recordings can name them. */
  credentials?: LiveValues;
}

/** Everything a proxied API needs, made once at start-up; an unknown API or an unusable URL is an error here. */
/** `ca`: extra certificate authorities (PEM) an HTTPS upstream may be signed by, besides node's. */
export function makeUpstream(pair: UpstreamPair, vendors: Vendors, atRoot: boolean, ca?: string): Upstream {
  const vendor = vendors[pair.api];
  if (!vendor) throw new Error(`unknown API '${pair.api}' (known: ${Object.keys(vendors).join(', ')})`);
  let url: URL;
  try {
    url = new URL(pair.upstream);
  } catch {
    throw new Error(`--upstream for ${pair.api} must be an http:// or https:// URL, got '${pair.upstream}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--upstream for ${pair.api} must be http:// or https://, got '${url.protocol}'`);
  const { spec, validators } = loadApiSpec(vendor.module.specFile);
  const https = url.protocol === 'https:';
  return {
    api: pair.api,
    prefix: atRoot ? '' : `/${pair.api}`,
    url,
    basePath: url.pathname.replace(/\/+$/, ''),
    host: url.host,
    request: https ? httpsRequest : httpRequest,
    agent: https ? new HttpsAgent({ keepAlive: true, ...(ca ? { ca: [...tlsRootCertificates, ca] } : {}) }) : new HttpAgent({ keepAlive: true }),
    module: vendor.module,
    contract: vendor.contract,
    spec,
    validators,
    router: new Router(spec.operations),
    redactor: new Redactor(vendor.contract, spec, pair.credentials),
  };
}
