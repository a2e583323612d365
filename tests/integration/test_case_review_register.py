"""The ASB Case Review register (README "The ASB Case Review"): an
application staff take by phone (its reference, its milestones due on
working days that skip the bank holidays, its audit row), the threshold
decision and the milestones after it, the review held, an overdue
milestone in case_work for the co-ordinator team (and not for an agency
that may not see the register), the links, and who may do what. The
public online route is tested by its own files (test_case_review_online)."""
import datetime as dt
import re
from html import unescape

import psycopg2
import requests

from stack import URL, read_conf
from staff import as_role, csrf_of, demo_user
from test_flags import add_incident, add_person, involve
from test_intake import one

REF = re.compile(r"CR-\d{4}-\d{4,}")


def rows(db, sql, *args):
    with db.cursor() as c:
        c.execute(sql, args)
        return c.fetchall()


def holidays(db):
    return {r[0] for r in rows(db, "SELECT day FROM bank_holiday "
                                   "WHERE region = 'england-and-wales'")}


def working_days_after(db, start, n):
    """The n-th working day after start, counted by hand over the table."""
    off = holidays(db)
    d = start
    while n > 0:
        d += dt.timedelta(days=1)
        if d.weekday() < 5 and d not in off:
            n -= 1
    return d


def london_today(db):
    return one(db, "SELECT (now() AT TIME ZONE 'Europe/London')::date")[0]


def milestones(db, ref):
    return dict(rows(db, "SELECT m.kind, m.due_on FROM case_review_milestone m "
                         "JOIN case_review_application a ON a.id = m.application_id "
                         "WHERE a.reference = %s", ref))


def done(db, ref):
    return {k for (k,) in rows(db, "SELECT m.kind FROM case_review_milestone m "
                                   "JOIN case_review_application a ON a.id = m.application_id "
                                   "WHERE a.reference = %s AND m.done_at IS NOT NULL", ref)}


def step(s, path, status=303, **data):
    page = s.get(URL + path)
    assert page.status_code == 200, (path, page.status_code, page.text[:500])
    r = s.post(URL + path, data={"csrf": csrf_of(page.text), **data},
               allow_redirects=False)
    assert r.status_code == status, (path, r.status_code, r.text[:800])
    return r


def staff_apply(s, status=303, **over):
    form = {"channel": "phone", "received-day": "", "received-month": "",
            "received-year": "", "applicant-name": "Pat Phone", "applicant-phone":
            "07700 900123", "on-behalf": "no", "behaviour": "Drug dealing on the stairs",
            "reported-to": "Housing, twice"}
    form.update(over)
    page = s.get(URL + "/staff/case-review/new")
    assert page.status_code == 200
    r = s.post(URL + "/staff/case-review", data={"csrf": csrf_of(page.text), **form},
               allow_redirects=False)
    assert r.status_code == status, (r.status_code, r.text[:800])
    return r


def staff_ref(r):
    m = re.fullmatch(r"/staff/case-review/(CR-\d{4}-\d{4,})", r.headers["Location"])
    assert m, r.headers["Location"]
    return m.group(1)


def version(html):
    return re.search(r'name="version" value="(\d+)"', html).group(1)


def post_form(s, ref, path, status=303, **data):
    page = s.get(f"{URL}/staff/case-review/{ref}")
    assert page.status_code == 200, page.text[:500]
    data.setdefault("version", version(page.text))
    r = s.post(f"{URL}/staff/case-review/{ref}/{path}",
               data={"csrf": csrf_of(page.text), **data}, allow_redirects=False)
    assert r.status_code == status, (path, r.status_code, r.text[:800])
    return r


def test_staff_phone_application_skips_easter(db):
    s = as_role("council_manager")
    bad = staff_apply(s, status=400, **{"applicant-name": "", "received-day": "31",
                                        "received-month": "2", "received-year": "2026"})
    assert "There is a problem" in bad.text and "must be a real date" in bad.text
    assert "Drug dealing on the stairs" in bad.text
    assert 'id="applicant-name-error"' in bad.text and 'id="received-day-error"' in bad.text
    # Received on the Wednesday before Good Friday 2026: Good Friday and
    # Easter Monday are not working days.
    r = staff_apply(s, **{"received-day": "1", "received-month": "4", "received-year": "2026"})
    ref = staff_ref(r)
    assert ref.startswith("CR-2026-")
    ms = milestones(db, ref)
    assert ms["acknowledge"] == dt.date(2026, 4, 8)
    assert ms["decide"] == working_days_after(db, dt.date(2026, 4, 1), 14) == dt.date(2026, 4, 23)
    row = one(db, "SELECT a.channel, u.email, t.code, "
                  "(a.received_at AT TIME ZONE 'Europe/London')::date "
                  "FROM case_review_application a JOIN app_user u ON u.id = a.received_by "
                  "LEFT JOIN team t ON t.id = a.team_id WHERE a.reference = %s", ref)
    assert row == ("phone", demo_user("council_manager")["email"], "community-safety",
                   dt.date(2026, 4, 1))
    audit = one(db, "SELECT u.email, e.after->>'channel' FROM audit_event e "
                    "JOIN app_user u ON u.id = e.actor_id WHERE e.entity = 'case_review' "
                    "AND e.action = 'create' AND e.after->>'reference' = %s", ref)
    assert audit == (demo_user("council_manager")["email"], "phone")
    page = s.get(f"{URL}/staff/case-review/{ref}")
    assert page.status_code == 200
    assert "Pat Phone" in page.text and "8 April 2026" in page.text
    assert "Overdue" in page.text      # long past
    register = s.get(URL + "/staff/case-review", params={"status": "received"})
    assert ref in register.text
    assert s.get(URL + "/staff/case-review", params={"status": "bogus"}).status_code == 400


def test_decision_milestones_and_review(db):
    s = as_role("council_manager")
    ref = staff_ref(staff_apply(s, channel="paper"))
    today = london_today(db)
    # Reasons are required; what was typed comes back.
    r = post_form(s, ref, "decision", status=400, met="yes", complaints="3", reasons="")
    assert "Enter the reasons for the decision" in r.text and 'value="3"' in r.text
    assert 'id="reasons-error"' in r.text      # beside the field too
    # A stale form: someone else changed it first.
    post_form(s, ref, "milestones/acknowledge", note="Letter sent")
    r = post_form(s, ref, "decision", status=409, met="yes", complaints="3",
                  reasons="Three complaints", version="1")
    assert "changed by someone else" in r.text
    post_form(s, ref, "decision", met="yes", complaints="3",
              reasons="Three qualifying complaints in six months")
    ms = milestones(db, ref)
    review = today + dt.timedelta(days=21)      # calendar days from the decision
    assert ms["review"] == review
    assert ms["recommendations"] == working_days_after(db, review, 10)
    assert ms["outcome_letter"] == working_days_after(db, review, 5)
    assert done(db, ref) == {"acknowledge", "decide"}
    assert one(db, "SELECT status, threshold_met, complaints FROM case_review_application "
                   "WHERE reference = %s", ref) == ("threshold_met", True, 3)
    # Decided once.
    r = post_form(s, ref, "decision", status=409, met="no", complaints="1", reasons="Again")
    # The review held today: the letters count from it.
    post_form(s, ref, "review", **{"held-day": str(today.day), "held-month": str(today.month),
                                   "held-year": str(today.year), "invited": "yes",
                                   "recommendations": "yes", "outcome": "An action plan agreed"})
    ms = milestones(db, ref)
    assert ms["outcome_letter"] == working_days_after(db, today, 5)
    post_form(s, ref, "milestones/outcome_letter", note="Posted first class")
    ms = milestones(db, ref)
    assert ms["appeal"] == working_days_after(db, today, 15)
    assert done(db, ref) == {"acknowledge", "decide", "review", "outcome_letter"}
    post_form(s, ref, "milestones/appeal", note="No appeal")
    app = one(db, "SELECT status, victim_invited, recommendations, outcome, "
                  "(review_held_at AT TIME ZONE 'Europe/London')::date "
                  "FROM case_review_application WHERE reference = %s", ref)
    assert app == ("closed", True, True, "An action plan agreed", today)
    actions = [a for (a,) in rows(db, "SELECT e.action FROM audit_event e "
                                      "JOIN case_review_application a ON e.entity_id = a.id::text "
                                      "WHERE e.entity = 'case_review' AND a.reference = %s "
                                      "AND e.action <> 'view' ORDER BY e.id", ref)]
    assert actions == ["create", "milestone_done", "decide", "review_held",
                       "milestone_done", "milestone_done"]
    page = s.get(f"{URL}/staff/case-review/{ref}").text
    assert "Threshold met" in page and "Posted first class" in page


def test_threshold_not_met_needs_the_outcome_letter(db):
    s = as_role("police_supervisor")
    ref = staff_ref(staff_apply(s, channel="in_person"))
    post_form(s, ref, "decision", met="no", complaints="1", reasons="One complaint only")
    ms = milestones(db, ref)
    assert set(ms) == {"acknowledge", "decide", "outcome_letter"}
    assert ms["outcome_letter"] == working_days_after(db, london_today(db), 5)
    # A review is not held for an application that did not meet it.
    post_form(s, ref, "review", status=400, **{"held-day": "", "held-month": "",
                                               "held-year": "", "outcome": ""})


def test_overdue_milestone_is_case_work_for_the_coordinator_team(db):
    s = as_role("council_manager")
    ref = staff_ref(staff_apply(s, **{"received-day": "5", "received-month": "1",
                                      "received-year": "2026"}))
    app_id, team_id, agency_id = one(
        db, "SELECT id, team_id, agency_id FROM case_review_application WHERE reference = %s", ref)
    work = rows(db, "SELECT kind, label, due_at < now(), user_id, team_id, agency_id, path "
                    "FROM case_work WHERE application_id = %s ORDER BY due_at", app_id)
    assert work[0] == ("milestone", f"Acknowledge Case Review application {ref}", True,
                       None, team_id, agency_id, f"/staff/case-review/{ref}")
    assert len(work) == 2       # acknowledge and decide, both overdue
    # Due at the end of the due day in London: 8 January 2026 (Thursday).
    assert one(db, "SELECT due_at FROM case_work WHERE application_id = %s "
                   "ORDER BY due_at LIMIT 1", app_id)[0] == \
        dt.datetime(2026, 1, 9, tzinfo=dt.timezone.utc)
    page = s.get(URL + "/staff/case-review").text
    assert f"Acknowledge Case Review application {ref}" in page
    assert ref in s.get(URL + "/staff/case-review", params={"overdue": "1"}).text
    # Row security reads case_work as the web role: the register is the
    # core partners' and the receiving agency's, not a housing provider's.
    conn = psycopg2.connect(read_conf()["db"])
    try:
        with conn.cursor() as c:
            for code, seen in (("city-council", 2), ("city-police", 2), ("hackney-homes", 0)):
                c.execute("SELECT set_config('concord.agency_id', id::text, true), "
                          "set_config('concord.user_id', '0', true) FROM agency "
                          "WHERE code = %s", (code,))
                c.execute("SELECT count(*) FROM case_work WHERE application_id = %s", (app_id,))
                assert c.fetchone()[0] == seen, code
                conn.rollback()
    finally:
        conn.close()
    # Marked done, it leaves the queue.
    post_form(s, ref, "milestones/acknowledge", note="")
    assert len(rows(db, "SELECT 1 FROM case_work WHERE application_id = %s", app_id)) == 1


def test_links_to_a_victim_and_a_case_are_checked(db):
    s = as_role("council_manager")
    ref = staff_ref(staff_apply(s))
    r = post_form(s, ref, "link", status=400, person="", case="CASE-2026-999999")
    assert "no such person or case" in r.text
    r = post_form(s, ref, "link", status=400, person="abc", case="")
    assert "number, like 1234" in r.text


def test_only_case_review_managers_use_the_register(db):
    for role in ("police_officer", "council_officer", "call_handler", "analyst"):
        s = as_role(role)
        assert s.get(URL + "/staff/case-review").status_code == 403, role
        assert s.get(URL + "/staff/case-review/new").status_code == 403, role
    anon = requests.Session()
    assert anon.get(URL + "/staff/case-review", allow_redirects=False).status_code == 401
    s = as_role("council_manager")
    assert s.get(URL + "/staff/case-review/CR-2026-99999").status_code == 404


def test_the_decision_counts_the_linked_victims_complaints_across_agencies(db):
    """Linking the victim fills the decision in with the one Case Review
    rule's count (domain/case_review_rule.c), across agencies: here three
    complaints in the six months before the application, one of them to the
    council, and one more made seven weeks after its behaviour, which is not
    counted."""
    p = add_person(given="Casey")
    made = [add_incident(days_ago=100), add_incident(agency="city-council", days_ago=50),
            add_incident(days_ago=10), add_incident(days_ago=5)]
    for i, _ in made:
        involve(i, p)
    with db.cursor() as c:
        c.execute("UPDATE incident SET occurred_at = reported_at - interval '50 days' "
                  "WHERE id = %s", (made[3][0],))
    s = as_role("council_manager")
    ref = staff_ref(staff_apply(s))
    text = unescape(s.get(f"{URL}/staff/case-review/{ref}").text)
    assert "Link the victim below to count their qualifying complaints" in text
    post_form(s, ref, "link", person=str(p), case="")
    text = unescape(s.get(f"{URL}/staff/case-review/{ref}").text)
    assert re.search(r"Counted automatically for Casey Flagtest\d+, across every agency: "
                     r"<strong>3 qualifying complaints</strong>", text), text[:4000]
    assert "The threshold is met: qualifying complaints." in text
    assert 'id="complaints" name="complaints" type="text" inputmode="numeric" value="3"' in text
    # Every complaint is listed, the council's by its reference too (a core
    # partner sees it), and the late one says why it was not counted.
    for _, incident_ref in made:
        assert incident_ref in text
    assert "City of London Corporation" in text
    assert "more than a month after the behaviour" in text
