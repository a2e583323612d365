"""The reporting views (sql/migrations/0056_reporting_views.sql; README "The
reporting views"): the one contract of the OData feed, the dashboards and
their exports. What an analyst relies on: every column is documented, no
view shows a name, an address or free text, a place is a 100 m square,
London dates and hours, the clocks in minutes, row security as on the
pages, and people only as stable pseudonyms under the partnership's key."""
import os
import re
import secrets

import psycopg2
import pytest

from stack import read_conf

from test_flags import add_incident, add_person, admin, involve

VIEWS = ("rpt_incident", "rpt_allocation", "rpt_action", "rpt_contact", "rpt_case",
         "rpt_case_review", "rpt_area", "rpt_team", "rpt_agency", "rpt_type", "rpt_daily",
         "rpt_incident_person", "rpt_case_person", "rpt_case_incident")
KEY = secrets.token_hex(32)


def as_user(email, key=KEY):
    """A concord_app connection in a transaction acting as email (row
    security applies), with the pseudonym key set when key is given."""
    conn = psycopg2.connect(read_conf()["db"])
    cur = conn.cursor()
    cur.execute("SELECT set_config('concord.user_id', id::text, true), "
                "set_config('concord.agency_id', agency_id::text, true), "
                "set_config('concord.person_view', 'f', true) "
                "FROM app_user WHERE email = %s", (email,))
    assert cur.fetchone(), email
    if key:
        cur.execute("SELECT set_config('concord.pseudonym_key', %s, true)", (key,))
    return conn, cur


def rows(cur, sql, args=()):
    cur.execute(sql, args)
    return cur.fetchall()


def test_every_view_and_column_is_documented_in_the_database_and_the_readme():
    readme = open(os.path.join(os.path.dirname(__file__), "..", "..", "README.md")).read()
    with admin() as conn, conn.cursor() as cur:
        for view in VIEWS:
            cur.execute("SELECT obj_description(%s::regclass, 'pg_class')", (view,))
            assert cur.fetchone()[0], f"{view} has no COMMENT"
            cur.execute("SELECT a.attname, col_description(a.attrelid, a.attnum) "
                        "FROM pg_attribute a WHERE a.attrelid = %s::regclass "
                        "AND a.attnum > 0 AND NOT a.attisdropped", (view,))
            cols = cur.fetchall()
            assert cols
            for name, doc in cols:
                assert doc, f"{view}.{name} has no COMMENT"
                # The README's table for the view has a row for the column.
                section = readme.split(f"#### `{view}`\n", 1)
                assert len(section) == 2, f"README has no table for {view}"
                assert f"| `{name}` |" in section[1].split("\n#### ")[0], \
                    f"README's {view} table has no row for {name}"


def test_no_view_shows_a_name_an_address_or_free_text_and_places_are_100_m_squares():
    word = "Zq" + secrets.token_hex(4)
    iid, ref = add_incident(description=f"Noise from {word} house",
                            point=(-0.0931, 51.5151))
    pid = add_person(given=word)
    involve(iid, pid)
    with admin() as conn, conn.cursor() as cur:
        cur.execute("UPDATE incident SET address = %s, postcode = 'EC2V 7HH', "
                    "answers = jsonb_build_object('detail', %s) WHERE id = %s",
                    (f"1 {word} Street", word, iid))
    conn, cur = as_user("supervisor@police.example")
    try:
        for view in VIEWS:
            cur.execute(f"SELECT row_to_json(v)::text FROM {view} v")  # noqa: S608 (fixed names)
            for (text,) in cur.fetchall():
                assert word not in text, f"{view} shows {word}: {text}"
                assert "EC2V 7HH" not in text, f"{view} shows a postcode: {text}"
        cur.execute("SELECT easting, northing, latitude, longitude FROM rpt_incident "
                    "WHERE id = %s", (iid,))
        e, n, lat, lon = cur.fetchone()
        assert e % 100 == 0 and n % 100 == 0
        # The point is inside its square; the square's centre is what is shown.
        assert abs(lat - 51.5151) < 0.001 and abs(lon + 0.0931) < 0.0015
        assert (lat, lon) != (51.5151, -0.0931)
    finally:
        conn.close()


def test_dates_and_hours_are_london_ones():
    iid, _ = add_incident()
    with admin() as conn, conn.cursor() as cur:
        # 23:30 UTC on the last day of June is 00:30 BST on Wednesday 1 July.
        # (The clocks' trigger keeps a report time as made: the owner moves it.)
        cur.execute("SET session_replication_role = replica")
        cur.execute("UPDATE incident SET reported_at = '2026-06-30 23:30:00+00' "
                    "WHERE id = %s", (iid,))
        cur.execute("SELECT reported_date::text, reported_hour, reported_dow "
                    "FROM rpt_incident WHERE id = %s", (iid,))
        assert cur.fetchone() == ("2026-07-01", 0, 3)
        cur.execute("SELECT rpt_financial_year('2026-03-31'), "
                    "rpt_financial_year('2026-04-01'), rpt_financial_year('2099-05-01')")
        assert cur.fetchone() == ("2025-26", "2026-27", "2099-00")


def test_allocation_clocks_are_minutes_from_the_report():
    iid, _ = add_incident()
    with admin() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO incident_allocation (incident_id, team_id, kind, reason, "
            " location_to_confirm, triaged_at, first_action_at) "
            "SELECT i.id, t.id, 'neighbourhood', 'test', false, i.reported_at + interval '90 min', "
            " i.reported_at + interval '150 min 30 s' "
            "FROM incident i, team t JOIN agency a ON a.id = t.agency_id "
            "WHERE i.id = %s AND a.code = 'city-police' ORDER BY t.id LIMIT 1 "
            "RETURNING id", (iid,))
        aid = cur.fetchone()[0]
        cur.execute("SELECT report_to_triage_minutes, triage_to_action_minutes, "
                    "report_to_action_minutes, current FROM rpt_allocation WHERE id = %s",
                    (aid,))
        got = cur.fetchone()
    assert [float(x) for x in got[:3]] == [90.0, 60.5, 150.5] and got[3] is True


def test_row_security_is_the_readers():
    police_only = add_incident(sharing="agency")
    shared = add_incident()
    pid = add_person()
    involve(police_only[0], pid)
    for email, sees_police_only in (("supervisor@police.example", True),
                                    ("analyst@council.example", False)):
        conn, cur = as_user(email)
        try:
            got = {r[0] for r in rows(cur, "SELECT id FROM rpt_incident WHERE id IN %s",
                                      ((police_only[0], shared[0]),))}
            assert shared[0] in got
            assert (police_only[0] in got) == sees_police_only, email
            people = rows(cur, "SELECT 1 FROM rpt_incident_person WHERE incident_id = %s",
                          (police_only[0],))
            assert bool(people) == sees_police_only, email
        finally:
            conn.close()


def test_people_are_stable_pseudonyms_under_the_partnerships_key():
    pid, other = add_person(), add_person()
    first, second = add_incident(), add_incident()
    involve(first[0], pid)
    involve(second[0], pid)
    involve(second[0], other, role="subject")

    def keys(key):
        conn, cur = as_user("supervisor@police.example", key=key)
        try:
            return dict(rows(cur, "SELECT incident_id || role, person_key "
                                  "FROM rpt_incident_person WHERE incident_id IN %s",
                             ((first[0], second[0]),)))
        finally:
            conn.close()

    got = keys(KEY)
    victim = got[f"{first[0]}victim"]
    assert re.fullmatch(r"[0-9a-f]{24}", victim)
    # The same person, the same pseudonym, on every incident and every read.
    assert got[f"{second[0]}victim"] == victim
    assert got[f"{second[0]}subject"] != victim
    assert keys(KEY) == got
    # Another partnership's key gives other pseudonyms.
    assert keys(secrets.token_hex(32))[f"{first[0]}victim"] != victim
    # Without the key nothing is shown, not even ids.
    conn, cur = as_user("supervisor@police.example", key=None)
    try:
        with pytest.raises(psycopg2.Error) as e:
            cur.execute("SELECT person_key FROM rpt_incident_person WHERE incident_id = %s",
                        (first[0],))
        assert "pseudonym key is not set" in str(e.value)
    finally:
        conn.close()
