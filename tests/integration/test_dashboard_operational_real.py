"""The operational dashboard on real data: the City of London Police's ASB
incidents of 2017 and 2018 (data.police.uk, ../shared/data/police-uk),
imported by `concordctl import police-uk` (as tests/integration/
test_allocation_real.py does), then the dashboard's repeat incidents by
100 m square, by area and by weekday and time band, for three periods,
against what is computed here from the CSV files directly.

Only that figure can be checked on this data: the import makes incidents
(closed when imported) and their allocations, but no triage, no first
action, no case and no action, so the clocks and the overdue actions have
nothing to show (the test checks that they are empty).

What Python recomputes from the CSVs, as README "Importing history" and
"Flags" describe it, without Concord's code or SQL:
- each ASB row's time: a minute of its month picked by the FNV-1a hash of
  the row's values (the nth of identical rows in a file mixed in), London
  time;
- the rows that join an earlier incident instead of making one (within
  150 m and two hours of it), and the one refused (no location);
- the repeat location flag: 3 incidents or more (this one included) within
  100 m and 90 days of each other (the config's defaults); no person is
  imported, so no repeat victim or subject;
- distances on the WGS84 ellipsoid (Vincenty's formulae), the 100 m
  square by tests/integration/bng.py, the beat by ray casting over the
  demo's ward outlines (and the council area over the councils').

A point on a ward's boundary (within about a centimetre) may be in either
ward, and a point within GRID_SLACK (a centimetre) of a square's edge in
either square (bng.py and PostGIS's datum shift, the same Helmert
transformation, agree to about a millimetre on these points): those are
counted as "either", and each figure must lie between the sure count and
the sure count plus the either ones; every total must be exact.

One run takes about a minute more than the import (the checks take seconds)."""
import bisect
import csv
import glob
import json
import math
import os
import subprocess
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bng import to_bng
from stack import BUILD, CONF, DEMO_GEO, URL, read_conf, shared_data
from staff import as_role
from test_allocation_real import inside, load, near_edge

LONDON = ZoneInfo("Europe/London")
ASB = "Anti-social behaviour"
COLUMNS = ("Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude",
           "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category",
           "Context")
JOIN_METRES, JOIN_SECONDS = 150, 2 * 60 * 60
GRID_SLACK = 0.01               # metres
BANDS = ("00:00 to 06:00", "06:00 to 12:00", "12:00 to 18:00", "18:00 to 24:00")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The chosen weeks (each with the 7 before it): spring 2017 across the
# clocks going forward, summer 2017, and the turn of 2017 into 2018.
WEEKS = (date(2017, 4, 3), date(2017, 8, 28), date(2018, 1, 15))
M64 = (1 << 64) - 1


# ---------------------------------------------------------------------------
# the rows' times, as the import picks them

def fnv1a(values):
    h = 0xcbf29ce484222325
    for v in values:
        for byte in v.encode("utf-8"):
            h = ((h ^ byte) * 0x100000001b3) & M64
        h = ((h ^ 0x1f) * 0x100000001b3) & M64
    return h


def row_minute(values, repeat):
    """The row's London date and time, as a naive datetime."""
    h = fnv1a(values) ^ ((repeat * 0x9e3779b97f4a7c15) & M64)
    h ^= h >> 31
    h = (h * 0xbf58476d1ce4e5b9) & M64
    h ^= h >> 29
    y, m = (int(x) for x in values[1].split("-"))
    days = ((date(y + m // 12, m % 12 + 1, 1)) - date(y, m, 1)).days
    minute = h % (days * 24 * 60)
    return datetime(y, m, 1 + minute // 1440, minute % 1440 // 60, minute % 60)


# ---------------------------------------------------------------------------
# distances on the ellipsoid

def vincenty(lon1, lat1, lon2, lat2):
    """Metres between two WGS84 points (Vincenty's inverse formula)."""
    if (lon1, lat1) == (lon2, lat2):
        return 0.0
    a, f = 6378137.0, 1 / 298.257223563
    b = (1 - f) * a
    u1, u2 = math.atan((1 - f) * math.tan(math.radians(lat1))), \
        math.atan((1 - f) * math.tan(math.radians(lat2)))
    lam = ll = math.radians(lon2 - lon1)
    for _ in range(200):
        sl, cl = math.sin(lam), math.cos(lam)
        ss = math.hypot(math.cos(u2) * sl,
                        math.cos(u1) * math.sin(u2) - math.sin(u1) * math.cos(u2) * cl)
        cs = math.sin(u1) * math.sin(u2) + math.cos(u1) * math.cos(u2) * cl
        sigma = math.atan2(ss, cs)
        sa = math.cos(u1) * math.cos(u2) * sl / ss
        c2a = 1 - sa * sa
        c2m = cs - 2 * math.sin(u1) * math.sin(u2) / c2a if c2a else 0.0
        c = f / 16 * c2a * (4 + f * (4 - 3 * c2a))
        prev, lam = lam, ll + (1 - c) * f * sa * (
            sigma + c * ss * (c2m + c * cs * (-1 + 2 * c2m * c2m)))
        if abs(lam - prev) < 1e-12:
            break
    u = c2a * (a * a - b * b) / (b * b)
    ka = 1 + u / 16384 * (4096 + u * (-768 + u * (320 - 175 * u)))
    kb = u / 1024 * (256 + u * (-128 + u * (74 - 47 * u)))
    ds = kb * ss * (c2m + kb / 4 * (cs * (-1 + 2 * c2m * c2m)
                                    - kb / 6 * c2m * (-3 + 4 * ss * ss) * (-3 + 4 * c2m * c2m)))
    return b * ka * (sigma - ds)


# ---------------------------------------------------------------------------
# the incidents the import makes, and their flags

def expected_incidents(files, days, metres, count):
    """[(utc datetime, lon, lat, repeat location)] of the incidents made."""
    made = []                                   # (epoch, point)
    by_point = defaultdict(list)                # point -> sorted epochs
    near = {}                                   # point -> points within JOIN_METRES
    points = []
    refused = joined = 0
    for path in files:
        seen = Counter()
        with open(path, newline="", encoding="utf-8-sig") as f:
            for r in csv.DictReader(f):
                if r["Crime type"] != ASB:
                    continue
                values = [r[c] for c in COLUMNS]
                h = fnv1a(values)
                repeat = seen[h]
                seen[h] += 1
                if not r["Longitude"] or not r["Latitude"]:
                    refused += 1
                    continue
                p = (float(r["Longitude"]), float(r["Latitude"]))
                local = row_minute(values, repeat).replace(tzinfo=LONDON)
                t = local.astimezone(timezone.utc).timestamp()
                if p not in near:
                    near[p] = [q for q in points if vincenty(*p, *q) <= JOIN_METRES]
                    for q in near[p]:
                        near[q].append(p)
                    near[p].append(p)
                    points.append(p)
                dup = False
                for q in near[p]:
                    if vincenty(*p, *q) > JOIN_METRES:
                        continue
                    ts = by_point[q]
                    k = bisect.bisect_left(ts, t - JOIN_SECONDS)
                    if k < len(ts) and ts[k] <= t + JOIN_SECONDS:
                        dup = True
                        break
                if dup:
                    joined += 1
                    continue
                bisect.insort(by_point[p], t)
                made.append((t, p))
    window = days * 86400
    out = []
    for t, p in made:
        n = 0
        for q in near[p]:
            if vincenty(*p, *q) > metres:
                continue
            ts = by_point[q]
            n += bisect.bisect_right(ts, t + window) - bisect.bisect_left(ts, t - window)
        out.append((datetime.fromtimestamp(t, timezone.utc), p[0], p[1], n >= count))
    return out, joined, refused


@pytest.fixture(scope="module")
def city():
    files = sorted(glob.glob(os.path.join(shared_data("police-uk"),
                                          "*-city-of-london-street.csv")))
    assert len(files) == 24, files
    r = subprocess.run([os.path.join(BUILD, "concordctl"), "-c", CONF, "import", "police-uk",
                        "--agency", "city-police", "--json", *files],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    conf = read_conf()
    incidents, joined, refused = expected_incidents(
        files, int(conf.get("repeat_location_days", 90)),
        int(conf.get("repeat_location_metres", 100)),
        int(conf.get("repeat_location_count", 3)))
    # This test's reading of the files makes the incidents the import made
    # (a second import of the same files makes none and joins none).
    assert refused == summary["refused"] == 1
    if summary["imported_before"] == 0:
        assert (len(incidents), joined) == (summary["created"], summary["joined"])
    return incidents


def expected(incidents, week):
    first, last = week - timedelta(weeks=7), week + timedelta(days=6)
    wards = load("city-of-london-wards.geojson", "WD13CD")
    ward_names = names("city-of-london-wards.geojson", "WD13CD", "WD13NM")
    councils = load("city-and-neighbours-councils.geojson", "LAD13CD")
    council_names = names("city-and-neighbours-councils.geojson", "LAD13CD", "LAD13NM")
    squares, square_either = Counter(), Counter()
    areas, area_either = Counter(), Counter()
    bands = Counter()
    total = 0
    for at, lon, lat, repeat in incidents:
        local = at.astimezone(LONDON)
        if not repeat or not first <= local.date() <= last:
            continue
        total += 1
        bands[(DAYS[local.weekday()], BANDS[local.hour // 6])] += 1
        e, n = to_bng(lon, lat)
        sq = (int(e // 100 * 100), int(n // 100 * 100))
        if min(e - sq[0], sq[0] + 100 - e, n - sq[1], sq[1] + 100 - n) < GRID_SLACK:
            for de in (-100, 0, 100):
                for dn in (-100, 0, 100):
                    square_either[(sq[0] + de, sq[1] + dn)] += 1
        else:
            squares[sq] += 1
        touching = [c for c, rings in wards.items() if near_edge(rings, lon, lat)]
        inward = [c for c, rings in wards.items() if inside(rings, lon, lat)]
        if touching:
            for c in set(touching + inward):
                area_either[ward_names[c] + " (beat)"] += 1
        elif inward:
            areas[ward_names[inward[0]] + " (beat)"] += 1
        else:
            edge = [c for c, rings in councils.items() if near_edge(rings, lon, lat)]
            within = [c for c, rings in councils.items() if inside(rings, lon, lat)]
            if edge:
                for c in set(edge + within):
                    area_either[council_names[c] + " (council area)"] += 1
                area_either["No area"] += 1
            elif within:
                areas[council_names[within[0]] + " (council area)"] += 1
            else:
                areas["No area"] += 1
    return squares, square_either, areas, area_either, bands, total


def names(name, code_field, name_field):
    with open(os.path.join(DEMO_GEO, name)) as f:
        return {ft["properties"][code_field]: ft["properties"][name_field]
                for ft in json.load(f)["features"]}


def get_csv(session, table, params):
    r = session.get(URL + "/dashboards/operational.csv", params={"table": table, **params})
    assert r.status_code == 200, (r.status_code, r.text[:300])
    return list(csv.DictReader(r.text.splitlines()))


def between(got, sure, either, what):
    keys = set(got) | set(sure)
    for k in keys:
        assert sure.get(k, 0) <= got.get(k, 0) <= sure.get(k, 0) + either.get(k, 0), \
            (what, k, got.get(k), sure.get(k), either.get(k))
    for k in set(got) - set(sure) - set(either):
        raise AssertionError((what, k, "not expected at all"))


@pytest.mark.parametrize("week", WEEKS, ids=[w.isoformat() for w in WEEKS])
def test_repeat_incidents_by_square_area_and_time_band_are_the_csvs(city, week):
    # The force's own reader: the imported history is the police's.
    s = as_role("police_supervisor")
    params = {"week": week.isoformat()}
    squares, square_either, areas, area_either, bands, total = expected(city, week)
    assert total > 20, "a period with too few repeats proves little"

    got = {(r["weekday"], r["time_band"]): int(r["repeat_incidents"])
           for r in get_csv(s, "repeat-bands", params)}
    assert {k: v for k, v in got.items() if v} == dict(bands)

    got = {(int(r["easting"]), int(r["northing"])): int(r["repeat_incidents"])
           for r in get_csv(s, "repeat-squares", params)}
    assert sum(got.values()) == total
    between(got, squares, square_either, "square")

    got = {r["area"]: int(r["repeat_incidents"]) for r in get_csv(s, "repeat-areas", params)}
    assert sum(got.values()) == total
    between(got, areas, area_either, "area")
    print(f"\n{week}: {total} repeat incidents, {len(squares)} squares sure, "
          f"{sum(square_either.values()) // 9} near a square's edge, "
          f"{sum(area_either.values())} area choices on a boundary")


def test_the_clocks_and_actions_have_nothing_from_history(city):
    """The import records no triage and no first action, and no action."""
    s = as_role("police_supervisor")
    for week in WEEKS:
        for r in get_csv(s, "clocks", {"week": week.isoformat()}):
            assert r["triaged"] == r["actioned"] == "0", r
