-- wrk: each connection records daily CRS observations for S-01 of its own trial (W-01…W-16),
-- through POST /api/v1/trials/W-NN/subjects/S-01/record with the coordinator's bearer token.
local counter = 0
local threads = {}

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  token = args[1]
  trials = tonumber(args[2])
  n = 0
end

function request()
  n = n + 1
  local trial = string.format("W-%02d", ((id - 1) + n * 7) % trials + 1)
  local body = '{"entry": {"day": 1, "crs": {"temperatureCelsius": 38.2}}}'
  return wrk.format("POST", "/api/v1/trials/" .. trial .. "/subjects/S-01/record",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status ~= 201 then
    print("unexpected " .. status .. ": " .. body)
  end
end
