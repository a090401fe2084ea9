-- GET /api/{user}/tasks with the user's EdDSA token, round-robin over users.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
get_each_user(function(u) return "/api/" .. u.id .. "/tasks" end)
