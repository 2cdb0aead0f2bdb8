-- wrk script for bench/lookup's creation phase: every request files a ticket with one small PNG for
-- a random tenant, with that tenant's customer token, as multipart/form-data:
--   POST /t/<slug>/api/v1/tickets, part `request` (the ticket as JSON) and part `file` (the PNG).
-- The contact is the one bench/lookup-seed.sql gave the tenant (contacts are reused by email and
-- phone). Arguments (after `--`): the Lua file returning { {slug, token}, ... } that bench/lookup
-- writes. At the end it prints how many responses came back with each status.
local tenants = {}
local threads = {}
local sequence = 0
statuses = {}

-- A valid 1x1 RGBA PNG (IHDR, a tEXt comment as padding, IDAT, IEND; 208 bytes). The server only
-- sniffs the signature, but a real image keeps the benchmark honest if that ever changes.
local png_hex = "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
  .. "0000008074455874436f6d6d656e740062656e63682f6c6f6f6b75703a20612031783120504e4720617474616368"
  .. "656420746f206576657279207469636b657420746865206372656174696f6e2070686173652066696c65732c2070"
  .. "616464656420746f2061626f7574203230302062797465732e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e4a0c"
  .. "f08f0000000b4944415478da636000020000050001e9fadcd80000000049454e44ae426082"
local png = png_hex:gsub("..", function(byte) return string.char(tonumber(byte, 16)) end)
local boundary = "----bench-create-7d3f9a1c"

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_number", #threads)
end

function init(args)
  for _, t in ipairs(dofile(args[1])) do
    local num = t[1]:match("(%d+)$") or "0"
    -- Everything before the title's number, and everything after it.
    local head = "--" .. boundary .. "\r\n"
      .. "Content-Disposition: form-data; name=\"request\"\r\n"
      .. "Content-Type: application/json\r\n\r\n"
      .. "{\"title\":\"Máy in tầng " .. (tonumber(num) % 9 + 1) .. " không in được, yêu cầu số "
    local tail = "\",\"content\":\"Máy in báo kẹt giấy từ sáng nay, nhờ kiểm tra giúp. Ảnh màn hình đính kèm.\","
      .. "\"contact\":{\"name\":\"Nguyễn Văn " .. num .. "\",\"email\":\"lien-he-" .. num .. "@example.vn\","
      .. "\"phone\":\"09" .. string.rep("0", 8 - #num) .. num .. "\"}}\r\n"
      .. "--" .. boundary .. "\r\n"
      .. "Content-Disposition: form-data; name=\"file\"; filename=\"man-hinh.png\"\r\n"
      .. "Content-Type: image/png\r\n\r\n"
      .. png .. "\r\n"
      .. "--" .. boundary .. "--\r\n"
    tenants[#tenants + 1] = {
      path = "/t/" .. t[1] .. "/api/v1/tickets",
      headers = {
        ["Authorization"] = "Bearer " .. t[2],
        ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
      },
      head = head,
      tail = tail,
    }
  end
  math.randomseed(os.time() * 100 + (thread_number or 0))
end

function request()
  local t = tenants[math.random(#tenants)]
  sequence = sequence + 1
  return wrk.format("POST", t.path, t.headers, t.head .. sequence .. t.tail)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses") or {}) do
      total[status] = (total[status] or 0) + count
    end
  end
  local keys = {}
  for status in pairs(total) do keys[#keys + 1] = status end
  table.sort(keys)
  local parts = {}
  for _, status in ipairs(keys) do parts[#parts + 1] = status .. ": " .. total[status] end
  io.write("responses by status: " .. (#parts > 0 and table.concat(parts, ", ") or "none") .. "\n")
end
