import { foldCase } from './foldCase';
import { substringFinder } from './substringFinder';

// Losant's list filter "supports globbing". standin's glob: `*` matches any run of characters
// (possibly none), everything else matches itself, the whole value must match, case-insensitively
// [standin choice, written in the spec]. No RegExp is built from the glob: a backtracking engine
// takes seconds on `*a*a*a*a*a*a*b`. With only `*` as wildcard, matching the literal pieces between
// the stars leftmost-first, each from where the last one ended, is exact; so one glob against one
// value reads the value once (KMP per piece) and costs O(value + glob).

export function globMatcher(glob: string): (value: string) => boolean {
  const pieces = foldCase(glob).split('*');
  if (pieces.length === 1) {
    const whole = pieces[0];
    return (value) => foldCase(value) === whole;
  }
  const head = pieces[0];
  const tail = pieces[pieces.length - 1];
  const middle = pieces.slice(1, -1).filter((piece) => piece.length > 0);
  const finders = middle.map(substringFinder);
  const fixed = head.length + tail.length;
  return (value) => {
    const text = foldCase(value);
    if (text.length < fixed || !text.startsWith(head) || !text.endsWith(tail)) return false;
    const end = text.length - tail.length;
    let at = head.length;
    for (let i = 0; i < finders.length; i++) {
      const found = finders[i](text, at, end);
      if (found < 0) return false;
      at = found + middle[i].length;
    }
    return true;
  };
}

/** The glob's characters before its first `*`: every match starts with them (case-insensitively). */
export function literalPrefix(glob: string): string {
  const star = glob.indexOf('*');
  return star < 0 ? glob : glob.slice(0, star);
}
