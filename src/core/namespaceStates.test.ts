import { NamespaceStates } from './namespaceStates';

describe('NamespaceStates', () => {
  it('evicts the least recently used namespace when full; reading one makes it recent', () => {
    const states = new NamespaceStates<number>(2);
    expect(states.admit('a', 1)).toBe(true);
    expect(states.admit('b', 2)).toBe(true);
    expect(states.get('a')).toBe(1);
    expect(states.admit('c', 3)).toBe(true);
    expect(states.names()).toEqual(['a', 'c']);
  });

  it('reading the most recent namespace again leaves the order as it is; reading another still moves it', () => {
    const states = new NamespaceStates<number>(3);
    states.admit('a', 1);
    states.admit('b', 2);
    states.admit('c', 3);
    expect([states.get('c'), states.get('c')]).toEqual([3, 3]);
    expect(states.names()).toEqual(['a', 'b', 'c']);
    states.get('a');
    states.get('a');
    expect(states.names()).toEqual(['b', 'c', 'a']);
    states.delete('a');
    states.get('c');
    states.admit('a', 4);
    states.get('b');
    expect(states.names()).toEqual(['c', 'a', 'b']);
  });

  it('never evicts a namespace with a request in progress, and says so when all are busy', () => {
    const states = new NamespaceStates<number>(2);
    states.admit('a', 1);
    states.admit('b', 2);
    states.enter('a');
    expect(states.admit('c', 3)).toBe(true);
    expect(states.names()).toEqual(['a', 'c']);
    states.enter('c');
    expect(states.admit('d', 4)).toBe(false);
    states.leave('a');
    expect(states.admit('d', 4)).toBe(true);
    expect(states.names()).toEqual(['c', 'd']);
  });

  it('keeps a namespace past the cap when told to overflow, and evicts the surplus once one goes idle', () => {
    const evicted: string[] = [];
    const states = new NamespaceStates<number>(1, (ns) => evicted.push(ns));
    states.admit('a', 1);
    states.enter('a');
    expect(states.admit('b', 2)).toBe(false);
    expect(states.admit('b', 2, true)).toBe(true);
    expect(states.names()).toEqual(['a', 'b']);
    states.leave('a');
    expect([states.names(), evicted]).toEqual([['b'], ['a']]);
  });

  it('refuses a cap below 1', () => {
    expect(() => new NamespaceStates(0)).toThrow(/at least 1/);
  });
});

describe('NamespaceStates evictions', () => {
  it('tells onEvict of a namespace dropped for room, never of a delete or clear', () => {
    const evicted: string[] = [];
    const states = new NamespaceStates<number>(1, (ns) => evicted.push(ns));
    states.admit('a', 1);
    states.admit('b', 2);
    states.delete('b');
    states.admit('c', 3);
    states.clear();
    expect(evicted).toEqual(['a']);
  });

  it('keeps past the cap while evictions are suspended (a replay), and evicts down to it on resuming', () => {
    const evicted: string[] = [];
    const states = new NamespaceStates<number>(2, (ns) => evicted.push(ns));
    states.suspendEvictions(true);
    for (const [i, ns] of ['a', 'b', 'c', 'd'].entries()) expect(states.admit(ns, i)).toBe(true);
    expect(evicted).toEqual([]);
    states.suspendEvictions(false);
    expect(states.names()).toEqual(['c', 'd']);
    expect(evicted).toEqual(['a', 'b']);
  });
});
