"""Allocation on real data (issue 11): the City of London Police's ASB
incidents of 2017 and 2018 (data.police.uk, ../shared/data/police-uk)
loaded through the intake by `concordctl import police-uk`, against the
demo's geography (scripts/lib.sh demo_areas: the City's 25 wards as
city-police's beats, the City's and its neighbours' outlines as council
areas). Every incident with a point inside a ward must be allocated to that
ward's neighbourhood team, and every one outside all of them must be in
the force's manual triage queue. The expected ward is computed here, by
ray casting over sql/demo/city-of-london-wards.geojson: not by PostGIS, not
by Concord's code.

Points on a ward's boundary: PostGIS's ST_Covers (which the allocation
uses) counts the boundary as inside, so a point on the line between two
wards is covered by both and allocated to one of them. Here a point within
BOUNDARY degrees (about a centimetre) of a ward's edge is "on the boundary"
of that ward: it may be allocated to any ward whose boundary or inside it
is on, and is never sent to triage. How many there are is printed.

One run takes about a minute (the import; the checks take seconds)."""
import csv
import glob
import json
import math
import os
import subprocess
import time

import pytest

from stack import BUILD, CONF, DEMO_GEO, shared_data

ASB = "Anti-social behaviour"
BOUNDARY = 1e-7                 # degrees: about a centimetre
WINDOW = 2 * 60 * 60            # the intake's dedup window (domain/report.h)
RADIUS = 150                    # and its radius, in metres


# ---------------------------------------------------------------------------
# geometry, independently of PostGIS

def rings_of(feature):
    g = feature["geometry"]
    polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
    return [ring for poly in polys for ring in poly]


def inside(rings, x, y):
    """Even-odd ray casting over every ring (outer rings and holes)."""
    odd = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > y) != (y2 > y):
                cross = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
                if x < cross:
                    odd = not odd
    return odd


def near_edge(rings, x, y):
    """Whether the point is within BOUNDARY degrees of an edge."""
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            dx, dy = x2 - x1, y2 - y1
            t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy)
                                                       / (dx * dx + dy * dy)))
            if math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)) <= BOUNDARY:
                return True
    return False


def metres(lon1, lat1, lon2, lat2):
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2 +
         math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371008.8 * math.asin(math.sqrt(a))


def load(name, code_field):
    with open(os.path.join(DEMO_GEO, name)) as f:
        return {ft["properties"][code_field]: rings_of(ft) for ft in json.load(f)["features"]}


def asb_rows(files):
    """The rows of ASB in the files, read here with Python's csv."""
    rows = other = 0
    for path in files:
        with open(path, newline="", encoding="utf-8-sig") as f:
            for r in csv.DictReader(f):
                if r["Crime type"] == ASB:
                    rows += 1
                else:
                    other += 1
    return rows, other


# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def city_import():
    """The City's files imported once (the summary and the seconds taken)."""
    files = sorted(glob.glob(os.path.join(shared_data("police-uk"),
                                          "*-city-of-london-street.csv")))
    assert len(files) == 24, files
    began = time.monotonic()
    r = subprocess.run([os.path.join(BUILD, "concordctl"), "-c", CONF, "import", "police-uk",
                        "--agency", "city-police", "--json", *files],
                       capture_output=True, text=True, timeout=900)
    secs = time.monotonic() - began
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    print(f"\nimported the City's {out['asb_rows']} ASB rows ({out['rows']} rows) in "
          f"{secs:.1f} s: {out['asb_rows_per_second']:.0f} ASB rows/s, "
          f"{out['rows_per_second']:.0f} rows/s; {out['created']} incidents, "
          f"{out['joined']} joined, {out['refused']} refused")
    return files, out


def incidents(db):
    """The imported City incidents: id, lon, lat, occurred (epoch), and
    their allocations as (kind, team, beat code, council area code)."""
    with db.cursor() as c:
        c.execute(
            "SELECT i.id, ST_X(i.location), ST_Y(i.location), "
            "extract(epoch FROM i.occurred_at), g.code, "
            "coalesce(json_agg(json_build_array(a.kind, a.team_id, b.code, l.code, "
            "  b.team_id, l.team_id)) FILTER (WHERE a.id IS NOT NULL), '[]') "
            "FROM incident i JOIN agency g ON g.id = i.owning_agency_id "
            "LEFT JOIN incident_allocation a ON a.incident_id = i.id "
            "LEFT JOIN beat b ON b.id = a.beat_id LEFT JOIN la_area l ON l.id = a.la_area_id "
            "WHERE i.channel = 'import' AND i.description ~ "
            "'^Imported from data.police.uk \\(201[78]-' "
            "GROUP BY i.id, g.code ORDER BY i.id")
        return c.fetchall()


def test_summary_adds_up(city_import, db):
    files, out = city_import
    rows, other = asb_rows(files)
    assert rows == 3043
    assert (out["asb_rows"], out["other_rows"], out["rows"]) == (rows, other, rows + other)
    assert out["created"] + out["joined"] + out["refused"] == rows
    assert out["imported_before"] == 0
    # The one row with no location is refused, and why.
    assert out["refused"] == 1
    assert out["refusals"][0]["reason"].startswith("where: ")
    # By occurrence time history stays history: today's window made 65
    # incidents of 3,043 (97.7% merged).
    assert out["joined"] < rows * 0.05
    with db.cursor() as c:
        c.execute("SELECT count(*), count(DISTINCT incident_id) FROM report "
                  "WHERE channel = 'import' AND description ~ "
                  "'^Imported from data.police.uk \\(201[78]-'")
        assert c.fetchone() == (out["created"] + out["joined"], out["created"])
    assert len(incidents(db)) == out["created"]


def test_every_incident_is_in_the_ward_that_contains_it_or_in_triage(city_import, db):
    wards = load("city-of-london-wards.geojson", "WD13CD")
    with db.cursor() as c:
        c.execute("SELECT t.triage_team_id FROM agency t WHERE t.code = 'city-police'")
        triage_team = c.fetchone()[0]
    assert triage_team is not None
    in_ward = outside = on_boundary = 0
    wrong = []
    for iid, x, y, _, owner, allocs in incidents(db):
        assert owner == "city-police"
        kinds = [a[0] for a in allocs]
        beats = [(a[2], a[1], a[4]) for a in allocs if a[0] == "neighbourhood"]
        containing = {code for code, rings in wards.items() if inside(rings, x, y)}
        touching = {code for code, rings in wards.items() if near_edge(rings, x, y)}
        if touching:
            on_boundary += 1
            # Covered by the wards it is on the edge of, and any it is inside.
            ok = len(beats) == 1 and beats[0][0] in containing | touching \
                and "triage" not in kinds
        elif len(containing) == 1:
            in_ward += 1
            ok = (len(beats) == 1 and beats[0][0] in containing and
                  beats[0][1] == beats[0][2] and "triage" not in kinds)
        else:
            assert not containing, (iid, containing)   # the wards do not overlap
            outside += 1
            ok = not beats and [a[1] for a in allocs if a[0] == "triage"] == [triage_team]
        if not ok:
            wrong.append((iid, x, y, sorted(containing), sorted(touching), allocs))
    print(f"\n{in_ward} incidents inside a ward, {outside} outside every ward, "
          f"{on_boundary} on a ward's boundary")
    assert not wrong, f"{len(wrong)} misallocated, e.g. {wrong[:5]}"
    # data/README.md: about 90% of the points fall inside a City ward.
    assert in_ward > 0.8 * (in_ward + outside + on_boundary)
    assert outside > 0


def test_council_area_of_the_city(city_import, db):
    """The City's own council area: every incident in a ward (the wards
    are the City) is the City council team's; outside the wards, those
    inside the City's outline (by ray casting) are, and no other."""
    wards = load("city-of-london-wards.geojson", "WD13CD")
    city = load("city-and-neighbours-councils.geojson", "LAD13CD")["E09000001"]
    wrong = []
    for iid, x, y, _, _, allocs in incidents(db):
        council = [(a[3], a[1], a[5]) for a in allocs if a[0] == "council"]
        if any(near_edge(r, x, y) for r in wards.values()) or near_edge(city, x, y):
            continue    # on a boundary: either answer is right
        in_city = any(inside(r, x, y) for r in wards.values()) or inside(city, x, y)
        if in_city:
            ok = len(council) == 1 and council[0][0] == "E09000001" and \
                council[0][1] == council[0][2]
        else:
            # A neighbour's area: its council is not a partner and has no team.
            ok = not council
        if not ok:
            wrong.append((iid, x, y, in_city, allocs))
    assert not wrong, f"{len(wrong)} wrong, e.g. {wrong[:5]}"


def test_duplicates_joined_by_occurrence_time(city_import, db):
    """Each report that joined an incident occurred within the window and
    radius of the incident; and no two incidents made are within both of
    each other (the second would have joined the first)."""
    with db.cursor() as c:
        c.execute("SELECT extract(epoch FROM r.occurred_at), ST_X(r.location), "
                  "ST_Y(r.location), extract(epoch FROM i.occurred_at), ST_X(i.location), "
                  "ST_Y(i.location) FROM report r JOIN incident i ON i.id = r.incident_id "
                  "WHERE r.channel = 'import' AND i.description ~ "
                  "'^Imported from data.police.uk \\(201[78]-' "
                  "AND r.reference <> i.reference")
        joined = c.fetchall()
    assert joined, "no report joined another: the look-up never matched"
    for rt, rx, ry, it, ix, iy in joined:
        assert abs(rt - it) <= WINDOW
        assert metres(rx, ry, ix, iy) <= RADIUS * 1.01
    made = sorted((t, x, y) for _, x, y, t, _, _ in incidents(db))
    close = []
    for k, (t, x, y) in enumerate(made):
        for t2, x2, y2 in made[k + 1:]:
            if t2 - t > WINDOW - 60:
                break
            if metres(x, y, x2, y2) < RADIUS * 0.99:
                close.append(((t, x, y), (t2, x2, y2)))
    assert not close, f"{len(close)} pairs of incidents should have been one: {close[:3]}"
