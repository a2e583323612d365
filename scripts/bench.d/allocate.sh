# scripts/bench allocate — sourced by scripts/bench (uses its helpers).
#
# Allocation throughput: BENCH_POINTS (100000) points against each set of
# beats — the demo's 25 City wards, the 635 real KML neighbourhoods of
# London (../shared/data/boundaries/neighbourhoods_met_2012), and 5,000
# Voronoi cells of Lincolnshire's snap points (../shared/data/
# police-uk-lincolnshire: about one per neighbourhood in England and
# Wales) — each set the only current beats while it runs. For each set,
# side by side on the same points: `concordctl allocate points` (the
# product's own allocation, as every channel's intake plans it: the beat
# and council area by area_locate's rule, their teams, the routing rules,
# the force's triage queue; nothing written) and `concordctl allocate
# points --bare` (the bare PostGIS look-ups of the current beat and
# council area covering the point, over the GiST indexes). Each runs at
# its own best number of processes (BENCH_ALLOCATE_PROCS, "1 2 4", probed
# on a tenth of the points).
#
# Then what allocation adds to an incident's creation: the SQL of one
# quick entry is captured (as for `intake`), and pgbench runs it with and
# without allocation's two statements (allocation_incident_facts and
# allocation_write), by turns, BENCH_ROUNDS (3) times each: at one client
# (the latency allocation adds) and at the best client count of the
# script with it (what it takes from the database's throughput).
#
# The sets are loaded into beats of two agencies it makes (bench-met,
# bench-voronoi: not core partners), and every other beat is retired for
# the run and restored after it; the bench agencies' beats are deleted at
# the end. Run it on a development stack, with nothing else running.

BENCH_SETS_AGENCIES="'bench-met', 'bench-voronoi'"

# alloc_restore — every beat the run retired is current again, and the
# bench sets are gone.
alloc_restore() {
    pg_psql -d concord -c "UPDATE beat SET retired_at = NULL WHERE retired_at = 'epoch'" \
        -c "DELETE FROM beat WHERE agency_id IN (SELECT id FROM agency WHERE code IN ($BENCH_SETS_AGENCIES))" \
        > /dev/null || warn "could not restore the beats: run UPDATE beat SET retired_at = NULL WHERE retired_at = 'epoch'"
}

# alloc_only AGENCY — the agency's beats are the only current ones
# (others retired at 'epoch', which no import uses).
alloc_only() {
    pg_psql -d concord -c "UPDATE beat SET retired_at = NULL WHERE retired_at = 'epoch'" \
        -c "UPDATE beat SET retired_at = 'epoch' WHERE retired_at IS NULL AND agency_id <> (SELECT id FROM agency WHERE code = '$1')" \
        > /dev/null || die "could not make $1's beats the current ones"
}

# alloc_points AGENCY FILE — BENCH_POINTS points, the same every run, spread
# over the agency's beats' extent (a margin of 2% around it).
alloc_points() {
    pg_psql -d concord -tAc "SELECT setseed(0.42);
        WITH e AS (SELECT ST_Extent(geom) AS b FROM beat WHERE agency_id = (SELECT id FROM agency WHERE code = '$1') AND retired_at IS NULL),
        x AS (SELECT ST_XMin(b) x0, ST_XMax(b) x1, ST_YMin(b) y0, ST_YMax(b) y1 FROM e)
        SELECT round((x0 - (x1 - x0) * 0.02 + random() * (x1 - x0) * 1.04)::numeric, 6) || ',' ||
               round((y0 - (y1 - y0) * 0.02 + random() * (y1 - y0) * 1.04)::numeric, 6)
        FROM x, generate_series(1, ${BENCH_POINTS:-100000})" | sed '1{/^$/d}' > "$2" \
        || die "could not make the points"
    [[ $(wc -l < "$2") -ge 1000 ]] || die "no points for $1 (are its beats loaded?)"
}

# alloc_rate FILE PROCS [--bare] — points per second with PROCS processes
# sharing FILE's points; prints "rate in_a_beat".
alloc_rate() {
    local file=$1 procs=$2 mode=${3:-} dir i total=0 beat=0 secs=0 out
    dir=$(mktemp -d)
    split -n "l/$procs" -d "$file" "$dir/part."
    for part in "$dir"/part.*; do
        "$CONCORD_BUILD/concordctl" -c "$CONCORD_CONF" allocate points $mode < "$part" > "$part.out" &
    done
    wait || { rm -rf "$dir"; die "concordctl allocate points failed"; }
    for out in "$dir"/part.*.out; do
        read -r i b s < <(sed -E 's/points=([0-9]+) seconds=([0-9.]+) .*in_a_beat=([0-9]+)/\1 \3 \2/' "$out")
        total=$(( total + i )); beat=$(( beat + b ))
        secs=$(awk -v a="$secs" -v b="$s" 'BEGIN { print (b > a ? b : a) }')
    done
    rm -rf "$dir"
    awk -v n="$total" -v s="$secs" -v b="$beat" 'BEGIN { printf "%.0f %d\n", n / s, b }'
}

# alloc_best FILE [--bare] — the rate at the best of BENCH_ALLOCATE_PROCS
# (probed on a tenth of the points), then on all of them; prints
# "rate procs in_a_beat".
alloc_best() {
    local file=$1 mode=${2:-} probe p r best=0 bp=1 rate beat
    probe=$(mktemp)
    head -n $(( $(wc -l < "$file") / 10 )) "$file" > "$probe"
    for p in ${BENCH_ALLOCATE_PROCS:-1 2 4}; do
        read -r r _ < <(alloc_rate "$probe" "$p" $mode)
        (( r > best )) && { best=$r; bp=$p; }
    done
    rm -f "$probe"
    read -r rate beat < <(alloc_rate "$file" "$bp" $mode)
    printf '%s %s %s\n' "$rate" "$bp" "$beat"
}

# alloc_load_kml DIR — the 635 KML neighbourhoods as bench-met's beats,
# each with its own neighbourhood team (made once, kept for the next run).
alloc_load_kml() {
    local dir=$1
    "$CONCORD_BUILD/concordctl" -c "$CONCORD_CONF" areas import --kind beat --agency bench-met \
        --code-from-file "$dir"/*.kml > "$CONCORD_VAR/bench/$STAMP-kml-import.txt" 2>&1 \
        || { cat "$CONCORD_VAR/bench/$STAMP-kml-import.txt" >&2; die "could not import the KML neighbourhoods"; }
}

# alloc_load_voronoi DIR — 5,000 Voronoi cells of Lincolnshire's distinct
# snap points (5,000 spread evenly through them in longitude, latitude
# order: the same every run), clipped to their extent, as bench-voronoi's
# beats.
alloc_load_voronoi() {
    local dir=$1 pts=$CONCORD_VAR/bench/$STAMP-lincs-points.csv
    local all=$pts.all n
    awk -F, '$5 ~ /^-?[0-9.]+$/ && $6 ~ /^-?[0-9.]+$/ { print $5 "," $6 }' "$dir"/*.csv \
        | sort -u -t, -k1,1n -k2,2n > "$all"
    n=$(wc -l < "$all")
    (( n >= 5000 )) || die "fewer than 5,000 distinct points in $dir"
    # 5,000 of them evenly through the sorted list.
    awk -v n="$n" 'int((NR - 1) * 5000 / n) != int(NR * 5000 / n)' "$all" > "$pts"
    pg_psql -d concord -c "CREATE TEMP TABLE p (lon float8, lat float8)" \
        -c "\\copy p FROM '$pts' WITH (FORMAT csv)" \
        -c "INSERT INTO team (agency_id, code, name) SELECT id, 'cells', 'Bench cells team'
            FROM agency WHERE code = 'bench-voronoi' ON CONFLICT DO NOTHING" \
        -c "INSERT INTO beat (agency_id, code, name, geom, team_id)
            SELECT g.id, 'V' || lpad(n::text, 4, '0'), 'Voronoi cell ' || n,
                ST_Multi(ST_CollectionExtract(ST_Intersection(c.geom, e.g), 3)),
                (SELECT id FROM team WHERE agency_id = g.id AND code = 'cells')
            FROM agency g,
            (SELECT ST_Envelope(ST_Collect(ST_SetSRID(ST_MakePoint(lon, lat), 4326))) AS g FROM p) e,
            LATERAL (SELECT row_number() OVER () AS n, d.geom FROM ST_Dump(ST_VoronoiPolygons(
                (SELECT ST_Collect(ST_SetSRID(ST_MakePoint(lon, lat), 4326)) FROM p), 0, e.g)) d) c
            WHERE g.code = 'bench-voronoi'" \
        > /dev/null || die "could not make the Voronoi cells"
}

# alloc_intake_cost — pgbench on one quick entry's SQL with and without
# allocation's statements; sets ALLOC_ROWS.
alloc_intake_cost() {
    local d=$CONCORD_VAR/bench call_cookie csrf codes logp ref_file args=()
    ref_file=$d/$STAMP-quick.ref
    step "capturing the SQL of one quick entry"
    { read -r call_cookie; read -r csrf; } < <(cd "$ROOT" && \
        CONCORD_URL=$BASE CONCORD_VAR=$CONCORD_VAR /usr/bin/python3 -c 'import sys; sys.path.insert(0, "tests/integration")
from staff import as_role, csrf_for
call = as_role("call_handler")
print("; ".join(c.name + "=" + c.value for c in call.cookies)); print(csrf_for(call, "/staff/quick"))') \
        || die "could not sign in the demo call handler (is demo data loaded?)"
    codes=$(pg_psql -d concord -tAc "SELECT code FROM asb_type WHERE code = 'noise'")
    logp=CAD-$(date -u +%Y%m%d)-
    # On a new database the captured entry's new ids (its incident's, its
    # caller's) could equal a value it passes (a user's, an agency's), and
    # capture.py could not tell their uses apart: a few entries first.
    local i
    for (( i = 0; i < 40; i++ )); do
        quick_once "$call_cookie" "$csrf" "$codes" "${logp}0000" /dev/null || die "a quick entry failed"
    done
    capture quick "@$ref_file" quick_once "$call_cookie" "$csrf" "$codes" "${logp}0000" "$ref_file"
    local with=$d/$STAMP-quick.pgbench.sql without=$d/$STAMP-quick-noalloc.pgbench.sql
    grep -c 'allocation_incident_facts(\|allocation_write(' "$with" | grep -qx 2 \
        || die "the captured quick entry does not have allocation's two statements ($with)"
    grep -v 'allocation_incident_facts(\|allocation_write(' "$with" > "$without"
    mapfile -d '' args < "$d/$STAMP-quick.pgbench.args"
    # Each replay adds an incident at the same place, so every later one
    # finds more around it (its flags' look-ups): the two are run by turns,
    # BENCH_ROUNDS times each, and the medians compared.
    pgbench_best quick "$with" "${args[@]}"
    mkdir -p "$d/$STAMP-quick-noalloc"
    local c=$PG_C rounds=${BENCH_ROUNDS:-3} r lw=() lo=() tw=() to=()
    for (( r = 1; r <= rounds; r++ )); do
        step "round $r of $rounds: with and without allocation, at 1 client and at $c"
        lw+=("$(alloc_latency quick "$with" "${args[@]}")")
        lo+=("$(alloc_latency quick-noalloc "$without" "${args[@]}")")
        tw+=("$(pgbench_tps quick "$with" "$c" "${args[@]}")")
        to+=("$(pgbench_tps quick-noalloc "$without" "$c" "${args[@]}")")
    done
    local mlw mlo mtw mto
    mlw=$(median "${lw[@]}"); mlo=$(median "${lo[@]}"); mtw=$(median "${tw[@]}"); mto=$(median "${to[@]}")
    ALLOC_ROWS=("a quick entry's SQL, with allocation|$mlw|$mtw|$c"
        "the same without allocation's 2 statements|$mlo|$mto|$c")
    ALLOC_ADDED=$(awk -v a="$mlw" -v b="$mlo" 'BEGIN { printf "%.2f", a - b }')
}

# median VALUE... — the middle one (the mean of the two middle ones).
median() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
        printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# alloc_latency NAME SCRIPT ARGS... — pgbench's average latency (ms) at one client.
alloc_latency() {
    local name=$1 script=$2 out; shift 2
    out=$CONCORD_VAR/bench/$STAMP-$name-latency.txt
    "$(pg_bindir)/pgbench" -h "$PG_RUN" -p "$PG_PORT" -U concord_app -d concord -f "$script" \
        -n -M prepared -c1 -j1 -T"$(( SECS / 2 > 1 ? SECS / 2 : 1 ))" "$@" > "$out" 2>&1 \
        || { cat "$out" >&2; die "pgbench failed ($name)"; }
    awk '/^latency average = / { print $4 }' "$out"
}

bench_allocate() {
    [[ -x $(pg_bindir)/pgbench ]] || die "pgbench not found next to PostgreSQL's binaries (apt-get install postgresql-contrib)"
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/healthz" || true)
    [[ $code == 200 ]] || die "Concord does not answer on $BASE/healthz (HTTP ${code:-none}): start it with 'sudo scripts/up'"
    local data=${CONCORD_DATA:-$ROOT/../shared/data}
    local kml=$data/boundaries/neighbourhoods_met_2012 lincs=$data/police-uk-lincolnshire
    [[ -d $kml && -d $lincs ]] || die "the benchmark's data is missing: $kml and $lincs (set CONCORD_DATA)"
    SECS=${DURATION%s}
    [[ $SECS =~ ^[0-9]+$ ]] || die "BENCH_DURATION must be seconds for 'allocate' (e.g. 10s), not $DURATION"
    STAMP=$(date -u +%Y%m%dT%H%M%SZ)
    local d=$CONCORD_VAR/bench; mkdir -p "$d"
    trap alloc_restore EXIT
    alloc_restore
    pg_psql -d concord -c "INSERT INTO agency (code, name, kind, core_partner, active) VALUES
        ('bench-met', 'Bench: London neighbourhoods', 'police', false, true),
        ('bench-voronoi', 'Bench: Voronoi cells', 'police', false, true) ON CONFLICT (code) DO NOTHING" \
        > /dev/null || die "could not make the bench agencies"
    step "loading the 635 KML neighbourhoods and 5,000 Voronoi cells"
    alloc_load_kml "$kml"
    alloc_load_voronoi "$lincs"
    pg_psql -d concord -c "ANALYZE beat" > /dev/null

    local rows=() set agency n pts rate procs beat brate bprocs bbeat
    for set in "25 City wards|city-police" "635 KML neighbourhoods|bench-met" "5,000 Voronoi cells|bench-voronoi"; do
        agency=${set#*|}
        alloc_only "$agency"
        n=$(pg_psql -d concord -tAc "SELECT count(*) FROM beat WHERE retired_at IS NULL")
        pts=$d/$STAMP-$agency-points.csv
        alloc_points "$agency" "$pts"
        step "${set%|*} ($n beats): $(wc -l < "$pts") points, bare PostGIS then allocation"
        read -r brate bprocs bbeat < <(alloc_best "$pts" --bare)
        read -r rate procs beat < <(alloc_best "$pts")
        [[ $beat == "$bbeat" ]] || warn "allocation put $beat points in a beat, the bare look-up $bbeat"
        rows+=("${set%|*}|$n|$brate|$bprocs|$rate|$procs|$beat")
    done
    alloc_restore
    trap - EXIT

    alloc_intake_cost

    say ""
    say "allocation of $(( ${BENCH_POINTS:-100000} )) points per set, on $(nproc) cores (raw output: $d/$STAMP-*)"
    printf '%-24s %6s %14s %6s %14s %6s %7s %10s\n' "beats" "n" "bare PostGIS/s" "procs" \
        "allocation/s" "procs" "ratio" "in a beat"
    local row a b c e f g h
    for row in "${rows[@]}"; do
        IFS='|' read -r a b c e f g h <<< "$row"
        printf '%-24s %6s %14s %6s %14s %6s %7s %10s\n' "$a" "$b" "$c" "$e" "$f" "$g" \
            "$(awk -v x="$f" -v y="$c" 'BEGIN { printf "%.2f", x / y }')" "$h"
    done
    say "goal: allocation at least 0.90 of bare PostGIS"
    printf '%-48s %14s %10s %8s\n' "" "latency ms" "per second" "at clients"
    for row in "${ALLOC_ROWS[@]}"; do
        IFS='|' read -r a b c e <<< "$row"
        printf '%-48s %14s %10s %8s\n' "$a" "$b" "$c" "$e"
    done
    say "allocation adds $ALLOC_ADDED ms to an incident's creation (goal: under 2 ms)"
}
