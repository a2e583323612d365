"""The immediate flags kept on each incident (README "Flags") and the ASB
Case Review prompt on the incident page (issue 9).

Incidents here are written as the database owner, as an intake would
leave them, with their people in incident_person; `concordctl flags
refresh REF` then does what the intake does after writing one: refresh it
and every incident related to it. What is checked is what staff see (the
list's tags, the incident page) and the stored columns."""
import json
import math
import os
import random
import re
import uuid
from html import unescape

import psycopg2
import pytest
import requests

from stack import CONF, URL, VAR, ctl, read_conf
from staff import as_role, csrf_of, demo_user

# Repeat-location tests place their incidents far from every other test's
# (and the demo's), each test at a spot of its own.
BASE_LON, BASE_LAT = -3.50, 52.50


def admin():
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    return conn


def spot():
    return (BASE_LON + random.uniform(-0.5, 0.5), BASE_LAT + random.uniform(-0.5, 0.5))


def metres_east(lon, lat, metres):
    return lon + metres / (111320.0 * math.cos(math.radians(lat))), lat


def add_incident(agency="city-police", sharing="partnership", days_ago=0, point=None,
                 type_code="noise", answers="{}", description="An incident for flags",
                 before=None):
    """An incident written as an intake would leave it, reported days_ago
    before now or, given `before` (an incident id), exactly that many days
    before that one. Returns (id, reference)."""
    lon, lat = point if point else (None, None)
    with admin() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO incident (reference, channel, asb_type_id, description, "
            " reported_at, location, status, answers, owning_agency_id, sharing) "
            "SELECT 'ASB-' || to_char(now(), 'YYYY') || '-' || "
            "  lpad(nextval('incident_ref_seq')::text, 6, '0'), 'police', t.id, %s, "
            "  coalesce((SELECT reported_at FROM incident WHERE id = %s), now()) "
            "  - make_interval(days => %s), "
            "  CASE WHEN %s::float8 IS NULL THEN NULL ELSE "
            "  ST_SetSRID(ST_MakePoint(%s::float8, %s::float8), 4326) END, 'open', "
            "  %s::jsonb, a.id, %s "
            "FROM asb_type t, agency a WHERE t.code = %s AND a.code = %s "
            "RETURNING id, reference",
            (description, before, days_ago, lon, lon, lat, answers, sharing, type_code, agency))
        return cur.fetchone()


def add_person(given="Alex", family="Flagtest", agency="city-police", vulnerable=False):
    with admin() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO person (owning_agency_id, given_name, family_name, vulnerable) "
            "SELECT id, %s, %s, %s FROM agency WHERE code = %s RETURNING id",
            (given, family + str(random.randint(1000, 999999)), vulnerable, agency))
        return cur.fetchone()[0]


def involve(incident_id, person_id, role="victim"):
    with admin() as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO incident_person (incident_id, person_id, role) "
                    "VALUES (%s, %s, %s)", (incident_id, person_id, role))


def refresh(*refs):
    out = ctl("flags", "refresh", *refs)
    assert out.returncode == 0, out.stderr


def stored(incident_id):
    with admin() as conn, conn.cursor() as cur:
        cur.execute("SELECT urgent, vulnerable, repeat_victim, repeat_location, "
                    "repeat_subject, hate FROM incident WHERE id = %s", (incident_id,))
        names = ("urgent", "vulnerable", "repeat_victim", "repeat_location",
                 "repeat_subject", "hate")
        return {n for n, v in zip(names, cur.fetchone()) if v}


def list_row(ref, role="police_officer", **params):
    """The tags on the incident's row of /staff/incidents, found by its
    reference."""
    r = as_role(role).get(URL + "/staff/incidents", params=dict(q=ref, **params))
    assert r.status_code == 200, r.text[:500]
    rows = [row for row in re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>",
                                      r.text, re.S) if ref in row]
    if not rows:
        return None
    return {unescape(t).strip() for t in
            re.findall(r'<strong class="govuk-tag[^"]*">([^<]*)</strong>', rows[0])}


def page(ref, role="police_officer"):
    r = as_role(role).get(URL + "/staff/incidents/" + ref)
    assert r.status_code == 200, (r.status_code, r.text[:500])
    return r.text


def test_a_victim_in_two_incidents_within_a_year_makes_both_repeat_victims():
    p = add_person()
    second = add_incident()
    first = add_incident(days_ago=365, before=second[0])
    involve(first[0], p)
    involve(second[0], p)
    refresh(second[1])
    assert "repeat_victim" in stored(first[0])
    assert "repeat_victim" in stored(second[0])
    assert "Repeat victim" in list_row(first[1])
    assert "Repeat victim" in list_row(second[1])


def flag_statements(action):
    """The flag store's statements that new sessions of db_admin's role
    (concordctl flags) ran during action(), from PostgreSQL's log."""
    log = os.path.join(VAR, "pg", "postgres.log")
    with admin() as conn, conn.cursor() as cur:
        cur.execute("SELECT current_user")
        role = cur.fetchone()[0]
        cur.execute(f'ALTER ROLE "{role}" SET log_statement = \'all\'')
    try:
        start = os.path.getsize(log)
        action()
    finally:
        with admin() as conn, conn.cursor() as cur:
            cur.execute(f'ALTER ROLE "{role}" RESET log_statement')
    with open(log, errors="replace") as f:
        f.seek(start)
        return re.findall(re.escape(role) + r"@\S+ LOG:  execute (flag_\w+)", f.read())


def test_refreshing_an_incident_and_all_its_related_ones_is_four_statements():
    """Issue 9: a report's cost is its round trips. However many incidents
    share a victim, refreshing one and its related ones reads all their
    facts in one statement and stores all changes in one (twice: the
    incident, then the related ones), not four statements for each."""
    p = add_person()
    incidents = [add_incident(days_ago=d) for d in range(6)]
    for i in incidents:
        involve(i[0], p)
    ran = flag_statements(lambda: refresh(incidents[0][1]))
    assert all("repeat_victim" in stored(i[0]) for i in incidents)
    assert len(ran) <= 4, ran


def test_a_day_more_than_a_year_apart_is_not_a_repeat():
    p = add_person()
    second = add_incident()
    first = add_incident(days_ago=366, before=second[0])
    involve(first[0], p)
    involve(second[0], p)
    refresh(second[1])
    assert "repeat_victim" not in stored(first[0])
    assert "repeat_victim" not in stored(second[0])
    assert "Repeat victim" not in list_row(second[1])


def test_the_third_incident_close_together_makes_all_three_a_repeat_location():
    lon, lat = spot()
    a = add_incident(point=(lon, lat), days_ago=80)
    refresh(a[1])
    b = add_incident(point=metres_east(lon, lat, 60), days_ago=40)
    refresh(b[1])
    # Two are not yet a pattern (repeat_location_count is 3).
    assert "repeat_location" not in stored(a[0]) | stored(b[0])
    far = add_incident(point=metres_east(lon, lat, 400))
    c = add_incident(point=metres_east(lon, lat, 90))
    refresh(far[1], c[1])
    for i in (a, b, c):
        assert "repeat_location" in stored(i[0]), i
        assert "Repeat location" in list_row(i[1])
    assert "repeat_location" not in stored(far[0])


def test_the_same_subject_in_two_incidents_is_a_repeat_subject():
    s = add_person(given="Sam")
    first = add_incident(days_ago=100)
    second = add_incident()
    involve(first[0], s, "subject")
    involve(second[0], s, "subject")
    refresh(second[1])
    assert "repeat_subject" in stored(first[0])
    assert "Repeat subject" in list_row(second[1])
    # A subject is not a victim: no repeat victim from it.
    assert "repeat_victim" not in stored(second[0])
    assert second[1] in list_row_refs(flag="repeat_subject", q=second[1])


def list_row_refs(role="police_officer", **params):
    r = as_role(role).get(URL + "/staff/incidents", params=params)
    assert r.status_code == 200, r.text[:500]
    return set(re.findall(r'href="/staff/incidents/(ASB-\d{4}-\d+)"', r.text))


def test_an_answer_that_calls_for_999_makes_it_urgent():
    said_yes = add_incident(type_code="harassment", answers='{"threats_made": {'
                            '"question": "Were threats made?", "answer": "yes", '
                            '"version": 1, "kind": "yes_no", "display": "Yes"}}')
    said_no = add_incident(type_code="harassment", answers='{"threats_made": {'
                           '"question": "Were threats made?", "answer": "no", '
                           '"version": 1, "kind": "yes_no", "display": "No"}}')
    refresh(said_yes[1], said_no[1])
    assert "urgent" in stored(said_yes[0])
    assert "urgent" not in stored(said_no[0])
    assert "Urgent" in list_row(said_yes[1])
    assert said_yes[1] in list_row_refs(flag="urgent", q=said_yes[1])
    assert said_no[1] not in list_row_refs(flag="urgent", q=said_no[1])


def test_targeted_for_who_they_are_is_hate_and_vulnerable():
    inc = add_incident()
    with admin() as conn, conn.cursor() as cur:
        cur.execute("UPDATE incident SET screening = '{\"targeted\": true, "
                    "\"repeat\": false}' WHERE id = %s", (inc[0],))
    refresh(inc[1])
    assert {"hate", "vulnerable"} <= stored(inc[0])
    assert "repeat_victim" not in stored(inc[0])
    assert {"Hate motivated", "Vulnerable victim"} <= list_row(inc[1])
    assert inc[1] in list_row_refs(flag="hate", q=inc[1])


def test_another_agencys_incident_counts_but_its_details_do_not_show():
    """The police incident is shared with nobody: the council cannot see
    it, yet its victim makes the council's incident a repeat."""
    p = add_person(agency="city-council")
    hidden = add_incident(agency="city-police", sharing="agency", days_ago=30,
                          description="Police only zqhiddendetail")
    theirs = add_incident(agency="city-council", description="Council incident")
    involve(hidden[0], p)
    involve(theirs[0], p)
    refresh(theirs[1])
    assert "repeat_victim" in stored(theirs[0])
    assert "repeat_victim" in stored(hidden[0])
    assert "Repeat victim" in list_row(theirs[1], role="council_officer")
    text = page(theirs[1], role="council_officer")
    assert hidden[1] not in text and "zqhiddendetail" not in text
    r = as_role("council_officer").get(URL + "/staff/incidents/" + hidden[1])
    assert r.status_code == 404


def test_the_fact_functions_need_an_actor():
    """Without the actor's settings the SECURITY DEFINER functions refuse:
    nothing outside a Concord transaction may read across agencies."""
    conn = psycopg2.connect(read_conf()["db"])
    try:
        with conn.cursor() as cur:
            with pytest.raises(psycopg2.Error) as e:
                cur.execute("SELECT * FROM flag_people(1)")
            assert "no actor" in str(e.value)
    finally:
        conn.close()


def told_rows(person_id):
    with admin() as conn, conn.cursor() as cur:
        cur.execute("SELECT how, note, told_by IS NOT NULL FROM case_review_notice "
                    "WHERE person_id = %s", (person_id,))
        return cur.fetchall()


def test_second_complaint_prompts_and_telling_is_recorded_and_audited():
    p = add_person(given="Robin")
    first = add_incident(days_ago=50)
    second = add_incident()
    involve(first[0], p)
    involve(second[0], p)
    refresh(second[1])
    text = page(second[1])
    name = re.search(r"Tell (Robin Flagtest\d+) about the ASB Case Review", text)
    assert name, text[:3000]
    assert "Case Review threshold met" not in text

    s = as_role("police_officer")
    # How they were told is needed; the note is kept when it is missing.
    r = s.post(URL + "/staff/incidents/%s/case-review" % second[1], data={
        "csrf": csrf_of(text), "person": str(p), "note": "Left a voicemail"})
    assert r.status_code == 400
    assert "Select how you told them about the ASB Case Review" in r.text
    assert "Left a voicemail" in r.text
    assert told_rows(p) == []

    r = s.post(URL + "/staff/incidents/%s/case-review" % second[1], data={
        "csrf": csrf_of(text), "person": str(p), "how": "phone",
        "note": "Explained how to apply"}, allow_redirects=False)
    assert r.status_code == 303, r.text[:500]
    assert told_rows(p) == [("phone", "Explained how to apply", True)]
    text = page(second[1])
    assert re.search(r"Told on \d{1,2} \w{3} \d{4} by [^<.]+\.", text)
    assert "Record that you told them" not in text
    with admin() as conn, conn.cursor() as cur:
        cur.execute("SELECT after ->> 'how' FROM audit_event WHERE entity = 'incident' "
                    "AND entity_id = %s AND action = 'case_review_told'", (str(second[0]),))
        assert cur.fetchall() == [("phone",)]


def test_third_complaint_meets_the_case_review_threshold():
    p = add_person(given="Jo")
    incidents = [add_incident(days_ago=d) for d in (120, 60, 0)]
    for i in incidents:
        involve(i[0], p)
    refresh(incidents[-1][1])
    text = unescape(page(incidents[-1][1]))
    assert "Case Review threshold met (3 complaints in 6 months)" in text


def test_complaints_outside_the_window_do_not_prompt():
    p = add_person(given="Kim")
    old = add_incident(days_ago=200)
    new = add_incident()
    involve(old[0], p)
    involve(new[0], p)
    refresh(new[1])
    assert "about the ASB Case Review" not in page(new[1])


def test_a_person_not_a_victim_here_cannot_be_recorded_as_told():
    p = add_person()
    inc = add_incident()
    involve(inc[0], p, "witness")
    text = page(inc[1])
    r = as_role("police_officer").post(URL + "/staff/incidents/%s/case-review" % inc[1],
                                       data={"csrf": csrf_of(text), "person": str(p),
                                             "how": "phone"})
    assert r.status_code == 404
    assert "That person is not a victim in this incident" in r.text
    assert told_rows(p) == []


def test_the_staff_home_lists_ones_work_with_its_flags():
    inc = add_incident(type_code="harassment", answers='{"threats_made": {'
                       '"question": "Were threats made?", "answer": "yes", '
                       '"version": 1, "kind": "yes_no", "display": "Yes"}}')
    with admin() as conn, conn.cursor() as cur:
        cur.execute("UPDATE incident SET created_by = (SELECT id FROM app_user "
                    "WHERE lower(email) = lower(%s)), updated_at = now() + interval '1 hour' "
                    "WHERE id = %s", (demo_user("police_officer")["email"], inc[0]))
    refresh(inc[1])
    r = as_role("police_officer").get(URL + "/staff")
    assert r.status_code == 200
    item = re.search(r"<li><a [^>]*>%s</a>(.*?)</li>" % inc[1], r.text, re.S)
    assert item, r.text[:3000]
    assert '<strong class="govuk-tag govuk-tag--orange">Urgent</strong>' in item.group(1)


def open311(danger, lon):
    """A report through Open311, the one intake's plainest channel. Returns
    its reference and that of the incident it made or joined."""
    with open(os.path.join(os.path.dirname(CONF), "demo-clients.json")) as f:
        key = json.load(f)["open311"]["api_key"]
    r = requests.post(URL + "/open311/v2/requests.json", data={
        "api_key": key, "service_code": "abandoned-vehicles",
        "attribute[make_and_colour]": "a red van", "attribute[days_there]": "3",
        "attribute[causing_danger]": danger, "description": "Left in the road",
        "long": "%.5f" % lon, "lat": "%.5f" % (51.5175 + random.uniform(0, 0.001)),
        "device_id": uuid.uuid4().hex})
    assert r.status_code == 200, r.text[:500]
    report = r.json()[0]["service_request_id"]
    with admin() as conn, conn.cursor() as cur:
        cur.execute("SELECT i.reference FROM report r JOIN incident i ON i.id = r.incident_id "
                    "WHERE r.reference = %s", (report,))
        return report, cur.fetchone()[0]


def test_the_intake_flags_what_a_report_says():
    """No concordctl here: the intake refreshes the flags of what it writes."""
    danger_report, danger = open311("true", -0.0905)
    safe_report, safe = open311("false", -0.0860)
    assert "Urgent" in list_row(danger)
    assert "Urgent" not in list_row(safe)
    # The staff home's newest reports carry their incident's flags.
    home = as_role("police_supervisor").get(URL + "/staff").text
    items = dict(re.findall(r'<li><a class="govuk-link" href="/staff/incidents/[^"]+">'
                            r'(ASB-\d{4}-\d+)</a>(.*?)</li>', home, re.S))
    assert "Urgent" in items[danger_report]
    assert "Urgent" not in items[safe_report]
