-- Shared by the wrk scripts of scripts/bench (loaded with dofile at their
-- top): numbers the threads (`tid` in each), counts the answers each
-- script's response() judges with tally(ok), and at the end prints the sums
-- as "submitted N" and "unexpected N", which scripts/bench reads.

local threads = {}
local counter = 0

function setup(thread)
   thread:set("tid", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

submitted = 0
unexpected = 0

function tally(ok)
   if ok then
      submitted = submitted + 1
   else
      unexpected = unexpected + 1
   end
end

function done(summary, latency, requests)
   local s, u = 0, 0
   for _, t in ipairs(threads) do
      s = s + t:get("submitted")
      u = u + t:get("unexpected")
   end
   io.write(string.format("submitted %d\nunexpected %d\n", s, u))
end
