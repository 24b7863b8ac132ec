/** The header that selects an isolated copy of all state, and the names it may carry. */
export const NAMESPACE_HEADER = 'x-standin-namespace';
export const NAMESPACE_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;
