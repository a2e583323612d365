# scripts/bench api — sourced by scripts/bench (uses its helpers).
#
# Signed creates through the CAD API (POST /api/v1/incidents: the
# signature, the nonce in Redis, the idempotency key in Redis and
# PostgreSQL, the one intake with its allocation, the receipt) at
# BENCH_CONNECTIONS (32) connections with wrk, each request a new incident
# at a random point of the City (api_setup.py signs BENCH_API_REQUESTS
# (30000) of them beforehand: wrk's Lua has no HMAC), side by side with
# pgbench running the SQL concord_app ran for one such create (captured
# as for `intake`, replayed at random points of the same box) at its own
# best client count; prints both and the ratio.
#
# Then the time from a create to its allocation webhook arriving at a
# local receiver (api_latency.py: BENCH_WEBHOOKS (300) creates from
# BENCH_WEBHOOK_SENDERS (4) threads), p50 and p99; the goal is a p99 under
# one second. Adds CAD clients and incidents: run it on a development stack.

bench_api() {
    bench_preflight api
    local d=$CONCORD_VAR/bench; mkdir -p "$d"
    local py=(env CONCORD_URL="$BASE" CONCORD_VAR="$CONCORD_VAR" CONCORD_CONF="$CONCORD_CONF"
              /usr/bin/python3 "$ROOT/scripts/bench.d/api_setup.py")
    local key_id secret
    step "a bench CAD client"
    read -r key_id secret < <("${py[@]}" client bench-api) || die "could not make the bench client"
    [[ -n $secret ]] || die "could not make the bench client"

    step "capturing the SQL of one signed create"
    local ref_file=$d/$STAMP-api.ref idem
    idem=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    CAPTURE_BOX=-0.100,-0.080,51.5125,51.5175 CAPTURE_UNIQUE=$idem \
        capture api "@$ref_file" "${py[@]}" once "$key_id" "$secret" "$idem" "$ref_file"

    step "signing ${BENCH_API_REQUESTS:-30000} creates"
    local reqs=$d/$STAMP-api-requests.txt
    "${py[@]}" requests "$key_id" "$secret" "${BENCH_API_REQUESTS:-30000}" "$reqs" || die "could not sign the requests"
    step "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s api_create.lua $BASE/api/v1/incidents"
    local out=$d/$STAMP-api-wrk.txt
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/scripts/bench.d/api_create.lua" \
        "$BASE" -- "$reqs" "$THREADS" "$key_id" > "$out" 2>&1 || { cat "$out" >&2; die "wrk failed"; }
    rm -f "$reqs"
    local a_rps a_p50 a_p99 a_n a_bad
    a_rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    a_p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    a_p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    a_n=$(awk '/^submitted / { print $2 }' "$out")
    a_bad=$(awk '/^unexpected / { print $2 }' "$out")
    [[ -n $a_rps && -n $a_bad ]] || { cat "$out" >&2; die "could not read wrk's output"; }

    local args=()
    mapfile -d '' args < "$d/$STAMP-api.pgbench.args"
    pgbench_best api "$d/$STAMP-api.pgbench.sql" "${args[@]}"

    step "create → allocation webhook: ${BENCH_WEBHOOKS:-300} creates from ${BENCH_WEBHOOK_SENDERS:-4} threads"
    local lat=$d/$STAMP-api-webhook.txt
    env CONCORD_URL="$BASE" CONCORD_VAR="$CONCORD_VAR" CONCORD_CONF="$CONCORD_CONF" \
        /usr/bin/python3 "$ROOT/scripts/bench.d/api_latency.py" "${BENCH_WEBHOOKS:-300}" \
        "${BENCH_WEBHOOK_SENDERS:-4}" > "$lat" || { cat "$lat" >&2; die "the webhook latency run failed"; }

    say ""
    say "wrk: $CONNECTIONS connections; $THREADS threads, ${SECS}s, on $(nproc) cores (raw output and the captured script: $d/$STAMP-api*)"
    printf '%-48s %10s %8s %8s %9s %7s\n' "" "per second" "p50 ms" "p99 ms" "done" "errors"
    printf '%-48s %10s %8s %8s %9s %7s\n' "POST /api/v1/incidents (wrk, signed, nginx)" "$a_rps" "$a_p50" "$a_p99" "$a_n" "$a_bad"
    printf '%-48s %10s %8s %8s %9s %7s\n' "its SQL (pgbench -M prepared, $PG_C clients)" "$PG_TPS" "$PG_P50" "$PG_P99" "$PG_N" "${PG_FAIL:-0}"
    awk -v a="$a_rps" -v s="$PG_TPS" 'BEGIN { if (s > 0) printf "ratio API create / its SQL: %.2f\n", a / s }'
    awk '{ v[$1] = $2 } END {
        printf "create → allocation webhook: %d of %d arrived; p50 %s ms, p99 %s ms, max %s ms (goal: p99 under 1000 ms)\n",
            v["arrived"], v["sent"], v["p50_ms"], v["p99_ms"], v["max_ms"]
        if (v["bad_signatures"] > 0) printf "WARNING: %d webhooks had a bad signature\n", v["bad_signatures"] }' "$lat"
    (( a_bad == 0 )) || warn "$a_bad answers were not 201 (past the signed requests, or errors): see $out"
}
