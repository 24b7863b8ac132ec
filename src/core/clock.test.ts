import { SettableClock } from './clock';

describe('SettableClock', () => {
  it('the clock is global: a namespace pin moves that namespace only, the rest follow the global clock', () => {
    const clock = new SettableClock();
    clock.setIn('worker-1', '2030-01-01T00:00:00Z');
    expect(clock.forNamespace('worker-1').now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(Math.abs(clock.forNamespace('worker-2').now().getTime() - Date.now())).toBeLessThan(1000);
    clock.set('2020-05-05T00:00:00Z');
    expect(clock.nowIn('worker-2').toISOString()).toBe('2020-05-05T00:00:00.000Z');
    expect(clock.nowIn('worker-1').toISOString()).toBe('2030-01-01T00:00:00.000Z');
    clock.setIn('worker-1', null);
    expect(clock.nowIn('worker-1').toISOString()).toBe('2020-05-05T00:00:00.000Z');
  });

  it('refuses a date it cannot read and bounds how many namespaces hold a pin', () => {
    const clock = new SettableClock(undefined, 2);
    expect(() => clock.setIn('a', 'yesterday')).toThrow(/not a date/);
    // Date.parse reads '1' as 2001 and new Date(12345) as 1970: neither is the ISO 8601 instant asked for.
    expect(() => clock.set('1')).toThrow(/not a date: 1 \(expected an ISO 8601 instant/);
    expect(() => clock.setIn('a', 12345 as never)).toThrow(/not a date/);
    expect(() => clock.set('2030-01-01T00:00:00Z junk')).toThrow(/not a date/);
    expect(clock.isPinned()).toBe(false);
    clock.setIn('a', '2030-01-01T00:00:00Z');
    clock.setIn('b', '2030-01-01T00:00:00Z');
    clock.setIn('a', '2031-01-01T00:00:00Z');
    expect(() => clock.setIn('c', '2030-01-01T00:00:00Z')).toThrow(/already pin/);
    clock.releaseNamespaces();
    expect(clock.isPinnedIn('a')).toBe(false);
  });
});
