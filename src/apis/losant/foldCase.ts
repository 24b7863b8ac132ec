// Case-insensitive comparison for list filters and queries: the rule of ECMAScript's RegExp `i` flag
// (without `u`), so standin's matching means what it meant when globs were regular expressions.

// Ignoring case is comparing folds: each UTF-16 unit upper-cased, unless that takes more than one
// unit or maps a non-ASCII unit into ASCII (ECMA-262 Canonicalize). Two strings match
// case-insensitively exactly when their folds are equal.
function canonicalize(unit: string): string {
  const upper = unit.toUpperCase();
  if (upper.length !== 1) return unit;
  return unit.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128 ? unit : upper;
}

const folded = new Map<string, string>();

/** `text` as case-insensitive matching sees it; the indexes of names compare these. */
export function foldCase(text: string): string {
  let fold = folded.get(text);
  if (fold === undefined) {
    // eslint-disable-next-line no-control-regex
    fold = /^[\x00-\x7f]*$/.test(text) ? text.toUpperCase() : Array.from(text.split(''), canonicalize).join('');
    if (folded.size >= 10_000) folded.clear(); // names repeat (one per device model); a bound for when they do not
    folded.set(text, fold);
  }
  return fold;
}
