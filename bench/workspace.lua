-- wrk script for bench/workspace: every request GETs one of the addresses in a file (one per line,
-- picked at random), with one header. Arguments (after `--`): the file, then the header's name and
-- value (`Authorization` and `Bearer <token>` for the API, `Cookie` and the session for a page).
local paths = {}
local headers = {}
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  headers[args[2]] = args[3]
  math.randomseed(os.time() * 100 + (thread_number or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

-- Answers other than 200 are counted by wrk as "Non-2xx or 3xx responses".
