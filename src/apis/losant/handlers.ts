import type { EngineResponse } from '../../core/types';
import type { QueryParams, Reply, WithDefaults } from '../../types/helpers';
import type { operations } from '../../types/losant';
import { specHandlers } from '../../types/specHandler';
import { parseAdvancedQuery } from './advancedQuery';
import type { Principal } from './auth';
import { applicationNotFound, certificateNotFound, invalidCertificate, invalidQuery } from './errors';
import type { LosantState } from './state';
import type { ListQuery } from './listQuery';

// By the time a handler runs the engine has checked the token, the ids, the query and the body
// against specs/losant.yaml; what is left is state: which records exist, and what a PEM says.

const handler = specHandlers<operations, LosantState, Principal>();

const FAILURES: Record<'applicationNotFound' | 'certificateNotFound' | 'invalidCertificate', () => EngineResponse> = {
  applicationNotFound,
  certificateNotFound,
  invalidCertificate,
};

type ListParams = WithDefaults<QueryParams<operations['listApplicationCertificates']>, 'sortField' | 'sortDirection' | 'page' | 'perPage'>;

const isBlank = (value: string | undefined): value is '' | undefined => value === undefined || value === '';

export const listApplicationCertificates = handler<'listApplicationCertificates'>((ctx) => {
  const { applicationId } = ctx.params;
  // The engine has applied the spec's defaults; page and perPage are decimal digits (the spec's patterns).
  const params = ctx.query as ListParams;
  const { sortField, sortDirection, filterField, filter, query: advanced } = params;
  const page = Number(params.page);
  const perPage = Number(params.perPage);
  let where: ListQuery['where'];
  if (!isBlank(advanced)) {
    // Checked before the application is looked up: a malformed parameter is a 400 whatever the ids name.
    const parsed = parseAdvancedQuery(advanced);
    if (!parsed.ok) return invalidQuery(parsed.message);
    where = parsed.matches;
  }
  // `query` overrides filterField/filter (losant-rest's own description of it), which are then not echoed.
  const filtering = !where && !isBlank(filterField) && !isBlank(filter);
  const query: ListQuery = {
    sortField,
    // A blank sortDirection sorts as the default does, and is echoed blank.
    descending: String(sortDirection).toLowerCase() === 'desc',
    page,
    perPage,
    filter: filtering ? { field: filterField, glob: filter } : undefined,
    where,
  };
  const outcome = ctx.state.store.list(applicationId, query);
  if (!outcome.ok) return FAILURES[outcome.reason]();
  return {
    status: 200,
    body: {
      items: outcome.items,
      count: outcome.items.length,
      totalCount: outcome.totalCount,
      perPage,
      page,
      ...(filtering && { filter, filterField }),
      sortField,
      sortDirection,
      applicationId: applicationId.toLowerCase(),
    },
  } satisfies Reply<operations['listApplicationCertificates'], 200>;
});

export const createApplicationCertificate = handler<'createApplicationCertificate'>((ctx) => {
  const outcome = ctx.state.store.create(ctx.params.applicationId, ctx.body, ctx.clock.now());
  return outcome.ok
    ? ({ status: 201, body: outcome.certificate } satisfies Reply<operations['createApplicationCertificate'], 201>)
    : FAILURES[outcome.reason]();
});

export const getApplicationCertificate = handler<'getApplicationCertificate'>((ctx) => {
  const outcome = ctx.state.store.get(ctx.params.applicationId, ctx.params.applicationCertificateId);
  return outcome.ok ? ({ status: 200, body: outcome.certificate } satisfies Reply<operations['getApplicationCertificate'], 200>) : FAILURES[outcome.reason]();
});

export const patchApplicationCertificate = handler<'patchApplicationCertificate'>((ctx) => {
  const { applicationId, applicationCertificateId } = ctx.params;
  const outcome = ctx.state.store.patch(applicationId, applicationCertificateId, ctx.body, ctx.clock.now());
  return outcome.ok ? ({ status: 200, body: outcome.certificate } satisfies Reply<operations['patchApplicationCertificate'], 200>) : FAILURES[outcome.reason]();
});

export const deleteApplicationCertificate = handler<'deleteApplicationCertificate'>((ctx) => {
  const outcome = ctx.state.store.remove(ctx.params.applicationId, ctx.params.applicationCertificateId);
  return outcome.ok ? ({ status: 200, body: { success: true } } satisfies Reply<operations['deleteApplicationCertificate'], 200>) : FAILURES[outcome.reason]();
});
