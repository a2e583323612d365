"""Victim contact and supervisor reviews on a monitored case (README
"Victim contact and supervisor reviews"): a victim's contact plan and a
contact recorded moving the next contact due, an overdue contact on the
lead's case work, a supervisor's review (refused to an officer), the
cadence taken again from the opening when the risk level changes, a victim
shown as "Victim 1" to an agency without their consent, and the case work
views read as the person asking.

These tests make
their cases as db_admin against the 0049 schema (make_case)."""
import os
import re
import signal
import uuid
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import psycopg2
import requests

from stack import URL, children, read_conf, read_pid, wait_for
from staff import as_role, csrf_of

LONDON = ZoneInfo("Europe/London")


def one(db, sql, *args):
    with db.cursor() as c:
        c.execute(sql, args)
        return c.fetchone()


def rows(db, sql, *args):
    with db.cursor() as c:
        c.execute(sql, args)
        return c.fetchall()


def today():
    return datetime.now(LONDON).date()


def day_end(d):
    """The moment a London day ends (when what is due on it is overdue)."""
    return datetime.combine(d + timedelta(days=1), time(0), LONDON).astimezone(timezone.utc)


def words(d):
    return f"{d.day} {d.strftime('%B')} {d.year}"


def make_case(db, risk="standard", opened_days_ago=0, victims=(("Vic", "Tim"),),
              lead="officer@police.example", shared_with=()):
    """A case led by `lead`'s agency and team, opened that many days ago,
    with one victim per (given, family) name. (reference, case id,
    [person ids])."""
    uid, agency, team = one(db, "SELECT id, agency_id, team_id FROM app_user "
                                "WHERE email = %s", lead)
    shared = [one(db, "SELECT id FROM agency WHERE code = %s", code)[0] for code in shared_with]
    ref = "CASE-%d-%06d" % (today().year, one(db, "SELECT nextval('monitored_case_number')")[0])
    cid = one(db, "INSERT INTO monitored_case (reference, title, origin, lead_agency_id, "
                  "lead_user_id, lead_team_id, risk_level, opened_at, opened_by, shared_with) "
                  "VALUES (%s, %s, 'incidents', %s, %s, %s, %s, "
                  "now() - make_interval(days => %s), %s, %s::bigint[]) RETURNING id",
              ref, "Noise at Moorgate " + uuid.uuid4().hex[:6], agency, uid, team, risk,
              opened_days_ago, uid, shared)[0]
    for a in shared:
        one(db, "INSERT INTO case_agency (case_id, agency_id, added_by) VALUES (%s, %s, %s) "
                "RETURNING 1", cid, a, uid)
    people = []
    for given, family in victims:
        pid = one(db, "INSERT INTO person (owning_agency_id, given_name, family_name, phone) "
                      "VALUES (%s, %s, %s, '07700 900123') RETURNING id", agency, given, family)[0]
        one(db, "INSERT INTO case_person (case_id, person_id, role, added_by) "
                "VALUES (%s, %s, 'victim', %s) RETURNING 1", cid, pid, uid)
        people.append(pid)
    return ref, cid, people


def get(session, path, status=200):
    r = session.get(URL + path)
    assert r.status_code == status, (r.status_code, r.text[:800])
    return r.text


def post(session, path, data, status=303, form=None):
    """POSTs data with the CSRF token of the form page (form: its path)."""
    page = session.get(URL + (form or path))
    assert page.status_code == 200, (page.status_code, page.text[:500])
    r = session.post(URL + path, data={"csrf": csrf_of(page.text), **data},
                     allow_redirects=False)
    assert r.status_code == status, (r.status_code, r.text[:1500])
    return r


def date_fields(prefix, d):
    return {f"{prefix}-day": str(d.day), f"{prefix}-month": str(d.month),
            f"{prefix}-year": str(d.year)}


def next_due_text(html, attr):
    m = re.search(attr + r">([^<]+)", html)
    assert m, html[:3000]
    return m.group(1).strip()


def app_rows(db, sql, email, *args):
    """Rows of sql as concord_app acting for the user with that email."""
    uid, agency = one(db, "SELECT id, agency_id FROM app_user WHERE email = %s", email)
    conn = psycopg2.connect(read_conf()["db"])
    try:
        with conn.cursor() as c:
            c.execute("SELECT set_config('concord.user_id', %s, true), "
                      "set_config('concord.agency_id', %s, true), "
                      "set_config('concord.person_view', '1', true)", (str(uid), str(agency)))
            c.execute(sql, args)
            return c.fetchall()
    finally:
        conn.rollback()
        conn.close()


def contact_work(db, cid, email="officer@police.example"):
    """The case's contact work as the lead officer reads case_work."""
    return app_rows(db, "SELECT label, due_at, user_id, team_id, agency_id, path "
                        "FROM case_work WHERE case_id = %s AND kind = 'contact'", email, cid)


def review_work(db, cid, email="officer@police.example"):
    return app_rows(db, "SELECT label, due_at, user_id, team_id, agency_id, path "
                        "FROM case_work WHERE case_id = %s AND kind = 'review'", email, cid)


def test_contact_plan_then_a_contact_moves_the_next_due(db):
    officer = as_role("police_officer")
    ref, cid, (pid,) = make_case(db)
    base = f"/staff/cases/{ref}/contact"
    html = get(officer, base)
    assert "Vic Tim" in html and "No contact plan agreed yet" in html
    assert 'aria-current="page">Victim contact' in html

    # A plan from 20 days ago, every 14 days by phone: the first contact
    # was due on its start, so it is 20 days overdue.
    start = today() - timedelta(days=20)
    post(officer, f"{base}/{pid}/plan", {"plan": "0", "every": "14", "method": "phone",
                                          **date_fields("starts", start)})
    html = get(officer, base)
    assert "Every 14 days by phone" in html
    assert next_due_text(html, "data-next-due") == words(start)
    assert "Overdue by 20 days" in html
    (label, due_at, user_id, team_id, agency_id, path), = contact_work(db, cid)
    lead, team, agency = one(db, "SELECT lead_user_id, lead_team_id, lead_agency_id "
                                 "FROM monitored_case WHERE id = %s", cid)
    assert (label, user_id, team_id, agency_id, path) == (
        "Contact Vic Tim by phone", lead, team, agency, base)
    assert due_at == day_end(start) and due_at < datetime.now(timezone.utc)

    # A contact today, consulted on the action plan: next due in 14 days.
    post(officer, f"{base}/{pid}/log", {
        "method": "phone", "outcome": "spoke", "told": "Warning letter sent.\nPatrols weekly.",
        "consulted": "yes", "contacted-time": "", **date_fields("contacted", today())})
    html = get(officer, base)
    nxt = today() + timedelta(days=14)
    assert next_due_text(html, "data-next-due") == words(nxt)
    assert "Overdue" not in html
    assert "Warning letter sent." in html and ">Spoke to them<" in html and ">By phone<" in html
    assert re.search(r"Consulted on the action plan</dt><dd[^>]*>Yes", html)
    (label, due_at, *_), = contact_work(db, cid)
    assert due_at == day_end(nxt)
    # Audited on the case, and on its timeline naming the victim.
    acts = [a for (a,) in rows(db, "SELECT action FROM audit_event WHERE entity = "
                                   "'monitored_case' AND entity_id = %s ORDER BY id", str(cid))]
    assert "contact_plan" in acts and "contact" in acts
    events = rows(db, "SELECT kind, summary, personal FROM case_event WHERE case_id = %s "
                      "ORDER BY id", cid)
    assert [e[0] for e in events] == ["contact_plan", "contact"]
    assert all(e[2] for e in events) and "Vic Tim" in events[1][1]
    assert "consulted on the action plan" in events[1][1]


def test_overdue_contact_is_on_the_leads_case_work_only(db):
    ref, cid, (pid,) = make_case(db)
    officer = as_role("police_officer")
    post(officer, f"/staff/cases/{ref}/contact/{pid}/plan", {
        "plan": "0", "every": "other", "every-days": "10", "method": "in_person",
        **date_fields("starts", today() - timedelta(days=3))})
    lead = one(db, "SELECT id FROM app_user WHERE email = 'officer@police.example'")[0]
    (label, due_at, user_id, *_), = contact_work(db, cid)
    assert label == "Contact Vic Tim by visiting in person" and user_id == lead
    assert due_at < datetime.now(timezone.utc)
    # The supervisor of the same team sees it, but it is not theirs.
    sup = one(db, "SELECT id FROM app_user WHERE email = 'supervisor@police.example'")[0]
    assert user_id != sup


def test_bad_input_gives_the_form_back_with_what_was_typed(db):
    officer = as_role("police_officer")
    ref, cid, (pid,) = make_case(db)
    path = f"/staff/cases/{ref}/contact/{pid}/plan"
    r = post(officer, path, {"plan": "0", "every": "other", "every-days": "400",
                             "starts-day": "31", "starts-month": "2", "starts-year": "2026"},
             status=400)
    assert "govuk-error-summary" in r.text
    assert "Number of days must be a whole number from 1 to 365" in r.text
    assert "Select how they will be contacted" in r.text
    assert "Start date must be a real date" in r.text
    assert 'value="400"' in r.text and 'value="31"' in r.text
    path = f"/staff/cases/{ref}/contact/{pid}/log"
    r = post(officer, path, {"method": "text", "outcome": "", "told": "typed this",
                             "contacted-time": "25:99", **date_fields("contacted", today())},
             status=400)
    assert "Select what happened" in r.text and "Enter a real time" in r.text
    assert "typed this" in r.text
    r = post(officer, path, {"method": "text", "outcome": "message", "told": "",
                             **date_fields("contacted", today() + timedelta(days=3))},
             status=400)
    assert "must be today or in the past" in r.text
    assert one(db, "SELECT count(*) FROM case_contact WHERE case_id = %s", cid)[0] == 0
    # Someone not a victim on the case, and a number that is no one.
    get(officer, f"/staff/cases/{ref}/contact/999999999/plan", status=404)
    get(officer, f"/staff/cases/{ref}/contact/x1/log", status=404)
    get(officer, "/staff/cases/CASE-1999-000000/contact", status=404)


def test_a_plan_changed_by_someone_else_first_is_a_409(db):
    officer = as_role("police_officer")
    ref, cid, (pid,) = make_case(db)
    path = f"/staff/cases/{ref}/contact/{pid}/plan"
    post(officer, path, {"plan": "0", "every": "7", "method": "email",
                         **date_fields("starts", today())})
    # A form opened before that plan was saved still says plan 0.
    r = post(officer, path, {"plan": "0", "every": "28", "method": "letter",
                             **date_fields("starts", today())}, status=409)
    assert "Someone else changed this contact plan" in r.text
    assert one(db, "SELECT every_days FROM case_contact_plan WHERE case_id = %s "
                   "AND replaced_at IS NULL", cid) == (7,)


def test_supervisor_records_a_review_an_officer_may_not(db):
    ref, cid, _ = make_case(db, risk="high", opened_days_ago=20)
    opened = one(db, "SELECT case_clock_day(opened_at) FROM monitored_case WHERE id = %s", cid)[0]
    officer, sup = as_role("police_officer"), as_role("police_supervisor")
    html = get(officer, f"/staff/cases/{ref}/reviews")
    assert next_due_text(html, "data-review-due") == words(opened + timedelta(days=14))
    assert "Overdue by 6 days" in html
    assert "Record a supervisor review" not in html
    (label, due_at, user_id, team_id, agency_id, path), = review_work(db, cid)
    team = one(db, "SELECT lead_team_id FROM monitored_case WHERE id = %s", cid)[0]
    assert (user_id, team_id, path) == (None, team, f"/staff/cases/{ref}/reviews")
    assert due_at == day_end(opened + timedelta(days=14))

    # An officer may not record one, by the form or by a POST.
    get(officer, f"/staff/cases/{ref}/reviews/new", status=403)
    r = officer.post(URL + f"/staff/cases/{ref}/reviews", data={
        "csrf": csrf_of(get(officer, f"/staff/cases/{ref}/reviews")), "last": "0",
        "risk-seen": "high", "decision": "continue", "note": "fine"}, allow_redirects=False)
    assert r.status_code == 403
    assert one(db, "SELECT count(*) FROM case_supervisor_review WHERE case_id = %s", cid)[0] == 0

    # Without a note: the form again.
    r = post(sup, f"/staff/cases/{ref}/reviews", {"last": "0", "risk-seen": "high",
                                                  "decision": "continue", "note": ""},
             status=400, form=f"/staff/cases/{ref}/reviews/new")
    assert "Enter a note of the review" in r.text
    post(sup, f"/staff/cases/{ref}/reviews", {"last": "0", "risk-seen": "high",
                                              "decision": "continue",
                                              "note": "Plan on track; CPW served."},
         form=f"/staff/cases/{ref}/reviews/new")
    html = get(sup, f"/staff/cases/{ref}/reviews")
    assert "Plan on track; CPW served." in html and "Sgt Sam Supervisor" in html
    assert next_due_text(html, "data-review-due") == words(opened + timedelta(days=28))
    (label, due_at, *_), = review_work(db, cid)
    assert due_at == day_end(opened + timedelta(days=28))
    assert one(db, "SELECT due_on FROM case_supervisor_review WHERE case_id = %s", cid) == (
        opened + timedelta(days=14),)
    assert one(db, "SELECT action FROM audit_event WHERE entity = 'monitored_case' AND "
                   "entity_id = %s AND action = 'supervisor_review'", str(cid))
    # The same form again (it saw no review) is stale now.
    r = post(sup, f"/staff/cases/{ref}/reviews", {"last": "0", "risk-seen": "high",
                                                  "decision": "continue", "note": "again"},
             status=409, form=f"/staff/cases/{ref}/reviews/new")
    assert "Someone else reviewed this case" in r.text and "again" in r.text


def test_a_risk_level_change_takes_the_new_cadence_from_the_opening(db):
    # Standard: no reviews at all.
    ref, cid, _ = make_case(db, risk="standard", opened_days_ago=20)
    opened = one(db, "SELECT case_clock_day(opened_at) FROM monitored_case WHERE id = %s", cid)[0]
    assert review_work(db, cid) == []
    assert "No supervisor reviews are due at Standard risk" in get(
        as_role("police_officer"), f"/staff/cases/{ref}/reviews")
    # Made high (as the case's own form would): due 14 days from the opening.
    one(db, "UPDATE monitored_case SET risk_level = 'high' WHERE id = %s RETURNING 1", cid)
    (label, due_at, *_), = review_work(db, cid)
    assert due_at == day_end(opened + timedelta(days=14))

    # A supervisor's review that changes medium to high: the review counts
    # for the one due (28), the next is high's first after today (30): 56.
    ref, cid, _ = make_case(db, risk="medium", opened_days_ago=30)
    opened = one(db, "SELECT case_clock_day(opened_at) FROM monitored_case WHERE id = %s", cid)[0]
    (label, due_at, *_), = review_work(db, cid)
    assert due_at == day_end(opened + timedelta(days=28))
    sup = as_role("police_supervisor")
    post(sup, f"/staff/cases/{ref}/reviews", {"last": "0", "risk-seen": "medium",
                                              "decision": "change_risk", "risk": "high",
                                              "note": "Threats made: raised to high."},
         form=f"/staff/cases/{ref}/reviews/new")
    assert one(db, "SELECT risk_level FROM monitored_case WHERE id = %s", cid) == ("high",)
    (label, due_at, *_), = review_work(db, cid)
    assert due_at == day_end(opened + timedelta(days=56))
    html = get(sup, f"/staff/cases/{ref}/reviews")
    assert next_due_text(html, "data-review-due") == words(opened + timedelta(days=56))
    assert "Medium to High" in html
    summary = one(db, "SELECT summary FROM case_event WHERE case_id = %s AND "
                      "kind = 'supervisor_review'", cid)[0]
    assert summary.startswith("Supervisor review: risk level changed from Medium to High")
    # Changing to the level it has is a problem to fix, not a change.
    r = post(sup, f"/staff/cases/{ref}/reviews", {
        "last": str(one(db, "SELECT max(id) FROM case_supervisor_review WHERE case_id = %s",
                        cid)[0]),
        "risk-seen": "high", "decision": "change_risk", "risk": "high", "note": "x"},
        status=400, form=f"/staff/cases/{ref}/reviews/new")
    assert "Select a level of risk other than the one it has" in r.text


def test_an_agency_without_consent_sees_victim_1_and_cannot_record(db):
    ref, cid, (pid,) = make_case(db, shared_with=("city-council",))
    officer = as_role("police_officer")
    post(officer, f"/staff/cases/{ref}/contact/{pid}/plan", {
        "plan": "0", "every": "7", "method": "phone", **date_fields("starts", today())})
    post(officer, f"/staff/cases/{ref}/contact/{pid}/log", {
        "method": "phone", "outcome": "spoke", "told": "Told about the CPW",
        **date_fields("contacted", today())})
    council = as_role("council_officer")
    html = get(council, f"/staff/cases/{ref}/contact")
    assert "Victim 1" in html and "Vic Tim" not in html
    assert "Told about the CPW" not in html and "Record a contact" not in html
    assert "Every 7 days by phone" in html
    get(council, f"/staff/cases/{ref}/contact/{pid}/log", status=404)
    # With their consent, the council sees them.
    one(db, "INSERT INTO case_consent (case_id, person_id, agency_id, consented, how, "
            "recorded_by) SELECT %s, %s, id, true, 'phone', 2 FROM agency "
            "WHERE code = 'city-council' RETURNING 1", cid, pid)
    html = get(council, f"/staff/cases/{ref}/contact")
    assert "Vic Tim" in html and "Told about the CPW" in html


def test_case_work_reads_as_the_person_asking(db):
    """Row security holds through the views: an agency not working the
    case sees none of its work; one working it without the victim's
    consent reads "Victim 1"."""
    ref, cid, (pid,) = make_case(db, risk="high", opened_days_ago=15)
    officer = as_role("police_officer")
    post(officer, f"/staff/cases/{ref}/contact/{pid}/plan", {
        "plan": "0", "every": "28", "method": "letter", **date_fields("starts", today())})
    sql = "SELECT kind, label FROM case_work WHERE case_id = %s ORDER BY kind"
    assert app_rows(db, sql, "officer@police.example", cid) == [
        ("contact", "Contact Vic Tim by letter"), ("review", f"Supervisor review of {ref} due")]
    assert app_rows(db, sql, "officer@council.example", cid) == []
    one(db, "UPDATE monitored_case SET shared_with = shared_with || "
            "(SELECT id FROM agency WHERE code = 'city-council') WHERE id = %s RETURNING 1", cid)
    assert app_rows(db, sql, "officer@council.example", cid) == [
        ("contact", "Contact Victim 1 by letter"), ("review", f"Supervisor review of {ref} due")]


def test_workers_write_the_configured_cadence_for_the_views(db):
    """case_review_cadence is the configuration's: a worker that starts
    puts back what concord.conf says (the defaults here), with an audit
    row, before its first request. The workers are replaced by a reload
    (SIGHUP), as after a change of concord.conf."""
    one(db, "UPDATE case_review_cadence SET days = '{7}' WHERE risk_level = 'high' "
            "RETURNING 1")
    master = read_pid("concord-fcgi")
    old = children(master)
    os.kill(master, signal.SIGHUP)
    wait_for(lambda: not set(old) & set(children(master)), timeout=10,
             what="the old workers replaced")
    wait_for(lambda: requests.get(URL + "/healthz").status_code == 200, what="fcgi serving")
    wait_for(lambda: one(db, "SELECT days FROM case_review_cadence WHERE risk_level = "
                             "'high'") == ([14, 28, 56],), what="the cadence written")
    before, after = one(db, "SELECT before, after FROM audit_event WHERE entity = "
                            "'case_review_cadence' AND entity_id = 'high' ORDER BY id DESC "
                            "LIMIT 1")
    assert before == {"days": "{7}"} and after == {"days": "{14,28,56}"}
