-- GET /api/teams/{team}/tasks with a member's EdDSA token, round-robin over teams (bench/run.sh --teams:
-- team-users.txt, "<team id> <token> <task id>…" per line, each user a "member" of their team).
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
get_each_user(function(u) return "/api/teams/" .. u.id .. "/tasks" end)
