-- POST /api/{user}/tasks: an INSERT per request (the users' lists grow: run it last).
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
local body = '{"title":"Created by wrk","description":"A task created by the benchmark."}'
function init(args)
  load_users(args[1])
  for _, u in ipairs(users) do u.headers["Content-Type"] = "application/json" end
end
function request()
  local u = pick()
  return wrk.format("POST", "/api/" .. u.id .. "/tasks", u.headers, body)
end
