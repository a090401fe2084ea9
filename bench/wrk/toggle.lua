-- PATCH /api/{user}/tasks/{id}/complete: flips a seeded task (an UPDATE … RETURNING per request).
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
function init(args) load_users(args[1]) end
function request()
  local u, t = pick()
  return wrk.format("PATCH", "/api/" .. u.id .. "/tasks/" .. t .. "/complete", u.headers)
end
