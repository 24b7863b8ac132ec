import { parseAdvancedQuery, QUERY_LIMITS } from './advancedQuery';
import type { Certificate } from './certificate';

// What a query matches (MongoDB's semantics, as the spec's list description states them) and what
// it refuses (the spec's AdvancedApplicationCertQuery, plus standin's bounds).

function certificate(id: string, fields: Partial<Certificate> & { commonName?: string } = {}): Certificate {
  const { commonName = `cn-${id}`, ...rest } = fields;
  return {
    id: id.padStart(24, '0'),
    applicationCertificateId: id.padStart(24, '0'),
    applicationId: '575ec8687ae143cd83dc4a97',
    creationDate: '2024-01-01T00:00:00.000Z',
    lastUpdated: '2024-01-01T00:00:00.000Z',
    name: commonName,
    status: 'active',
    certificateInfo: {
      serialNumber: `0${id}`,
      fingerprint: 'AA:BB',
      commonName,
      issuerName: 'Acme CA',
      notValidBefore: '2024-01-01T00:00:00.000Z',
      notValidAfter: '2034-01-01T00:00:00.000Z',
    },
    filterType: 'all',
    pubTopics: [],
    subTopics: [],
    certificate: '-----BEGIN CERTIFICATE-----',
    ...rest,
  };
}

const CERTIFICATES = [
  certificate('a1', { commonName: 'Edge-Gateway-01', creationDate: '2021-03-01T00:00:00.000Z', pubTopics: ['devices/a/state', 'devices/a/command'] }),
  certificate('a2', { commonName: 'edge-gateway-02', status: 'inactive', creationDate: '2022-03-01T00:00:00.000Z', deviceIds: ['5d3f1a2b7ae143cd83dc4b11'] }),
  certificate('a3', { commonName: 'pump-controller-03', name: 'Pump 3', filterType: 'whitelist', creationDate: '2023-03-01T00:00:00.000Z', description: 'x' }),
  certificate('a4', { commonName: '', name: '0a4', creationDate: '2024-03-01T00:00:00.000Z' }),
];

/** The ids (last two characters) the query matches, or the refusal message. */
function run(query: unknown): string[] | string {
  const outcome = parseAdvancedQuery(typeof query === 'string' ? query : JSON.stringify(query));
  return outcome.ok ? CERTIFICATES.filter(outcome.matches).map((c) => c.id.slice(-2)) : outcome.message;
}

describe('advanced query: what matches', () => {
  it.each<[string, unknown, string[]]>([
    ['{} matches everything', {}, ['a1', 'a2', 'a3', 'a4']],
    ['a bare value is $eq', { status: 'inactive' }, ['a2']],
    ['$eq is case-sensitive', { commonName: { $eq: 'edge-gateway-01' } }, []],
    ['$ne', { status: { $ne: 'active' } }, ['a2']],
    ['$in and $nin', { filterType: { $in: ['whitelist', 'blacklist'] } }, ['a3']],
    ['$nin matches an absent field too', { name: { $nin: ['Pump 3', '0a4'] } }, ['a1', 'a2']],
    ['$startsWith is case-sensitive', { commonName: { $startsWith: 'edge' } }, ['a2']],
    ['$ci makes $startsWith case-insensitive', { commonName: { $startsWith: 'EDGE', $ci: true } }, ['a1', 'a2']],
    ['$ci does not change $eq', { commonName: { $eq: 'EDGE-GATEWAY-02', $ci: true } }, []],
    ['$endsWith and $contains', { commonName: { $endsWith: '-03' } }, ['a3']],
    ['$contains with $ci', { name: { $contains: 'MP 3', $ci: true } }, ['a3']],
    ['several operators must all hold', { commonName: { $startsWith: 'e', $ci: true, $endsWith: '2' } }, ['a2']],
    ['only $ci matches everything', { name: { $ci: true } }, ['a1', 'a2', 'a3', 'a4']],
    ['text compares by code point', { commonName: { $gte: 'e', $lt: 'p' } }, ['a2']],
    ['a value of another type never compares', { status: 1 }, []],
    ['... and is never equal', { status: { $ne: true } }, ['a1', 'a2', 'a3', 'a4']],
    ['dates compare by time, in milliseconds', { creationDate: { $gte: Date.parse('2022-01-01T00:00:00Z') } }, ['a2', 'a3', 'a4']],
    ['... or ISO 8601 text', { creationDate: { $lt: '2022-03-01T00:00:00.000Z' } }, ['a1']],
    ['... with an offset', { creationDate: '2022-03-01T01:00:00+01:00' }, ['a2']],
    ['a date compared with other text matches nothing', { creationDate: { $gt: 'yesterday' } }, []],
    ['string operators never match dates', { creationDate: { $startsWith: '2021' } }, []],
    ['ids compare case-insensitively', { id: '0000000000000000000000A3' }, ['a3']],
    ['ids take $in', { id: { $in: ['0000000000000000000000a1', '0000000000000000000000A4'] } }, ['a1', 'a4']],
    ['an array field matches when one element does', { pubTopics: 'devices/a/command' }, ['a1']],
    ['... $startsWith on an element', { pubTopics: { $startsWith: 'devices/' } }, ['a1']],
    ['... $ne when no element equals', { pubTopics: { $ne: 'devices/a/state' } }, ['a2', 'a3', 'a4']],
    ['deviceId is an id in deviceIds', { deviceId: '5D3F1A2B7AE143CD83DC4B11' }, ['a2']],
    ['null matches an absent field', { deviceId: null }, ['a1', 'a3', 'a4']],
    ['$ne null a present one', { deviceId: { $ne: null } }, ['a2']],
    ['$gte null matches what $eq null does', { addresses: { $gte: null } }, ['a1', 'a2', 'a3', 'a4']],
    ['$gt null matches nothing', { addresses: { $gt: null } }, []],
    ['fields standin does not store are absent', { issuerSerialNumber: 'x' }, []],
    ['the certificateInfo fields', { serialNumber: '0a3', issuerName: 'Acme CA' }, ['a3']],
    ['an empty commonName is a present empty text', { commonName: '' }, ['a4']],
    ['top-level fields must all hold', { status: 'active', filterType: 'all' }, ['a1', 'a4']],
    ['$and', { $and: [{ status: 'active' }, { commonName: { $contains: 'Gateway' } }] }, ['a1']],
    ['$or', { $or: [{ status: 'inactive' }, { name: 'Pump 3' }] }, ['a2', 'a3']],
    ['$nor', { $nor: [{ status: 'inactive' }, { name: 'Pump 3' }] }, ['a1', 'a4']],
    ['$and: [] and $or: [] match everything (Losant docs)', { $and: [], $or: [] }, ['a1', 'a2', 'a3', 'a4']],
    ['$nor: [] matches nothing (Losant docs)', { $nor: [] }, []],
    ['nested logic', { $or: [{ $and: [{ status: 'active' }, { filterType: 'whitelist' }] }, { $nor: [{ commonName: { $ne: '' } }] }] }, ['a3', 'a4']],
  ])('%s', (_name, query, ids) => {
    expect(run(query)).toEqual(ids);
  });
});

describe('advanced query: what is refused (400 Validation), never ignored', () => {
  it.each<[string, unknown, string]>([
    ['text that is not JSON', '{"status":', "query parameter 'query' is not valid JSON"],
    ['JSON that is not an object', '["status"]', "query parameter 'query' must be a JSON object"],
    ['null', 'null', "query parameter 'query' must be a JSON object"],
    ['an unknown field', { color: 'red' }, "query parameter 'query': 'color' is not allowed"],
    ['a field named like an Object.prototype member', { constructor: 'x' }, "query parameter 'query': 'constructor' is not allowed"],
    ['__proto__', '{"__proto__":{"$eq":1}}', "query parameter 'query': '__proto__' is not allowed"],
    ['an unknown operator', { name: { $regex: '^a' } }, "query parameter 'query': 'name.$regex' is not allowed"],
    ['an unknown operator, nested', { $or: [{ status: 'active' }, { name: { $where: 'x' } }] }, "query parameter 'query': '$or[1].name.$where' is not allowed"],
    ['an array value', { name: ['a'] }, "query parameter 'query': 'name' must be a string, number, boolean or null, or an object of operators"],
    ['an object operand of $eq', { name: { $eq: {} } }, "query parameter 'query': 'name.$eq' must be a string, number, boolean or null"],
    ['an empty $startsWith', { name: { $startsWith: '' } }, "query parameter 'query': 'name.$startsWith' must be a non-empty string"],
    ['a $contains that is not text', { name: { $contains: 1 } }, "query parameter 'query': 'name.$contains' must be a non-empty string"],
    ['a non-boolean $ci', { name: { $startsWith: 'a', $ci: 'yes' } }, "query parameter 'query': 'name.$ci' must be a boolean"],
    ['$in that is not an array', { name: { $in: 'a' } }, "query parameter 'query': 'name.$in' must be an array of at most 100 strings, numbers or booleans"],
    ['null in $in', { name: { $in: [null] } }, "query parameter 'query': 'name.$in' must be an array of at most 100 strings, numbers or booleans"],
    [
      '$in of 101 values',
      { name: { $in: Array.from({ length: 101 }, (_, i) => i) } },
      "query parameter 'query': 'name.$in' must be an array of at most 100 strings, numbers or booleans",
    ],
    ['an id that is not 24-hex', { id: 'abc' }, "query parameter 'query': 'id' must be a 24-hex ObjectId or null, or an object of one operator"],
    [
      'two operators on an id',
      { id: { $gt: '000000000000000000000000', $lt: 'ffffffffffffffffffffffff' } },
      "query parameter 'query': 'id' must hold exactly one operator",
    ],
    ['no operator on an id', { deviceId: {} }, "query parameter 'query': 'deviceId' must hold exactly one operator"],
    ['a string operator on an id', { id: { $startsWith: '5' } }, "query parameter 'query': 'id.$startsWith' is not allowed"],
    ['$in of non-ids on an id', { deviceId: { $nin: ['x'] } }, "query parameter 'query': 'deviceId.$nin' must be an array of at most 100 24-hex ObjectIds"],
    ['$or that is not an array', { $or: { status: 'active' } }, "query parameter 'query': '$or' must be an array of at most 100 queries"],
    ['$and of 101 queries', { $and: Array.from({ length: 101 }, () => ({})) }, "query parameter 'query': '$and' must be an array of at most 100 queries"],
    ['a nested query that is not an object', { $nor: [{}, 'status'] }, "query parameter 'query': '$nor[1]' must be a JSON object"],
  ])('%s', (_name, query, message) => {
    expect(run(query)).toBe(message);
  });
});

describe('advanced query: bounded', () => {
  const nested = (levels: number): unknown => (levels === 1 ? { status: 'active' } : { $and: [nested(levels - 1)] });

  it(`nests $and/$or/$nor up to ${QUERY_LIMITS.depth} levels, and refuses one more`, () => {
    expect(run(nested(QUERY_LIMITS.depth))).toEqual(['a1', 'a3', 'a4']);
    expect(run(nested(QUERY_LIMITS.depth + 1))).toBe(`query parameter 'query' nests $and/$or/$nor deeper than ${QUERY_LIMITS.depth} levels`);
  });

  it(`holds up to ${QUERY_LIMITS.conditions} conditions, and refuses one more`, () => {
    // Conditions: the $or, one $and per group, one field per $and item.
    const group = (size: number) => ({ $and: Array.from({ length: size }, () => ({ status: 'active' })) });
    const within = { $or: [group(99), group(98)] }; // 1 + 2 + 197 = 200
    const over = { $or: [group(99), group(99)] }; // 201
    expect(run(within)).toEqual(['a1', 'a3', 'a4']);
    expect(run(over)).toBe(`query parameter 'query' holds more than ${QUERY_LIMITS.conditions} conditions`);
  });

  it('hostile JSON: 100,000 nested arrays is refused at its first level, without recursion', () => {
    expect(run(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe("query parameter 'query' must be a JSON object");
    expect(run(`{"$or":[${'{"$or":['.repeat(5_000)}${']}'.repeat(5_000)}]}`)).toBe(
      `query parameter 'query' nests $and/$or/$nor deeper than ${QUERY_LIMITS.depth} levels`,
    );
  });

  it('hostile operands: a long $contains against long values stays linear', () => {
    const long = certificate('b1', { commonName: 'a'.repeat(1024), name: 'a'.repeat(1024) });
    const outcome = parseAdvancedQuery(JSON.stringify({ $or: Array.from({ length: 16 }, () => ({ name: { $contains: `${'a'.repeat(500)}b`, $ci: true } })) }));
    expect(outcome.ok).toBe(true);
    const started = performance.now();
    for (let i = 0; i < 200; i++) expect(outcome.ok && outcome.matches(long)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
