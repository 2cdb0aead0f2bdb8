-- wrk script for bench/lookup: every request reads a random ticket of a random tenant, with that
-- tenant's customer token. Arguments (after `--`): a Lua file returning { {slug, token}, ... }
-- (bench/lookup writes it while seeding) and the number of tickets per tenant.
local tenants = {}
local tickets = 10000
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  for _, t in ipairs(dofile(args[1])) do
    tenants[#tenants + 1] = { path = "/t/" .. t[1] .. "/api/v1/tickets/HT-", headers = { ["Authorization"] = "Bearer " .. t[2] } }
  end
  tickets = tonumber(args[2]) or tickets
  math.randomseed(os.time() * 100 + (thread_number or 0))
end

function request()
  local t = tenants[math.random(#tenants)]
  return wrk.format("GET", t.path .. string.format("%06d", math.random(tickets)), t.headers)
end
