"""Action plans (README "Action plans and case panels"): adding an action
to a case's plan with its owner (an agency working the case, a team or a
person of it), the plan tab, changing, completing and cancelling, an
enforcement action's legal dates and breaches, the open action on its
owner's case work (case_work) and its overdue notice told once by the one
overdue sweep, and who may see and do what.

Cases are made as db_admin, quicker than through the case pages: a
case led by the police with the council working it."""
import re
import uuid

import psycopg2
import pytest

from stack import URL, read_conf
from staff import as_role, csrf_for
from test_intake import intake, police

OFFICER = "officer@police.example"
COUNCIL = "officer@council.example"


def one(db, sql, *args):
    with db.cursor() as c:
        c.execute(sql, args)
        return c.fetchone()


def rows(db, sql, *args):
    with db.cursor() as c:
        c.execute(sql, args)
        return c.fetchall()


def user_id(db, email):
    return one(db, "SELECT id FROM app_user WHERE email = %s", email)[0]


def agency_id(db, code):
    return one(db, "SELECT id FROM agency WHERE code = %s", code)[0]


def team_id(db, agency, code):
    return one(db, "SELECT t.id FROM team t JOIN agency g ON g.id = t.agency_id "
                   "WHERE g.code = %s AND t.code = %s", agency, code)[0]


def type_id(db, code):
    return one(db, "SELECT id FROM action_type WHERE code = %s", code)[0]


def make_case(db, working=("city-council",), lead=OFFICER):
    """A case led by lead's agency with the agencies `working` named on
    it, as the case's own part will make them. Returns (id, reference)."""
    with db.cursor() as c:
        c.execute(
            "INSERT INTO monitored_case (reference, title, origin, lead_agency_id, "
            "lead_user_id, opened_by, shared_with) "
            "SELECT 'CASE-' || to_char(now(), 'YYYY') || '-' || "
            "lpad(nextval('monitored_case_number')::text, 6, '0'), %s, 'incidents', "
            "u.agency_id, u.id, u.id, ARRAY(SELECT id FROM agency WHERE code = ANY (%s)) "
            "FROM app_user u WHERE u.email = %s RETURNING id, reference",
            ("Noise at Moorgate " + uuid.uuid4().hex[:6], list(working), lead))
        cid, ref = c.fetchone()
        for code in working:
            c.execute("INSERT INTO case_agency (case_id, agency_id, added_by) "
                      "SELECT %s, id, %s FROM agency WHERE code = %s",
                      (cid, user_id(db, lead), code))
        return cid, ref


def action_form(db, **changes):
    f = {"type": str(type_id(db, "warning-letter")),
         "title": "Warning letter to J Smith " + uuid.uuid4().hex[:6],
         "detail": "Music after 11pm", "agency": str(agency_id(db, "city-police")),
         "team": "", "person": str(user_id(db, OFFICER)),
         "due-day": "", "due-month": "", "due-year": "", "conditions": "",
         "version": "0", "panel": "0"}
    f.update(changes)
    return f


def add_action(db, ref, session=None, **changes):
    """POSTs the action form; returns (response, action id or None)."""
    s = session or as_role("police_officer")
    data = action_form(db, **changes)
    data["csrf"] = csrf_for(s)
    r = s.post(URL + f"/staff/cases/{ref}/actions", data=data, allow_redirects=False)
    m = re.match(r"/staff/actions/(\d+)$", r.headers.get("Location", ""))
    return r, int(m.group(1)) if m else None


def london_today(db):
    return one(db, "SELECT (now() AT TIME ZONE 'Europe/London')::date")[0]


def test_an_action_added_is_on_the_plan_audited_and_on_the_timeline(db):
    cid, ref = make_case(db)
    today = london_today(db)
    r, aid = add_action(db, ref, **{"due-day": str(today.day), "due-month": str(today.month),
                                    "due-year": str(today.year + 1)})
    assert r.status_code == 303, r.text[:2000]
    s = as_role("police_officer")
    page = s.get(URL + f"/staff/cases/{ref}/actions")
    assert page.status_code == 200
    assert f'href="/staff/actions/{aid}"' in page.text
    assert "PC Olu Officer, City of London Police" in page.text
    assert 'aria-current="page">Action plan<' in page.text
    row = one(db, "SELECT a.title, a.status, a.owner_user_id, a.due_on FROM case_action a "
                  "WHERE a.id = %s", aid)
    assert row[1] == "open" and row[2] == user_id(db, OFFICER)
    assert row[3].year == today.year + 1
    audit = one(db, "SELECT action, after->>'action' FROM audit_event WHERE entity = "
                    "'monitored_case' AND entity_id = %s AND action = 'action_add'", str(cid))
    assert audit == ("action_add", str(aid))
    assert one(db, "SELECT kind FROM case_event WHERE case_id = %s AND kind = "
                   "'action_added'", cid) == ("action_added",)
    # The action's own page shows it, and viewing it is audited.
    page = s.get(URL + f"/staff/actions/{aid}")
    assert page.status_code == 200 and row[0] in page.text
    assert one(db, "SELECT count(*) FROM audit_event WHERE entity = 'monitored_case' "
                   "AND entity_id = %s AND action = 'view_action'", str(cid))[0] >= 1


def test_bad_action_form_is_given_back_with_what_was_typed(db):
    cid, ref = make_case(db)
    r, _ = add_action(db, ref, type="", title="", person="",
                      **{"due-day": "31", "due-month": "2", "due-year": "2027"})
    assert r.status_code == 400
    assert "There is a problem" in r.text
    assert "Select the type of action" in r.text
    assert "Select a team or a person to own the action" in r.text
    assert "Due date must be a real date" in r.text
    assert 'value="31"' in r.text
    # A team of an agency that does not own it, and an agency not working
    # the case, are refused on their fields.
    r, _ = add_action(db, ref, person="", team=str(team_id(db, "city-council",
                                                           "community-safety")))
    assert r.status_code == 400 and "Select a team of the agency that owns" in r.text
    r, _ = add_action(db, ref, agency=str(agency_id(db, "hackney-homes")), person="")
    assert r.status_code == 400
    assert one(db, "SELECT count(*) FROM case_action WHERE case_id = %s", cid)[0] == 0


def test_enforcement_action_with_legal_dates_and_breaches(db):
    cid, ref = make_case(db)
    r, aid = add_action(db, ref, type=str(type_id(db, "cpn")), title="CPN to J Smith",
                        conditions="No amplified music after 11pm",
                        **{"served-day": "1", "served-month": "6", "served-year": "2026",
                           "expires-day": "31", "expires-month": "5", "expires-year": "2027",
                           "review-day": "1", "review-month": "12", "review-year": "2026"})
    assert r.status_code == 303, r.text[:2000]
    served, expires, review = one(db, "SELECT served_on, expires_on, review_on FROM "
                                      "case_action WHERE id = %s", aid)
    assert (str(served), str(expires), str(review)) == ("2026-06-01", "2027-05-31", "2026-12-01")
    s = as_role("police_officer")
    page = s.get(URL + f"/staff/actions/{aid}").text
    assert "No breaches recorded." in page and "1 June 2026" in page
    assert "No amplified music after 11pm" in page

    # A breach with no date and a reference that is no incident: given back.
    bad = s.post(URL + f"/staff/actions/{aid}/breaches", data={
        "csrf": csrf_for(s), "occurred-day": "", "occurred-month": "", "occurred-year": "",
        "reported-by": "", "description": "Music at 1am", "incident": "ASB-2026-999999",
        "response": ""}, allow_redirects=False)
    assert bad.status_code == 400
    assert "Enter the date of the breach" in bad.text
    assert "Enter who reported the breach" in bad.text
    assert "Music at 1am" in bad.text

    inc = intake(police(db))["reference"]
    ok = s.post(URL + f"/staff/actions/{aid}/breaches", data={
        "csrf": csrf_for(s), "occurred-day": "2", "occurred-month": "12",
        "occurred-year": "2026", "reported-by": "The victim",
        "description": "Music at 1am again", "incident": inc,
        "response": "Application to court for a fixed penalty"}, allow_redirects=False)
    assert ok.status_code == 303, ok.text[:2000]
    page = s.get(URL + f"/staff/actions/{aid}").text
    assert "Music at 1am again" in page and f'href="/staff/incidents/{inc}"' in page
    assert "2 December 2026" in page and "The victim" in page
    row = one(db, "SELECT b.reported_by, i.reference FROM case_action_breach b "
                  "JOIN incident i ON i.id = b.incident_id WHERE b.action_id = %s", aid)
    assert row == ("The victim", inc)
    assert one(db, "SELECT count(*) FROM audit_event WHERE entity = 'monitored_case' "
                   "AND entity_id = %s AND action = 'action_breach'", str(cid))[0] == 1
    plan = s.get(URL + f"/staff/cases/{ref}/actions").text
    assert "1 breach" in plan and "Enforcement" in plan


def test_legal_dates_must_fit_and_breaches_need_enforcement(db):
    cid, ref = make_case(db)
    r, _ = add_action(db, ref, type=str(type_id(db, "cpn")),
                      **{"served-day": "1", "served-month": "6", "served-year": "2026",
                         "expires-day": "1", "expires-month": "5", "expires-year": "2026"})
    assert r.status_code == 400
    assert "Expiry date must be the same as or after the date it was served" in r.text
    r, aid = add_action(db, ref)
    s = as_role("police_officer")
    r = s.post(URL + f"/staff/actions/{aid}/breaches", data={
        "csrf": csrf_for(s), "occurred-day": "2", "occurred-month": "12",
        "occurred-year": "2026", "reported-by": "x", "description": "y", "incident": "",
        "response": ""}, allow_redirects=False)
    assert r.status_code == 409 and "enforcement actions only" in r.text


def sweep_in(conn):
    """One overdue sweep as concord_worker in conn's transaction: the
    notify jobs it queued, (to, subject, body) each."""
    with conn.cursor() as c:
        c.execute("SET LOCAL ROLE concord_worker")
        c.execute("SELECT coalesce(array_agg(j), '{}') FROM overdue_sweep(%s, %s, %s), "
                  "unnest(jobs) j", ("{100000,100000,100000}", "{100000,100000,100000}",
                                     "https://concord.example"))
        jobs = c.fetchone()[0]
        c.execute("RESET ROLE")
        c.execute("SELECT payload->>'to', payload->>'subject', payload->>'body' FROM outbox "
                  "WHERE id = ANY (%s) ORDER BY id", (jobs,))
        return c.fetchall()


def test_overdue_action_is_on_case_work_and_told_to_its_owner_once(db):
    cid, ref = make_case(db)
    today = london_today(db)
    r, aid = add_action(db, ref, title="Warning letter to K Jones",
                        **{"due-day": str(today.day), "due-month": str(today.month),
                           "due-year": str(today.year)})
    assert r.status_code == 303
    work = rows(db, "SELECT kind, label, user_id, team_id, agency_id, due_at > now() "
                    "FROM case_work WHERE path = %s", f"/staff/actions/{aid}")
    # Due today: on the owner's work, not yet overdue (due at the end of
    # the day, London time).
    assert work == [("action", "Warning letter to K Jones due", user_id(db, OFFICER), None,
                     agency_id(db, "city-police"), True)]
    conn = psycopg2.connect(read_conf()["db_admin"])
    try:
        with conn.cursor() as c:
            c.execute("UPDATE case_action SET due_on = (now() AT TIME ZONE 'Europe/London')"
                      "::date - 1 WHERE id = %s", (aid,))
            c.execute("SELECT due_at < now() FROM case_work WHERE path = %s",
                      (f"/staff/actions/{aid}",))
            assert c.fetchone() == (True,)
        first = [m for m in sweep_in(conn) if "K Jones" in m[2]]
        second = [m for m in sweep_in(conn) if "K Jones" in m[2]]
        conn.commit()
    finally:
        conn.close()
    assert len(first) == 1 and second == []
    to, subject, body = first[0]
    assert to == OFFICER and subject.startswith("Overdue:")
    assert ref in body and f"https://concord.example/staff/actions/{aid}" in body
    assert one(db, "SELECT overdue_sent_at IS NOT NULL FROM case_action WHERE id = %s",
               aid) == (True,)
    assert one(db, "SELECT count(*) FROM case_event WHERE case_id = %s AND kind = "
                   "'action_overdue'", cid)[0] == 1
    page = as_role("police_officer").get(URL + f"/staff/cases/{ref}/actions").text
    assert "Overdue by 1 day" in page and "govuk-tag--red" in page

    # A new due date is told again once it passes; done, it leaves the work.
    s = as_role("police_officer")
    version = one(db, "SELECT version FROM case_action WHERE id = %s", aid)[0]
    r = s.post(URL + f"/staff/actions/{aid}", data=dict(action_form(
        db, title="Warning letter to K Jones", version=str(version),
        **{"due-day": str(today.day), "due-month": str(today.month),
           "due-year": str(today.year + 1)}), csrf=csrf_for(s)), allow_redirects=False)
    assert r.status_code == 303, r.text[:2000]
    assert one(db, "SELECT overdue_sent_at FROM case_action WHERE id = %s", aid) == (None,)
    version += 1
    r = s.post(URL + f"/staff/actions/{aid}/complete", data={
        "csrf": csrf_for(s), "version": str(version), "outcome": "Letter delivered"},
        allow_redirects=False)
    assert r.status_code == 303
    assert rows(db, "SELECT 1 FROM case_work WHERE path = %s", f"/staff/actions/{aid}") == []
    page = s.get(URL + f"/staff/actions/{aid}").text
    assert "Letter delivered" in page and "Done" in page


def test_a_stale_change_is_refused_with_what_was_typed(db):
    cid, ref = make_case(db)
    r, aid = add_action(db, ref)
    s = as_role("police_officer")
    r = s.post(URL + f"/staff/actions/{aid}/complete", data={
        "csrf": csrf_for(s), "version": "1", "outcome": ""}, allow_redirects=False)
    assert r.status_code == 400 and "Enter the outcome of the action" in r.text
    r = s.post(URL + f"/staff/actions/{aid}", data=dict(action_form(
        db, title="Changed once", version="1"), csrf=csrf_for(s)), allow_redirects=False)
    assert r.status_code == 303
    r = s.post(URL + f"/staff/actions/{aid}", data=dict(action_form(
        db, title="Changed from an old form", version="1"), csrf=csrf_for(s)),
        allow_redirects=False)
    assert r.status_code == 409
    assert "Someone else changed this action" in r.text
    assert "Changed from an old form" in r.text
    assert one(db, "SELECT title FROM case_action WHERE id = %s", aid) == ("Changed once",)
    r = s.post(URL + f"/staff/actions/{aid}/cancel", data={
        "csrf": csrf_for(s), "version": "1", "why": "No longer needed"},
        allow_redirects=False)
    assert r.status_code == 409
    assert one(db, "SELECT status FROM case_action WHERE id = %s", aid) == ("open",)


def test_only_agencies_working_the_case_see_its_actions(db):
    cid, ref = make_case(db, working=())
    r, aid = add_action(db, ref)
    council = as_role("council_officer")
    assert council.get(URL + f"/staff/actions/{aid}").status_code == 404
    assert council.get(URL + f"/staff/cases/{ref}/actions").status_code == 404
    r = council.post(URL + f"/staff/actions/{aid}/complete", data={
        "csrf": csrf_for(council), "version": "1", "outcome": "x"}, allow_redirects=False)
    assert r.status_code == 404
    assert one(db, "SELECT status FROM case_action WHERE id = %s", aid) == ("open",)
    # The analyst may not open action plans at all.
    assert as_role("analyst").get(URL + f"/staff/actions/{aid}").status_code == 403


def test_an_agency_working_the_case_may_own_an_action(db):
    cid, ref = make_case(db)
    team = team_id(db, "city-council", "community-safety")
    r, aid = add_action(db, ref, agency=str(agency_id(db, "city-council")), person="",
                        team=str(team), **{"due-day": "1", "due-month": "1",
                                           "due-year": "2030"})
    assert r.status_code == 303, r.text[:2000]
    assert rows(db, "SELECT user_id, team_id FROM case_work WHERE path = %s",
                f"/staff/actions/{aid}") == [(None, team)]
    page = as_role("council_officer").get(URL + f"/staff/actions/{aid}")
    assert page.status_code == 200 and "Community Safety Team" in page.text


def test_action_types_are_data_an_administrator_edits(db):
    admin = as_role("administrator")
    page = admin.get(URL + "/admin/action-types")
    assert page.status_code == 200
    for name in ("Warning letter", "Acceptable behaviour contract",
                 "Community Protection Warning", "Community Protection Notice",
                 "PSPO fixed penalty", "Civil injunction", "Respect Order",
                 "Youth Injunction", "Housing Injunction", "Closure notice",
                 "Closure order", "Criminal behaviour order", "Dispersal direction",
                 "Mediation", "Restorative justice", "Support referral", "Patrol",
                 "CCTV", "Target hardening", "Other"):
        assert f">{name}<" in page.text, name
    code = "noise-kit-" + uuid.uuid4().hex[:6]
    r = admin.post(URL + "/admin/action-types", data={
        "csrf": csrf_for(admin), "code": code, "name": "Noise kit " + code,
        "basis": "", "enforcement": "no", "active": "yes", "position": "5"},
        allow_redirects=False)
    assert r.status_code == 303
    tid, version = one(db, "SELECT id, version FROM action_type WHERE code = %s", code)
    r = admin.post(URL + "/admin/action-types", data={
        "csrf": csrf_for(admin), "code": code, "name": "Again", "basis": "",
        "enforcement": "no", "active": "yes", "position": "x"}, allow_redirects=False)
    assert r.status_code == 400 and "Order must be a number" in r.text
    r = admin.post(URL + "/admin/action-types", data={
        "csrf": csrf_for(admin), "code": code, "name": "Again", "basis": "",
        "enforcement": "no", "active": "yes", "position": "6"}, allow_redirects=False)
    assert r.status_code == 400 and "already exists" in r.text
    cid, ref = make_case(db)
    form = as_role("police_officer").get(URL + f"/staff/cases/{ref}/actions/new").text
    assert "Noise kit " + code in form
    r = admin.post(URL + f"/admin/action-types/{tid}", data={
        "csrf": csrf_for(admin), "version": str(version), "name": "Noise kit " + code,
        "basis": "", "enforcement": "no", "active": "no", "position": "5"},
        allow_redirects=False)
    assert r.status_code == 303
    r = admin.post(URL + f"/admin/action-types/{tid}", data={
        "csrf": csrf_for(admin), "version": str(version), "name": "Stale",
        "basis": "", "enforcement": "no", "active": "yes", "position": "5"},
        allow_redirects=False)
    assert r.status_code == 409 and "Stale" in r.text
    form = as_role("police_officer").get(URL + f"/staff/cases/{ref}/actions/new").text
    assert "Noise kit " + code not in form
    assert [a for (a,) in rows(db, "SELECT action FROM audit_event WHERE entity = "
                                   "'action_type' AND entity_id = %s ORDER BY id",
                               str(tid))] == ["create", "update"]
    # An inactive type is refused for a new action even if sent.
    r, _ = add_action(db, ref, type=str(tid))
    assert r.status_code == 400 and "Select a type of action from the list" in r.text
    assert as_role("police_officer").get(URL + "/admin/action-types").status_code == 403


def test_case_work_shows_an_action_only_to_agencies_working_its_case(db):
    """case_work_action is a plain view over row-secured tables
    (security_invoker): an agency not working the case reads none of it,
    through case_work as through the view itself."""
    cid, ref = make_case(db, working=())
    r, aid = add_action(db, ref, **{"due-day": "1", "due-month": "1", "due-year": "2030"})
    path = f"/staff/actions/{aid}"

    def seen(agency):
        conn = psycopg2.connect(read_conf()["db_admin"])
        try:
            with conn.cursor() as c:
                c.execute("SELECT set_config('concord.agency_id', %s, true), "
                          "set_config('concord.user_id', %s, true)",
                          (str(agency), str(user_id(db, OFFICER))))
                c.execute("SET LOCAL ROLE concord_app")
                c.execute("SELECT (SELECT count(*) FROM case_work WHERE path = %s), "
                          "(SELECT count(*) FROM case_work_action WHERE path = %s)",
                          (path, path))
                return c.fetchone()
        finally:
            conn.rollback()
            conn.close()

    assert seen(agency_id(db, "city-police")) == (1, 1)
    assert seen(agency_id(db, "city-council")) == (0, 0)
