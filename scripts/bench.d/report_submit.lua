-- wrk script for `scripts/bench report`: POST /report/submit, each request
-- with the next of the drafts made by report_setup.py (its draft cookie,
-- its CSRF cookie and field, its idempotency key), so that every request
-- sends a different report. There must be more drafts than the run can
-- send: past the end a thread sends its last draft again, which is only a
-- resubmission (scripts/bench compares the reports made with the requests).
--
--   wrk ... -s report_submit.lua http://127.0.0.1:PORT -- DRAFTS_FILE THREADS
--
-- At the end it prints "submitted N", and "unexpected N" for answers other
-- than 303 to /report/done (a redirect back to a step counts as success for
-- wrk, not for us).

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "tally.lua")

local drafts = {}
local next_draft = 1

function init(args)
   local file, nthreads = args[1], tonumber(args[2])
   local i = 0
   for line in io.lines(file) do
      if i % nthreads == tid then
         local token, csrf, idem = line:match("^(%x+) (%x+) (%x+)$")
         if token then
            table.insert(drafts, wrk.format("POST", "/report/submit", {
               ["Content-Type"] = "application/x-www-form-urlencoded",
               ["Cookie"] = "concord_draft=" .. token .. "; concord_csrf=" .. csrf,
            }, "csrf=" .. csrf .. "&idempotency-key=" .. idem))
         end
      end
      i = i + 1
   end
   if #drafts == 0 then
      error("no drafts for thread " .. tid .. " in " .. file)
   end
end

function request()
   local r = drafts[math.min(next_draft, #drafts)]
   next_draft = next_draft + 1
   return r
end

function response(status, headers, body)
   tally(status == 303 and headers["Location"] == "/report/done")
end
