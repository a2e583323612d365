"""Team queues (README "Allocation and queues"): what lands in which queue
after the intake, from a police entry, a call with no location, a point
outside every beat and an Open311 report with an address only; claiming,
assigning, triage (accept, reallocate, no further action) and the first
action, each audited and on the incident's timeline; the clocks set once;
the queue's filters and orders, *my work* by due time, the supervisor's
workload, and who may do what."""
import re
import uuid
from contextlib import contextmanager

import pytest
import requests

from stack import URL
from staff import as_role, csrf_for
from test_answer_checks import API, api_key, attributes, filler, no_rate_limits  # noqa: F401
from test_intake import CALL_HANDLER, INSIDE, LOG, intake, one, police, risk_answers

SERVICE = "noise"
# Far from the City, in the UK (near Inverness): no beat is there. The
# test lays a council area of the partnership's council over it.
FAR = ("-4.2200", "57.4700")
FAR_SQUARE = "MULTIPOLYGON(((-4.25 57.45,-4.15 57.45,-4.15 57.50,-4.25 57.50,-4.25 57.45)))"


def rows(db, sql, *args):
    with db.cursor() as c:
        c.execute(sql, args)
        return c.fetchall()


def new_incident(db, **changes):
    """A police entry at Moorgate (Bassishaw ward): its reference."""
    out = intake(police(db, **changes))
    assert out["result"] == "ok", out
    return out["reference"]


def allocations(db, ref):
    """(team code, kind, reason, location to confirm, ended) of each
    allocation, in order of arrival."""
    return rows(db, "SELECT t.code, x.kind, x.reason, x.location_to_confirm, "
                    "x.ended_at IS NOT NULL FROM incident_allocation x "
                    "JOIN team t ON t.id = x.team_id JOIN incident i ON i.id = x.incident_id "
                    "WHERE i.reference = %s ORDER BY x.id", ref)


def allocation_id(db, ref, team):
    return one(db, "SELECT x.id FROM incident_allocation x JOIN team t ON t.id = x.team_id "
                   "JOIN incident i ON i.id = x.incident_id WHERE i.reference = %s "
                   "AND t.code = %s AND x.ended_at IS NULL", ref, team)[0]


def item_refs(html):
    """The references of a queue page's items, in the page's order."""
    return re.findall(r'<tr class="govuk-table__row" data-allocation="\d+">\s*'
                      r'<td class="govuk-table__cell"><a class="govuk-link" '
                      r'href="/staff/incidents/(ASB-\d{4}-\d+)"', html)


def queue(session, team, status=200, **params):
    r = session.get(f"{URL}/staff/queues/{team}", params=params)
    assert r.status_code == status, (r.status_code, r.text[:800])
    return r.text


def pages(session, team, **params):
    """Every page of a queue as filtered (a busy run fills a team's queue
    past its first page of 50), in order."""
    page = 1
    while True:
        html = queue(session, team, page=page, **params)
        yield html
        if 'rel="next"' not in html:
            return
        page += 1


def all_refs(session, team, **params):
    return [ref for html in pages(session, team, **params) for ref in item_refs(html)]


def row_of(session, team, ref, **params):
    """The table row of ref in a queue."""
    for html in pages(session, team, **params):
        if ref in item_refs(html):
            row = html[html.index(f'href="/staff/incidents/{ref}"'):]
            return row[:row.index("</tr>")]
    raise AssertionError(f"{ref} is not in the queue of {team}")


def act(session, allocation, action, status=303, **data):
    data["csrf"] = csrf_for(session)
    r = session.post(f"{URL}/staff/allocations/{allocation}/{action}", data=data,
                     allow_redirects=False)
    assert r.status_code == status, (r.status_code, r.text[:1500])
    return r


def user_id(db, email):
    return one(db, "SELECT id FROM app_user WHERE email = %s", email)[0]


def audit_actions(db, ref):
    return [a for (a,) in rows(db, "SELECT e.action FROM audit_event e "
                                   "JOIN incident i ON e.entity_id = i.id::text "
                                   "WHERE e.entity = 'incident' AND i.reference = %s "
                                   "ORDER BY e.id", ref)]


def events(db, ref):
    return rows(db, "SELECT q.kind, t.code, coalesce(u.email, ''), q.reason "
                    "FROM queue_event q JOIN incident i ON i.id = q.incident_id "
                    "LEFT JOIN team t ON t.id = q.team_id LEFT JOIN app_user u "
                    "ON u.id = q.user_id WHERE i.reference = %s ORDER BY q.id", ref)


def backdate(db, ref, hours):
    """Moves an incident's report back in time, as if it had waited: the
    clocks' trigger (0041) refuses that to everyone, so for this session
    only the triggers are off."""
    with db.cursor() as c:
        c.execute("SET session_replication_role = replica")
        c.execute("UPDATE incident SET reported_at = reported_at - make_interval(hours => %s) "
                  "WHERE reference = %s", (hours, ref))
        c.execute("SET session_replication_role = DEFAULT")


@contextmanager
def force_rules(db, column, value):
    old = one(db, f"SELECT {column} FROM agency WHERE code = 'city-police'")[0]
    with db.cursor() as c:
        c.execute(f"UPDATE agency SET {column} = %s WHERE code = 'city-police'", (value,))
    try:
        yield
    finally:
        with db.cursor() as c:
            c.execute(f"UPDATE agency SET {column} = %s WHERE code = 'city-police'", (old,))


@pytest.fixture
def far_area(db):
    """A council area of the City's council far from every beat, for as
    long as the test runs (then retired, as a re-import would)."""
    code = "TQ" + uuid.uuid4().hex[:6].upper()
    with db.cursor() as c:
        c.execute("INSERT INTO la_area (agency_id, code, name, geom, team_id) "
                  "SELECT g.id, %s, 'Far test area', ST_GeomFromText(%s, 4326), t.id "
                  "FROM agency g JOIN team t ON t.agency_id = g.id "
                  "AND t.code = 'community-safety' WHERE g.code = 'city-council'",
                  (code, FAR_SQUARE))
    yield code
    with db.cursor() as c:
        c.execute("UPDATE la_area SET retired_at = now() WHERE code = %s", (code,))


@pytest.fixture
def own_team(db):
    """A team of the force's of its own for the test, so that its queue
    holds only what the test puts there (a busy run fills the others);
    deactivated afterwards."""
    code = "qt-" + uuid.uuid4().hex[:6]
    with db.cursor() as c:
        c.execute("INSERT INTO team (agency_id, code, name) SELECT id, %s, %s "
                  "FROM agency WHERE code = 'city-police' RETURNING id",
                  (code, f"Queue test {code}"))
        team = c.fetchone()[0]
    yield code, team
    with db.cursor() as c:
        c.execute("UPDATE team SET active = false WHERE id = %s", (team,))


# -- what lands where ---------------------------------------------------------

def test_an_incident_in_a_ward_is_in_its_neighbourhood_and_council_queues(db):
    ref = new_incident(db)
    assert allocations(db, ref) == [
        ("neighbourhood", "neighbourhood",
         "In beat Bassishaw (E05009290): its neighbourhood team", False, False),
        ("community-safety", "council",
         "In council area City of London (E09000001): its council team", False, False)]
    row = row_of(as_role("police_officer"), "neighbourhood", ref)
    assert "In beat Bassishaw (E05009290): its neighbourhood team" in row
    assert ref in all_refs(as_role("council_officer"), "community-safety")
    # Each agency opens its own teams only: a code is looked up in yours.
    page = queue(as_role("council_officer"), "neighbourhood", status=404)
    assert "No team of City of London Corporation has the code" in page


def test_no_location_goes_to_the_forces_manual_triage_queue(db):
    tag = uuid.uuid4().hex[:8]
    with force_rules(db, "call_mandatory", "{type,description,caller,screening}"):
        out = intake({"channel": "call_handler", "type": "noise",
                      "description": f"Shouting somewhere {tag}", "log_number": LOG,
                      "people": [{"role": "reporter", "given_name": "Cal",
                                  "phone": "07700 900 222"}],
                      "screening": {"repeat": False, "vulnerable": False,
                                    "targeted": False, "at_risk": False}}, CALL_HANDLER)
    assert out["result"] == "ok", out
    ref = out["reference"]
    assert allocations(db, ref) == [
        ("triage", "triage", "No location given: manual triage", False, False)]
    row = row_of(as_role("police_supervisor"), "triage", ref, assigned="nobody")
    assert "No location" in row and "No location given: manual triage" in row
    # The supervisor is offered the triage queue; an officer their team's.
    assert "/staff/queues/triage" in as_role("police_supervisor").get(URL + "/staff/queues").text
    assert "/staff/queues/triage" not in as_role("police_officer").get(URL + "/staff/queues").text


def test_a_point_outside_every_beat_goes_to_manual_triage(db, far_area):
    ref = new_incident(db, lon=FAR[0], lat=FAR[1], address="Somewhere far", postcode="")
    assert allocations(db, ref) == [
        ("community-safety", "council",
         f"In council area Far test area ({far_area}): its council team", False, False),
        ("triage", "triage", "The point is outside every beat: manual triage",
         False, False)]
    assert ref in all_refs(as_role("police_supervisor"), "triage")


def test_an_open311_report_with_an_address_only_waits_with_location_to_confirm(api_key, db):
    tag = uuid.uuid4().hex[:8]
    data = {"api_key": api_key, "service_code": SERVICE, "device_id": uuid.uuid4().hex,
            "address_string": "10 Wood Street, EC2V 7AN",
            "description": f"Music from a flat {tag}"}
    for a in attributes(SERVICE):
        if a["required"]:
            multi = "[]" if a["datatype"] == "multivaluelist" else ""
            data[f"attribute[{a['code']}]{multi}"] = filler(a)
    r = requests.post(f"{API}/requests.json", data=data)
    assert r.status_code == 200, r.text[:500]
    ref = one(db, "SELECT reference FROM incident WHERE description LIKE %s",
              f"%{tag}%")[0]
    assert allocations(db, ref) == [
        ("triage", "triage", "An address and no point: location to confirm", True, False)]
    assert "Location to confirm" in row_of(as_role("police_supervisor"), "triage", ref)


# -- claim and assign ---------------------------------------------------------

def test_claim_then_assign_with_a_stale_form_refused(db):
    ref = new_incident(db)
    x = allocation_id(db, ref, "neighbourhood")
    officer, supervisor = as_role("police_officer"), as_role("police_supervisor")
    # Back to the queue as it was filtered (a query of filters only).
    r = act(officer, x, "claim", assigned="0",
            **{"from": "queue", "query": "assigned=nobody&sort=risk"})
    assert r.headers["Location"] == "/staff/queues/neighbourhood?assigned=nobody&sort=risk"
    assert one(db, "SELECT assigned_to FROM incident_allocation WHERE id = %s", x)[0] == \
        user_id(db, "officer@police.example")
    assert ref in all_refs(officer, "mine")
    assert ref in all_refs(officer, "neighbourhood", assigned="me")
    assert ref not in all_refs(officer, "neighbourhood", assigned="nobody")
    # The supervisor's page still said nobody had it: the first claim wins.
    page = act(supervisor, x, "claim", status=409, assigned="0").text
    assert "Someone else claimed or assigned this item since you opened the page" in page
    assert 'id="assigned">PC Olu Officer<' in page
    # Assigning needs someone of the agency who works incidents.
    council = user_id(db, "officer@council.example")
    page = act(supervisor, x, "assign", status=400, person=str(council),
               assigned=str(user_id(db, "officer@police.example"))).text
    assert "Select someone of your agency who works incidents" in page
    me = user_id(db, "supervisor@police.example")
    act(supervisor, x, "assign", person=str(me),
        assigned=str(user_id(db, "officer@police.example")))
    assert events(db, ref)[-2:] == [
        ("claimed", "neighbourhood", "officer@police.example", ""),
        ("assigned", "neighbourhood", "supervisor@police.example", "")]
    assert audit_actions(db, ref)[-2:] == ["claim", "assign"]
    # An officer may claim, not assign someone else.
    act(officer, x, "assign", status=403, person=str(me), assigned=str(me))


# -- triage -------------------------------------------------------------------

def test_accepting_sets_the_incidents_triage_clock_once(db):
    ref = new_incident(db)
    police_x = allocation_id(db, ref, "neighbourhood")
    council_x = allocation_id(db, ref, "community-safety")
    act(as_role("police_officer"), police_x, "accept")
    first = one(db, "SELECT triaged_at FROM incident WHERE reference = %s", ref)[0]
    assert first is not None
    assert one(db, "SELECT triage, triaged_at = %s FROM incident_allocation WHERE id = %s",
               first, police_x) == ("accepted", True)
    page = act(as_role("police_officer"), police_x, "accept", status=409).text
    assert "This item was triaged already" in page
    # The council's triage is its own queue's; the incident's clock stays.
    act(as_role("council_officer"), council_x, "accept")
    assert one(db, "SELECT triaged_at FROM incident WHERE reference = %s", ref)[0] == first
    assert one(db, "SELECT triage FROM incident_allocation WHERE id = %s",
               council_x)[0] == "accepted"
    assert audit_actions(db, ref).count("triage_accept") == 2


def test_reallocation_keeps_the_history_and_moves_the_item(db):
    ref = new_incident(db)
    x = allocation_id(db, ref, "neighbourhood")
    hub = one(db, "SELECT t.id FROM team t JOIN agency g ON g.id = t.agency_id "
                  "WHERE g.code = 'city-police' AND t.code = 'asb-hub'")[0]
    supervisor = as_role("police_supervisor")
    # The teams offered are those that may take it, not the ones holding it.
    page = supervisor.get(f"{URL}/staff/allocations/{x}").text
    assert f'<option value="{hub}">ASB Hub (City of London Police)</option>' in page
    assert "Neighbourhood Policing Team (City of London Police)</option>" not in page
    council_team = one(db, "SELECT id FROM team WHERE code = 'community-safety'")[0]
    page = act(supervisor, x, "reallocate", status=400, team=str(council_team),
               reason="Theirs").text
    assert "The incident is in that team&#39;s queue already" in page
    page = act(supervisor, x, "reallocate", status=400, team=str(hub), reason="").text
    assert "Enter why it is being reallocated" in page
    act(as_role("police_officer"), x, "reallocate", status=403, team=str(hub), reason="x")
    r = act(supervisor, x, "reallocate", team=str(hub), reason="Youths: the hub's work")
    assert r.headers["Location"] == "/staff/queues/neighbourhood"
    assert allocations(db, ref) == [
        ("neighbourhood", "neighbourhood",
         "In beat Bassishaw (E05009290): its neighbourhood team", False, True),
        ("community-safety", "council",
         "In council area City of London (E09000001): its council team", False, False),
        ("asb-hub", "reallocated",
         "Reallocated from Neighbourhood Policing Team: Youths: the hub's work",
         False, False)]
    assert one(db, "SELECT o.ended_reason, o.replaced_by = n.id, o.ended_by = u.id "
                   "FROM incident_allocation o "
                   "JOIN incident_allocation n ON n.incident_id = o.incident_id "
                   "AND n.kind = 'reallocated' "
                   "JOIN app_user u ON u.email = 'supervisor@police.example' "
                   "WHERE o.id = %s", x) == ("Youths: the hub's work", True, True)
    assert events(db, ref)[-1] == ("reallocated", "asb-hub", "", "Youths: the hub's work")
    assert one(db, "SELECT action, reason, after ->> 'to_team' FROM audit_event "
                   "WHERE entity = 'incident' AND entity_id = (SELECT id::text FROM incident "
                   "WHERE reference = %s) ORDER BY id DESC LIMIT 1", ref) == \
        ("reallocate", "Youths: the hub's work", str(hub))
    assert ref in all_refs(supervisor, "asb-hub")
    assert ref not in all_refs(supervisor, "neighbourhood")
    # A form from before the move finds the item gone.
    page = act(supervisor, x, "accept", status=409).text
    assert "it has left the queue" in page and 'id="ended"' in page
    # The incident page: why it is where it is, where it was, the timeline.
    page = supervisor.get(f"{URL}/staff/incidents/{ref}").text
    now = page[page.index('id="queues-now"'):page.index('id="flags"')]
    assert "Reallocated from Neighbourhood Policing Team: Youths: the hub&#39;s work" in now
    earlier = page[page.index('id="queues-earlier"'):]
    assert "reallocated to ASB Hub: Youths: the hub&#39;s work" in earlier[:2000]
    assert "Reallocated from Neighbourhood Policing Team to ASB Hub" in page


def test_no_further_action_closes_the_incident_in_its_last_queue(db):
    ref = new_incident(db)
    council_x = allocation_id(db, ref, "community-safety")
    police_x = allocation_id(db, ref, "neighbourhood")
    page = act(as_role("council_manager"), council_x, "nfa", status=400, reason=" ").text
    assert "Enter why no further action is needed" in page
    act(as_role("council_manager"), council_x, "nfa", reason="Not a council matter")
    assert one(db, "SELECT triage, ended_reason FROM incident_allocation WHERE id = %s",
               council_x) == ("nfa", "No further action: Not a council matter")
    assert one(db, "SELECT status::text FROM incident WHERE reference = %s", ref)[0] != "closed"
    page = as_role("police_supervisor").get(f"{URL}/staff/allocations/{police_x}").text
    assert "This is the last queue the incident is in" in page
    r = act(as_role("police_supervisor"), police_x, "nfa", reason="Moved away")
    assert r.headers["Location"] == "/staff/queues/neighbourhood"
    assert one(db, "SELECT status::text, outcome, closure_reason, triaged_at IS NOT NULL "
                   "FROM incident WHERE reference = %s", ref) == (
        "closed", "no_further_action",
        "No further action in the queue of Neighbourhood Policing Team: Moved away", True)
    assert audit_actions(db, ref)[-2:] == ["triage_nfa", "close"]
    assert [e[0] for e in events(db, ref)][-2:] == ["nfa", "nfa"]


def test_no_further_action_without_the_right_to_close_asks_a_supervisor(db):
    ref = new_incident(db)
    act(as_role("council_manager"), allocation_id(db, ref, "community-safety"), "nfa",
        reason="Not ours")
    act(as_role("police_officer"), allocation_id(db, ref, "neighbourhood"), "nfa",
        reason="Resolved by words")
    assert one(db, "SELECT status::text <> 'closed', close_request_reason FROM incident "
                   "WHERE reference = %s", ref) == (
        True, "No further action in the queue of Neighbourhood Policing Team: "
              "Resolved by words")
    page = as_role("police_supervisor").get(f"{URL}/staff/incidents/{ref}").text
    assert 'id="close-requested"' in page and "Resolved by words" in page


# -- the first action -----------------------------------------------------------

def test_the_first_action_is_an_update_and_sets_the_clock_once(db):
    ref = new_incident(db)
    x = allocation_id(db, ref, "neighbourhood")
    officer = as_role("police_officer")
    page = act(officer, x, "first-action", status=400, note="").text
    assert "Enter what was done" in page
    act(officer, x, "first-action", note="Visited the victim")
    first = one(db, "SELECT first_action_at FROM incident WHERE reference = %s", ref)[0]
    assert first is not None
    assert one(db, "SELECT u.text, u.public FROM incident_update u JOIN incident i "
                   "ON i.id = u.incident_id WHERE i.reference = %s", ref) == \
        ("Visited the victim", False)
    page = act(officer, x, "first-action", status=409, note="Again").text
    assert "The first action on this item was recorded already" in page
    act(as_role("council_officer"), allocation_id(db, ref, "community-safety"),
        "first-action", note="Letter sent")
    assert one(db, "SELECT first_action_at FROM incident WHERE reference = %s", ref)[0] == first
    timeline = officer.get(f"{URL}/staff/incidents/{ref}").text
    timeline = timeline[timeline.index('id="timeline-list"'):]
    for words in ("Placed in the queue of Neighbourhood Policing Team",
                  "Placed in the queue of Community Safety Team",
                  "First action by Neighbourhood Policing Team",
                  "First action by Community Safety Team"):
        assert words in timeline, words
    assert timeline.count('data-kind="queue"') == 4


# -- filters, orders, my work, workload -----------------------------------------

def test_filters_and_orders_of_a_queue(db, own_team):
    code, team = own_team
    high = new_incident(db, risk=risk_answers(db, "yes"))
    standard = new_incident(db)
    old = new_incident(db)
    levels = dict(rows(db, "SELECT reference, risk_level::text FROM incident "
                           "WHERE reference IN (%s, %s, %s)", high, standard, old))
    assert levels[high] == "high" and levels[standard] == levels[old] == "standard"
    s = as_role("police_supervisor")
    for ref in (high, standard, old):
        act(s, allocation_id(db, ref, "neighbourhood"), "reallocate", team=str(team),
            reason="For the test of the filters")
    backdate(db, old, 30)   # past the standard triage target of 24 hours
    act(as_role("police_officer"), allocation_id(db, standard, code), "accept")
    assert sorted(item_refs(queue(s, code))) == sorted([high, standard, old])
    assert item_refs(queue(s, code, risk="high")) == [high]
    assert item_refs(queue(s, code, clock="overdue")) == [old]
    assert item_refs(queue(s, code, clock="triaged")) == [standard]
    assert item_refs(queue(s, code, clock="untriaged")) == [old, high]
    assert sorted(item_refs(queue(s, code, clock="due"))) == sorted([high, standard])
    # By due time the overdue one first, then the high risk one (due in an
    # hour), then the accepted one's first action; by risk the high one;
    # by age the oldest report.
    assert item_refs(queue(s, code)) == [old, high, standard]
    assert item_refs(queue(s, code, sort="risk"))[0] == high
    assert item_refs(queue(s, code, sort="age")) == [old, high, standard]
    act(s, allocation_id(db, high, code), "claim", assigned="0")
    assert item_refs(queue(s, code, assigned="me")) == [high]
    assert item_refs(queue(s, code, assigned="nobody")) == [old, standard]
    assert "Triage was due" in row_of(s, code, old, clock="overdue")
    page = queue(s, code, status=400, risk="extreme", sort="sideways")
    assert "Select a risk level from the list" in page
    assert "Select an order from the list" in page


def test_my_work_puts_the_overdue_first(db):
    fresh = new_incident(db)
    late = new_incident(db)
    backdate(db, late, 30)
    manager = as_role("council_manager")
    for ref in (fresh, late):
        r = act(manager, allocation_id(db, ref, "community-safety"), "claim",
                assigned="0", **{"from": "mine", "query": "//evil.example/"})
        assert r.headers["Location"] == "/staff/queues/mine"
    refs = all_refs(manager, "mine")
    assert refs.index(late) < refs.index(fresh)
    # My work is by due time whatever the query says.
    assert all_refs(manager, "mine", sort="age", risk="high") == refs


def test_the_supervisors_workload_counts_each_persons_items(db):
    supervisor = as_role("police_supervisor")

    def officer_row():
        page = supervisor.get(URL + "/staff/queues/workload").text
        m = re.search(r'<th scope="row" class="govuk-table__header">PC Olu Officer</th>'
                      r'<td class="govuk-table__cell">Neighbourhood Policing Team</td>'
                      r'<td class="govuk-table__cell govuk-table__cell--numeric">(\d+)</td>'
                      r'<td class="govuk-table__cell govuk-table__cell--numeric">(\d+)</td>',
                      page)
        assert m, page[-3000:]
        return int(m.group(1)), int(m.group(2))

    before = officer_row()
    ref = new_incident(db)
    act(as_role("police_officer"), allocation_id(db, ref, "neighbourhood"), "claim",
        assigned="0")
    assert officer_row() == (before[0] + 1, before[1] + 1)
    r = as_role("police_officer").get(URL + "/staff/queues/workload")
    assert r.status_code == 403


# -- who may do what ------------------------------------------------------------

def test_staff_act_only_on_their_own_agencys_queues(db):
    ref = new_incident(db)
    council_x = allocation_id(db, ref, "community-safety")
    officer = as_role("police_officer")
    page = act(officer, council_x, "claim", status=403, assigned="0").text
    assert "You can act only on the queues of your own agency, City of London Police" in page
    page = officer.get(f"{URL}/staff/allocations/{council_x}").text
    assert 'id="not-ours"' in page and "/claim" not in page
    assert one(db, "SELECT assigned_to FROM incident_allocation WHERE id = %s",
               council_x)[0] is None
    # Without incident.view there are no queues at all.
    assert as_role("analyst").get(URL + "/staff/queues").status_code == 403


def test_the_queues_are_linked_from_home_and_the_navigation(db):
    page = as_role("police_officer").get(URL + "/staff").text
    assert 'href="/staff/queues">Your queues and your work</a>' in page
    assert re.search(r'govuk-service-navigation__link" href="/staff/queues"', page)
    page = as_role("police_officer").get(URL + "/staff/queues").text
    assert 'href="/staff/queues/mine">My work</a>' in page
    assert re.search(r'href="/staff/queues/neighbourhood">Neighbourhood Policing Team</a> '
                     r'<strong class="govuk-tag govuk-tag--blue">Your team</strong>', page)
