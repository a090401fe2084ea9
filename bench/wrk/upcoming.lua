-- The web app's Upcoming view (frontend/lib/tasks/views.ts, queryFor): GET /api/{user}/tasks?due_after=<today>
-- &due_before=<today + 6>&sort=due_date&tz=UTC (any state), round-robin over the users file (bench/run.sh
-- --views: one user). "Today" is the UTC date, as bench/tools/BenchViews.java seeds it.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
local today, last = os.date("!%Y-%m-%d"), os.date("!%Y-%m-%d", os.time() + 6 * 86400)
get_each_user(function(u)
  return "/api/" .. u.id .. "/tasks?due_after=" .. today .. "&due_before=" .. last .. "&sort=due_date&tz=UTC"
end)
