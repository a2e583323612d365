-- wrk script for `scripts/bench intake`: POST /staff/quick, the call
-- handler's quick entry, as a signed-in call handler (one session and CSRF
-- token, made by scripts/bench before the run). Every request is a new call
-- about a new incident: its own caller, phone number, log number and words.
--
--   wrk ... -s quick_submit.lua http://127.0.0.1:PORT -- COOKIE CSRF TYPES LOG_PREFIX
--
-- TYPES: kinds of ASB (codes), space-separated, taken in turn. LOG_PREFIX:
-- the force's log number up to its last four digits (CAD-YYYYMMDD-).
-- At the end it prints "submitted N" and "unexpected N" for answers other
-- than 303 to the success panel (/staff/quick?done=...).

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "tally.lua")

local cookie, csrf, log_prefix
local types = {}
local n = 0

local function enc(s)
   return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

function init(args)
   cookie, csrf, log_prefix = args[1], args[2], args[4]
   for code in args[3]:gmatch("%S+") do table.insert(types, code) end
   if #types == 0 then error("no kinds of ASB given") end
end

function request()
   n = n + 1
   local i = tid * 1000000 + n
   local body = table.concat({
      "csrf=" .. enc(csrf),
      "type=" .. enc(types[(i % #types) + 1]),
      "postcode=" .. enc("EC2V 7AA"),
      "address=" .. enc("10 Wood Street, London"),
      "when=",
      "caller_name=" .. enc("Bench Caller " .. i),
      "caller_phone=" .. enc(string.format("07700 900%03d", i % 1000)),
      "description=" .. enc("Bench call " .. i .. ": loud music and shouting outside"),
      "log_number=" .. enc(log_prefix .. string.format("%04d", i % 10000)),
      "s_repeat=no", "s_vulnerable=no", "s_targeted=no", "s_at_risk=no",
   }, "&")
   return wrk.format("POST", "/staff/quick", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = cookie,
   }, body)
end

function response(status, headers, body)
   local loc = headers["Location"] or ""
   tally(status == 303 and loc:sub(1, 18) == "/staff/quick?done=")
end
