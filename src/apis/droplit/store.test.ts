import { DroplitStore, type DroplitSeed } from './store';

const ECO = 'C599343aecca8fba8297a3195';
const OTHER = 'C5a0b1c2d3e4f5a6b7c8d9e0f';
const NOW = '2024-05-01T12:00:00.000Z';

function seed(): DroplitSeed {
  return {
    tokens: [{ token: 'acc', type: 'account' }],
    ecosystems: [{ id: ECO }, { id: OTHER }],
    environments: [{ id: 'Eseed', ecosystemId: ECO, alias: 'living_room', meta: { $label: 'Living room' }, createdAt: NOW }],
  };
}

function ids() {
  let n = 0;
  return () => `E${String(++n).padStart(24, '0')}`;
}

describe('DroplitStore', () => {
  it('reads token types from the seed', () => {
    const store = new DroplitStore(seed());
    expect(store.tokenType('acc')).toBe('account');
    expect(store.tokenType('nope')).toBeUndefined();
  });

  it('creates an environment with an empty meta by default', () => {
    const store = new DroplitStore(seed());
    const outcome = store.create({ ecosystemId: ECO }, ids(), NOW);
    expect(outcome).toEqual({ ok: true, environment: { id: 'E000000000000000000000001', ecosystemId: ECO, meta: {}, createdAt: NOW } });
    expect(store.get('E000000000000000000000001')).toBeDefined();
  });

  it('refuses an unknown ecosystem and stores nothing', () => {
    const store = new DroplitStore(seed());
    const newId = jest.fn(ids());
    expect(store.create({ ecosystemId: 'Cnope' }, newId, NOW)).toEqual({ ok: false, reason: 'ecosystemMissing' });
    expect(newId).not.toHaveBeenCalled();
    expect(store.list('Cnope')).toBeUndefined();
  });

  it('refuses an alias already used in the same ecosystem without consuming an id', () => {
    const store = new DroplitStore(seed());
    const newId = jest.fn(ids());
    expect(store.create({ ecosystemId: ECO, alias: 'living_room' }, newId, NOW)).toEqual({ ok: false, reason: 'aliasExists' });
    expect(newId).not.toHaveBeenCalled();
    expect([...store.list(ECO)!]).toHaveLength(1);
  });

  it('allows the same alias in another ecosystem', () => {
    const store = new DroplitStore(seed());
    expect(store.create({ ecosystemId: OTHER, alias: 'living_room' }, ids(), NOW).ok).toBe(true);
  });

  it('aliases are case-sensitive', () => {
    const store = new DroplitStore(seed());
    expect(store.create({ ecosystemId: ECO, alias: 'Living_Room' }, ids(), NOW).ok).toBe(true);
  });

  it('skips a generated id that is already taken', () => {
    const store = new DroplitStore(seed());
    const values = ['Eseed', 'Efresh'];
    const outcome = store.create({ ecosystemId: ECO }, () => values.shift()!, NOW);
    expect(outcome.ok && outcome.environment.id).toBe('Efresh');
  });

  it('stores a copy of meta, not the caller object', () => {
    const store = new DroplitStore(seed());
    const meta = { a: { b: 1 } };
    const outcome = store.create({ ecosystemId: ECO, meta }, ids(), NOW);
    meta.a.b = 2;
    expect(outcome.ok && store.get(outcome.environment.id)!.meta).toEqual({ a: { b: 1 } });
  });

  it('lists an ecosystem in creation order', () => {
    const store = new DroplitStore(seed());
    const newId = ids();
    store.create({ ecosystemId: ECO, alias: 'b' }, newId, NOW);
    store.create({ ecosystemId: OTHER, alias: 'x' }, newId, NOW);
    store.create({ ecosystemId: ECO, alias: 'a' }, newId, NOW);
    expect([...store.list(ECO)!].map((e) => e.alias)).toEqual(['living_room', 'b', 'a']);
    expect([...store.list(OTHER)!].map((e) => e.alias)).toEqual(['x']);
  });

  describe('update', () => {
    it('changes the alias and frees the old one', () => {
      const store = new DroplitStore(seed());
      expect(store.update('Eseed', { alias: 'hall' }).ok).toBe(true);
      expect(store.findByAlias(ECO, 'hall')?.id).toBe('Eseed');
      expect(store.findByAlias(ECO, 'living_room')).toBeUndefined();
      expect(store.create({ ecosystemId: ECO, alias: 'living_room' }, ids(), NOW).ok).toBe(true);
    });

    it('refuses an alias another environment of the ecosystem holds, changing nothing', () => {
      const store = new DroplitStore(seed());
      const created = store.create({ ecosystemId: ECO, alias: 'kitchen', meta: { a: 1 } }, ids(), NOW);
      const id = created.ok ? created.environment.id : '';
      expect(store.update(id, { alias: 'living_room', meta: { a: 2 } })).toEqual({ ok: false, reason: 'aliasExists' });
      expect(store.get(id)).toMatchObject({ alias: 'kitchen', meta: { a: 1 } });
    });

    it('accepts the environment own alias again', () => {
      const store = new DroplitStore(seed());
      expect(store.update('Eseed', { alias: 'living_room' }).ok).toBe(true);
      expect(store.findByAlias(ECO, 'living_room')?.id).toBe('Eseed');
    });

    it('alias null removes the alias and frees it', () => {
      const store = new DroplitStore(seed());
      store.update('Eseed', { alias: null });
      expect(store.get('Eseed')!.alias).toBeUndefined();
      expect('alias' in store.get('Eseed')!).toBe(false);
      expect(store.resolve('living_room')).toEqual({ ok: false, reason: 'notFound' });
    });

    it('meta null clears the metadata; an object replaces it; undefined keeps it', () => {
      const store = new DroplitStore(seed());
      store.update('Eseed', {});
      expect(store.get('Eseed')!.meta).toEqual({ $label: 'Living room' });
      store.update('Eseed', { meta: { x: 1 } });
      expect(store.get('Eseed')!.meta).toEqual({ x: 1 });
      store.update('Eseed', { meta: null });
      expect(store.get('Eseed')!.meta).toEqual({});
    });
  });

  describe('resolve', () => {
    it('finds an environment by id, scoped alias and bare alias', () => {
      const store = new DroplitStore(seed());
      for (const ref of ['Eseed', `${ECO};living_room`, `@${ECO};@living_room`, 'living_room', '@living_room']) {
        expect(store.resolve(ref)).toMatchObject({ ok: true, environment: { id: 'Eseed' } });
      }
    });

    it('an @ reference is an alias, never an id', () => {
      const store = new DroplitStore(seed());
      expect(store.resolve('@Eseed')).toEqual({ ok: false, reason: 'notFound' });
    });

    it('a bare alias held in two ecosystems is ambiguous; the scoped form still resolves', () => {
      const store = new DroplitStore(seed());
      store.create({ ecosystemId: OTHER, alias: 'living_room' }, ids(), NOW);
      expect(store.resolve('living_room')).toEqual({ ok: false, reason: 'ambiguous' });
      expect(store.resolve(`${OTHER};living_room`)).toMatchObject({ ok: true, environment: { ecosystemId: OTHER } });
    });

    it('unknown references are not found', () => {
      const store = new DroplitStore(seed());
      expect(store.resolve('Enope')).toEqual({ ok: false, reason: 'notFound' });
      expect(store.resolve(`${OTHER};living_room`)).toEqual({ ok: false, reason: 'notFound' });
      expect(store.resolve('Cnope;living_room')).toEqual({ ok: false, reason: 'notFound' });
    });
  });

  describe('delete', () => {
    it('removes the environment from id lookup and from its ecosystem list, and frees its alias', () => {
      const store = new DroplitStore(seed());
      expect(store.delete('Eseed')).toBe(true);
      expect(store.get('Eseed')).toBeUndefined();
      expect([...store.list(ECO)!]).toEqual([]);
      expect(store.resolve('living_room')).toEqual({ ok: false, reason: 'notFound' });
      expect(store.findByAlias(ECO, 'living_room')).toBeUndefined();
      expect(store.create({ ecosystemId: ECO, alias: 'living_room' }, ids(), NOW).ok).toBe(true);
    });

    it('an unknown or already deleted id is false and changes nothing', () => {
      const store = new DroplitStore(seed());
      expect(store.delete('Enope')).toBe(false);
      expect(store.delete('Eseed')).toBe(true);
      expect(store.delete('Eseed')).toBe(false);
    });

    it('leaves the holder of the same alias in another ecosystem resolvable', () => {
      const store = new DroplitStore(seed());
      const other = store.create({ ecosystemId: OTHER, alias: 'living_room' }, ids(), NOW);
      expect(store.resolve('living_room')).toEqual({ ok: false, reason: 'ambiguous' });
      store.delete('Eseed');
      expect(store.resolve('living_room')).toEqual(other);
    });
  });

  it('dumps plain JSON without token values', () => {
    const dump = new DroplitStore(seed()).dump() as any;
    expect(JSON.stringify(dump)).not.toContain('"acc"');
    expect(dump.ecosystems[0].environments[0]).toMatchObject({ id: 'Eseed', alias: 'living_room' });
  });

  it('refuses a seed with a duplicate alias', () => {
    const bad = seed();
    bad.environments.push({ ...bad.environments[0], id: 'Etwo' });
    expect(() => new DroplitStore(bad)).toThrow(/aliasExists/);
  });
});
