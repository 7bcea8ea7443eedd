"""The Lua scripts of the ledger. LOOKUP and APPLY touch the keys of one partition only (one hash slot).

LOOKUP gathers the candidates (`_CANDIDATES`: the newest incidents of each lookup bucket, each once, at most a
fixed number in all) and the partition's commit sequence; APPLY writes only if the sequence has not moved
since, i.e. nothing was filed in the partition in between (compare and set on the whole ledger the decision
read: candidates, their versions and the document frequencies alike). The service decides articles in stream
order (see `RedisLedger`), so in normal operation nothing is filed in between and APPLY never conflicts.
"""

# In: KEYS[first..last] lookup buckets; ARGV base, per bucket, oldest score, max candidates.
# Out: the candidates in lookup order, each id followed by its incident's version (one HGET per candidate: its
# nil answer tells an incident gone from the index's view, as EXISTS did, and the version comes with it).
_CANDIDATES = """
local function candidates(first, last, base, per, oldest, left)
  local out, seen = {}, {}
  for i = first, last do
    if left <= 0 then break end
    for _, id in ipairs(redis.call('ZREVRANGEBYSCORE', KEYS[i], '+inf', oldest, 'LIMIT', 0, per)) do
      if left > 0 and not seen[id] then
        local version = redis.call('HGET', base .. ':i:' .. id, 'version')
        if version then
          seen[id] = true
          out[#out + 1] = id
          out[#out + 1] = version
          left = left - 1
        end
      end
    end
  end
  return out
end
"""

# Splits one argument of words joined by spaces: one argument instead of hundreds keeps the call cheap to
# encode (redis-py packs each argument on its own), and no content token holds a space.
_WORDS = """
local function words(joined)
  local out = {}
  for word in string.gmatch(joined, '%S+') do out[#out + 1] = word end
  return out
end
"""

# KEYS: article record, outbox, document frequencies, commit hash, lookup bucket...
# ARGV: partition base, candidates per bucket, oldest index score still attracting claims, max candidates,
#       the article's tokens joined by spaces
# Returns {1, incident, version, outbox-or-false} for an article already filed, else {0, counts, sequence, id,
# version, ...}: `counts`, the document count then each token's document frequency joined by spaces (read with
# the candidates, so the rarities are those of the ledger the decision is made on); `sequence`, the partition's
# commit sequence (APPLY's compare and set); then the candidates (their summaries are fetched next, by the
# caller, unless it holds that version).
LOOKUP = _CANDIDATES + _WORDS + """
local applied = redis.call('HMGET', KEYS[1], 'incident', 'version')
if applied[1] then
  return {1, applied[1], applied[2], redis.call('GET', KEYS[2])}
end
local fields = words(ARGV[5])
table.insert(fields, 1, '*')
local counts = redis.call('HMGET', KEYS[3], unpack(fields))
for i = 1, #counts do counts[i] = counts[i] or '0' end
local out = {0, table.concat(counts, ' '), redis.call('HGET', KEYS[4], 'seq') or '0'}
for _, value in ipairs(candidates(5, #KEYS, ARGV[1], tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4]))) do
  out[#out + 1] = value
end
return out
"""

# KEYS: article record, outbox, incident, document frequencies, recent list, commit hash, index bucket...
# ARGV: new version, incident id, state JSON, summary JSON, article JSON, index score, oldest index score still
#       attracting claims, window seconds, outbox ttl seconds, tokens joined by spaces, recent list length,
#       expected commit sequence, the article's extracted entry id ('' for none)
# Returns 'ok', 'applied' (another consumer filed the article first) or 'conflict' (something was filed in the
# partition since the lookup: look up again). A fresh filing counts the article's tokens in the document
# frequencies in the same step, so a redelivery never counts them twice and a crash never loses a count; it
# moves the commit cursor (the newest entry filed) that replicas wait on to decide in stream order.
APPLY = _WORDS + """
if redis.call('EXISTS', KEYS[1]) == 1 then return 'applied' end
if (redis.call('HGET', KEYS[6], 'seq') or '0') ~= ARGV[12] then return 'conflict' end
redis.call('HINCRBY', KEYS[6], 'seq', 1)
if ARGV[13] ~= '' then
  local cursor = redis.call('HGET', KEYS[6], 'cursor')
  local function parts(id)
    local ms, n = string.match(id, '(%d+)-(%d+)')
    return tonumber(ms), tonumber(n)
  end
  local ms, n = parts(ARGV[13])
  local cms, cn = 0, 0
  if cursor then cms, cn = parts(cursor) end
  if ms > cms or (ms == cms and n > cn) then redis.call('HSET', KEYS[6], 'cursor', ARGV[13]) end
end
redis.call('HSET', KEYS[3], 'state', ARGV[3], 'summary', ARGV[4], 'version', ARGV[1])
redis.call('HSET', KEYS[1], 'incident', ARGV[2], 'version', ARGV[1], 'claim', ARGV[5])
redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[9])
for i = 7, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[6], ARGV[2])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', '(' .. ARGV[7])
  redis.call('EXPIRE', KEYS[i], ARGV[8])
end
redis.call('HINCRBY', KEYS[4], '*', 1)
for _, token in ipairs(words(ARGV[10])) do redis.call('HINCRBY', KEYS[4], token, 1) end
redis.call('ZADD', KEYS[5], ARGV[6], ARGV[2])
redis.call('ZREMRANGEBYRANK', KEYS[5], 0, -tonumber(ARGV[11]) - 1)
return 'ok'
"""

# KEYS: the hash of the latest published entry per incident. ARGV: (incident, version, entry id) triples.
# Returns the entry ids now superseded (an incident's previous latest, or the new entry itself when a newer
# version was published first); the caller deletes them from the incidents stream.
SUPERSEDE = """
local stale = {}
for i = 1, #ARGV, 3 do
  local incident, version, entry = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2]
  local latest = redis.call('HGET', KEYS[1], incident)
  local keep = true
  if latest then
    local at = string.find(latest, ' ', 1, true)
    local held, held_entry = tonumber(string.sub(latest, 1, at - 1)), string.sub(latest, at + 1)
    if held > version then
      stale[#stale + 1] = entry
      keep = false
    elseif held_entry ~= entry then
      stale[#stale + 1] = held_entry
    end
  end
  if keep then redis.call('HSET', KEYS[1], incident, version .. ' ' .. entry) end
end
return stale
"""
