# scripts/bench dashboards — sourced by scripts/bench (uses its helpers).
#
# Each dashboard as the demo analyst reads it, over BENCH_DASH_INCIDENTS
# (10,000,000) bench incidents with the spread of the real Lincolnshire ASB
# incidents (scripts/bench.d/incidents.py, one allocation each), for a
# period the bench data covers (the week of 23 November 2015; November
# 2015): one cold request, then BENCH_DASH_ROUNDS (10) warm ones one after
# the other; prints the cold time and the warm median and worst (goal:
# under a second warm). A dashboard this build does not serve is left out.
# Like `odata`, remove the bench incidents before scripts/up.

bench_dashboards() {
    bench_preflight dashboards
    local n=${BENCH_DASH_INCIDENTS:-10000000} rounds=${BENCH_DASH_ROUNDS:-10}
    [[ $n =~ ^[0-9]+$ && $rounds =~ ^[0-9]+$ ]] || die "BENCH_DASH_INCIDENTS and BENCH_DASH_ROUNDS must be numbers"
    local d=$CONCORD_VAR/bench; mkdir -p "$d"
    local admin_dsn
    admin_dsn=$(awk -F' = ' '$1 == "db_admin" { print $2 }' "$CONCORD_VAR/concord.conf")
    step "$n bench incidents from the Lincolnshire spread"
    /usr/bin/python3 "$ROOT/scripts/bench.d/incidents.py" "$admin_dsn" "$n" \
        || die "could not make the bench incidents (see above)"

    local cookie
    step "signing in the demo analyst"
    cookie=$(cd "$ROOT" && CONCORD_URL=$BASE CONCORD_VAR=$CONCORD_VAR /usr/bin/python3 -c 'import sys; sys.path.insert(0, "tests/integration")
from staff import as_role
s = as_role("analyst")
print("; ".join(c.name + "=" + c.value for c in s.cookies))') \
        || die "could not sign in the demo analyst (is demo data loaded?)"

    local row name path code
    for row in "operational|/dashboards/operational?week=2015-11-23" \
               "hotspots|/dashboards/hotspots?period=2015-11"; do
        IFS='|' read -r name path <<< "$row"
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 120 -H "Cookie: $cookie" "$BASE$path" || true)
        if [[ $code != 200 ]]; then
            warn "GET $path answers HTTP ${code:-none}: left out"
            continue
        fi
        local times=() i t
        for (( i = 0; i <= rounds; i++ )); do
            t=$(curl -s -o /dev/null -w '%{time_total}' --max-time 120 -H "Cookie: $cookie" "$BASE$path")
            times+=("$t")
        done
        printf '%s\n' "${times[@]:1}" | sort -n | awk -v name="$name" -v path="$path" \
            -v n="$n" -v cold="${times[0]}" '
            { w[NR] = $1 }
            END {
                printf "%s (%s) over %d incidents: cold %.3f s; warm median %.3f s, worst %.3f s (%d rounds; goal under 1 s)\n",
                    name, path, n, cold, w[int((NR + 1) / 2)], w[NR], NR
            }' | tee -a "$d/$STAMP-dashboards.txt"
    done
}
