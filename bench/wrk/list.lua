-- GET /api/{user}/tasks with the user's EdDSA token, round-robin over users.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
local reqs = {}
function init(args)
  load_users(args[1])
  for k, u in ipairs(users) do reqs[k] = wrk.format("GET", "/api/" .. u.id .. "/tasks", u.headers) end
end
function request()
  i = i + 1
  return reqs[(i % #reqs) + 1]
end
