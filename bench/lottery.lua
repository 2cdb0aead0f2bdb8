-- wrk script for bench/lottery: every request GETs an agent's summary or debts (at random) with a
-- random agent's session. Argument (after `--`): a file of session tokens, one per line.
local tokens = {}
local paths = { "/t/xs/api/v1/lottery/me/summary", "/t/xs/api/v1/lottery/me/debts" }
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then tokens[#tokens + 1] = line end
  end
  math.randomseed(os.time() * 100 + (thread_number or 0))
end

function request()
  local headers = { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] }
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
