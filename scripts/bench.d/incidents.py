#!/usr/bin/python3
"""Bench incidents: N incidents with the spatial and temporal spread of the
real Lincolnshire ASB incidents (data.police.uk, ../shared/data/
police-uk-lincolnshire: 126,328 of them over 61 months), for the benchmarks
of the reporting feed and dashboards.

    incidents.py DSN N [--data DIR] [--tag TAG]

Each bench incident takes a real incident's place (jittered within 60 m)
and month (a random moment in it), a random ASB type, and clocks as a
handled incident has them: triaged minutes to days after the report, a
first action after that, most closed; each allocated to one of
city-police's teams with those clocks. They belong to city-police, shared
with the partnership, so every demo analyst reads them.

They are written with COPY as the database owner with triggers off
(session_replication_role = replica): bench data, not reports, so no
history, audit or allocation is made for them. Each carries the
idempotency key TAG:n (TAG "bench-incidents"); a run first deletes the
bench incidents of its tag, so running again replaces them. With the same
N the rows are the same (the generator is seeded), and a run that finds
exactly N of its tag already there keeps them. N = 0 removes them (before
scripts/up, which works out every incident's flags again)."""
import csv
import datetime
import glob
import io
import math
import os
import random
import sys
import time

import psycopg2

ASB = "Anti-social behaviour"
JITTER_M = 60.0


def real_incidents(folder):
    """(lon, lat, year, month) of every ASB incident with a place."""
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["Crime type"] != ASB or not row["Longitude"]:
                    continue
                y, m = row["Month"].split("-")
                out.append((float(row["Longitude"]), float(row["Latitude"]), int(y), int(m)))
    return out


def month_moment(rng, y, m):
    start = datetime.datetime(y, m, 1, tzinfo=datetime.timezone.utc)
    end = datetime.datetime(y + (m == 12), m % 12 + 1, 1, tzinfo=datetime.timezone.utc)
    return start + datetime.timedelta(seconds=rng.uniform(0, (end - start).total_seconds()))


def rows(rng, first, n, real, types, agency, tag):
    """The COPY text of bench incidents first to first + n - 1."""
    buf = io.StringIO()
    for k in range(first, first + n):
        lon, lat, y, m = real[rng.randrange(len(real))]
        d, a = JITTER_M * math.sqrt(rng.random()), rng.uniform(0, 2 * math.pi)
        lon += d * math.cos(a) / (111320.0 * math.cos(math.radians(lat)))
        lat += d * math.sin(a) / 110540.0
        reported = month_moment(rng, y, m)
        triaged = reported + datetime.timedelta(minutes=rng.expovariate(1 / 600.0))
        action = triaged + datetime.timedelta(minutes=rng.expovariate(1 / 2880.0))
        closed = action + datetime.timedelta(days=rng.expovariate(1 / 20.0))
        is_closed = rng.random() < 0.85
        buf.write("\t".join((
            f"ASB-1900-{k + 1:07d}", "import", str(rng.choice(types)), "Bench incident",
            reported.isoformat(), reported.isoformat(), f"SRID=4326;POINT({lon:.6f} {lat:.6f})",
            "closed" if is_closed else "open", str(agency), "partnership",
            triaged.isoformat(), action.isoformat(),
            closed.isoformat() if is_closed else "\\N", f"{tag}:{k + 1}")) + "\n")
    buf.seek(0)
    return buf


def main(argv):
    args = argv[1:]
    folder = os.environ.get("CONCORD_DATA", os.path.join(
        os.path.dirname(__file__), "..", "..", "..", "shared", "data"))
    folder = os.path.join(folder, "police-uk-lincolnshire")
    tag = "bench-incidents"
    if "--data" in args:
        i = args.index("--data")
        folder = args[i + 1]
        del args[i:i + 2]
    if "--tag" in args:
        i = args.index("--tag")
        tag = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2 or not args[1].isdigit():
        sys.exit("usage: incidents.py DSN N [--data DIR] [--tag TAG]")
    dsn, n = args[0], int(args[1])
    if not os.path.isdir(folder):
        sys.exit(f"incidents.py: {folder} is not there: the Lincolnshire ASB data "
                 "(../shared/data/police-uk-lincolnshire, or CONCORD_DATA)")

    conn = psycopg2.connect(dsn)
    cur = conn.cursor()
    cur.execute("SELECT count(*) FROM incident WHERE idempotency_key LIKE %s", (tag + ":%",))
    have = cur.fetchone()[0]
    if have == n:
        print(f"{n} bench incidents ({tag}) are there already: kept")
        return
    t0 = time.monotonic()
    real = real_incidents(folder)
    if not real:
        sys.exit(f"incidents.py: no ASB incidents with a place in {folder}")
    cur.execute("SELECT id FROM asb_type WHERE active ORDER BY id")
    types = [r[0] for r in cur.fetchall()]
    cur.execute("SELECT id FROM agency WHERE code = 'city-police'")
    agency = cur.fetchone()[0]
    cur.execute("SET session_replication_role = replica")
    cur.execute("SET maintenance_work_mem = '512MB'")
    # Triggers are off, foreign keys with them: the allocations go first.
    cur.execute("DELETE FROM incident_allocation WHERE incident_id IN (SELECT id FROM "
                "incident WHERE idempotency_key LIKE %s)", (tag + ":%",))
    cur.execute("DELETE FROM incident WHERE idempotency_key LIKE %s", (tag + ":%",))
    deleted = cur.rowcount
    rng = random.Random(n)
    cols = ("reference", "channel", "asb_type_id", "description", "reported_at",
            "occurred_at", "location", "status", "owning_agency_id", "sharing",
            "triaged_at", "first_action_at", "closed_at", "idempotency_key")
    step = 200000
    for start in range(0, n, step):
        chunk = rows(rng, start, min(step, n - start), real, types, agency, tag)
        cur.copy_from(chunk, "incident", columns=cols)
    # One allocation each, to one of city-police's teams, with the
    # incident's clocks: what the dashboards' time figures read.
    cur.execute("INSERT INTO incident_allocation (incident_id, team_id, kind, reason, "
                "triaged_at, first_action_at, created_at) "
                "SELECT i.id, t.ids[1 + i.id %% cardinality(t.ids)], 'neighbourhood', "
                "'bench', i.triaged_at, i.first_action_at, i.reported_at "
                "FROM incident i, (SELECT array_agg(id ORDER BY id) AS ids FROM team "
                "WHERE agency_id = %s) t WHERE i.idempotency_key LIKE %s",
                (agency, tag + ":%"))
    conn.commit()
    cur.execute("SET session_replication_role = origin")
    cur.execute("ANALYZE incident")
    conn.commit()
    print(f"{n} bench incidents ({tag}) from {len(real)} real Lincolnshire ones, "
          f"{deleted} old ones replaced, in {time.monotonic() - t0:.1f} s")


if __name__ == "__main__":
    main(sys.argv)
