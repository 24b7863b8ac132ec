import type { Handler } from '../../core/module';
import type { EngineResponse } from '../../core/types';
import { parseAdvancedQuery } from './advancedQuery';
import type { Principal } from './auth';
import { applicationNotFound, certificateNotFound, invalidCertificate, losantError } from './errors';
import type { LosantState } from './state';
import type { CertificatePatch, CertificatePost, FilterField, ListQuery, SortField } from './store';

// By the time a handler runs the engine has checked the token, the ids, the query and the body
// against specs/losant.yaml; what is left is state: which records exist, and what a PEM says.

type LosantHandler = Handler<LosantState, Principal>;

const FAILURES: Record<'applicationNotFound' | 'certificateNotFound' | 'invalidCertificate', () => EngineResponse> = {
  applicationNotFound,
  certificateNotFound,
  invalidCertificate,
};

const isBlank = (value: unknown) => value === undefined || value === '';

export const listApplicationCertificates: LosantHandler = (ctx) => {
  const { applicationId } = ctx.params;
  // The engine has applied the spec's defaults; page and perPage are decimal digits (the spec's patterns).
  const { sortField, sortDirection, filterField, filter, query: advanced } = ctx.query;
  const page = Number(ctx.query.page);
  const perPage = Number(ctx.query.perPage);
  let where: ListQuery['where'];
  if (!isBlank(advanced)) {
    // Checked before the application is looked up: a malformed parameter is a 400 whatever the ids name.
    const parsed = parseAdvancedQuery(advanced);
    if (!parsed.ok) return losantError(400, 'Validation', parsed.message);
    where = parsed.matches;
  }
  // `query` overrides filterField/filter (losant-rest's own description of it), which are then not echoed.
  const filtering = !where && !isBlank(filterField) && !isBlank(filter);
  const query: ListQuery = {
    sortField: sortField as SortField,
    // A blank sortDirection sorts as the default does, and is echoed blank.
    descending: String(sortDirection).toLowerCase() === 'desc',
    page,
    perPage,
    filter: filtering ? { field: filterField as FilterField, glob: filter } : undefined,
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
  };
};

export const createApplicationCertificate: LosantHandler = (ctx) => {
  const outcome = ctx.state.store.create(ctx.params.applicationId, ctx.body as CertificatePost, ctx.clock.now());
  return outcome.ok ? { status: 201, body: outcome.certificate } : FAILURES[outcome.reason]();
};

export const getApplicationCertificate: LosantHandler = (ctx) => {
  const outcome = ctx.state.store.get(ctx.params.applicationId, ctx.params.applicationCertificateId);
  return outcome.ok ? { status: 200, body: outcome.certificate } : FAILURES[outcome.reason]();
};

export const patchApplicationCertificate: LosantHandler = (ctx) => {
  const { applicationId, applicationCertificateId } = ctx.params;
  const outcome = ctx.state.store.patch(applicationId, applicationCertificateId, ctx.body as CertificatePatch, ctx.clock.now());
  return outcome.ok ? { status: 200, body: outcome.certificate } : FAILURES[outcome.reason]();
};

export const deleteApplicationCertificate: LosantHandler = (ctx) => {
  const outcome = ctx.state.store.remove(ctx.params.applicationId, ctx.params.applicationCertificateId);
  return outcome.ok ? { status: 200, body: { success: true } } : FAILURES[outcome.reason]();
};
