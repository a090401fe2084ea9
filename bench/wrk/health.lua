-- GET /health: no auth, no database; the ceiling of this server on this machine.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
