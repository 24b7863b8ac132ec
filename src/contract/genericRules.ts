// The README's generic rules (its Serving section), by the anchor each bullet carries. The README is
// the list; these names only spare the generators a typo.

export const GENERIC_RULES = {
  notFound: 'rule-generic-404',
  methodNotAllowed: 'rule-generic-405',
  schema: 'rule-generic-400',
  malformedJson: 'rule-generic-malformed-json',
  contentType: 'rule-generic-content-type',
  tooLarge: 'rule-generic-413',
  noHtml: 'rule-generic-no-html',
  faults: 'rule-generic-faults',
} as const;
