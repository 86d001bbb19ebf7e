-- One acquisition from the shared budgets of a model, atomically: both budgets refill continuously (limit per
-- minute) on Redis's own clock, then one request and the estimated tokens are taken if both have room.
-- KEYS[1]: the requests budget, KEYS[2]: the tokens budget, KEYS[3]: the instances seen in the last minute
-- ARGV[1]: requests per minute (0: unknown), ARGV[2]: tokens per minute (0: unknown), ARGV[3]: tokens wanted,
-- ARGV[4]: this instance's id
-- Returns {wait in ms (0: taken, -1: more tokens than the limit), instances, budget short (0 none, 1 requests,
-- 2 tokens)}
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local rpm, tpm, wanted = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])

local function level(key, limit)
  if limit <= 0 then return nil end
  local stored = redis.call('HMGET', key, 'level', 'at')
  local held, at = tonumber(stored[1]), tonumber(stored[2])
  if held == nil or at == nil then return limit end
  return math.min(limit, held + math.max(0, now - at) * limit / 60000)
end

local function store(key, held)
  if held ~= nil then
    redis.call('HSET', key, 'level', tostring(held), 'at', now)
    redis.call('PEXPIRE', key, 120000)
  end
end

redis.call('ZADD', KEYS[3], now, ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - 60000)
redis.call('PEXPIRE', KEYS[3], 120000)
local instances = redis.call('ZCARD', KEYS[3])

if tpm > 0 and wanted > tpm then return {-1, instances, 2} end
local requests, tokens = level(KEYS[1], rpm), level(KEYS[2], tpm)
local wait, short = 0, 0
if requests ~= nil and requests < 1 then wait, short = (1 - requests) * 60000 / rpm, 1 end
if tokens ~= nil and tokens < wanted then
  local tokenWait = (wanted - tokens) * 60000 / tpm
  if tokenWait > wait then wait, short = tokenWait, 2 end
end
if wait == 0 then
  if requests ~= nil then requests = requests - 1 end
  if tokens ~= nil then tokens = tokens - wanted end
end
store(KEYS[1], requests)
store(KEYS[2], tokens)
return {math.ceil(wait), instances, short}
