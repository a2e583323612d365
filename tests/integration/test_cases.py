"""Monitored cases, the core (README "Monitored cases"): a case made
straight from a flag with the flagged incidents linked; a matching incident
arriving through the real intake suggested on the case and in the lead's
queue, linked with one button or dismissed with a reason; adding an agency
asks each victim's consent, and the other agency reads "Victim 1" until the
answer is yes; changing the lead agency keeps every consent answer; a
victim without a current risk assessment shows in red; closure records what
the victim was told; stale forms are refused."""
import re

import pytest

from stack import URL
from staff import as_role, csrf_of
from test_intake import intake, one, police


def rows(db, sql, *args):
    with db.cursor() as c:
        c.execute(sql, args)
        return c.fetchall()


def incident(db, **changes):
    out = intake(police(db, **changes))
    assert out["result"] == "ok", out
    return out["reference"]


def victim_of(db, ref):
    return one(db, "SELECT ip.person_id FROM incident_person ip JOIN incident i "
                   "ON i.id = ip.incident_id WHERE i.reference = %s AND ip.role = 'victim'",
               ref)[0]


def same_victim(db, person_id, **changes):
    """A police entry whose victim is an existing person."""
    return incident(db, people=[{"role": "victim", "existing": person_id}], **changes)


def page(session, path, status=200):
    r = session.get(URL + path)
    assert r.status_code == status, (r.status_code, r.text[:800])
    return r.text


def open_case(session, refs="", **fields):
    form = page(session, "/staff/cases/new")
    data = {"csrf": csrf_of(form), "refs": refs, "title": "Noise at Moorgate",
            "summary": "", "risk": "standard", "origin": "incidents", "from": ""}
    data.update(fields)
    r = session.post(URL + "/staff/cases/new", data=data, allow_redirects=False)
    assert r.status_code == 303, (r.status_code, r.text[:1500])
    ref = r.headers["Location"].rsplit("/", 1)[1]
    assert re.fullmatch(r"CASE-\d{4}-\d{6,}", ref), ref
    return ref


def case_form(session, ref, action, status=303, **data):
    """Posts a form of the case's overview with the page's token and version."""
    html = page(session, f"/staff/cases/{ref}")
    data.setdefault("version", re.search(r'name="version" value="(\d+)"', html).group(1))
    data["csrf"] = csrf_of(html)
    r = session.post(f"{URL}/staff/cases/{ref}/{action}", data=data, allow_redirects=False)
    assert r.status_code == status, (r.status_code, r.text[:1500])
    return r


def linked(db, case_ref):
    return {ref for (ref,) in rows(
        db, "SELECT i.reference FROM case_incident ci JOIN incident i ON i.id = ci.incident_id "
            "JOIN monitored_case c ON c.id = ci.case_id WHERE c.reference = %s "
            "AND ci.unlinked_at IS NULL", case_ref)}


def test_a_case_from_the_repeat_victim_flag_links_the_flagged_incidents(db):
    officer = as_role("police_officer")
    first = incident(db)
    vic = victim_of(db, first)
    second = same_victim(db, vic)
    other = incident(db)        # another victim: not flagged with these
    assert one(db, "SELECT repeat_victim FROM incident WHERE reference = %s", second)[0]
    # The incident page offers the flag's way in.
    html = page(officer, f"/staff/incidents/{second}")
    assert f"/staff/cases/new?from={second}&amp;origin=repeat_victim" in html
    form = page(officer, f"/staff/cases/new?from={second}&origin=repeat_victim")
    assert first in form and second in form and other not in form
    ref = open_case(officer, origin="repeat_victim", **{"from": second})
    assert linked(db, ref) == {first, second}
    c = one(db, "SELECT origin, lead_user_id, lead_agency_id, status FROM monitored_case "
                "WHERE reference = %s", ref)
    officer_id = one(db, "SELECT id FROM app_user WHERE email = 'officer@police.example'")[0]
    assert c[0] == "repeat_victim" and c[1] == officer_id and c[3] == "open"
    # Its people come from its incidents: the victim once, and the place.
    assert rows(db, "SELECT cp.person_id, cp.role FROM case_person cp JOIN monitored_case c "
                    "ON c.id = cp.case_id WHERE c.reference = %s", ref) == [(vic, "victim")]
    assert one(db, "SELECT count(*) FROM case_place cp JOIN monitored_case c ON c.id = "
                   "cp.case_id WHERE c.reference = %s", ref)[0] == 1
    # Audited and on the timeline; and the incident page lists the case.
    assert one(db, "SELECT count(*) FROM audit_event a JOIN monitored_case c ON "
                   "a.entity_id = c.id::text WHERE a.entity = 'monitored_case' "
                   "AND a.action = 'create' AND c.reference = %s", ref)[0] == 1
    assert one(db, "SELECT e.summary FROM case_event e JOIN monitored_case c ON c.id = "
                   "e.case_id WHERE c.reference = %s", ref)[0] == "Case opened with 2 incidents"
    assert f'href="/staff/cases/{ref}"' in page(officer, f"/staff/incidents/{first}")
    overview = page(officer, f"/staff/cases/{ref}")
    assert first in overview and second in overview
    history = page(officer, f"/staff/cases/{ref}/history")
    assert "History" in history and "Parts of this case" in history


def test_a_new_case_refuses_an_unknown_incident_and_keeps_what_was_typed(db):
    officer = as_role("police_officer")
    form = page(officer, "/staff/cases/new")
    r = officer.post(URL + "/staff/cases/new", data={
        "csrf": csrf_of(form), "refs": "ASB-1999-999999", "title": "Kept title",
        "risk": "standard", "origin": "incidents"}, allow_redirects=False)
    assert r.status_code == 400
    assert "There is no incident ASB-1999-999999 that you can see" in r.text
    assert 'value="Kept title"' in r.text
    r = officer.post(URL + "/staff/cases/new", data={
        "csrf": csrf_of(form), "refs": "", "title": "", "risk": "extreme"},
        allow_redirects=False)
    assert r.status_code == 400
    for message in ("Enter a title for the case", "risk level",
                    "Enter the reference of at least one incident"):
        assert message in r.text


def test_a_matching_incident_is_suggested_on_the_case_and_in_the_leads_queue(db):
    officer = as_role("police_officer")
    first = incident(db)
    vic = victim_of(db, first)
    ref = open_case(officer, refs=first)
    # Every police entry here is at Moorgate, so earlier tests' incidents
    # are suggested by place; the case's own incident never is.
    assert f'data-incident="{first}"' not in page(officer, f"/staff/cases/{ref}")
    # The same victim again, through the intake, and another at the same spot.
    later = same_victim(db, vic)
    nearby = incident(db)
    html = page(officer, f"/staff/cases/{ref}")
    assert f'data-incident="{later}"' in html and f'data-incident="{nearby}"' in html
    assert "A person on this case is in it" in html
    assert "It happened at one of this case&#39;s places" in html
    work = rows(db, "SELECT w.kind, w.path, u.email FROM case_work w JOIN app_user u "
                    "ON u.id = w.user_id JOIN monitored_case c ON c.id = w.case_id "
                    "WHERE c.reference = %s ORDER BY w.label", ref)
    assert ("suggestion", f"/staff/cases/{ref}#suggestions", "officer@police.example") in work
    mine = page(officer, "/staff/cases/mine")
    assert re.search(rf"\d+ incidents? suggested for linking to {ref}", mine)
    assert "Case work" in page(officer, "/staff/queues")
    # One button links it; a dismissal needs a reason and is not suggested again.
    case_form(officer, ref, "incidents", incident=later, suggested="1")
    assert linked(db, ref) == {first, later}
    assert one(db, "SELECT ci.how FROM case_incident ci JOIN incident i ON i.id = "
                   "ci.incident_id WHERE i.reference = %s", later)[0] == "suggestion"
    r = case_form(officer, ref, "suggestions/dismiss", status=400, incident=nearby, reason="")
    assert f'<a href="#reason-{nearby}">Enter why the suggested incident is not this case' \
        in r.text
    r = case_form(officer, ref, "incidents", status=400, incident=later)
    assert "That incident is already linked to this case" in r.text
    case_form(officer, ref, "suggestions/dismiss", incident=nearby, reason="Different flat")
    html = page(officer, f"/staff/cases/{ref}")
    assert f'data-incident="{nearby}"' not in html and f'data-incident="{later}"' not in html
    left = one(db, "SELECT count(*) FROM case_suggestion s JOIN monitored_case c ON "
                   "c.id = s.case_id WHERE c.reference = %s", ref)[0]
    mine = page(officer, "/staff/cases/mine")
    assert (f"{left} incident" in mine) if left else (f"linking to {ref}" not in mine)


def test_the_other_agency_sees_victim_1_until_the_victim_consents(db):
    officer, council = as_role("police_officer"), as_role("council_officer")
    first = incident(db)
    vic = victim_of(db, first)
    name = one(db, "SELECT given_name || ' ' || family_name FROM person WHERE id = %s", vic)[0]
    ref = open_case(officer, refs=first)
    page(council, f"/staff/cases/{ref}", status=404)
    council_id = one(db, "SELECT id FROM agency WHERE code = 'city-council'")[0]
    # Every victim must be answered for.
    r = case_form(officer, ref, "agencies", status=400, agency=str(council_id))
    assert "Select whether the victim consented" in r.text
    case_form(officer, ref, "agencies", agency=str(council_id),
              **{f"consent-{vic}": "no", f"how-{vic}": "By phone"})
    html = page(council, f"/staff/cases/{ref}")
    assert "Victim 1" in html and name not in html
    assert "Details not shared with your agency" in html
    assert name in page(officer, f"/staff/cases/{ref}")
    # Asked again (removed and added back) with a yes: now the council sees them.
    case_form(officer, ref, "agencies/remove", agency=str(council_id))
    page(council, f"/staff/cases/{ref}", status=404)
    case_form(officer, ref, "agencies", agency=str(council_id),
              **{f"consent-{vic}": "yes", f"how-{vic}": "In person"})
    assert name in page(council, f"/staff/cases/{ref}")
    # Removing the agency kept the first answer: both are in the history.
    assert rows(db, "SELECT cc.consented FROM case_consent cc JOIN monitored_case c ON "
                    "c.id = cc.case_id WHERE c.reference = %s ORDER BY cc.id", ref) == \
        [(False,), (True,)]
    # Only the lead agency changes who works the case.
    r = case_form(council, ref, "agencies/remove", status=403, agency=str(council_id))
    assert "Only the lead agency" in r.text


def test_changing_the_lead_agency_keeps_every_consent_answer(db):
    officer, council = as_role("police_officer"), as_role("council_officer")
    first = incident(db)
    vic = victim_of(db, first)
    ref = open_case(officer, refs=first)
    police_id = one(db, "SELECT id FROM agency WHERE code = 'city-police'")[0]
    council_id = one(db, "SELECT id FROM agency WHERE code = 'city-council'")[0]
    case_form(officer, ref, "agencies", agency=str(council_id),
              **{f"consent-{vic}": "yes", f"how-{vic}": "By letter"})
    before = rows(db, "SELECT cc.id, cc.agency_id, cc.consented FROM case_consent cc "
                      "JOIN monitored_case c ON c.id = cc.case_id WHERE c.reference = %s", ref)
    chris = one(db, "SELECT id FROM app_user WHERE email = 'officer@council.example'")[0]
    case_form(officer, ref, "lead", lead=str(chris))
    c = one(db, "SELECT lead_agency_id, lead_user_id, shared_with FROM monitored_case "
                "WHERE reference = %s", ref)
    assert c[0] == council_id and c[1] == chris and police_id in c[2]
    assert rows(db, "SELECT cc.id, cc.agency_id, cc.consented FROM case_consent cc "
                    "JOIN monitored_case c ON c.id = cc.case_id WHERE c.reference = %s",
                ref) == before
    # The old lead goes on working it; the timeline names the new contact.
    assert "City of London Police" in page(council, f"/staff/cases/{ref}")
    page(officer, f"/staff/cases/{ref}")
    assert one(db, "SELECT e.summary FROM case_event e JOIN monitored_case c ON c.id = "
                   "e.case_id WHERE c.reference = %s AND e.kind = 'lead_changed'", ref)[0] \
        .startswith("Chris Council of City of London Corporation is now the single point of contact")
    assert one(db, "SELECT count(*) FROM audit_event a JOIN monitored_case c ON "
                   "a.entity_id = c.id::text WHERE a.entity = 'monitored_case' "
                   "AND a.action = 'lead_change' AND c.reference = %s", ref)[0] == 1
    # Both agencies read the case's history, in words and names.
    history = page(council, f"/staff/cases/{ref}/history")
    assert "Lead officer changed" in history and "Agency added" in history
    assert "Chris Council" in history
    # The queue follows the lead.
    assert ref in page(council, "/staff/cases/mine")
    assert ref not in page(officer, "/staff/cases/mine")


def test_a_victim_without_a_current_assessment_shows_in_red(db):
    officer = as_role("police_officer")
    first = incident(db)
    ref = open_case(officer, refs=first)
    html = page(officer, f"/staff/cases/{ref}")
    assert 'id="risk-warning"' not in html and "Current" in html
    # Someone added as a victim by hand has no assessment on the case's incidents.
    other = victim_of(db, incident(db))
    case_form(officer, ref, "people", person=str(other), role="victim")
    html = page(officer, f"/staff/cases/{ref}")
    assert 'id="risk-warning"' in html and "Not assessed" in html
    listing = page(officer, "/staff/cases?red=1&status=open")
    assert f'data-case="{ref}"' in listing and "Risk assessment missing" in listing


def test_closing_records_what_the_victim_was_told_and_reopening_keeps_it(db):
    officer = as_role("police_officer")
    ref = open_case(officer, refs=incident(db))
    r = case_form(officer, ref, "close", status=400, outcome="resolved",
                  **{"told-day": "31", "told-month": "2", "told-year": "2026",
                     "told-how": "phone", "told-what": "It has stopped"})
    assert "must be a real date" in r.text and 'value="It has stopped"' not in r.text
    r = case_form(officer, ref, "close", status=400, outcome="",
                  **{"told-how": "phone"})
    assert "Choose the outcome" in r.text and "Enter what the victim was told" in r.text
    case_form(officer, ref, "close", outcome="behaviour_stopped", note="",
              **{"told-day": "2", "told-month": "12", "told-year": "2026",
                 "told-how": "phone", "told-what": "The noise has stopped",
                 "public-reason": "The behaviour stopped"})
    c = one(db, "SELECT c.status, c.outcome, x.told_on::text, x.told_how, x.told_what, "
                "x.public_reason FROM monitored_case c JOIN case_closure x ON x.case_id = c.id "
                "WHERE c.reference = %s", ref)
    assert c == ("closed", "Behaviour stopped", "2026-12-02", "phone", "The noise has stopped",
                 "The behaviour stopped")
    # A closed case takes no changes but reopening.
    html = page(officer, f"/staff/cases/{ref}")
    assert "Reopen the case" in html and "Close the case" not in html
    case_form(officer, ref, "reopen", **{"reopen-reason": "It started again"})
    assert one(db, "SELECT status FROM monitored_case WHERE reference = %s", ref)[0] == "open"
    assert one(db, "SELECT reopened_at IS NOT NULL FROM case_closure x JOIN monitored_case c "
                   "ON c.id = x.case_id WHERE c.reference = %s", ref)[0]


def test_a_named_group_lists_its_members(db):
    officer = as_role("police_officer")
    subject = {"role": "subject", "given_name": "Sid", "family_name": "Subject"}
    first = incident(db, people=police(db)["people"] + [subject])
    ref = open_case(officer, refs=first)
    member = one(db, "SELECT cp.id FROM case_person cp JOIN monitored_case c ON c.id = "
                     "cp.case_id WHERE c.reference = %s AND cp.role = 'subject'", ref)[0]
    r = case_form(officer, ref, "groups", status=400, group="")
    assert "Enter the name of the group" in r.text
    case_form(officer, ref, "groups", group="The Moorgate lot", **{f"member-{member}": "1"})
    html = page(officer, f"/staff/cases/{ref}")
    assert "Named group" in html and "member of The Moorgate lot" in html


def test_a_stale_form_is_refused_and_nothing_is_saved(db):
    officer = as_role("police_officer")
    first = incident(db)
    ref = open_case(officer, refs=first)
    html = page(officer, f"/staff/cases/{ref}")
    version = re.search(r'name="version" value="(\d+)"', html).group(1)
    case_form(officer, ref, "places", label="Stairwell", address="Moorgate flats")
    r = officer.post(f"{URL}/staff/cases/{ref}/places", data={
        "csrf": csrf_of(html), "version": version, "label": "Car park",
        "address": "Behind the flats"}, allow_redirects=False)
    assert r.status_code == 409 and "changed by someone else" in r.text
    assert [l for (l,) in rows(db, "SELECT label FROM case_place p JOIN monitored_case c "
                                   "ON c.id = p.case_id WHERE c.reference = %s ORDER BY p.id",
                               ref)][1:] == ["Stairwell"]


def test_the_case_pages_answer_404_for_an_unknown_case_and_a_role_without_cases():
    officer = as_role("police_officer")
    page(officer, "/staff/cases/CASE-1999-000001", status=404)
    page(as_role("call_handler"), "/staff/cases", status=403)


def assessed(db, incident_id, change):
    """Changes the incident's assessment as db_admin (its triggers, which
    keep an assessment as it was made, held off for the change)."""
    with db.cursor() as c:
        c.execute("ALTER TABLE risk_assessment DISABLE TRIGGER USER")
        try:
            c.execute(f"UPDATE risk_assessment SET {change} WHERE incident_id = %s",
                      (incident_id,))
        finally:
            c.execute("ALTER TABLE risk_assessment ENABLE TRIGGER USER")


def test_a_review_overdue_by_the_cadence_turns_the_victim_red(db):
    """The view's due rule is risk_review_next's: high is due 14 days after
    the assessment, or after the last review."""
    officer = as_role("police_officer")
    first = incident(db)
    ref = open_case(officer, refs=first)
    iid = one(db, "SELECT id FROM incident WHERE reference = %s", first)[0]
    assessed(db, iid, "level = 'high', assessed_at = now() - interval '14 days' "
                      "+ interval '1 minute'")
    assert 'id="risk-warning"' not in page(officer, f"/staff/cases/{ref}")
    assessed(db, iid, "assessed_at = now() - interval '14 days' - interval '1 minute'")
    html = page(officer, f"/staff/cases/{ref}")
    assert 'id="risk-warning"' in html and "Review overdue" in html
    # A supervisor's review today makes it current again (next due at 28 days).
    with db.cursor() as c:
        c.execute("INSERT INTO risk_review (incident_id, assessment_id, level_before, "
                  "level_after, note) SELECT incident_id, id, level, level, 'Reviewed' "
                  "FROM risk_assessment WHERE incident_id = %s", (iid,))
    assert 'id="risk-warning"' not in page(officer, f"/staff/cases/{ref}")


def test_a_victim_who_reported_online_sees_the_closure_on_their_tracking_page(db, http):
    from test_incident_updates import make_report
    officer = as_role("police_officer")
    first = incident(db)
    ref = open_case(officer, refs=first)
    iid = one(db, "SELECT id FROM incident WHERE reference = %s", first)[0]
    with db.cursor() as c:
        _, track = make_report(c, iid, "victim-online@example.com", False)
    reporter = one(db, "SELECT reporter_id FROM report WHERE tracking_hash IS NOT NULL "
                       "AND incident_id = %s ORDER BY id DESC LIMIT 1", iid)[0]
    case_form(officer, ref, "people", person=str(reporter), role="victim")
    assert "A monitored case about your reports" not in http.get(URL + track).text
    case_form(officer, ref, "close", outcome="resolved",
              **{"told-day": "3", "told-month": "12", "told-year": "2026",
                 "told-how": "email", "told-what": "The case is resolved",
                 "public-reason": "The people causing it were moved on"})
    today = one(db, "SELECT to_char(now() AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY')")[0]
    assert (f"A monitored case about your reports was closed on {today}: "
            "The people causing it were moved on") in http.get(URL + track).text
