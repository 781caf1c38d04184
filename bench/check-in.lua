-- wrk script of the meeting-day check-in burst (bench/check-in-burst.sh). Every line of the input file is
-- "<base64 user:password> <check-in token>": one member checking in once. Each wrk thread takes every
-- n-th line, sends each once and stops when all of its own have been answered. Once its list has run
-- out it starts it again, as a phone retries: a check-in lost with a closed connection is sent again,
-- and every other repeat must be refused as "already checked in".
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file, count = args[1], tonumber(args[2])
  requests = {}
  local i = 0
  for line in io.lines(file) do
    if i % count == id then
      local auth, token = line:match("(%S+) (%S+)")
      requests[#requests + 1] = wrk.format("POST", nil,
        { ["Authorization"] = "Basic " .. auth, ["Content-Type"] = "application/json" },
        '{"token":"' .. token .. '"}')
    end
    i = i + 1
  end
  sent, ok, repeated, failed = 0, 0, 0, 0
end

function request()
  sent = sent + 1
  return requests[(sent - 1) % #requests + 1]
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  elseif status == 422 and body:find("checkIn.already", 1, true) then
    repeated = repeated + 1
  else
    failed = failed + 1
    if failed <= 3 then
      io.stderr:write("unexpected answer " .. status .. ": " .. body:sub(1, 300) .. "\n")
    end
  end
  if ok + failed >= #requests then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local ok, repeated, failed = 0, 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("ok")
    repeated = repeated + thread:get("repeated")
    failed = failed + thread:get("failed")
  end
  local errors = summary.errors
  io.write(string.format("RESULT check-ins=%d refused-repeats=%d failures=%d socket-errors=%d "
    .. "p50=%.1fms p99=%.1fms max=%.1fms\n", ok, repeated, failed,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
