"""The Lua scripts of the ledger. Each touches the keys of one partition only (one hash slot).

Both gather the candidates the same way (`_CANDIDATES`): the newest incidents of each lookup bucket, each
once, at most a fixed number in all. APPLY gathers them again and compares ids and versions with what the
decision was made on: a change in the claim's neighbourhood (a new or changed candidate) means decide
again; changes elsewhere in the partition do not get in the way.
"""

# In: KEYS[first..last] lookup buckets; ARGV base, per bucket, oldest score, max candidates.
# Out: `ids`, the candidate ids in lookup order.
_CANDIDATES = """
local function candidates(first, last, base, per, oldest, left)
  local ids, seen = {}, {}
  for i = first, last do
    if left <= 0 then break end
    for _, id in ipairs(redis.call('ZREVRANGEBYSCORE', KEYS[i], '+inf', oldest, 'LIMIT', 0, per)) do
      if left > 0 and not seen[id] and redis.call('EXISTS', base .. ':i:' .. id) == 1 then
        seen[id] = true
        ids[#ids + 1] = id
        left = left - 1
      end
    end
  end
  return ids
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

# KEYS: article record, outbox, document frequencies, lookup bucket...
# ARGV: partition base, candidates per bucket, oldest index score still attracting claims, max candidates,
#       the article's tokens joined by spaces
# Returns {1, incident, version, outbox-or-false} for an article already filed, else {0, counts, id, version,
# ...}: `counts`, the document count then each token's document frequency joined by spaces (read with the
# candidates, so the rarities are those of the ledger the decision is made on), then the candidates (their
# summaries are fetched next, by the caller, unless it holds that version).
LOOKUP = _CANDIDATES + _WORDS + """
local applied = redis.call('HMGET', KEYS[1], 'incident', 'version')
if applied[1] then
  return {1, applied[1], applied[2], redis.call('GET', KEYS[2])}
end
local fields = words(ARGV[5])
table.insert(fields, 1, '*')
local counts = redis.call('HMGET', KEYS[3], unpack(fields))
for i = 1, #counts do counts[i] = counts[i] or '0' end
local out = {0, table.concat(counts, ' ')}
for _, id in ipairs(candidates(4, #KEYS, ARGV[1], tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4]))) do
  out[#out + 1] = id
  out[#out + 1] = redis.call('HGET', ARGV[1] .. ':i:' .. id, 'version')
end
return out
"""

# KEYS: article record, outbox, incident, document frequencies, recent list, lookup bucket x n, index bucket...
# ARGV: base, per bucket, oldest, max candidates, n, expected candidates ("id:version," each),
#       expected incident version, new version, incident id, state JSON, summary JSON, article JSON,
#       index score, window seconds, outbox ttl seconds, tokens joined by spaces, recent list length
# Returns 'ok', 'applied' (another consumer filed the article first) or 'conflict' (the candidates changed
# since the lookup: look up again). A fresh filing counts the article's tokens in the document frequencies
# in the same step, so a redelivery never counts them twice and a crash never loses a count.
APPLY = _CANDIDATES + _WORDS + """
if redis.call('EXISTS', KEYS[1]) == 1 then return 'applied' end
local n = tonumber(ARGV[5])
local seen = {}
for _, id in ipairs(candidates(6, 5 + n, ARGV[1], tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4]))) do
  seen[#seen + 1] = id .. ':' .. redis.call('HGET', ARGV[1] .. ':i:' .. id, 'version') .. ','
end
if table.concat(seen) ~= ARGV[6] then return 'conflict' end
if (redis.call('HGET', KEYS[3], 'version') or '0') ~= ARGV[7] then return 'conflict' end
redis.call('HSET', KEYS[3], 'state', ARGV[10], 'summary', ARGV[11], 'version', ARGV[8])
redis.call('HSET', KEYS[1], 'incident', ARGV[9], 'version', ARGV[8], 'claim', ARGV[12])
redis.call('SET', KEYS[2], ARGV[10], 'EX', ARGV[15])
for i = 6 + n, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[13], ARGV[9])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', '(' .. ARGV[3])
  redis.call('EXPIRE', KEYS[i], ARGV[14])
end
redis.call('HINCRBY', KEYS[4], '*', 1)
for _, token in ipairs(words(ARGV[16])) do redis.call('HINCRBY', KEYS[4], token, 1) end
redis.call('ZADD', KEYS[5], ARGV[13], ARGV[9])
redis.call('ZREMRANGEBYRANK', KEYS[5], 0, -tonumber(ARGV[17]) - 1)
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
