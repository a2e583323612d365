"""Case panels (README "Action plans and case panels"): a panel with who
came from each agency, the cases it discussed and its decisions, and an
action created from it, which carries the panel and lands on its owner's
case work (case_work_action); who sees a panel; bad input."""
import re
import uuid

from stack import URL
from staff import as_role, csrf_for
from test_case_actions import action_form, agency_id, make_case, one, rows, team_id


def new_panel(session, db, **changes):
    data = {"held-day": "3", "held-month": "12", "held-year": "2026", "time": "2:30pm",
            "location": "Guildhall, committee room " + uuid.uuid4().hex[:4],
            f"attendees-{agency_id(db, 'city-police')}": "Sgt Sam Supervisor\nPC Olu Officer",
            f"attendees-{agency_id(db, 'city-council')}": "Chris Council"}
    data.update(changes)
    data["csrf"] = csrf_for(session)
    return session.post(URL + "/staff/panels", data=data, allow_redirects=False)


def test_a_panel_creates_an_action_that_lands_on_the_owners_work(db):
    police = as_role("police_officer")
    cid, ref = make_case(db)
    r = new_panel(police, db)
    assert r.status_code == 303, r.text[:2000]
    pid = int(re.match(r"/staff/panels/(\d+)$", r.headers["Location"]).group(1))
    held, agencies = one(db, "SELECT to_char(held_at AT TIME ZONE 'Europe/London', "
                             "'YYYY-MM-DD HH24:MI'), agencies FROM case_panel WHERE id = %s", pid)
    assert held == "2026-12-03 14:30"
    assert agencies == [agency_id(db, "city-council")]
    r = police.post(URL + f"/staff/panels/{pid}/cases", data={
        "csrf": csrf_for(police), "reference": ref,
        "decisions": "Council to send a Community Protection Warning"},
        allow_redirects=False)
    assert r.status_code == 303
    page = police.get(URL + f"/staff/panels/{pid}").text
    assert "3 December 2026 at 2:30pm" in page and "Chris Council" in page
    assert "Council to send a Community Protection Warning" in page
    link = f"/staff/cases/{ref}/actions/new?panel={pid}"
    assert f'href="{link}"' in page
    form = police.get(URL + link)
    assert form.status_code == 200 and f'name="panel" value="{pid}"' in form.text

    team = team_id(db, "city-council", "community-safety")
    data = action_form(db, type=str(one(db, "SELECT id FROM action_type WHERE code = 'cpw'")[0]),
                       title="CPW to J Smith", agency=str(agency_id(db, "city-council")),
                       team=str(team), person="", panel=str(pid),
                       **{"due-day": "10", "due-month": "12", "due-year": "2030"})
    data["csrf"] = csrf_for(police)
    r = police.post(URL + f"/staff/cases/{ref}/actions", data=data, allow_redirects=False)
    assert r.status_code == 303, r.text[:2000]
    aid = int(r.headers["Location"].rsplit("/", 1)[1])
    assert one(db, "SELECT panel_id FROM case_action WHERE id = %s", aid) == (pid,)
    # The council team's work: user_id NULL, its team's id.
    assert rows(db, "SELECT user_id, team_id, agency_id FROM case_work WHERE path = %s",
                f"/staff/actions/{aid}") == [(None, team, agency_id(db, "city-council"))]
    assert "CPW to J Smith" in police.get(URL + f"/staff/panels/{pid}").text
    council = as_role("council_officer")
    page = council.get(URL + f"/staff/actions/{aid}").text
    assert "The case panel of 3 December 2026" in page
    assert one(db, "SELECT count(*) FROM case_event WHERE case_id = %s AND kind IN "
                   "('panel_discussed', 'action_added')", cid)[0] == 2
    assert [a for (a,) in rows(db, "SELECT action FROM audit_event WHERE entity = "
                                   "'case_panel' AND entity_id = %s AND action <> 'view' "
                                   "ORDER BY id", str(pid))] == ["create", "case_discussed"]


def test_a_panel_is_seen_by_the_agencies_that_came(db):
    police = as_role("police_officer")
    r = new_panel(police, db, **{f"attendees-{agency_id(db, 'city-council')}": ""})
    pid = int(r.headers["Location"].rsplit("/", 1)[1])
    assert as_role("council_officer").get(URL + f"/staff/panels/{pid}").status_code == 404
    assert f"/staff/panels/{pid}" not in as_role("council_officer").get(URL + "/staff/panels").text
    assert f"/staff/panels/{pid}" in police.get(URL + "/staff/panels").text
    # A case the panel's reader does not work is not added.
    cid, ref = make_case(db, working=(), lead="officer@council.example")
    r = police.post(URL + f"/staff/panels/{pid}/cases", data={
        "csrf": csrf_for(police), "reference": ref, "decisions": "x"}, allow_redirects=False)
    assert r.status_code == 400 and "There is no case with that reference" in r.text
    assert as_role("police_officer").get(
        URL + f"/staff/cases/{ref}/actions/new?panel={pid}").status_code == 404


def test_bad_panel_form_is_given_back(db):
    police = as_role("police_officer")
    r = new_panel(police, db, **{"held-day": "32", "time": "teatime", "location": "",
                                 f"attendees-{agency_id(db, 'city-police')}": "",
                                 f"attendees-{agency_id(db, 'city-council')}": ""})
    assert r.status_code == 400
    assert "Date of the panel must be a real date" in r.text
    assert "Enter a time like 14:30 or 2:30pm" in r.text
    assert "Enter where the panel met" in r.text
    assert "Enter who came from at least one agency" in r.text
    assert 'value="teatime"' in r.text
