"""The hotspot dashboard (/dashboards/hotspots and its CSVs; README
"Hotspots").

Known incidents are written as the database owner at chosen points of the
British National Grid, in 2004 and 2005 (a period no other test uses), with
teams and beats of their own, so that the figures are exactly these
records'. Every figure the page and the CSVs show is then computed here
again, in Python, from the points and times inserted, not by Concord's SQL:
the 100 m square of a point, its 250 m cell (that of the square's centre),
the share of the incidents in the top 10% of the cells, and each cell's
Getis-Ord Gi* z-score over the study area (the non-empty cells and their 8
neighbours, the empty ones counting 0)."""
import csv
import io
import math
import random
import re
import urllib.parse
import uuid
from collections import Counter
from datetime import date, datetime, timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import requests

from bng import to_bng
from stack import URL
from staff import as_role
from test_dashboard_operational import make_beat, make_team, one, retire_beats
from test_flags import admin

LONDON = ZoneInfo("Europe/London")
# A corner of the grid in the sea off Cornwall, far from every other
# test's points and the demo's: (easting, northing) in metres.
ORIGIN = (150000, 20000)
MONTH = ("2005-03", date(2005, 3, 1), date(2005, 4, 1), date(2005, 2, 1))
QUARTER = ("2005-Q1", date(2005, 1, 1), date(2005, 4, 1), date(2004, 10, 1))
CELL = 250


# ---------------------------------------------------------------------------
# the records

def make_incident(cur, inc):
    inc["id"] = one(
        cur,
        "INSERT INTO incident (reference, channel, asb_type_id, description, reported_at, "
        " location, status, answers, owning_agency_id, sharing, beat_id, team_id) "
        "SELECT 'ASB-' || to_char(now(), 'YYYY') || '-' || "
        "  lpad(nextval('incident_ref_seq')::text, 6, '0'), 'police', t.id, "
        "  'An incident for the hotspot dashboard', %s, "
        "  CASE WHEN %s::float8 IS NULL THEN NULL ELSE ST_Transform(ST_SetSRID("
        "  ST_MakePoint(%s::float8, %s::float8), 27700), 4326) END, 'open', '{}', "
        "  a.id, %s, %s, %s "
        "FROM asb_type t, agency a WHERE t.code = %s AND a.code = 'city-police' "
        "RETURNING id",
        (inc["at"], inc["e"], inc["e"], inc["n"], inc["sharing"], inc["beat"], inc["team"],
         inc["type"]))[0]


@pytest.fixture(scope="module")
def world():
    rnd = random.Random(20050301)
    conn = admin()
    cur = conn.cursor()
    cur.execute("SELECT code FROM asb_type WHERE active AND code <> 'noise' "
                "AND parent_id IS NULL ORDER BY code LIMIT 1")
    other_type = cur.fetchone()[0]
    team_a = make_team(cur, "city-police", "Hotspot Police Team " + uuid.uuid4().hex[:4])
    team_b = make_team(cur, "city-council", "Hotspot Council Team " + uuid.uuid4().hex[:4])
    beat_x = make_beat(cur, "Hotspot Beat X " + uuid.uuid4().hex[:4], team_a, -5.3, 49.9)
    beat_y = make_beat(cur, "Hotspot Beat Y " + uuid.uuid4().hex[:4], team_a, -5.2, 49.9)
    # Two clusters and a scatter, at the centres of 100 m squares (so the
    # grid's round trip through WGS84 cannot move a point out of its
    # square): a dense one, a looser one, and points over 4 km.
    hot = [(ORIGIN[0] + 1000 + 100 * rnd.randrange(0, 5), ORIGIN[1] + 1500 + 100 *
            rnd.randrange(0, 5)) for _ in range(6)]
    warm = [(ORIGIN[0] + 3000 + 100 * rnd.randrange(0, 8), ORIGIN[1] + 600 + 100 *
             rnd.randrange(0, 8)) for _ in range(10)]
    incidents = []
    start = datetime(2004, 10, 1, tzinfo=LONDON)
    for k in range(400):
        r = rnd.random()
        if r < 0.35:
            e, n = rnd.choice(hot)
        elif r < 0.6:
            e, n = rnd.choice(warm)
        elif r < 0.95:
            e, n = ORIGIN[0] + 100 * rnd.randrange(0, 40), ORIGIN[1] + 100 * rnd.randrange(0, 40)
        else:
            e = n = None
        # October 2004 to a few days into April 2005 (which no period here has).
        at = start + timedelta(days=rnd.randrange(0, 188), minutes=rnd.randrange(0, 1440))
        inc = {"at": at, "e": None if e is None else e + 50, "n": None if n is None else n + 50,
               "sharing": "agency" if rnd.random() < 0.25 else "partnership",
               "beat": rnd.choice([beat_x, beat_y, None]),
               "team": rnd.choice([team_a, team_b]),
               "type": "noise" if rnd.random() < 0.6 else other_type}
        make_incident(cur, inc)
        incidents.append(inc)
    # The London midnight: 23:30 UTC on 31 March 2005 is 1 April in London
    # (summer time), not March.
    edge = {"at": datetime(2005, 3, 31, 23, 30, tzinfo=ZoneInfo("UTC")),
            "e": hot[0][0] + 50, "n": hot[0][1] + 50, "sharing": "partnership",
            "beat": beat_x, "team": team_a, "type": "noise"}
    make_incident(cur, edge)
    incidents.append(edge)
    cur.execute("SELECT code, id FROM asb_type WHERE code IN ('noise', %s)", (other_type,))
    ids = dict(cur.fetchall())
    for inc in incidents:
        inc["type_id"] = ids[inc["type"]]
    conn.close()
    yield {"team_a": team_a, "team_b": team_b, "beat_x": beat_x, "beat_y": beat_y,
            "incidents": incidents, "noise_id": ids["noise"], "other_id": ids[other_type]}
    # Retired once the module is done: a beat far from the partnership's
    # would widen the outline every map fits itself to (pages/map.c).
    retire_beats(beat_x, beat_y)


# ---------------------------------------------------------------------------
# the expectations, from what was inserted

def kept(inc, f, viewer):
    if viewer == "analyst" and inc["sharing"] != "partnership":
        return False
    if f.get("area") and f["area"] != f"beat:{inc['beat']}":
        return False
    if f.get("team") and int(f["team"]) != inc["team"]:
        return False
    if f.get("type") and int(f["type"]) != inc["type_id"]:
        return False
    return True


def cell_of(e, n):
    """The 250 m cell of the centre of the point's 100 m square."""
    sq = (math.floor(e / 100) * 100, math.floor(n / 100) * 100)
    return (math.floor((sq[0] + 50) / CELL), math.floor((sq[1] + 50) / CELL))


def period_incidents(world, first, end, f, viewer):
    return [i for i in world["incidents"]
            if first <= i["at"].astimezone(LONDON).date() < end and kept(i, f, viewer)]


def concentration(incs):
    cells = Counter(cell_of(i["e"], i["n"]) for i in incs if i["e"] is not None)
    ranked = sorted(cells.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1]))
    top = math.ceil(len(ranked) / 10)
    placed = sum(cells.values())
    top_incidents = sum(x for _, x in ranked[:top])
    return {"incidents": len(incs), "placed": placed, "cells": len(ranked),
            "top_cells": top, "top_incidents": top_incidents,
            "share": 100.0 * top_incidents / placed if placed else None}


def gi_star(incs):
    """{cell: (count, z)} by the Gi* formula, w = 1 over the cell and its 8
    neighbours, over the study area: the non-empty cells and their neighbours."""
    x = Counter(cell_of(i["e"], i["n"]) for i in incs if i["e"] is not None)
    study = {(cx + dx, cy + dy) for cx, cy in x for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    n = len(study)
    mean = sum(x.get(c, 0) for c in study) / n
    s = math.sqrt(sum(x.get(c, 0) ** 2 for c in study) / n - mean ** 2)
    out = {}
    for (cx, cy), count in x.items():
        ring = [(cx + dx, cy + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
        w = len(ring)                       # every neighbour is in the study area
        lx = sum(x.get(c, 0) for c in ring)
        denom = s * math.sqrt((n * w - w * w) / (n - 1))
        out[(cx, cy)] = (count, (lx - mean * w) / denom if denom else None)
    return out


def zkey(z):
    return -math.inf if z is None else z


def band(z):
    if z is None or z < 1.96:
        return "Not significant"
    return "99%" if z >= 2.58 else "95%"


# ---------------------------------------------------------------------------
# reading what the dashboard shows

def get_csv(session, table, f):
    r = session.get(URL + "/dashboards/hotspots.csv", params={"table": table, **f})
    assert r.status_code == 200, (r.status_code, r.text[:500])
    assert r.headers["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(r.text)))


def page(session, f):
    r = session.get(URL + "/dashboards/hotspots", params=f)
    assert r.status_code == 200, (r.status_code, r.text[:500])
    return r.text


def table_html(html, table_id):
    m = re.search(r'<table class="govuk-table" id="%s">(.*?)</table>' % table_id, html, re.S)
    assert m, table_id
    return m.group(1)


def check(session, world, period, f, viewer):
    """Every figure of one period against the Python computation; returns
    what was expected, to compare filters and readers."""
    key, first, end, prev = period
    f = {**f, "period": key}
    now = concentration(period_incidents(world, first, end, f, viewer))
    before = concentration(period_incidents(world, prev, first, f, viewer))
    rows = {r["period"]: r for r in get_csv(session, "concentration", f)}
    assert set(rows) == {"this", "before"}
    for k, want in (("this", now), ("before", before)):
        r = rows[k]
        for col, w in (("incidents", "incidents"), ("incidents_with_point", "placed"),
                       ("cells", "cells"), ("top_cells", "top_cells"),
                       ("top_cell_incidents", "top_incidents")):
            assert int(r[col]) == want[w], (k, col, r[col], want[w])
        if want["share"] is None:
            assert r["top_share_percent"] == ""
        else:
            assert abs(float(r["top_share_percent"]) - want["share"]) < 1e-6, (k, r, want)
    assert rows["this"]["first_day"] == first.isoformat()
    assert rows["this"]["last_day"] == (end - timedelta(days=1)).isoformat()
    assert rows["before"]["first_day"] == prev.isoformat()
    if now["share"] is None or before["share"] is None:
        change = None
        assert rows["this"]["change_points"] == ""
    else:
        change = now["share"] - before["share"]
        assert abs(float(rows["this"]["change_points"]) - change) < 1e-6

    gi = gi_star(period_incidents(world, first, end, f, viewer))
    cells = get_csv(session, "cells", f)
    got = {(int(r["cell_x"]), int(r["cell_y"])): r for r in cells}
    assert set(got) == set(gi)
    for c, (count, z) in gi.items():
        r = got[c]
        assert int(r["incidents"]) == count
        assert int(r["easting"]) == c[0] * CELL and int(r["northing"]) == c[1] * CELL
        if z is None:
            assert r["z_score"] == ""
        else:
            assert abs(float(r["z_score"]) - z) < 1e-6, (c, r["z_score"], z)
        assert r["band"] == band(z), (c, r["band"], z)
        # The latitude and longitude are of the cell's centre.
        e, n = to_bng(float(r["longitude"]), float(r["latitude"]))
        assert abs(e - (c[0] * CELL + 125)) < 1 and abs(n - (c[1] * CELL + 125)) < 1
    # Highest z first, ties by cell.
    order = sorted(gi, key=lambda c: (-zkey(gi[c][1]), c[0], c[1]))
    zs = [zkey(float(r["z_score"]) if r["z_score"] else None) for r in cells]
    assert zs == sorted(zs, reverse=True)

    html = page(session, f)
    body = table_html(html, "table-concentration")
    for k, want in (("now", now), ("before", before)):
        m = re.search(r'data-period="%s">(.*?)</tr>' % k, body, re.S)
        shown = dict(re.findall(r'data-cell="([a-z-]+)">([^<]*)<', m.group(1)))
        assert int(shown["incidents"]) == want["incidents"]
        assert int(shown["top-cells"]) == want["top_cells"]
        assert unescape(shown["share"]) == ("none" if want["share"] is None else
                                            "%.1f%%" % want["share"])
    assert re.search(r'data-cell="change">%s<' % re.escape(
        "none" if change is None else "%+.1f" % change), html)
    body = table_html(html, "table-cells")
    shown = re.findall(r'data-cell-id="(-?\d+),(-?\d+)">.*?data-cell="count">(\d+)<.*?'
                       r'data-cell="z">([^<]*)<.*?data-cell="band">([^<]*)<', body, re.S)
    assert len(shown) == min(20, len(gi))
    for (cx, cy, count, z, b), want in zip(shown, order):
        assert int(count) == gi[want][0]
        if gi[want][1] is None:
            assert z == "none"
            continue
        # Cells whose z-scores agree to the rounding may be in either order.
        assert (int(cx), int(cy)) == want or abs(gi[(int(cx), int(cy))][1] - gi[want][1]) < 1e-9
        assert abs(float(z) - gi[want][1]) <= 0.005 + 1e-9
        assert unescape(b) == band(gi[want][1])
    # The map: a square a cell, its band the table's.
    svg = re.search(r'<svg [^>]*id="hot-grid".*?</svg>', html, re.S).group(0)
    bands = Counter(re.findall(r'class="concord-hot-cell" data-band="([a-z0-9]+)"', svg))
    want = Counter({"Not significant": "none", "95%": "95", "99%": "99"}[band(z)]
                   for _, z in gi.values())
    assert bands == want
    return now, before, gi


# ---------------------------------------------------------------------------

def test_the_test_data_has_hotspots_and_both_bands(world):
    """The data is what the checks below need: hotspots at 95% and 99%
    and cells that are neither, in both periods."""
    for key, first, end, prev in (MONTH, QUARTER):
        gi = gi_star(period_incidents(world, first, end, {}, "analyst"))
        bands = Counter(band(z) for _, z in gi.values())
        assert bands["99%"] and bands["95%"] and bands["Not significant"], bands


def test_the_grid_is_this_tests(world, db):
    """The view's 100 m squares of the points are the squares inserted."""
    with db.cursor() as c:
        for inc in world["incidents"][:60]:
            c.execute("SELECT easting, northing FROM rpt_incident WHERE id = %s", (inc["id"],))
            got = c.fetchone()
            if inc["e"] is None:
                assert got == (None, None)
            else:
                assert got == (inc["e"] - 50, inc["n"] - 50)


@pytest.mark.parametrize("period", [MONTH, QUARTER], ids=["month", "quarter"])
def test_every_figure_is_what_was_inserted(world, period):
    check(as_role("analyst"), world, period, {}, "analyst")


def test_each_filter_changes_the_figures(world):
    s = as_role("analyst")
    seen = []
    for f in ({}, {"team": str(world["team_a"])}, {"team": str(world["team_b"])},
              {"area": f"beat:{world['beat_x']}"}, {"area": f"beat:{world['beat_y']}"},
              {"type": str(world["noise_id"])}, {"type": str(world["other_id"])},
              {"team": str(world["team_a"]), "type": str(world["noise_id"]),
               "area": f"beat:{world['beat_x']}"}):
        now, before, gi = check(s, world, QUARTER, f, "analyst")
        seen.append(repr((now, before, sorted(gi.items()))))
    assert len(set(seen)) == len(seen), "a filter did not change the figures"


def test_a_council_analyst_sees_fewer_incidents_than_a_police_supervisor(world):
    council = check(as_role("analyst"), world, QUARTER, {}, "analyst")
    police = check(as_role("police_supervisor"), world, QUARTER, {}, "police")
    assert council[0]["incidents"] < police[0]["incidents"]
    assert council[2] != police[2]


def test_a_london_midnight_bounds_the_month(world):
    """The incident at 23:30 UTC on 31 March 2005 is April's in London."""
    s = as_role("analyst")
    f = {"team": str(world["team_a"]), "area": f"beat:{world['beat_x']}",
         "type": str(world["noise_id"])}
    march = period_incidents(world, MONTH[1], MONTH[2], f, "analyst")
    rows = {r["period"]: r for r in get_csv(s, "concentration", {**f, "period": "2005-03"})}
    assert int(rows["this"]["incidents"]) == len(march)
    april = [i for i in world["incidents"] if kept(i, f, "analyst")
             and i["at"].astimezone(LONDON).date() >= date(2005, 4, 1)]
    assert len(april) >= 1
    rows = {r["period"]: r for r in get_csv(s, "concentration", {**f, "period": "2005-04"})}
    assert int(rows["this"]["incidents"]) == len(april)
    assert int(rows["before"]["incidents"]) == len(march)


def test_the_csv_links_keep_the_filters(world):
    s = as_role("analyst")
    f = {"period": "2005-Q1", "team": str(world["team_a"]),
         "area": f"beat:{world['beat_x']}", "type": str(world["noise_id"])}
    html = page(s, f)
    links = [unescape(h) for h in re.findall(r'href="(/dashboards/hotspots\.csv[^"]*)"', html)]
    assert len(links) == 2
    for link in links:
        q = {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)
             .items()}
        assert {k: q[k] for k in f} == f, link
        assert s.get(URL + link).status_code == 200
    assert re.search(r'<option value="2005-Q1" selected>', html)
    assert re.search(r'<option value="%s" selected>' % f["team"], html)


def test_the_map_is_named_and_the_tables_captioned(world):
    html = page(as_role("analyst"), {"period": "2005-Q1"})
    svgs = re.findall(r"<svg [^>]*>", html)
    assert len(svgs) == 1
    assert 'role="img"' in svgs[0]
    for ident in re.search(r'aria-labelledby="([^"]+)"', svgs[0]).group(1).split():
        assert re.search(r'<(title|desc) id="%s">[^<]+</' % ident, html), ident
    assert html.count("<caption") == 2
    assert html.count("<h1") == 1


def test_default_period_is_the_last_complete_month():
    rows = {r["period"]: r for r in get_csv(as_role("analyst"), "concentration", {})}
    today = datetime.now(LONDON).date()
    last = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    assert rows["this"]["first_day"] == last.isoformat()
    before = (last - timedelta(days=1)).replace(day=1)
    assert rows["before"]["first_day"] == before.isoformat()


def test_a_role_without_reporting_view_is_refused_and_the_signed_out_sent_to_sign_in():
    for path in ("/dashboards/hotspots", "/dashboards/hotspots.csv?table=cells"):
        assert as_role("police_officer").get(URL + path).status_code == 403
        assert requests.get(URL + path, allow_redirects=False).status_code == 401


def future_month():
    today = datetime.now(LONDON).date()
    return today.strftime("%Y-%m")


@pytest.mark.parametrize("params,words", [
    ({"area": "nowhere"}, "There is no such area"),
    ({"area": "beat:999999999"}, "There is no such area"),
    ({"team": "abc"}, "There is no such team"),
    ({"type": "-3"}, "There is no such type"),
    ({"period": "2005-13"}, "The period must be a month"),
    ({"period": "2005-00"}, "The period must be a month"),
    ({"period": "2005-Q5"}, "The period must be a month"),
    ({"period": "2005-Q0"}, "The period must be a month"),
    ({"period": "1999-12"}, "The period must be a month"),
    ({"period": "2999-01"}, "The period must be a month"),
    ({"period": "2005-3"}, "The period must be a month"),
    ({"period": "March 2005"}, "The period must be a month"),
    ({"period": future_month()}, "The period must be a month"),
])
def test_a_bad_filter_is_a_400_that_says_what_is_wrong(params, words):
    s = as_role("analyst")
    for path, extra in (("/dashboards/hotspots", {}),
                        ("/dashboards/hotspots.csv", {"table": "cells"})):
        r = s.get(URL + path, params={**extra, **params})
        assert r.status_code == 400, (path, params, r.status_code)
        assert words in unescape(r.text), r.text[:800]


def test_a_table_that_is_not_one_is_a_400():
    s = as_role("analyst")
    for table in ("", "clocks", "cells;drop"):
        r = s.get(URL + "/dashboards/hotspots.csv", params={"table": table})
        assert r.status_code == 400
        assert "There is no such table" in unescape(r.text)


def test_the_staff_home_and_the_dashboards_link_it_for_readers_only():
    for role, shown in (("analyst", True), ("police_supervisor", True),
                        ("police_officer", False)):
        html = as_role(role).get(URL + "/staff").text
        assert ('href="/dashboards/hotspots"' in html) == shown, role
    html = as_role("analyst").get(URL + "/dashboards/operational").text
    assert 'href="/dashboards/hotspots"' in html
