import type { Faker } from '@faker-js/faker';

// faker.string.hexadecimal({ casing: 'lower', prefix: '' }) draws each character with
// helpers.arrayElement over its 22 characters (0-9, a-f, A-F), i.e. number.int({ max: 21 }), then
// lowercases the string. Its generic path (fromCharacters -> multiple -> Array.from -> join) cost
// more than the draws themselves; this makes the same draws in the same order, so the same
// generator state yields the same ids byte for byte, and leaves the generator where faker would.
const LOWERCASED = '0123456789abcdefabcdef';
const LAST = LOWERCASED.length - 1;

/** `length` lowercase hex characters, exactly faker.string.hexadecimal({ length, casing: 'lower', prefix: '' }). */
export function seededHex(faker: Faker, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += LOWERCASED[faker.number.int(LAST)];
  return text;
}
