// Substring search whose cost is linear in the text scanned, whatever the needle: list filters and
// queries come from users, and String.prototype.indexOf makes no worst-case promise.

/** Finds `needle` in `text[from, to)`: the start of its first occurrence, or -1. */
export type SubstringFinder = (text: string, from: number, to: number) => number;

/** Knuth-Morris-Pratt: the failure table is built once per needle (per request), each search reads the text once. */
export function substringFinder(needle: string): SubstringFinder {
  const m = needle.length;
  if (m === 0) return (_text, from, to) => (from <= to ? from : -1);
  const fail = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i++) {
    while (k > 0 && needle.charCodeAt(i) !== needle.charCodeAt(k)) k = fail[k - 1];
    if (needle.charCodeAt(i) === needle.charCodeAt(k)) k++;
    fail[i] = k;
  }
  return (text, from, to) => {
    for (let i = from, k = 0; i < to; i++) {
      const unit = text.charCodeAt(i);
      while (k > 0 && unit !== needle.charCodeAt(k)) k = fail[k - 1];
      if (unit === needle.charCodeAt(k)) k++;
      if (k === m) return i - m + 1;
    }
    return -1;
  };
}
