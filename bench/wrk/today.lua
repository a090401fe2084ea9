-- The web app's Today view (frontend/lib/tasks/views.ts, queryFor): GET /api/{user}/tasks?due_before=<today>
-- &completed=false&sort=due_date&tz=UTC, round-robin over the users file (bench/run.sh --views: one user).
-- "Today" is the UTC date, as bench/tools/BenchViews.java seeds it.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
local today = os.date("!%Y-%m-%d")
get_each_user(function(u) return "/api/" .. u.id .. "/tasks?due_before=" .. today .. "&completed=false&sort=due_date&tz=UTC" end)
