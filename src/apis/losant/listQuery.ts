import type { QueryParams } from '../../types/helpers';
import type { operations } from '../../types/losant';
import type { CertificatePredicate } from './advancedQuery';

type ListParams = QueryParams<operations['listApplicationCertificates']>;

export type SortField = NonNullable<ListParams['sortField']>;
/** A blank filterField means no filtering, so it never reaches the store. */
export type FilterField = Exclude<NonNullable<ListParams['filterField']>, ''>;
/** The filter fields holding free text, which the list keeps case-folded indexes of. */
export type TextFilterField = Exclude<FilterField, 'status'>;

export interface ListQuery {
  sortField: SortField;
  descending: boolean;
  page: number;
  perPage: number;
  /** Both set and non-blank, or no filtering at all. */
  filter?: { field: FilterField; glob: string };
  /** An advanced query, which overrides `filter`. */
  where?: CertificatePredicate;
}
