# scripts/bench cases — sourced by scripts/bench (uses its helpers).
#
# Monitored cases' pages as their lead reads them, at BENCH_CONNECTIONS
# (32) connections with wrk, each beside pgbench running the statements
# concord_app ran for one such page (captured with log_statement = 'all',
# as for `intake`) at pgbench's own best client count; prints requests/s,
# p50 and p99 of both and the ratio.
#
# Setup (not timed; scripts/bench.d/cases_setup.sql as db_admin): one case
# led by the demo police officer with BENCH_CASE_INCIDENTS (200) linked
# incidents and BENCH_CASE_ACTIONS (50) actions (the action plans' table
# case_action: the setup stops, saying so, when it is missing; 0 benches
# without actions), and open cases of the same officer up to
# BENCH_LEAD_CASES (500) in all. A second run reuses them.
#
# Pages: the case page /staff/cases/{ref} and the lead's queue
# /staff/cases/mine, and the case's Patterns tab
# /staff/cases/{ref}/patterns (all 200 incidents counted). A
# page this build does not serve (not 200) is left out, with a warning.
# Adds cases, incidents, people and audit rows: run it on a development
# stack.

bench_cases() {
    bench_preflight cases
    local code
    local n_inc=${BENCH_CASE_INCIDENTS:-200} n_act=${BENCH_CASE_ACTIONS:-50} n_cases=${BENCH_LEAD_CASES:-500}
    local v
    for v in "$n_inc" "$n_act" "$n_cases"; do
        [[ $v =~ ^[0-9]+$ ]] || die "BENCH_CASE_INCIDENTS, BENCH_CASE_ACTIONS and BENCH_LEAD_CASES must be numbers, not $v"
    done
    local d=$CONCORD_VAR/bench; mkdir -p "$d"
    local lead=officer@police.example setup=$d/$STAMP-cases-setup.txt ref n_linked n_open

    step "the bench cases: one with $n_inc incidents and $n_act actions, $n_cases open cases for $lead"
    pg_psql -d concord -tA -F ' ' -v lead="$lead" -v incidents="$n_inc" -v actions="$n_act" \
        -v cases="$n_cases" -f "$ROOT/scripts/bench.d/cases_setup.sql" > "$setup" 2>&1 \
        || { sed 's/^psql:[^ ]* //' "$setup" >&2; die "could not make the bench cases (see above)"; }
    read -r ref n_linked n_open < <(grep -E '^CASE-' "$setup" | tail -1)
    [[ -n $ref ]] || { cat "$setup" >&2; die "the setup made no bench case"; }
    say "case $ref: $n_linked incidents linked; $lead leads $n_open open cases"

    local cookie
    step "signing in the demo police officer (the lead)"
    cookie=$(cd "$ROOT" && CONCORD_URL=$BASE CONCORD_VAR=$CONCORD_VAR /usr/bin/python3 -c 'import sys; sys.path.insert(0, "tests/integration")
from staff import as_role
s = as_role("police_officer")
print("; ".join(c.name + "=" + c.value for c in s.cookies))') \
        || die "could not sign in the demo police officer (is demo data loaded?)"
    [[ -n $cookie ]] || die "could not sign in the demo police officer (is demo data loaded?)"

    local rows=() ratios=() row name path args=()
    for row in "case|/staff/cases/$ref|the case page" \
               "mine|/staff/cases/mine|the lead's queue" \
               "patterns|/staff/cases/$ref/patterns|the Patterns tab"; do
        IFS='|' read -r name path v <<< "$row"
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H "Cookie: $cookie" "$BASE$path" || true)
        if [[ $code != 200 ]]; then
            warn "GET $path answers HTTP ${code:-none}: $v is not in this build; left out"
            continue
        fi
        step "capturing the SQL of GET $path"
        capture "cases-$name" - curl -sf -o /dev/null --max-time 30 -H "Cookie: $cookie" "$BASE$path"
        WRK_COOKIE=$cookie wrk_run "cases-$name" "$path"
        local rps=$RPS p50=$P50 p99=$P99 errs=$ERRS
        mapfile -d '' args < "$d/$STAMP-cases-$name.pgbench.args"
        pgbench_best "cases-$name" "$d/$STAMP-cases-$name.pgbench.sql" "${args[@]}"
        rows+=("GET ${path/$ref/{ref\}} (wrk)|$rps|$p50|$p99|-|$errs")
        rows+=("its SQL (pgbench -M prepared, $PG_C clients)|$PG_TPS|$PG_P50|$PG_P99|$PG_N|${PG_FAIL:-0}")
        ratios+=("$(awk -v a="$rps" -v p="$PG_TPS" -v n="$v" -v l="$p99" -v q="$PG_P99" 'BEGIN {
            if (p > 0) printf "ratio %s / its SQL: %.2f; p99 %s ms (its SQL %s ms)", n, a / p, l, q }')")
        (( errs == 0 )) || warn "some requests for $path failed: see $CONCORD_VAR/bench/"
    done
    (( ${#rows[@]} > 0 )) || die "no case page answered: is this build's Concord running, with the cases' pages?"

    say ""
    say "wrk: $CONNECTIONS connections; $THREADS threads, ${SECS}s, on $(nproc) cores; case $ref ($n_linked incidents, $n_act actions), lead with $n_open open cases (raw output and the captured scripts: $d/$STAMP-cases-*)"
    printf '%-48s %10s %8s %8s %9s %7s\n' "" "per second" "p50 ms" "p99 ms" "done" "errors"
    local a b c e f g
    for row in "${rows[@]}"; do
        IFS='|' read -r a b c e f g <<< "$row"
        printf '%-48s %10s %8s %8s %9s %7s\n' "$a" "$b" "$c" "$e" "$f" "$g"
    done
    printf '%s\n' "${ratios[@]}"
}
