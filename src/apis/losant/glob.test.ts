import fc from 'fast-check';
import { globMatcher, literalPrefix } from './glob';
import { substringFinder } from './substringFinder';

describe('globMatcher (list filter is a glob)', () => {
  it('`*` matches any run of characters, including none', () => {
    const match = globMatcher('the*status');
    expect(match('thestatus')).toBe(true);
    expect(match('the big status')).toBe(true);
    expect(match('the status!')).toBe(false);
  });

  it('must match the whole value', () => {
    expect(globMatcher('act')('active')).toBe(false);
    expect(globMatcher('act*')('active')).toBe(true);
    expect(globMatcher('*tive')('active')).toBe(true);
    expect(globMatcher('*tiv')('active')).toBe(false);
  });

  it('is case-insensitive', () => {
    expect(globMatcher('MYDOMAIN.*')('myDomain.com')).toBe(true);
    expect(globMatcher('*ÄRGER*')('ärger-2')).toBe(true);
  });

  it('treats regex specials as literal characters', () => {
    expect(globMatcher('my.omain.com')('myDomain.com')).toBe(false);
    expect(globMatcher('a+b(c)[d]?$^|\\')('a+b(c)[d]?$^|\\')).toBe(true);
    expect(globMatcher('a+b')('aab')).toBe(false);
  });

  it('pieces may not overlap: head and tail need their own characters', () => {
    expect(globMatcher('ab*ba')('aba')).toBe(false);
    expect(globMatcher('ab*ba')('abba')).toBe(true);
    expect(globMatcher('a*a*a')('aa')).toBe(false);
    expect(globMatcher('a*a*a')('aaa')).toBe(true);
  });

  it('agrees with the anchored, case-insensitive RegExp it replaces, on small alphabets', () => {
    const regexOf = (glob: string) =>
      new RegExp(
        `^${glob
          .split('*')
          .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
        'is',
      );
    const text = (chars: string, maxLength: number) => fc.string({ unit: fc.constantFrom(...chars.split('')), maxLength });
    fc.assert(
      fc.property(text('aAb*.', 12), text('aAbB.', 16), (glob, value) => globMatcher(glob)(value) === regexOf(glob).test(value)),
      { numRuns: 5000 },
    );
  });

  // Regression: the glob used to be a backtracking RegExp; these took 3 s and 2.7 s on an idle machine.
  it('hostile glob: `*a*a*a*a*a*a*b` against a 64-character commonName answers in linear time', () => {
    const match = globMatcher('*a*a*a*a*a*a*b');
    const value = 'a'.repeat(64);
    const started = performance.now();
    for (let i = 0; i < 1000; i++) expect(match(value)).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('hostile glob: `*` x 15,000 compiles and matches in linear time', () => {
    const started = performance.now();
    const match = globMatcher(`${'*'.repeat(15_000)}b`);
    expect(match('a'.repeat(1024))).toBe(false);
    expect(match(`${'a'.repeat(1023)}b`)).toBe(true);
    expect(globMatcher(`${'*a'.repeat(7_500)}`)('a'.repeat(7_499))).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('literalPrefix', () => {
  it('is the text before the first star, or the whole glob', () => {
    expect(literalPrefix('edge-*-01')).toBe('edge-');
    expect(literalPrefix('*x')).toBe('');
    expect(literalPrefix('plain')).toBe('plain');
  });
});

describe('substringFinder (KMP)', () => {
  it('finds the first occurrence inside [from, to), like indexOf bounded to the window', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 6 }),
        fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 20 }),
        fc.nat(20),
        fc.nat(20),
        (needle, text, x, y) => {
          const [from, to] = [Math.min(x, y, text.length), Math.min(Math.max(x, y), text.length)];
          const found = text.slice(0, to).indexOf(needle, from);
          return substringFinder(needle)(text, from, to) === found;
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads a periodic text once: a million characters against a near-miss needle in well under a second', () => {
    const find = substringFinder(`${'a'.repeat(999)}b`);
    const text = 'a'.repeat(1_000_000);
    const started = performance.now();
    expect(find(text, 0, text.length)).toBe(-1);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
