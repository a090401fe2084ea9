-- GET /api/teams/{team}/tasks with a member's EdDSA token, round-robin over teams (bench/run.sh --teams:
-- team-users.txt, "<team id> <token> <task id>…" per line, each user a "member" of their team).
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
local reqs = {}
function init(args)
  load_users(args[1])
  for k, u in ipairs(users) do reqs[k] = wrk.format("GET", "/api/teams/" .. u.id .. "/tasks", u.headers) end
end
function request()
  i = i + 1
  return reqs[(i % #reqs) + 1]
end
