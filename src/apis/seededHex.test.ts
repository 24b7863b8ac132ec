import { Faker, en } from '@faker-js/faker';
import { seededHex } from './seededHex';

// Ids are generated with the namespace's seeded faker and replayed from the command log, and README
// examples quote them, so the short path must give faker's own values and leave the generator in
// faker's own state.

function seeded(seed: number): Faker {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  return faker;
}

describe('seededHex', () => {
  it.each([1, 42, 20240501, 987654321])('gives faker.string.hexadecimal values and leaves the generator where faker does (seed %i)', (seed) => {
    const ours = seeded(seed);
    const theirs = seeded(seed);
    for (let round = 0; round < 200; round++) {
      const length = [1, 24, 32][round % 3];
      expect(seededHex(ours, length)).toBe(theirs.string.hexadecimal({ length, casing: 'lower', prefix: '' }));
      // Interleaved with other draws: the two generators must stay in step.
      expect(ours.number.int()).toBe(theirs.number.int());
    }
  });

  it('uses all sixteen lowercase digits and nothing else', () => {
    const text = seededHex(seeded(7), 4000);
    expect(text).toMatch(/^[0-9a-f]{4000}$/);
    expect(new Set(text).size).toBe(16);
  });

  it('is empty for length 0 and draws nothing', () => {
    const ours = seeded(3);
    const theirs = seeded(3);
    expect(seededHex(ours, 0)).toBe('');
    expect(ours.number.int()).toBe(theirs.number.int());
  });
});
