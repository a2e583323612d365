"""A public report that joins an open incident (sql/migrations/0035_join_cost.sql):
it adds the flags it raises itself instead of working every flag out again,
what the incident's reports said is kept on the incident (report_triage),
the provisional score is read again only when that changes, and the whole
report takes two statements between BEGIN and COMMIT."""
import psycopg2
import psycopg2.errors
import pytest
import requests

from stack import URL, ctl
from test_flags import refresh, stored
from test_report_cost import statements_of
from test_report_dedup import _csrf, quiet_near
from test_report_form import ABOUT, IMPACT, WHERE, done, to_check
from test_report_submit import check_form

# Inside the City, by Bank (test_report_dedup's Guildhall is 500 m
# north-west).
HERE = ("-0.0880000", "51.5125000")
NEAR = ("-0.0876000", "51.5127000")     # about 35 m away

NO = {"impact": "It keeps us awake.", "feels-unsafe": "no", "vulnerable": "no",
      "targeted": "no", "happened-before": "no"}


@pytest.fixture(autouse=True)
def quiet_here(rds, db):
    """No open incident near HERE that a report could join, and nothing
    counted against this address."""
    quiet_near(db, HERE)
    yield
    for key in rds.scan_iter("concord:ratelimit:*"):
        rds.delete(key)


def report(point, impact=NO, noise=True, watch=False):
    """A report through the form at point: noise (its second answer is the
    one that calls for 999) or gatherings. Returns its reference, and with
    watch the statements concord_app ran for the submit."""
    s = requests.Session()
    to_check(s, ABOUT, noise, impact)
    where = dict(WHERE, lon=point[0], lat=point[1])
    r = s.post(URL + "/report/where", data=dict(where, csrf=_csrf(s, "/report/where")),
               allow_redirects=False)
    assert r.status_code == 303, r.text[:500]
    form, sent = check_form(s), []
    send = lambda: sent.append(s.post(URL + "/report/submit", data=form,  # noqa: E731
                                      allow_redirects=False))
    ran = statements_of(send) if watch else send()
    r = sent[0]
    assert r.status_code == 303 and r.headers["Location"] == "/report/done", (
        r.status_code, r.headers.get("Location"))
    ref, _, _ = done(s)
    return (ref, ran) if watch else ref


def incident(db, ref):
    with db.cursor() as cur:
        cur.execute("SELECT i.id, i.reference, i.report_triage, i.provisional_score, "
                    "i.provisional_level FROM report r JOIN incident i "
                    "ON i.id = r.incident_id WHERE r.reference = %s", (ref,))
        return cur.fetchone()


def said(db, incident_id):
    """What the incident's reports said, worked out here from each report."""
    out = {}
    with db.cursor() as cur:
        cur.execute("SELECT impact FROM report WHERE incident_id = %s", (incident_id,))
        for (impact,) in cur.fetchall():
            for k, v in impact.items():
                if isinstance(v, bool):
                    out[k] = out.get(k, False) or v
    return out


def test_a_report_that_joins_flags_its_incident_as_a_full_refresh_would(db):
    first = report(HERE, NO)
    inc = incident(db, first)
    assert not stored(inc[0]) & {"vulnerable", "hate", "repeat_victim"}
    second = report(NEAR, dict(NO, targeted="yes", **{"happened-before": "yes"}))
    assert incident(db, second)[0] == inc[0], "the second report joins the first's incident"
    joined = stored(inc[0])
    # What it said itself: a 999 answer, targeted for who they are, and it
    # happened before.
    assert {"urgent", "vulnerable", "hate", "repeat_victim"} <= joined, joined
    # The flags worked out from every fact again are the same.
    refresh(inc[1])
    assert stored(inc[0]) == joined


def test_report_triage_is_what_its_reports_said_and_the_score_follows_it(db):
    first = report(HERE, NO, noise=False)
    inc = incident(db, first)
    assert inc[2] == said(db, inc[0]) == {"feels_unsafe": False, "vulnerable": False,
                                          "targeted": False, "happened_before": False,
                                          "at_risk": False, "for_someone_else": False}
    score = inc[3]
    # The same again: nothing new said, the score is not read again.
    again, ran = report(NEAR, NO, noise=False, watch=True)
    assert incident(db, again)[0] == inc[0]
    assert not [s for s in ran if "risk_questionnaire" in s or "flag_facts" in s], ran
    assert incident(db, again)[2:4] == (inc[2], score)
    # Someone who feels unsafe: said, and the score goes up by its weight.
    unsafe, ran = report(NEAR, dict(NO, **{"feels-unsafe": "yes"}), noise=False, watch=True)
    now = incident(db, unsafe)
    assert now[0] == inc[0]
    assert now[2] == said(db, inc[0]) and now[2]["feels_unsafe"] is True, now[2]
    assert [s for s in ran if "risk_questionnaire" in s], ran
    assert now[3] > score, (now[3], score)
    # As every incident's score worked out again from the start gives it.
    out = ctl("risk", "provisional")
    assert out.returncode == 0, out.stderr
    assert incident(db, unsafe)[3:5] == now[3:5]


def test_a_report_that_joins_takes_two_statements_in_its_transaction(db):
    report(HERE, IMPACT)
    ref, ran = report(NEAR, IMPACT, watch=True)
    assert incident(db, ref)[1] != ref, "it joined"
    begin, commit = ran.index("BEGIN"), ran.index("COMMIT")
    inside = ran[begin + 1:commit]
    # The place, owner, earlier report, lock and look-up; the reporter,
    # report and part with the audit rows and mail. Its flags were the
    # incident's already: nothing to add.
    assert [s.split(" (", 1)[0] for s in inside] == ["WITH loc", "WITH p AS"], inside
    assert "INSERT INTO audit_event" in inside[1] and "INSERT INTO outbox" in inside[1]
    # Before it: the type and questions, once at most (none when this
    # worker kept them: the place's statement checks they are current).
    assert len(ran[:begin]) <= 1, ran
    assert all("FROM asb_type t LEFT JOIN question q" in s for s in ran[:begin]), ran
    assert "catalogue_version" in inside[0], inside[0]


def test_the_begin_statement_makes_the_owner_the_actor_before_it_looks(db):
    """report_begin's parts run in order: the duplicate look-up, which
    answers only a core partner's settings, runs after the owner is made
    the actor in the same statement (else every joining report would fail)."""
    first = report(HERE, NO, noise=False)
    second = report(NEAR, NO, noise=False)
    assert incident(db, first)[0] == incident(db, second)[0]
    with db.cursor() as cur:
        cur.execute("SELECT r.owning_agency_id, p.owning_agency_id, a.core_partner "
                    "FROM report r JOIN person p ON p.id = r.reporter_id "
                    "JOIN agency a ON a.id = r.owning_agency_id WHERE r.reference = %s",
                    (second,))
        owner, person_owner, core = cur.fetchone()
    assert owner == person_owner and core


def test_only_a_report_of_this_transaction_can_add_its_triage_or_flags(db):
    """report_triage_add is a definer (the reporter's agency may not be one
    that may change the incident it joins), so it takes only a report the
    calling transaction inserted: the web role cannot rewrite what another
    report said on any incident."""
    from test_segregation import app_conn, as_agency
    ref = report(HERE, IMPACT)
    with db.cursor() as cur:
        cur.execute("SELECT r.id, i.report_triage FROM report r JOIN incident i "
                    "ON i.id = r.incident_id WHERE r.reference = %s", (ref,))
        report_id, before = cur.fetchone()
    conn = app_conn()
    try:
        with conn.cursor() as cur:
            as_agency(cur, "city-council")
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                cur.execute("SELECT report_triage_add(%s)", (report_id,))
            conn.rollback()
            as_agency(cur, "city-council")
            # Nor the flags (flag_add takes the report too).
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                cur.execute("SELECT flag_add(%s, true, true, true, true, true, true)",
                            (report_id,))
    finally:
        conn.close()
    assert incident(db, ref)[2] == before
    with db.cursor() as cur:
        cur.execute("SELECT i.urgent AND i.vulnerable AND i.repeat_victim AND i.hate "
                    "FROM report r JOIN incident i ON i.id = r.incident_id "
                    "WHERE r.reference = %s", (ref,))
        assert cur.fetchone()[0] is False
