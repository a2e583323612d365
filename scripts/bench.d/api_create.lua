-- wrk script for `scripts/bench api`: POST /api/v1/incidents, each request
-- the next of the signed creates api_setup.py wrote (its own nonce,
-- idempotency key and body), so that every request makes a new incident.
-- Past the end a thread sends its last one again, which the API refuses as
-- a replayed nonce: scripts/bench counts the 201s.
--
--   wrk ... -s api_create.lua http://127.0.0.1:PORT -- FILE THREADS KEY_ID

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "tally.lua")

local creates = {}
local next_create = 1

function init(args)
   local file, nthreads, key_id = args[1], tonumber(args[2]), args[3]
   local i = 0
   for line in io.lines(file) do
      if i % nthreads == tid then
         local ts, nonce, sig, idem, body = line:match("^(%d+) (%S+) (%S+) (%x+) (.*)$")
         if ts then
            table.insert(creates, wrk.format("POST", "/api/v1/incidents", {
               ["Content-Type"] = "application/json",
               ["Concord-Key-Id"] = key_id,
               ["Concord-Timestamp"] = ts,
               ["Concord-Nonce"] = nonce,
               ["Concord-Signature"] = sig,
               ["Idempotency-Key"] = idem,
            }, body))
         end
      end
      i = i + 1
   end
   if #creates == 0 then
      error("no requests for thread " .. tid .. " in " .. file)
   end
end

function request()
   local r = creates[math.min(next_create, #creates)]
   next_create = next_create + 1
   return r
end

function response(status, headers, body)
   tally(status == 201)
end
