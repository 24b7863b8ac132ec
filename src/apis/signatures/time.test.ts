import { formatTimestamp, parseTimestamp } from './time';

const plain = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

describe('formatTimestamp', () => {
  it("writes PHP's Y-m-d H:i:s in UTC, without the fraction", () => {
    expect(formatTimestamp(Date.parse('2024-05-01T12:34:56.789Z'))).toBe('2024-05-01 12:34:56');
    expect(parseTimestamp(formatTimestamp(Date.parse('2024-05-01T12:34:56.789Z')))).toBe(Date.parse('2024-05-01T12:34:56Z'));
  });

  it('formats a time it has formatted before without formatting it again', () => {
    const at = Date.parse('2031-02-03T04:05:06.007Z');
    formatTimestamp(at);
    const toISOString = jest.spyOn(Date.prototype, 'toISOString');
    try {
      expect(formatTimestamp(at)).toBe('2031-02-03 04:05:06');
      expect(formatTimestamp(at + 900)).toBe('2031-02-03 04:05:06');
      expect(toISOString).not.toHaveBeenCalled();
    } finally {
      toISOString.mockRestore();
    }
  });

  it('gives the same text as formatting afresh, whatever was cached in the same slot before', () => {
    const base = Date.parse('2024-05-01T00:00:00Z');
    // 4096 seconds apart: the same cache slot, different texts; then negative and fractional times.
    const times = [0, 1, 2, 3].flatMap((i) => [base + i * 4096_000, base + i * 4096_000 + 999]);
    times.push(-1, -0.5, -1000, -1001, 0.5, 999.9, 1000, Date.parse('1969-12-31T23:59:59.999Z'), 8.64e15, -8.64e15);
    for (let round = 0; round < 2; round++) for (const ms of [...times].reverse()) expect(formatTimestamp(ms)).toBe(plain(ms));
  });

  it('still refuses an invalid time', () => {
    expect(() => formatTimestamp(Number.NaN)).toThrow(RangeError);
    expect(() => formatTimestamp(8.64e15 + 1)).toThrow(RangeError);
  });
});
