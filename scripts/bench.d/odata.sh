# scripts/bench odata — sourced by scripts/bench (uses its helpers).
#
# A full refresh of the Incidents set through the OData feed, as Power
# BI's Power Query makes one (its headers, gzip, the demo analyst's key,
# every next link), side by side in the same run with COPY of the same
# view (rpt_incident) to CSV as the same analyst; prints rows, seconds,
# rows/s and the ratio feed/COPY (goal: at least 0.5), at the feed's
# default page size and at the largest it allows.
#
# Data (not timed): BENCH_ODATA_INCIDENTS (1,000,000) bench incidents
# with the spatial and monthly spread of the 126,328 real Lincolnshire ASB
# incidents (../shared/data/police-uk-lincolnshire, or CONCORD_DATA),
# written by scripts/bench.d/incidents.py; a second run keeps them, a run
# with another count replaces them. They are tagged (idempotency key
# bench-incidents:n): run it on a development stack. scripts/up works out
# every incident's flags again, a million bench ones too: remove them first
# with scripts/bench.d/incidents.py DSN 0 (DSN: db_admin of concord.conf).

bench_odata() {
    bench_preflight odata
    local n=${BENCH_ODATA_INCIDENTS:-1000000}
    [[ $n =~ ^[0-9]+$ ]] || die "BENCH_ODATA_INCIDENTS must be a number, not $n"
    [[ -f $CONCORD_VAR/demo-clients.json ]] || die "no $CONCORD_VAR/demo-clients.json: the demo analyst's OData key comes from demo mode (scripts/up)"
    local d=$CONCORD_VAR/bench; mkdir -p "$d"
    local admin_dsn
    admin_dsn=$(awk -F' = ' '$1 == "db_admin" { print $2 }' "$CONCORD_VAR/concord.conf")
    [[ -n $admin_dsn ]] || die "no db_admin in $CONCORD_VAR/concord.conf"

    step "$n bench incidents from the Lincolnshire spread"
    /usr/bin/python3 "$ROOT/scripts/bench.d/incidents.py" "$admin_dsn" "$n" \
        || die "could not make the bench incidents (see above)"

    step "a full refresh of Incidents through the feed, and COPY of rpt_incident"
    /usr/bin/python3 "$ROOT/scripts/bench.d/odata_refresh.py" "$CONCORD_VAR" "$BASE" \
        Incidents rpt_incident 0 50000 | tee "$d/$STAMP-odata.txt"
    [[ ${PIPESTATUS[0]} == 0 ]] || die "the refresh failed (see above)"
}
