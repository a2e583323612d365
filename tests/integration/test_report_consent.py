"""A public report that joins another agency's incident: the reporter's
person record stays with the core partner that took the report, the police
and the council see them, and the incident's owner (here the housing
provider) sees who they are and what they told us only when they agreed to
share with partner agencies. Checked through the staff pages and in SQL as
the application's role with each agency's settings; and the duplicate
look-up itself, which sees every agency's incidents, answers only a core
partner's intake and gives only what joining needs."""
import uuid

import psycopg2
import pytest
import requests

from media import png
from staff import as_role
from test_partner_report import PARTNER, new_form, past_evidence, to_impact
from test_partner_report import submit as partner_submit
from test_segregation import app_conn, as_agency
from stack import backdate
from test_report_form import (ABOUT, IMPACT, WHEN_ONCE, WHERE, done, get, step,
                              submit, upload, vandalism_to_when)

HOUSING_AT = ("-0.0960000", "51.5195000")   # the housing provider's incident
PUBLIC_AT = ("-0.0953000", "51.5196000")    # about 50 m east


def nothing_open_near(db, point):
    """Open incidents within 500 m of the point that earlier tests or runs
    left are moved a day back, out of the window a new report joins."""
    with db.cursor() as cur:
        backdate(cur, "UPDATE incident SET reported_at = reported_at - interval '1 day' "
                    "WHERE status <> 'closed' AND reported_at > now() - interval '1 day' "
                    "AND ST_DWithin(location::geography, "
                    "ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, 500)",
                    (float(point[0]), float(point[1])))


@pytest.fixture(autouse=True)
def nothing_open_nearby(db, rds):
    """No open incident near these points, and nothing counted against
    this address."""
    nothing_open_near(db, HOUSING_AT)
    rate_counts_cleared(rds)
    yield
    rate_counts_cleared(rds)


def rate_counts_cleared(rds):
    for key in rds.scan_iter("concord:ratelimit:*"):
        rds.delete(key)


def housing_incident():
    """A vandalism incident the housing provider reports through the
    partner route, at HOUSING_AT: its reference."""
    s = new_form("partner_reporter")
    where = dict(WHERE, **{"address-line-1": "Golden Lane Estate",
                           "address-postcode": "ec1y 0rj"},
                 lon=HOUSING_AT[0], lat=HOUSING_AT[1])
    assert to_impact(s, where) == "/report/partner"
    assert past_evidence(s, step(s, "/report/partner", PARTNER)) == "/report/check"
    ref, _ = partner_submit(s)
    return ref


def public_report(share):
    """A member of the public reports vandalism at PUBLIC_AT, answering
    "may we share it with partner agencies" with `share`; returns their
    reference and what only they told us."""
    n = uuid.uuid4().int
    tag = "".join(chr(ord("a") + (n >> (4 * i)) % 16) for i in range(8))
    mine = {"given": "Perpetua" + tag, "family": "Quill" + tag,
            "email": "perpetua.%s@example.org" % tag, "phone": "07700 9%05d" % (n % 100000),
            "impact": "My children are scared to walk past, %s." % tag}
    s = requests.Session()
    vandalism_to_when(s)
    assert step(s, "/report/when", WHEN_ONCE) == "/report/where"
    assert step(s, "/report/where", dict(WHERE, lon=PUBLIC_AT[0], lat=PUBLIC_AT[1])) \
        == "/report/impact"
    assert step(s, "/report/impact", dict(IMPACT, impact=mine["impact"])) \
        == "/report/about-you"
    # The question says plainly who sees what either way.
    hint = get(s, "/report/about-you").text
    assert "The police and the council see your report and your details whatever " \
        "you answer. Housing providers and other partners" in hint
    about = dict(ABOUT, **{"given-name": mine["given"], "family-name": mine["family"],
                           "email": mine["email"], "phone": mine["phone"],
                           "share": share})
    assert step(s, "/report/about-you", about) == "/report/evidence"
    # A photo too: the files of a report that joins go with the incident.
    upload(s, [("stairwell.png", png(), "image/png")], action="more")
    assert upload(s).headers["Location"] == "/report/check"
    r, _, _ = submit(s)
    assert r.status_code == 303, r.text[:500]
    ref, _, _ = done(s)
    return ref, mine


def read_as(code, sql, arg):
    """The first column of the first row the application's role reads with
    the agency's settings (person.view on), or None."""
    conn = app_conn()
    try:
        with conn.cursor() as cur:
            as_agency(cur, code)
            cur.execute(sql, (arg,))
            row = cur.fetchone()
        conn.rollback()
    finally:
        conn.close()
    return row[0] if row else None


def person_seen(code, email):
    return read_as(code, "SELECT email FROM person WHERE email = %s", email) is not None


def report_seen(code, ref):
    """The report's impact answer as the agency reads it: None when the
    report is not theirs to see."""
    return read_as(code, "SELECT impact->>'impact' FROM report WHERE reference = %s", ref)


@pytest.mark.parametrize("share", ["no", "yes"])
def test_a_public_report_joining_a_housing_incident_shares_only_by_consent(share, db):
    incident = housing_incident()
    ref, mine = public_report(share)
    with db.cursor() as cur:
        cur.execute("SELECT i.reference, ra.code, pa.code, p.share_consent, "
                    "to_char(r.occurred_at AT TIME ZONE 'Europe/London', "
                    "'YYYY-MM-DD HH24:MI'), ST_X(r.location), r.address "
                    "FROM report r JOIN incident i ON i.id = r.incident_id "
                    "JOIN agency ra ON ra.id = r.owning_agency_id "
                    "JOIN person p ON p.id = r.reporter_id "
                    "JOIN agency pa ON pa.id = p.owning_agency_id WHERE r.reference = %s",
                    (ref,))
        joined, report_owner, person_owner, consent, when, lon, address = cur.fetchone()
    assert joined == incident, "the public report joins the housing provider's incident"
    # It keeps its own time and place, not the incident's.
    assert when == "2026-11-03 22:15" and lon == pytest.approx(float(PUBLIC_AT[0]))
    assert WHERE["address-line-1"] in address
    with db.cursor() as cur:
        cur.execute("SELECT i.reference FROM evidence e JOIN incident i ON i.id = e.incident_id "
                    "WHERE e.report_reference = %s", (ref,))
        assert cur.fetchall() == [(incident,)]
    # Both stay with the core partner that took the report.
    assert report_owner == person_owner == "city-council"
    assert consent is (share == "yes")

    secrets = [mine["given"], mine["family"], mine["email"], mine["impact"]]
    housing = get(as_role("partner_reporter"), "/staff/incidents/" + incident).text
    if share == "yes":
        for s in secrets:
            assert s in housing, s
    else:
        for s in secrets:
            assert s not in housing, s
    # The police and the council see the reporter whatever they answered.
    for role in ("police_officer", "council_officer"):
        page = get(as_role(role), "/staff/incidents/" + incident).text
        for s in secrets:
            assert s in page, (role, s)

    # Row security says the same, whatever the C code does.
    assert person_seen("hackney-homes", mine["email"]) is (share == "yes")
    assert (report_seen("hackney-homes", ref) == mine["impact"]) is (share == "yes")
    for code in ("city-police", "city-council"):
        assert person_seen(code, mine["email"]), code
        assert report_seen(code, ref) == mine["impact"], code


def test_the_duplicate_look_up_answers_only_a_core_partners_intake(db):
    """report_duplicate_of() sees every agency's open incidents: without
    settings, or as a non-core agency, it refuses; radius and window are
    its own; it gives the incident's id and owner, and whether the
    report's triage answers add to the incident's and its flags (0038),
    nothing more."""
    housing = housing_incident()
    lookup = ("SELECT * FROM report_duplicate_of((SELECT id FROM asb_type "
              "WHERE code = 'vandalism'), %s, %s, '{}')")
    point = (float(PUBLIC_AT[0]), float(PUBLIC_AT[1]))
    for settings in (None, "hackney-homes"):
        conn = app_conn()
        try:
            with conn.cursor() as cur:
                if settings:
                    as_agency(cur, settings)
                with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                    cur.execute(lookup, point)
        finally:
            conn.close()
    conn = app_conn()
    try:
        with conn.cursor() as cur:
            as_agency(cur, "city-council")
            # The caller cannot widen the radius or the window.
            with pytest.raises(psycopg2.errors.UndefinedFunction):
                cur.execute("SELECT * FROM report_duplicate_of(1, %s, %s, '{}', 100000, "
                            "100000000)", point)
            conn.rollback()
            as_agency(cur, "city-council")
            cur.execute(lookup, point)
            assert [d.name for d in cur.description] == ["incident_id", "owner", "adds",
                                                         "flags"]
            rows = cur.fetchall()
            cur.execute("SELECT i.id, i.owning_agency_id, triage_or(i.report_triage, '{}') "
                        "IS DISTINCT FROM i.report_triage, incident_flag_letters(i) "
                        "FROM incident i WHERE i.reference = %s", (housing,))
            assert rows == [cur.fetchone()]
            # 400 m away is beyond its radius.
            cur.execute(lookup, (point[0], point[1] + 0.0036))
            assert cur.fetchall() == []
        conn.rollback()
        # Reported 3 hours ago is beyond its window.
        with db.cursor() as admin:
            backdate(admin, "UPDATE incident SET reported_at = now() - interval '3 hours' "
                          "WHERE reference = %s", (housing,))
        with conn.cursor() as cur:
            as_agency(cur, "city-council")
            cur.execute(lookup, point)
            assert cur.fetchall() == []
        conn.rollback()
    finally:
        conn.close()
