// The Lua scripts RedisLog runs. Each one is a single round trip and runs atomically in Redis, so
// "check the instance, append, read what came before" can never interleave with another replica's
// append: that atomicity is what orders commands across replicas with no lock.
//
// Key layout (a single Redis, not Cluster: the reset script touches keys it computes itself):
//   standin:meta                    hash: instance (random id of this Redis's data), seed, format
//   standin:streams                 set of "<api>:<namespace>" that have a stream (for resets across streams)
//   standin:log:{<api>:<namespace>} stream of commands, one JSON field `c` per entry

export const META_KEY = 'standin:meta';
export const STREAMS_KEY = 'standin:streams';
export const FORMAT = '1';

export const streamMember = (api: string, namespace: string): string => `${api}:${namespace}`;
// API names never hold ':', so the member splits at its first one (namespaces may hold ':').
export const streamKey = (member: string): string => `standin:log:{${member}}`;

// Sets this Redis's instance id and seed unless it already has them, and says which it has. A Redis
// that lost its data (restarted empty, FLUSHALL) has no instance id, so the first replica to notice
// gives it a new one and every replica sees the change.
// KEYS: meta. ARGV: candidate instance, seed, format. Returns [instance, seed, format].
export const INIT_LUA = `
if redis.call('HSETNX', KEYS[1], 'instance', ARGV[1]) == 1 then
  redis.call('HSET', KEYS[1], 'seed', ARGV[2], 'format', ARGV[3])
end
return redis.call('HMGET', KEYS[1], 'instance', 'seed', 'format')
`;

// Appends a batch of commands to one stream and returns a page of what follows the replica's last
// applied entry, through the end (its own entries included). With no commands it is a catch-up.
// Before anything, two checks that keep a replica from answering from state Redis no longer has:
// the instance id (Redis lost everything), and the replica's last applied entry still being there
// (Redis lost the tail, e.g. an AOF fsynced once a second and a crash) unless a reset trimmed past it.
// A batch that is a reset trims the stream up to the reset after reading, so a rebuild starts there.
// KEYS: meta, stream, streams set. ARGV: instance, position ('' = from the start), member, page
// size, '1' when the batch is a reset, then one JSON command per entry.
// A page also stops before the entry that takes it past PAGE_BYTES (one entry always fits), so a
// replica rebuilding a namespace of large bodies never asks for a reply it cannot take in time.
// Returns {'instance', id} | {'lost'} | {'ok', {ids...}, {entries...}, more: '1' | '0'}.
export const APPEND_LUA = `
local PAGE_BYTES = ${4 * 1024 * 1024}
local instance = redis.call('HGET', KEYS[1], 'instance')
if instance ~= ARGV[1] then return {'instance', instance or ''} end
local position = ARGV[2]
if position ~= '' and #redis.call('XRANGE', KEYS[2], position, position) == 0 then
  if redis.call('XLEN', KEYS[2]) == 0 or #redis.call('XRANGE', KEYS[2], '-', position, 'COUNT', 1) > 0 then
    return {'lost'}
  end
end
local ids = {}
for i = 6, #ARGV do ids[#ids + 1] = redis.call('XADD', KEYS[2], '*', 'c', ARGV[i]) end
if #ids > 0 then redis.call('SADD', KEYS[3], ARGV[3]) end
local from = '-'
if position ~= '' then from = '(' .. position end
local count = tonumber(ARGV[4])
local entries = redis.call('XRANGE', KEYS[2], from, '+', 'COUNT', count)
local more = '0'
if #entries == count then more = '1' end
local bytes = 0
for i = 1, #entries do
  bytes = bytes + #entries[i][2][2]
  if bytes > PAGE_BYTES and i > 1 then
    for j = #entries, i, -1 do entries[j] = nil end
    more = '1'
    break
  end
end
if ARGV[5] == '1' and #ids > 0 then redis.call('XTRIM', KEYS[2], 'MINID', ids[#ids]) end
return {'ok', ids, entries, more}
`;

// A reset wider than one stream (a namespace across APIs, an API, everything): appends a reset of
// its own (api, namespace) to every matching stream, trimming each to it, all atomically. A marker in
// each stream (rather than deleting streams) is what tells a replica that is behind to drop its
// state: it reads the marker on its next catch-up, in order with everything else in that stream.
// KEYS: meta, streams set. ARGV: instance, api ('' = any), namespace ('' = any).
// Returns {'instance', id} | {'ok', {members...}}.
export const RESET_LUA = `
local instance = redis.call('HGET', KEYS[1], 'instance')
if instance ~= ARGV[1] then return {'instance', instance or ''} end
local touched = {}
for _, member in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local sep = string.find(member, ':', 1, true)
  local api = string.sub(member, 1, sep - 1)
  local namespace = string.sub(member, sep + 1)
  if (ARGV[2] == '' or ARGV[2] == api) and (ARGV[3] == '' or ARGV[3] == namespace) then
    local key = 'standin:log:{' .. member .. '}'
    local reset = '{"kind":"reset","api":' .. cjson.encode(api) .. ',"namespace":' .. cjson.encode(namespace) .. '}'
    local id = redis.call('XADD', key, '*', 'c', reset)
    redis.call('XTRIM', key, 'MINID', id)
    touched[#touched + 1] = member
  end
end
return {'ok', touched}
`;
