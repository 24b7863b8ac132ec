import { parseAltrDate } from './altrDate';

const EPOCH_PLUS = Date.UTC(2024, 4, 1, 12, 30, 15); // 2024-05-01T12:30:15Z

describe('X-ALTR-DATE formats (each parsed explicitly, as UTC where no zone is given)', () => {
  it.each([
    ['ISO 8601 with Z', '2024-05-01T12:30:15Z', EPOCH_PLUS],
    ['ISO 8601 with milliseconds', '2024-05-01T12:30:15.250Z', EPOCH_PLUS + 250],
    ['ISO 8601 with an offset (PHP date("c"))', '2024-05-01T14:30:15+02:00', EPOCH_PLUS],
    ['ISO 8601 with a basic offset', '2024-05-01T07:30:15-0500', EPOCH_PLUS],
    ['ISO 8601 without an offset (read as UTC)', '2024-05-01T12:30:15', EPOCH_PLUS],
    ['RFC 1123 (Date.toUTCString())', 'Wed, 01 May 2024 12:30:15 GMT', EPOCH_PLUS],
    ['RFC 2822 numeric zone', 'Wed, 01 May 2024 13:30:15 +0100', EPOCH_PLUS],
    ['JS Date.toString() at UTC', 'Wed May 01 2024 12:30:15 GMT+0000 (Coordinated Universal Time)', EPOCH_PLUS],
    ['JS Date.toString() elsewhere', 'Wed May 01 2024 14:30:15 GMT+0200 (Central European Summer Time)', EPOCH_PLUS],
    ['JS Date.toString() without the zone name', 'Wed May 01 2024 12:30:15 GMT+0000', EPOCH_PLUS],
    ['MM-DD-YYYY HH:mm:ss (read as UTC)', '05-01-2024 12:30:15', EPOCH_PLUS],
    ['the vendor example payload date', '01-01-1970 00:00:00', 0],
  ])('accepts %s', (_name, text, expected) => {
    expect(parseAltrDate(text)).toBe(expected);
  });

  it('reads MM-DD-YYYY month first, not day first', () => {
    expect(parseAltrDate('02-03-2024 00:00:00')).toBe(Date.UTC(2024, 1, 3));
  });

  it.each([
    ['an empty string', ''],
    ['prose', 'yesterday'],
    ['a bare epoch number', '1714566615'],
    ['a date without a time', '2024-05-01'],
    ['DD-MM-YYYY with a day past 12', '13-01-2024 00:00:00'],
    ['February 30', '02-30-2024 00:00:00'],
    ['hour 24', '2024-05-01T24:00:00Z'],
    ['an out-of-range offset', '2024-05-01T12:30:15+25:00'],
    ['an unknown month', 'Wed, 01 Foo 2024 12:30:15 GMT'],
    ['MM/DD/YYYY with slashes (not a documented form)', '05/01/2024 12:30:15'],
  ])('refuses %s', (_name, text) => {
    expect(parseAltrDate(text)).toBeUndefined();
  });
});
