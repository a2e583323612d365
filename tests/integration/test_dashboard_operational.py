"""The weekly operational dashboard (/dashboards/operational and its CSVs;
README "Dashboards").

A known set of incidents, allocations, cases and actions is written as the
database owner, in a period no other test uses (the eight weeks to Sunday
9 March 2003) and with teams and beats of its own, so that the figures
are exactly these records'. Every figure the page and the CSVs show is
then computed here again, in Python, from the times and values inserted:
not by Concord's SQL.

Percentiles are PostgreSQL's percentile_cont (the dashboard's definition):
of n sorted values, the value at rank p * (n - 1) counted from 0,
interpolated linearly between the two values either side of it. The
median is p = 0.5, the 90th percentile p = 0.9."""
import csv
import io
import math
import random
import re
import urllib.parse
import uuid
from datetime import date, datetime, timedelta, timezone
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import requests

from bng import square
from stack import URL, read_conf
from staff import as_role
from test_flags import admin

LONDON = ZoneInfo("Europe/London")
WEEK = date(2003, 3, 3)                 # the chosen week's Monday
FIRST = WEEK - timedelta(weeks=7)       # the first of the eight
BANDS = ("00:00 to 06:00", "06:00 to 12:00", "12:00 to 18:00", "18:00 to 24:00")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Points in Cornwall, far from every other test's and the demo's.
BASE = (-5.05, 50.15)


def percentile_cont(values, p):
    xs = sorted(values)
    if not xs:
        return None
    k = p * (len(xs) - 1)
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def targets():
    conf = read_conf()
    hours = {}
    for clock, defaults in (("triage", (24, 4, 1)), ("action", (168, 72, 24))):
        for level, d in zip(("standard", "medium", "high"), defaults):
            hours[(clock, level)] = int(conf.get(f"{clock}_hours_{level}", d))
    return hours


def london_monday(at):
    d = at.astimezone(LONDON).date()
    return d - timedelta(days=d.weekday())


# ---------------------------------------------------------------------------
# the records

def one(cur, sql, args=()):
    cur.execute(sql, args)
    return cur.fetchone()


def make_team(cur, agency, name):
    return one(cur, "INSERT INTO team (agency_id, code, name) SELECT id, %s, %s FROM agency "
                    "WHERE code = %s RETURNING id",
               ("dash-" + uuid.uuid4().hex[:8], name, agency))[0]


def retire_beats(*ids):
    with admin() as conn, conn.cursor() as cur:
        cur.execute("UPDATE beat SET retired_at = now() WHERE id = ANY(%s)", (list(ids),))


def make_beat(cur, name, team, lon, lat):
    return one(cur, "INSERT INTO beat (agency_id, code, name, geom, team_id) "
                    "SELECT id, %s, %s, ST_Multi(ST_Expand(ST_SetSRID(ST_MakePoint(%s, %s), "
                    "4326), 0.01)), %s FROM agency WHERE code = 'city-police' RETURNING id",
               ("DASH" + uuid.uuid4().hex[:8].upper(), name, lon, lat, team))[0]


def make_incident(cur, inc):
    iid = one(cur,
              "INSERT INTO incident (reference, channel, asb_type_id, description, reported_at, "
              " location, status, answers, owning_agency_id, sharing, risk_level, beat_id, "
              " repeat_victim, repeat_location, repeat_subject, team_id) "
              "SELECT 'ASB-' || to_char(now(), 'YYYY') || '-' || "
              "  lpad(nextval('incident_ref_seq')::text, 6, '0'), 'police', t.id, "
              "  'An incident for the dashboard', %s, "
              "  CASE WHEN %s::float8 IS NULL THEN NULL ELSE "
              "  ST_SetSRID(ST_MakePoint(%s::float8, %s::float8), 4326) END, 'open', '{}', "
              "  a.id, %s, %s::risk_level, %s, %s, %s, %s, %s "
              "FROM asb_type t, agency a WHERE t.code = %s AND a.code = 'city-police' "
              "RETURNING id",
              (inc["at"], inc["lon"], inc["lon"], inc["lat"], inc["sharing"], inc["risk"],
               inc["beat"], inc["rv"], inc["rl"], inc["rs"],
               # The incident's team is its first allocation's, as the intake has it.
               inc["allocations"][0]["team"], inc["type"]))[0]
    inc["id"] = iid
    for al in inc["allocations"]:
        tri = inc["at"] + timedelta(minutes=al["triage"]) if al["triage"] is not None else None
        act = (tri + timedelta(minutes=al["action"])
               if tri is not None and al["action"] is not None else None)
        al["id"] = one(cur, "INSERT INTO incident_allocation (incident_id, team_id, kind, reason, "
                            " created_at, triage, triaged_at, first_action_at) "
                            "VALUES (%s, %s, 'neighbourhood', 'the dashboard test', %s, %s, %s, "
                            " %s) RETURNING id",
                       (iid, al["team"], inc["at"], "accepted" if tri else None, tri, act))[0]
    return iid


def make_case(cur, incidents, shared_with_council):
    cid = one(cur,
              "INSERT INTO monitored_case (reference, title, origin, lead_agency_id, "
              " lead_user_id, opened_by, shared_with) "
              "SELECT 'CASE-' || to_char(now(), 'YYYY') || '-' || "
              " lpad(nextval('monitored_case_number')::text, 6, '0'), 'Dashboard case', "
              " 'incidents', u.agency_id, u.id, u.id, "
              " CASE WHEN %s THEN ARRAY(SELECT id FROM agency WHERE code = 'city-council') "
              " ELSE '{}' END "
              "FROM app_user u WHERE u.email = 'officer@police.example' RETURNING id",
              (shared_with_council,))[0]
    if shared_with_council:
        cur.execute("INSERT INTO case_agency (case_id, agency_id, added_by) "
                    "SELECT %s, g.id, u.id FROM agency g, app_user u "
                    "WHERE g.code = 'city-council' AND u.email = 'officer@police.example'",
                    (cid,))
    for iid in incidents:
        cur.execute("INSERT INTO case_incident (case_id, incident_id, how, linked_by) "
                    "SELECT %s, %s, 'manual', id FROM app_user "
                    "WHERE email = 'officer@police.example'", (cid, iid))
    return cid


def make_action(cur, case_id, act):
    cur.execute(
        "INSERT INTO case_action (case_id, type_id, title, owner_agency_id, owner_team_id, "
        " due_on, status, closed_at, outcome, created_by) "
        "SELECT %s, t.id, 'A dashboard action', tm.agency_id, tm.id, %s, %s, "
        " CASE WHEN %s = 'open' THEN NULL ELSE now() END, "
        " CASE WHEN %s = 'open' THEN '' ELSE 'Done' END, u.id "
        "FROM action_type t, team tm, app_user u WHERE t.code = 'warning-letter' "
        "AND tm.id = %s AND u.email = 'officer@police.example'",
        (case_id, act["due"], act["status"], act["status"], act["status"], act["team"]))


@pytest.fixture(scope="module")
def world():
    """The records, and what was inserted, for the expectations."""
    rnd = random.Random(20030303)
    conn = admin()
    cur = conn.cursor()
    cur.execute("SELECT code FROM asb_type WHERE active AND code <> 'noise' "
                "AND parent_id IS NULL ORDER BY code LIMIT 1")
    other_type = cur.fetchone()[0]
    team_a = make_team(cur, "city-police", "Dashboard Police Team " + uuid.uuid4().hex[:4])
    team_b = make_team(cur, "city-council", "Dashboard Council Team " + uuid.uuid4().hex[:4])
    beat_x = make_beat(cur, "Dashboard Beat X " + uuid.uuid4().hex[:4], team_a, *BASE)
    beat_y = make_beat(cur, "Dashboard Beat Y " + uuid.uuid4().hex[:4], team_a,
                       BASE[0] + 0.1, BASE[1])
    cur.execute("SELECT name FROM beat WHERE id IN (%s, %s) ORDER BY id", (beat_x, beat_y))
    names = {beat_x: None, beat_y: None}
    names[beat_x], names[beat_y] = (r[0] for r in cur.fetchall())

    # Points well inside their 100 m squares (by this test's own reckoning).
    points = []
    while len(points) < 4:
        p = (BASE[0] + rnd.uniform(-0.005, 0.005), BASE[1] + rnd.uniform(-0.005, 0.005))
        if square(*p)[1] > 25 and square(*p)[0] not in [square(*q)[0] for q in points]:
            points.append(p)

    incidents = []
    start = datetime(FIRST.year, FIRST.month, FIRST.day, tzinfo=LONDON)
    for k in range(60):
        # Eight weeks, and a few either side of them that must not count.
        day = rnd.randrange(-4, 56 + 4)
        at = (start + timedelta(days=day, minutes=rnd.randrange(0, 24 * 60))).astimezone(
            timezone.utc)
        point = rnd.choice(points) if rnd.random() < 0.8 else (None, None)
        allocations = []
        for team in ([team_a, team_b] if rnd.random() < 0.4 else
                     [rnd.choice([team_a, team_b])]):
            triage = rnd.choice([None] + [rnd.randrange(5, 60 * 60) for _ in range(6)])
            action = rnd.choice([None] + [rnd.randrange(5, 200 * 60) for _ in range(4)])
            allocations.append({"team": team, "triage": triage, "action": action})
        rv, rl, rs = (rnd.random() < 0.25, rnd.random() < 0.3, rnd.random() < 0.15)
        inc = {"at": at, "lon": point[0], "lat": point[1],
               "type": "noise" if rnd.random() < 0.7 else other_type,
               "beat": rnd.choice([beat_x, beat_x, beat_y, None]),
               "risk": rnd.choice(["high", "medium", "standard", None]),
               "sharing": "agency" if rnd.random() < 0.2 else "partnership",
               "rv": rv, "rl": rl, "rs": rs, "allocations": allocations}
        make_incident(cur, inc)
        incidents.append(inc)
    cur.execute("SELECT id FROM asb_type WHERE code = 'noise'")
    noise_id = cur.fetchone()[0]
    cur.execute("SELECT id FROM asb_type WHERE code = %s", (other_type,))
    other_id = cur.fetchone()[0]
    for inc in incidents:
        inc["type_id"] = noise_id if inc["type"] == "noise" else other_id

    # Cases and their actions: one case shared with the council, one not.
    in_x = [i for i in incidents if i["beat"] == beat_x and i["sharing"] == "partnership"]
    in_y = [i for i in incidents if i["beat"] == beat_y]
    today = datetime.now(LONDON).date()
    cases = []
    for shared, linked in ((True, in_x[:3]), (False, in_y[:2])):
        cid = make_case(cur, [i["id"] for i in linked], shared)
        acts = []
        for team, dues in ((team_a, (-30, -9, -1, 0, 3)), (team_b, (-12, -4, 0, 5))):
            for k, days in enumerate(dues + (-6,)):
                # The last of each is done: overdue no more.
                act = {"team": team, "due": today + timedelta(days=days - (2 if shared else 0)),
                       "status": "done" if k == len(dues) else "open"}
                make_action(cur, cid, act)
                acts.append(act)
        cases.append({"id": cid, "shared": shared, "incidents": linked, "actions": acts})
    conn.close()
    yield {"team_a": team_a, "team_b": team_b, "beat_x": beat_x, "beat_y": beat_y,
            "beat_names": names, "incidents": incidents, "cases": cases, "today": today,
            "noise_id": noise_id, "other_id": other_id}
    # Retired once the module is done: a beat far from the partnership's
    # would widen the outline every map fits itself to (pages/map.c).
    retire_beats(beat_x, beat_y)


# ---------------------------------------------------------------------------
# the expectations, from what was inserted

def kept(world, inc, f, viewer):
    """Whether an incident is the viewer's to see and kept by the filters."""
    if viewer == "analyst" and inc["sharing"] != "partnership":
        return False
    if f.get("area") and f["area"] != f"beat:{inc['beat']}":
        return False
    if f.get("type") and int(f["type"]) != inc["type_id"]:
        return False
    return True


def in_weeks(inc):
    d = inc["at"].astimezone(LONDON).date()
    return FIRST <= d <= WEEK + timedelta(days=6)


def expected_clocks(world, f, viewer):
    hours = targets()
    weeks = {FIRST + timedelta(weeks=k): [] for k in range(8)}
    for inc in world["incidents"]:
        if not in_weeks(inc) or not kept(world, inc, f, viewer):
            continue
        for al in inc["allocations"]:
            if f.get("team") and int(f["team"]) != al["team"]:
                continue
            weeks[london_monday(inc["at"])].append((inc, al))
    out = {}
    for monday, items in weeks.items():
        level = lambda inc: inc["risk"] or "standard"  # noqa: E731
        tri = [(al["triage"], inc) for inc, al in items if al["triage"] is not None]
        act = [(al["action"], al["triage"], inc) for inc, al in items
               if al["triage"] is not None and al["action"] is not None]
        out[monday.isoformat()] = {
            "allocations": len(items),
            "triaged": len(tri),
            "triage_median": percentile_cont([m / 60 for m, _ in tri], 0.5),
            "triage_p90": percentile_cont([m / 60 for m, _ in tri], 0.9),
            "triage_within": sum(m <= hours[("triage", level(i))] * 60 for m, i in tri),
            "actioned": len(act),
            "action_median": percentile_cont([m / 60 for m, _, _ in act], 0.5),
            "action_p90": percentile_cont([m / 60 for m, _, _ in act], 0.9),
            # The first action's target is hours from the report.
            "action_within": sum(t + m <= hours[("action", level(i))] * 60
                                 for m, t, i in act),
        }
    return out


def expected_overdue(world, f, viewer):
    """{(team id): [days overdue...]} and {agency: [...]}."""
    teams, agencies = {}, {}
    for case in world["cases"]:
        if viewer == "analyst" and not case["shared"]:
            continue
        if f.get("area") or f.get("type"):
            if not any(kept(world, i, f, viewer) for i in case["incidents"]):
                continue
        for act in case["actions"]:
            if act["status"] != "open" or act["due"] >= world["today"]:
                continue
            if f.get("team") and int(f["team"]) != act["team"]:
                continue
            days = (world["today"] - act["due"]).days
            teams.setdefault(act["team"], []).append(days)
            agency = "police" if act["team"] == world["team_a"] else "council"
            agencies.setdefault(agency, []).append(days)
    return teams, agencies


def expected_repeats(world, f, viewer):
    squares, areas, bands, total, unplaced = {}, {}, {}, 0, 0
    for inc in world["incidents"]:
        if not (inc["rv"] or inc["rl"] or inc["rs"]) or not in_weeks(inc):
            continue
        if not kept(world, inc, f, viewer):
            continue
        # The incident's own team is its first allocation's.
        if f.get("team") and int(f["team"]) != inc["allocations"][0]["team"]:
            continue
        total += 1
        if inc["lon"] is None:
            unplaced += 1
        else:
            sq = square(inc["lon"], inc["lat"])[0]
            squares[sq] = squares.get(sq, 0) + 1
        area = (world["beat_names"][inc["beat"]] + " (beat)") if inc["beat"] else "No area"
        areas[area] = areas.get(area, 0) + 1
        local = inc["at"].astimezone(LONDON)
        key = (DAYS[local.weekday()], BANDS[local.hour // 6])
        bands[key] = bands.get(key, 0) + 1
    return squares, areas, bands, total, unplaced


# ---------------------------------------------------------------------------
# reading what the dashboard shows

def get_csv(session, table, f):
    r = session.get(URL + "/dashboards/operational.csv", params={"table": table, **f})
    assert r.status_code == 200, (r.status_code, r.text[:500])
    assert r.headers["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(r.text)))


def page(session, f):
    r = session.get(URL + "/dashboards/operational", params=f)
    assert r.status_code == 200, (r.status_code, r.text[:500])
    return r.text


def table_html(html, table_id):
    m = re.search(r'<table class="govuk-table" id="%s">(.*?)</table>' % table_id, html, re.S)
    assert m, table_id
    return m.group(1)


def close(got, want, places):
    if want is None:
        return got in ("", "none")
    return abs(float(got) - want) <= 0.5 * 10 ** -places + 1e-9


def check_clocks(session, world, f, viewer):
    want = expected_clocks(world, f, viewer)
    rows = {r["week_start"]: r for r in get_csv(session, "clocks", f)}
    assert set(rows) == set(want)
    for week, w in want.items():
        r = rows[week]
        for k in ("allocations", "triaged", "triage_within", "actioned", "action_within"):
            col = {"triage_within": "triaged_within_target",
                   "action_within": "actioned_within_target"}.get(k, k)
            assert int(r[col]) == w[k], (week, k, r[col], w[k])
        for k in ("triage_median", "triage_p90", "action_median", "action_p90"):
            assert close(r[k + "_hours"], w[k], 2), (week, k, r[k + "_hours"], w[k])
    html = table_html(page(session, f), "table-clocks")
    for week, w in want.items():
        m = re.search(r'<tr class="govuk-table__row" data-week="%s">(.*?)</tr>' % week, html, re.S)
        assert m, week
        cells = dict(re.findall(r'data-cell="([a-z0-9-]+)">([^<]*)<', m.group(1)))
        assert int(cells["allocations"]) == w["allocations"]
        assert int(cells["triaged"]) == w["triaged"]
        assert close(cells["triage-median"], w["triage_median"], 1), (week, cells)
        assert close(cells["triage-p90"], w["triage_p90"], 1), (week, cells)
        assert close(cells["action-median"], w["action_median"], 1), (week, cells)
        assert close(cells["action-p90"], w["action_p90"], 1), (week, cells)
        for cell, n, within in (("triage-within", w["triaged"], w["triage_within"]),
                                ("action-within", w["actioned"], w["action_within"])):
            shown = unescape(cells[cell])
            assert shown == ("none measured" if n == 0 else "%.0f%%" % (100.0 * within / n)), \
                (week, cell, shown)
    return want


def check_overdue(session, world, f, viewer):
    teams, agencies = expected_overdue(world, f, viewer)
    names = team_names()
    got = {r["team"]: r for r in get_csv(session, "overdue-teams", f)}
    assert set(got) == {names[t] for t in teams}, (got, teams)
    for t, days in teams.items():
        r = got[names[t]]
        assert int(r["overdue_actions"]) == len(days)
        assert int(r["max_days_overdue"]) == max(days)
        assert abs(float(r["mean_days_overdue"]) - sum(days) / len(days)) <= 0.05 + 1e-9
    agency_names = {"police": agency_name("city-police"), "council": agency_name("city-council")}
    got = {r["agency"]: r for r in get_csv(session, "overdue-agencies", f)}
    assert set(got) == {agency_names[a] for a in agencies}, (got, agencies)
    for a, days in agencies.items():
        r = got[agency_names[a]]
        assert int(r["overdue_actions"]) == len(days)
        assert int(r["max_days_overdue"]) == max(days)
    html = page(session, f)
    body = table_html(html, "table-overdue-teams")
    shown = {unescape(n): int(c) for n, c in re.findall(
        r'<th scope="row" class="govuk-table__header">([^<]*)</th>\s*<td[^>]*>[^<]*</td>\s*'
        r'<td[^>]*data-cell="count">(\d+)</td>', body)}
    assert shown == {names[t]: len(d) for t, d in teams.items()}
    return teams, agencies


def check_repeats(session, world, f, viewer):
    squares, areas, bands, total, unplaced = expected_repeats(world, f, viewer)
    got = {(int(r["easting"]), int(r["northing"])): int(r["repeat_incidents"])
           for r in get_csv(session, "repeat-squares", f)}
    assert got == squares
    got = {r["area"]: int(r["repeat_incidents"]) for r in get_csv(session, "repeat-areas", f)}
    assert got == areas
    got = {(r["weekday"], r["time_band"]): int(r["repeat_incidents"])
           for r in get_csv(session, "repeat-bands", f)}
    assert len(got) == 28
    assert {k: v for k, v in got.items() if v} == bands
    html = page(session, f)
    body = table_html(html, "table-repeat-bands")
    m = re.search(r'data-day="all">(.*?)</tr>', body, re.S)
    assert int(re.search(r'data-band="all"><strong>(\d+)<', m.group(1)).group(1)) == total
    for band in BANDS:
        n = int(re.search(r'data-band="%s"><strong>(\d+)<' % band, m.group(1)).group(1))
        assert n == sum(v for (d, b), v in bands.items() if b == band)
    body = table_html(html, "table-repeat-squares")
    shown = {(int(e), int(n)): int(c) for e, n, c in re.findall(
        r'data-square="(\d+),(\d+)">.*?data-cell="count">(\d+)<', body, re.S)}
    assert shown == squares
    return squares, areas, bands, total


_names = {}


def team_names():
    if not _names:
        with admin() as conn, conn.cursor() as cur:
            cur.execute("SELECT id, name FROM team")
            _names.update(dict(cur.fetchall()))
    return _names


def agency_name(code):
    with admin() as conn, conn.cursor() as cur:
        cur.execute("SELECT name FROM agency WHERE code = %s", (code,))
        return cur.fetchone()[0]


# ---------------------------------------------------------------------------

def test_the_databases_grid_squares_are_this_tests(world, db):
    """The test's own grid arithmetic agrees with the view's squares for its
    points (else every square below would be wrong for another reason)."""
    with db.cursor() as c:
        for inc in world["incidents"]:
            if inc["lon"] is None:
                continue
            c.execute("SELECT easting, northing FROM rpt_incident WHERE id = %s", (inc["id"],))
            assert c.fetchone() == square(inc["lon"], inc["lat"])[0]


def test_every_figure_is_what_was_inserted(world):
    s = as_role("analyst")
    f = {"week": WEEK.isoformat()}
    check_clocks(s, world, f, "analyst")
    check_repeats(s, world, f, "analyst")
    # Actions are as of now: other tests' actions count too without a
    # filter of this test's own, so they are checked by its beats and teams.
    check_overdue(s, world, {**f, "area": f"beat:{world['beat_x']}"}, "analyst")


def test_each_filter_changes_the_figures(world):
    s = as_role("analyst")
    base = {"week": WEEK.isoformat()}
    seen = []
    for f in ({"team": str(world["team_a"])}, {"team": str(world["team_b"])},
              {"area": f"beat:{world['beat_x']}"}, {"area": f"beat:{world['beat_y']}"},
              {"type": str(world["noise_id"])}, {"type": str(world["other_id"])},
              {"team": str(world["team_a"]), "type": str(world["noise_id"]),
               "area": f"beat:{world['beat_x']}"}):
        f = {**base, **f}
        clocks = check_clocks(s, world, f, "analyst")
        repeats = check_repeats(s, world, f, "analyst")
        seen.append((repr(clocks), repr(repeats)))
    assert len(set(seen)) == len(seen), "a filter did not change the figures"
    for f in ({"team": str(world["team_a"])}, {"team": str(world["team_b"])},
              {"area": f"beat:{world['beat_x']}", "team": str(world["team_b"])}):
        teams, _ = check_overdue(s, world, {**base, **f}, "analyst")
        assert teams
    # Another week: the eight weeks move with it.
    f = {"week": (WEEK - timedelta(weeks=1)).isoformat()}
    rows = get_csv(s, "clocks", f)
    assert [r["week_start"] for r in rows][0] == (WEEK - timedelta(weeks=1)).isoformat()
    assert len(rows) == 8


def test_the_csv_links_keep_the_filters(world):
    s = as_role("analyst")
    f = {"week": WEEK.isoformat(), "team": str(world["team_a"]),
         "area": f"beat:{world['beat_x']}", "type": str(world["noise_id"])}
    html = page(s, f)
    links = [unescape(h) for h in re.findall(r'href="(/dashboards/operational\.csv[^"]*)"', html)]
    assert len(links) == 6
    for link in links:
        q = {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)
             .items()}
        assert {k: q[k] for k in f} == f, link
        assert s.get(URL + link).status_code == 200
    # The form shows what was chosen.
    assert re.search(r'<option value="%s" selected>' % f["week"], html)
    assert re.search(r'<option value="%s" selected>' % f["team"], html)


def test_another_agencys_reader_sees_what_the_views_show_them(world):
    """The council's analyst does not see the police's own incidents nor the
    case not shared with the council; the police supervisor (reporting.view)
    sees both: each dashboard is its reader's."""
    f = {"week": WEEK.isoformat()}
    police = as_role("police_supervisor")
    council = as_role("analyst")
    a = check_clocks(council, world, f, "analyst")
    b = check_clocks(police, world, f, "police")
    assert a != b
    a = check_repeats(council, world, f, "analyst")
    b = check_repeats(police, world, f, "police")
    assert a != b
    for team in (world["team_a"], world["team_b"]):
        fa = {**f, "team": str(team)}
        a = check_overdue(council, world, fa, "analyst")
        b = check_overdue(police, world, fa, "police")
        assert a != b


def test_a_role_without_reporting_view_is_refused_and_the_signed_out_sent_to_sign_in():
    r = as_role("police_officer").get(URL + "/dashboards/operational")
    assert r.status_code == 403
    r = as_role("police_officer").get(URL + "/dashboards/operational.csv?table=clocks")
    assert r.status_code == 403
    r = requests.get(URL + "/dashboards/operational", allow_redirects=False)
    assert r.status_code == 401
    assert 'href="/staff/sign-in?next=%2Fdashboards%2Foperational"' in r.text
    r = requests.get(URL + "/dashboards/operational.csv?table=clocks", allow_redirects=False)
    assert r.status_code == 401


@pytest.mark.parametrize("params,words", [
    ({"area": "nowhere"}, "There is no such area"),
    ({"area": "beat:999999999"}, "There is no such area"),
    ({"area": "beat:"}, "There is no such area"),
    ({"team": "abc"}, "There is no such team"),
    ({"team": "999999999"}, "There is no such team"),
    ({"type": "-3"}, "There is no such type"),
    ({"week": "2003-03-04"}, "The week must be the date of a Monday"),
    ({"week": "2999-01-07"}, "The week must be the date of a Monday"),
    ({"week": "1999-12-27"}, "The week must be the date of a Monday"),
    ({"week": "3 March"}, "The week must be the date of a Monday"),
])
def test_a_bad_filter_is_a_400_that_says_what_is_wrong(params, words):
    s = as_role("analyst")
    for path, extra in (("/dashboards/operational", {}),
                        ("/dashboards/operational.csv", {"table": "clocks"})):
        r = s.get(URL + path, params={**extra, **params})
        assert r.status_code == 400, (path, params, r.status_code)
        assert words in unescape(r.text), r.text[:800]


def test_a_table_that_is_not_one_is_a_400():
    s = as_role("analyst")
    for table in ("", "incidents", "clocks;drop"):
        r = s.get(URL + "/dashboards/operational.csv", params={"table": table})
        assert r.status_code == 400
        assert "There is no such table" in unescape(r.text)


def test_the_staff_home_and_navigation_link_the_dashboard_for_readers_only():
    for role, shown in (("analyst", True), ("police_supervisor", True),
                        ("police_officer", False)):
        html = as_role(role).get(URL + "/staff").text
        assert ('href="/dashboards/operational"' in html) == shown, role


def test_the_charts_are_named_and_drawn_through_the_template(world):
    html = page(as_role("analyst"), {"week": WEEK.isoformat()})
    svgs = re.findall(r"<svg [^>]*>", html)
    assert len(svgs) == 7
    for svg in svgs:
        assert 'role="img"' in svg
        labelled = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
        for ident in labelled:
            assert re.search(r'<(title|desc) id="%s">[^<]+</' % ident, html), ident
    assert html.count("<caption") == 6
    # One bar a week on each clock's chart.
    chart = re.search(r'<svg [^>]*id="chart-triage".*?</svg>', html, re.S).group(0)
    assert chart.count('class="concord-chart__bar"') == 8


def test_default_week_is_the_last_complete_one():
    rows = get_csv(as_role("analyst"), "clocks", {})
    today = datetime.now(LONDON).date()
    last = today - timedelta(days=today.weekday() + 7)
    assert rows[0]["week_start"] == last.isoformat()
    assert rows[-1]["week_start"] == (last - timedelta(weeks=7)).isoformat()


def test_a_week_is_londons(world, db):
    """An incident at 23:30 UTC on a Sunday in summer is Monday in London:
    it counts in the next week."""
    team = world["team_a"]
    with db.cursor() as c:
        inc = {"at": datetime(2003, 6, 8, 23, 30, tzinfo=timezone.utc), "lon": None,
               "lat": None, "type": "noise", "beat": None, "risk": "high",
               "sharing": "partnership", "rv": False, "rl": True, "rs": False,
               "allocations": [{"team": team, "triage": 30, "action": None}]}
        make_incident(c, inc)
    rows = {r["week_start"]: r for r in get_csv(as_role("analyst"), "clocks",
                                                {"week": "2003-06-09", "team": str(team)})}
    assert rows["2003-06-09"]["triaged"] == "1"
    assert rows["2003-06-02"]["triaged"] == "0"
    bands = {(r["weekday"], r["time_band"]): r["repeat_incidents"]
             for r in get_csv(as_role("analyst"), "repeat-bands",
                              {"week": "2003-06-09", "team": str(team)})}
    assert bands[("Monday", "00:00 to 06:00")] == "1"
