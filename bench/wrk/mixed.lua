-- 80 % reads / 20 % writes, in a fixed cycle of 20 requests:
--   8 × list, 8 × get one, 2 × toggle, 1 × create, 1 × delete (of a task this thread created),
-- so the users' lists keep their size for the whole run.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
local body = '{"title":"Created by wrk","description":"A task created by the benchmark."}'
local by_id = {}
local created = {}
local n = 0
function init(args)
  load_users(args[1])
  for k, u in ipairs(users) do
    by_id[u.id] = k
    u.post = { ["Authorization"] = u.headers["Authorization"], ["Content-Type"] = "application/json" }
  end
end
function request()
  n = n + 1
  local op = n % 20
  local u, t = pick()
  if op < 8 then
    return wrk.format("GET", "/api/" .. u.id .. "/tasks", u.headers)
  elseif op < 16 then
    return wrk.format("GET", "/api/" .. u.id .. "/tasks/" .. t, u.headers)
  elseif op == 18 then
    return wrk.format("POST", "/api/" .. u.id .. "/tasks", u.post, body)
  elseif op == 19 and #created > 0 then
    local c = table.remove(created, 1)
    local cu = users[c[1]]
    return wrk.format("DELETE", "/api/" .. cu.id .. "/tasks/" .. c[2], cu.headers)
  end
  return wrk.format("PATCH", "/api/" .. u.id .. "/tasks/" .. t .. "/complete", u.headers)
end
function response(status, headers, body)
  if status == 201 then
    local id = body:match('"id"%s*:%s*(%d+)')
    local uid = body:match('"user_id"%s*:%s*"([^"]+)"')
    if id and uid and by_id[uid] then created[#created + 1] = { by_id[uid], id } end
  end
end
