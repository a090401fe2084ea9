-- Shared by the scenario scripts: loads users.txt ("<user id> <token> <task id>…" per line),
-- round-robins over users (and over each user's tasks), and prints one machine-readable
-- summary line ("BENCH {…}") that bench/run.sh parses. Each wrk thread has its own Lua state.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

users = {}
i = 0

function load_users(path)
  for line in io.lines(path) do
    local parts = {}
    for w in line:gmatch("%S+") do parts[#parts + 1] = w end
    local u = { id = parts[1], headers = { ["Authorization"] = "Bearer " .. parts[2] }, tasks = {} }
    for k = 3, #parts do u.tasks[#u.tasks + 1] = tonumber(parts[k]) end
    users[#users + 1] = u
  end
  assert(#users > 0, "no users in " .. path)
  -- threads start at different users so they do not hit the same rows in lockstep
  i = ((tid or 1) - 1) * 37
end

-- the i-th (user, task) pair of the round robin
function pick()
  i = i + 1
  local u = users[(i % #users) + 1]
  local t = u.tasks[(math.floor(i / #users) % #u.tasks) + 1]
  return u, t
end

-- A scenario of one GET per user (path(u) is that user's), prepared once per thread and sent
-- round-robin over the users: defines wrk's init and request.
function get_each_user(path)
  local reqs = {}
  function init(args)
    load_users(args[1])
    for k, u in ipairs(users) do reqs[k] = wrk.format("GET", path(u), u.headers) end
  end
  function request()
    i = i + 1
    return reqs[(i % #reqs) + 1]
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
    '"write_errors":%d,"timeouts":%d,"non2xx":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,' ..
    '"p999_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, latency.mean))
end
