/**
 * The Redis side of the scaled-out path: one Lua script applies one JetStream message's batch of CDRs,
 * already aggregated per (day, caller) by the worker, atomically and at most once:
 *
 * - `SET seen:<message> NX EX` first: a redelivered message (its worker died after this script ran but
 *   before it acked) changes nothing; a worker killed before the script ran left nothing to undo.
 * - per caller, ONE `BITFIELD` of u32 counters (calls, answered, short, talk seconds, 24 hourly calls,
 *   exact-distinct count) and ONE `ZADD` of callee hashes into the bottom-k sample (score = hash, so
 *   `ZREMRANGEBYRANK K -1` keeps the K smallest); past K distinct callees a HyperLogLog with the same
 *   registers as sketch/hll.ts (a 2 KiB string, max-merged with GETRANGE/SETRANGE), back-filled from
 *   the sample at the moment it overflows — exactly what window-state.ts does in process;
 * - per day, one `BITFIELD … SET u1` of the pair Bloom filter's offsets, one `SADD` of the callers.
 * Every step is order-independent, so any number of workers in any order build the same state.
 */

export const APPLY_BATCH_LUA = `
local prefix = ARGV[1]
if not redis.call('SET', prefix .. 'seen:' .. ARGV[2], '1', 'NX', 'EX', tonumber(ARGV[3])) then return -1 end
local K = tonumber(ARGV[4])
local P = tonumber(ARGV[5])
local REST = 2 ^ (32 - P)
local i = 6
local late = 0
local function hll_add(key, h)
  local idx = math.floor(h / REST)
  local rest = h % REST
  local rank = 1
  local bit = REST / 2
  while bit >= 1 and rest < bit do rank = rank + 1; bit = bit / 2 end
  local cur = redis.call('GETRANGE', key, idx, idx)
  local v = 0
  if #cur > 0 then v = string.byte(cur) end
  if rank > v then
    redis.call('SETRANGE', key, idx, string.char(rank))
  end
end
while i <= #ARGV do
  local day = ARGV[i]
  local nOffsets = tonumber(ARGV[i + 1])
  local nCallers = tonumber(ARGV[i + 2])
  i = i + 3
  local closed = redis.call('EXISTS', prefix .. 'final:' .. day) == 1
  if closed then
    -- the window was already evaluated: count its rows as late and skip them
    i = i + nOffsets
    for c = 1, nCallers do
      late = late + tonumber(ARGV[i + 1])
      local nh = tonumber(ARGV[i + 5])
      local nc = tonumber(ARGV[i + 6 + 2 * nh])
      i = i + 7 + 2 * nh + nc
    end
  else
    redis.call('SADD', prefix .. 'days', day)
    local bloom = prefix .. 'b:' .. day
    local ops = {}
    for o = 1, nOffsets do
      ops[#ops + 1] = 'SET'; ops[#ops + 1] = 'u1'; ops[#ops + 1] = ARGV[i + o - 1]; ops[#ops + 1] = '1'
      if #ops >= 4000 then redis.call('BITFIELD', bloom, unpack(ops)); ops = {} end
    end
    if #ops > 0 then redis.call('BITFIELD', bloom, unpack(ops)) end
    i = i + nOffsets
    local callers = {}
    for c = 1, nCallers do
      local caller = ARGV[i]
      callers[#callers + 1] = caller
      local base = prefix .. day .. ':' .. caller
      local nh = tonumber(ARGV[i + 5])
      local nc = tonumber(ARGV[i + 6 + 2 * nh])
      local zargs = {}
      local first = i + 7 + 2 * nh
      for k = 0, nc - 1 do zargs[#zargs + 1] = ARGV[first + k]; zargs[#zargs + 1] = ARGV[first + k] end
      local added = 0
      if nc > 0 then added = redis.call('ZADD', base .. ':s', unpack(zargs)) end
      local bf = { 'OVERFLOW', 'SAT',
        'INCRBY', 'u32', '#0', ARGV[i + 1], 'INCRBY', 'u32', '#1', ARGV[i + 2],
        'INCRBY', 'u32', '#2', ARGV[i + 3], 'INCRBY', 'u32', '#3', ARGV[i + 4] }
      for h = 0, nh - 1 do
        bf[#bf + 1] = 'INCRBY'; bf[#bf + 1] = 'u32'; bf[#bf + 1] = '#' .. (4 + tonumber(ARGV[i + 6 + 2 * h])); bf[#bf + 1] = ARGV[i + 7 + 2 * h]
      end
      bf[#bf + 1] = 'INCRBY'; bf[#bf + 1] = 'u32'; bf[#bf + 1] = '#28'; bf[#bf + 1] = tostring(added)
      local res = redis.call('BITFIELD', base .. ':c', unpack(bf))
      local card = res[#res]
      if card > K then
        local hkey = base .. ':h'
        if card - added <= K then
          local all = redis.call('ZRANGE', base .. ':s', 0, -1)
          for _, m in ipairs(all) do hll_add(hkey, tonumber(m)) end
        else
          for k = 0, nc - 1 do hll_add(hkey, tonumber(ARGV[first + k])) end
        end
        redis.call('ZREMRANGEBYRANK', base .. ':s', K, -1)
      end
      i = first + nc
    end
    if #callers > 0 then redis.call('SADD', prefix .. 'callers:' .. day, unpack(callers)) end
  end
end
if late > 0 then redis.call('INCRBY', prefix .. 'late', late) end
return late
`;
