"""The two Lua scripts of the ledger. Each touches the keys of one partition only (one hash slot)."""

# KEYS: claim record, outbox, partition version, bucket...
# ARGV: partition base, candidates per bucket, oldest index score still attracting claims
# Returns {1, incident, version, outbox-or-false} for a claim already applied, else
# {0, partition version, summary...} of the candidates (newest first per bucket, each once).
LOOKUP = """
local applied = redis.call('HMGET', KEYS[1], 'incident', 'version')
if applied[1] then
  return {1, applied[1], applied[2], redis.call('GET', KEYS[2])}
end
local out = {0, redis.call('GET', KEYS[3]) or '0'}
local seen = {}
local per = tonumber(ARGV[2])
for i = 4, #KEYS do
  local ids = redis.call('ZREVRANGEBYSCORE', KEYS[i], '+inf', ARGV[3], 'LIMIT', 0, per)
  for _, id in ipairs(ids) do
    if not seen[id] then
      seen[id] = true
      local summary = redis.call('HGET', ARGV[1] .. ':i:' .. id, 'summary')
      if summary then out[#out + 1] = summary end
    end
  end
end
return out
"""

# KEYS: claim record, outbox, partition version, incident, bucket...
# ARGV: expected partition version, expected incident version, new version, incident id, state JSON,
#       summary JSON, claim JSON, index score, oldest score kept, window seconds, outbox ttl seconds
# Returns 'ok', 'applied' (another consumer applied the claim first) or 'conflict' (the partition changed
# since the lookup: look up again).
APPLY = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 'applied' end
if (redis.call('GET', KEYS[3]) or '0') ~= ARGV[1] then return 'conflict' end
if (redis.call('HGET', KEYS[4], 'version') or '0') ~= ARGV[2] then return 'conflict' end
redis.call('HSET', KEYS[4], 'state', ARGV[5], 'summary', ARGV[6], 'version', ARGV[3])
redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[1], 'incident', ARGV[4], 'version', ARGV[3], 'claim', ARGV[7])
redis.call('SET', KEYS[2], ARGV[5], 'EX', ARGV[11])
for i = 5, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[8], ARGV[4])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', '(' .. ARGV[9])
  redis.call('EXPIRE', KEYS[i], ARGV[10])
end
return 'ok'
"""
