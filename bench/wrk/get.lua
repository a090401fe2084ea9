-- GET /api/{user}/tasks/{id}: one of the user's seeded tasks, round-robin over users and tasks.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
function init(args) load_users(args[1]) end
function request()
  local u, t = pick()
  return wrk.format("GET", "/api/" .. u.id .. "/tasks/" .. t, u.headers)
end
