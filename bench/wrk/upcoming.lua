-- The web app's Upcoming view (frontend/lib/tasks/views.ts, queryFor): GET /api/{user}/tasks?due_after=<today>
-- &due_before=<today + 6>&sort=due_date&tz=UTC (any state), round-robin over the users file (bench/run.sh
-- --views: one user). "Today" is the UTC date, as bench/tools/BenchViews.java seeds it.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
local reqs = {}
function init(args)
  load_users(args[1])
  local today, last = os.date("!%Y-%m-%d"), os.date("!%Y-%m-%d", os.time() + 6 * 86400)
  for k, u in ipairs(users) do
    reqs[k] = wrk.format("GET", "/api/" .. u.id .. "/tasks?due_after=" .. today .. "&due_before=" .. last .. "&sort=due_date&tz=UTC", u.headers)
  end
end
function request()
  i = i + 1
  return reqs[(i % #reqs) + 1]
end
