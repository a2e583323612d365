"""Routing rules administration (/admin/routing): adding, changing,
reordering and deleting rules through the pages, each change audited and
bad input refused with a linked error summary; the problems the page flags
(a rule that can never match, one never reached, one that sends to a team
gone or inactive); the force's manual triage queue; the "try it" box; and
rule ordering and matching through the real intake of several channels
(concordctl intake as a police officer and a call handler, Open311, a
housing provider's report through the pages), checked in
incident_allocation. Every test puts the rules, the triage queue and any
type, team or agency it switched off back as they were."""
import html
import random
import re
import uuid

import pytest
import requests

from stack import URL
from staff import as_role, csrf_for
from test_answer_checks import API, api_key, attributes, filler, no_rate_limits  # noqa: F401
from test_intake import CALL_HANDLER, INSIDE, intake, police
from test_partner_report import PARTNER, WHERE, partner_session, past_evidence, step, submit, \
    to_impact
from test_report_form import no_rate_limit  # noqa: F401

OUTSIDE = ("-0.0553", "51.5450")    # Hackney: outside the partnership
RULE_COLS = ("id, position, name, type_codes, categories, flags, channels, agency_ids, "
             "area_codes, team_ids, stop, deleted_at")


def one(db, sql, *args):
    with db.cursor() as c:
        c.execute(sql, args)
        row = c.fetchone()
    return row[0] if row is not None and len(row) == 1 else row


def rows(db, sql, *args):
    with db.cursor() as c:
        c.execute(sql, args)
        return c.fetchall()


@pytest.fixture(autouse=True)
def as_they_were(db):
    """The rules, the triage queue, and the active flags of types, teams and
    agencies, put back after each test (other tests rely on the demo's)."""
    saved = rows(db, f"SELECT {RULE_COLS} FROM routing_rule WHERE deleted_at IS NULL")
    triage = rows(db, "SELECT id, triage_team_id FROM agency")
    active = {t: rows(db, f"SELECT id, active FROM {t}") for t in ("asb_type", "team", "agency")}
    yield
    with db.cursor() as c:
        c.execute("UPDATE routing_rule SET deleted_at = now() WHERE deleted_at IS NULL")
        for r in saved:
            c.execute("UPDATE routing_rule SET position = %s, name = %s, type_codes = %s, "
                      "categories = %s::asb_category[], flags = %s, "
                      "channels = %s::incident_channel[], agency_ids = %s, area_codes = %s, "
                      "team_ids = %s, stop = %s, deleted_at = NULL WHERE id = %s",
                      (r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[0]))
        for gid, team in triage:
            c.execute("UPDATE agency SET triage_team_id = %s WHERE id = %s", (team, gid))
        for table, states in active.items():
            for rid, on in states:
                c.execute(f"UPDATE {table} SET active = %s WHERE id = %s AND active <> %s",
                          (on, rid, on))


def admin():
    return as_role("administrator")


def team(db, agency, code):
    return one(db, "SELECT t.id FROM team t JOIN agency a ON a.id = t.agency_id "
               "WHERE a.code = %s AND t.code = %s", agency, code)


def agency(db, code):
    return one(db, "SELECT id FROM agency WHERE code = %s", code)


def beat_at(db, lon, lat):
    return one(db, "SELECT code FROM beat WHERE retired_at IS NULL AND ST_Covers(geom, "
               "ST_SetSRID(ST_MakePoint(%s, %s), 4326))", float(lon), float(lat))


def post(path, data, page=None, session=None):
    s = session or admin()
    data = dict(data)
    data["csrf"] = csrf_for(s, page or path)
    return s.post(URL + path, data=data, allow_redirects=False)


def rule_data(db, name, teams=(("city-police", "asb-hub"),), stop="no", **over):
    data = {"name": name, "teams": [str(team(db, a, t)) for a, t in teams],
            "stop": stop, "areas": "", "reason": ""}
    data.update(over)
    return data


def add_rule(db, name, **kw):
    r = post("/admin/routing", rule_data(db, name, **kw), "/admin/routing/new")
    assert r.status_code == 303, (r.status_code, text_of(r.text)[:1500])
    return one(db, "SELECT id FROM routing_rule WHERE name = %s AND deleted_at IS NULL", name)


def order(db):
    return rows(db, "SELECT position, name FROM routing_rule WHERE deleted_at IS NULL "
                "ORDER BY position")


def no_rules(db):
    """A clean slate for the matching tests (as_they_were puts the demo's back)."""
    with db.cursor() as c:
        c.execute("UPDATE routing_rule SET deleted_at = now() WHERE deleted_at IS NULL")


def audit(db, entity, entity_id, since):
    return rows(db, "SELECT action, before, after, reason FROM audit_event WHERE entity = %s "
                "AND entity_id = %s AND id > %s ORDER BY id", entity, str(entity_id), since)


def last_audit(db):
    return one(db, "SELECT coalesce(max(id), 0) FROM audit_event")


def text_of(page):
    """The page's main content as a person reads it."""
    main = page[page.find("<main"):]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", main))).strip()


def errors_of(page):
    return re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', page)


def listing():
    r = admin().get(URL + "/admin/routing")
    assert r.status_code == 200, r.status_code
    return r.text


def row_of(page, rule_id):
    """The words of one rule's row on the rules page."""
    m = re.search(r'<tr class="govuk-table__row" id="rule-%d">(.*?)</tr>' % rule_id, page, re.S)
    assert m, f"rule {rule_id} is not listed"
    return text_of("<main>" + m.group(1))


# ---------------------------------------------------------------------------
# the pages: add, change, reorder, delete, audited

def test_an_administrator_adds_a_rule_listed_in_words_and_audited(db):
    since = last_audit(db)
    bassishaw = beat_at(db, *INSIDE)
    before = len(order(db))
    rid = add_rule(db, "Youth on the estates", stop="yes",
                   types=["noise", "nuisance-gatherings"], categories=["nuisance"],
                   flags=["youth", "hate"], channels=["public", "open311"],
                   agencies=[str(agency(db, "hackney-homes"))], areas=f" {bassishaw}, E09000001\n",
                   teams=(("city-police", "asb-hub"), ("hackney-homes", "tenancy-enforcement")),
                   reason="Youth workers asked for these")
    row = one(db, "SELECT position, type_codes, categories::text[], flags, channels::text[], "
               "agency_ids, area_codes, team_ids, stop, updated_by IS NOT NULL "
               "FROM routing_rule WHERE id = %s", rid)
    assert row == (before + 1, ["noise", "nuisance-gatherings"], ["nuisance"], ["youth", "hate"],
                   ["public", "open311"], [agency(db, "hackney-homes")],
                   [bassishaw, "E09000001"],
                   [team(db, "city-police", "asb-hub"),
                    team(db, "hackney-homes", "tenancy-enforcement")], True, True)
    [(action, b, after, reason)] = audit(db, "routing_rule", rid, since)
    assert (action, b, reason) == ("create", {}, "Youth workers asked for these")
    assert after["name"] == "Youth on the estates" and after["flags"] == ["youth", "hate"]
    assert after["position"] == before + 1 and after["stop"] is True
    page = listing()
    assert f"Rule {before + 1} “Youth on the estates” has been added." in text_of(page)
    words = row_of(page, rid)
    for said in ("Type: Noise or Nuisance gatherings and rowdy behaviour",
                 "Category: Nuisance", "Flags, all of: Young people involved and Hate",
                 "Channel: Public reporting form or Open311 API",
                 "Reported by: Hackney Homes",
                 "In area: Bassishaw (%s) or City of London (E09000001)" % bassishaw,
                 "ASB Hub City of London Police", "Tenancy Enforcement Hackney Homes", "Yes"):
        assert said in words, (said, words)
    everything = add_rule(db, "Everything")
    assert "Every incident" in row_of(listing(), everything)


def test_the_page_says_how_rules_are_applied():
    words = text_of(listing())
    for said in ("The rules are tried in order, first to last.",
                 "A condition left empty places no limit.",
                 "any one of them will do.", "Every flag a rule lists must be raised",
                 "down to and including the first matching rule that says stop"):
        assert said in words, said


def test_bad_input_gets_a_linked_summary_keeps_what_was_typed_and_saves_nothing(db):
    count = one(db, "SELECT count(*) FROM routing_rule")
    with db.cursor() as c:
        c.execute("UPDATE team SET active = false WHERE id = %s",
                  (team(db, "hackney-homes", "estate-services"),))
    r = post("/admin/routing", {"name": "  ", "types": ["noise"], "categories": ["personal"],
                                "areas": "E05000000, NOPE-1", "agencies": [str(agency(db, "camden-council"))],
                                "teams": [str(team(db, "hackney-homes", "estate-services"))]},
             "/admin/routing/new")
    assert r.status_code == 400
    assert "<title>Error: " in r.text
    assert errors_of(r.text) == [
        ("name", "Enter a name for the rule"),
        ("categories", "Noise is a type in the Nuisance category, which the categories "
                       "you chose leave out: tick Nuisance or untick Noise"),
        ("agencies", "Camden Council is inactive: untick it"),
        ("areas", "“E05000000” is not the code of a current beat or council area"),
        ("teams", "Estate Services (Hackney Homes) is inactive: untick it"),
        ("stop", "Select yes if later rules should not apply when this one matches")]
    for field in ("name", "categories", "agencies", "areas", "teams", "stop"):
        assert f'id="{field}-error"' in r.text and f'id="{field}"' in r.text, field
    assert ">E05000000, NOPE-1</textarea>" in r.text
    assert re.search(r'name="types" type="checkbox" value="noise" checked', r.text)
    # The inactive team stays on the form, ticked, so that it can be unticked.
    assert "Estate Services (inactive)" in r.text
    r = post("/admin/routing", {"name": "No teams", "stop": "no"}, "/admin/routing/new")
    assert errors_of(r.text) == [("teams", "Select at least one team to send to")]
    assert one(db, "SELECT count(*) FROM routing_rule") == count


def test_the_form_has_labels_and_fieldsets_with_legends(db):
    page = admin().get(URL + "/admin/routing/new").text
    for legend in ("Types of ASB", "Categories", "Flags that must all be raised",
                   "Channels it comes in by", "Reporting agencies", "Teams it sends to",
                   "City of London Police", "Stop here when it matches?"):
        assert re.search(r'<legend class="govuk-fieldset__legend[^"]*">%s</legend>'
                         % re.escape(legend), page), legend
    for word in ("Young people involved", "Hate", "Vulnerable victim", "Repeat location",
                 "Repeat victim", "Urgent"):
        assert re.search(r'<label class="govuk-label govuk-checkboxes__label" for="flags[-0-9]*">'
                         + word + "</label>", page), word
    ids = re.findall(r'<input class="govuk-checkboxes__input" id="([^"]+)"', page)
    labels = re.findall(r'<label class="govuk-label govuk-checkboxes__label" for="([^"]+)"', page)
    assert ids == labels and len(ids) == len(set(ids))
    assert '<label class="govuk-label govuk-label--s" for="areas">' in page


def test_a_change_is_audited_with_only_what_changed_and_a_stale_form_is_refused(db):
    rid = add_rule(db, "Hate on buses", flags=["hate"])
    page = admin().get(URL + f"/admin/routing/{rid}").text
    version = re.search(r'name="version" value="([0-9a-f]{32})"', page).group(1)
    assert re.search(r'name="flags" type="checkbox" value="hate" checked', page)
    since = last_audit(db)
    data = rule_data(db, "Hate on buses and trains", flags=["hate", "urgent"], version=version,
                     reason="Trains too")
    r = post(f"/admin/routing/{rid}", data)
    assert r.status_code == 303, text_of(r.text)[:800]
    [(action, b, after, reason)] = audit(db, "routing_rule", rid, since)
    assert action == "update" and reason == "Trains too"
    assert b == {"name": "Hate on buses", "flags": ["hate"]}
    assert after == {"name": "Hate on buses and trains", "flags": ["hate", "urgent"]}
    # The form made before that change is out of date now.
    r = post(f"/admin/routing/{rid}", dict(data, name="Someone else's"))
    assert r.status_code == 409
    assert one(db, "SELECT name FROM routing_rule WHERE id = %s", rid) == "Hate on buses and trains"
    assert admin().get(URL + "/admin/routing/999999999").status_code == 404


def test_moving_a_rule_swaps_it_with_its_neighbour_audited_and_positions_stay_unique(db):
    a = add_rule(db, "Move A")
    b = add_rule(db, "Move B")
    n = len(order(db))
    since = last_audit(db)
    r = post(f"/admin/routing/{b}/move", {"direction": "up"}, "/admin/routing")
    assert r.status_code == 303 and r.headers["Location"] == "/admin/routing"
    assert order(db)[-2:] == [(n - 1, "Move B"), (n, "Move A")]
    assert [x[:3] for x in audit(db, "routing_rule", a, since)] == [
        ("move", {"position": n - 1}, {"position": n})]
    assert [x[:3] for x in audit(db, "routing_rule", b, since)] == [
        ("move", {"position": n}, {"position": n - 1})]
    assert "“Move B” is now rule %d." % (n - 1) in text_of(listing())
    post(f"/admin/routing/{a}/move", {"direction": "down"}, "/admin/routing")
    assert "“Move A” is the last rule already." in text_of(listing())
    first = order(db)[0][1]
    first_id = one(db, "SELECT id FROM routing_rule WHERE name = %s AND deleted_at IS NULL", first)
    post(f"/admin/routing/{first_id}/move", {"direction": "up"}, "/admin/routing")
    positions = [p for p, _ in order(db)]
    assert positions == list(range(1, len(positions) + 1))
    assert post(f"/admin/routing/{a}/move", {"direction": "sideways"},
                "/admin/routing").status_code == 400


def test_deleting_a_rule_keeps_its_row_closes_the_gap_and_is_audited(db):
    before = order(db)
    assert len(before) >= 3
    victim = one(db, "SELECT id FROM routing_rule WHERE deleted_at IS NULL AND position = 2")
    after_it = one(db, "SELECT id FROM routing_rule WHERE deleted_at IS NULL AND position = 3")
    since = last_audit(db)
    r = post(f"/admin/routing/{victim}/delete", {"reason": "No longer wanted"},
             f"/admin/routing/{victim}")
    assert r.status_code == 303
    assert one(db, "SELECT deleted_at IS NOT NULL FROM routing_rule WHERE id = %s", victim)
    assert order(db) == [(i + 1, name) for i, (_, name) in
                         enumerate([x for x in before if x[0] != 2])]
    [(action, b, after, reason)] = audit(db, "routing_rule", victim, since)
    assert (action, after, reason) == ("delete", {}, "No longer wanted")
    assert b["position"] == 2 and b["name"] == before[1][1]
    assert [x[:3] for x in audit(db, "routing_rule", after_it, since)] == [
        ("move", {"position": 3}, {"position": 2})]
    assert f"“{before[1][1]}” has been deleted." in text_of(listing())
    assert f'id="rule-{victim}"' not in listing()
    assert admin().get(URL + f"/admin/routing/{victim}").status_code == 404
    assert post(f"/admin/routing/{victim}/delete", {}, "/admin/routing").status_code == 404


def test_the_history_page_shows_a_rules_changes(db):
    rid = add_rule(db, "With a history", reason="Started it")
    r = admin().get(URL + f"/admin/routing/{rid}/history")
    assert r.status_code == 200 and "Started it" in r.text
    assert "History of rule" in r.text


@pytest.mark.parametrize("role", ["police_officer", "police_supervisor", "council_manager",
                                  "partner_reporter", "analyst"])
@pytest.mark.parametrize("method,path", [
    ("GET", "/admin/routing"), ("GET", "/admin/routing/new"), ("GET", "/admin/routing/1"),
    ("GET", "/admin/routing/1/history"), ("GET", "/admin/routing?try=1"),
    ("POST", "/admin/routing"), ("POST", "/admin/routing/1"),
    ("POST", "/admin/routing/1/move"), ("POST", "/admin/routing/1/delete"),
    ("POST", "/admin/routing/triage")])
def test_staff_without_admin_routing_are_refused(db, role, method, path):
    s = as_role(role)
    count = one(db, "SELECT count(*) FROM audit_event WHERE entity = 'routing_rule'")
    if method == "GET":
        r = s.get(URL + path, allow_redirects=False)
    else:
        r = s.post(URL + path, data={"csrf": csrf_for(s), "name": "x", "direction": "up",
                                     "triage_team": "1", "stop": "no", "teams": "1"},
                   allow_redirects=False)
    assert r.status_code == 403
    assert "Your role does not allow this" in r.text
    assert one(db, "SELECT count(*) FROM audit_event WHERE entity = 'routing_rule'") == count


def test_the_administration_home_links_to_the_rules():
    assert 'href="/admin/routing"' in admin().get(URL + "/admin").text


# ---------------------------------------------------------------------------
# the force's manual triage queue

def test_the_triage_queue_is_set_audited_and_checked(db):
    force = agency(db, "city-police")
    hub = team(db, "city-police", "asb-hub")
    old = one(db, "SELECT triage_team_id FROM agency WHERE id = %s", force)
    assert re.search(r'<option value="%d" selected>Force ASB Triage</option>' % old, listing())
    since = last_audit(db)
    r = post("/admin/routing/triage", {"triage_team": str(hub)}, "/admin/routing")
    assert r.status_code == 303
    assert one(db, "SELECT triage_team_id FROM agency WHERE id = %s", force) == hub
    [(action, b, after, _)] = audit(db, "agency", force, since)
    assert (action, b, after) == ("update", {"triage_team": old}, {"triage_team": hub})
    assert "The manual triage queue has been changed." in text_of(listing())
    r = post("/admin/routing/triage", {"triage_team": ""}, "/admin/routing")
    assert r.status_code == 400
    assert errors_of(r.text) == [("triage-team", "Select the team that triages incidents "
                                  "with no location or a point outside every beat")]
    with db.cursor() as c:
        c.execute("UPDATE team SET active = false WHERE id = %s",
                  (team(db, "city-police", "control-room"),))
    r = post("/admin/routing/triage", {"triage_team": str(team(db, "city-police",
                                                                "control-room"))}, "/admin/routing")
    assert r.status_code == 400
    assert errors_of(r.text) == [("triage-team", "Select an active team from the list")]
    assert one(db, "SELECT triage_team_id FROM agency WHERE id = %s", force) == hub
    # A point outside every beat now goes to the hub, as the try box says.
    words = try_it(where="none", type="noise", channel="police", agency=str(force))
    assert "ASB Hub City of London Police Manual triage No location given: manual triage" in words


# ---------------------------------------------------------------------------
# problems flagged on the page

def insert_rule(db, name, **cols):
    with db.cursor() as c:
        c.execute("SELECT coalesce(max(position), 0) + 1 FROM routing_rule "
                  "WHERE deleted_at IS NULL")
        pos = c.fetchone()[0]
        c.execute("INSERT INTO routing_rule (position, name, type_codes, categories, flags, "
                  "agency_ids, area_codes, team_ids, stop) VALUES (%s, %s, %s, "
                  "%s::asb_category[], %s, %s, %s, %s, %s) RETURNING id",
                  (pos, name, cols.get("types", []), cols.get("categories", []),
                   cols.get("flags", []), cols.get("agencies", []), cols.get("areas", []),
                   cols.get("teams") or [team(db, "city-police", "asb-hub")],
                   cols.get("stop", False)))
        return c.fetchone()[0]


def set_active(db, table, rid, on):
    with db.cursor() as c:
        c.execute(f"UPDATE {table} SET active = %s WHERE id = %s", (on, rid))


PROBLEMS = {
    "type gone": (lambda db: insert_rule(db, "Gone type", types=["no-such-type"]),
                  "Type “no-such-type” is no longer in the catalogue: this rule can never match"),
    "type inactive": (lambda db: (set_active(db, "asb_type", one(
        db, "SELECT id FROM asb_type WHERE code = 'begging'"), False),
        insert_rule(db, "Begging", types=["begging", "noise"]))[1],
        "Type Begging (begging) is inactive, so the rule never matches it"),
    "categories exclude": (lambda db: insert_rule(db, "Excluded", types=["noise"],
                                                  categories=["personal"]),
                           "None of its types is in its categories: this rule can never match"),
    "area gone": (lambda db: insert_rule(db, "Gone area", areas=["E05999999"]),
                  "Area code “E05999999” is not a current beat or council area: "
                  "this rule can never match"),
    "agency inactive": (lambda db: insert_rule(db, "Camden", agencies=[agency(db, "camden-council")]),
                        "Reporting agency Camden Council is inactive: this rule can never match"),
    "team gone": (lambda db: insert_rule(db, "Gone team", teams=[987654321]),
                  "It sends to a team that no longer exists (team 987654321): "
                  "the rule adds no queue"),
    "team inactive": (lambda db: (set_active(db, "team", team(db, "hackney-homes", "estate-services"),
                                             False),
                                  insert_rule(db, "Estates", teams=[
                                      team(db, "hackney-homes", "estate-services"),
                                      team(db, "city-police", "asb-hub")]))[1],
                      "It sends to Estate Services (Hackney Homes), which is inactive"),
}


@pytest.mark.parametrize("kind", sorted(PROBLEMS))
def test_each_problem_is_flagged_next_to_its_rule_and_counted(db, kind):
    assert "problems found" not in text_of(listing()) and "problem found" not in text_of(listing())
    make, message = PROBLEMS[kind]
    rid = make(db)
    page = listing()
    assert "Warning " + message in row_of(page, rid)
    assert "1 problem found in 1 rule: see the warnings next to each rule below." \
        in text_of(page)


def test_a_rule_hidden_by_an_earlier_stop_rule_is_flagged(db):
    youth = one(db, "SELECT id FROM routing_rule WHERE deleted_at IS NULL AND flags = '{youth}'")
    everything = add_rule(db, "Everything, then stop", stop="yes")
    narrower = add_rule(db, "Hate by Open311", flags=["hate"], channels=["open311"])
    page = listing()
    assert "never reached" not in row_of(page, youth)
    n = one(db, "SELECT position FROM routing_rule WHERE id = %s", everything)
    assert ("Warning This rule is never reached: rule %d “Everything, then stop” comes "
            "first, says stop, and matches every incident this one does" % n) \
        in row_of(page, narrower)
    # A stop rule with a subset of the later one's conditions hides it too.
    post(f"/admin/routing/{everything}/delete", {}, f"/admin/routing/{everything}")
    hate = add_rule(db, "Any hate, stop", flags=["hate"], stop="yes")
    later = add_rule(db, "Hate by Open311 again", flags=["hate", "urgent"], channels=["open311"])
    wider = add_rule(db, "Urgent", flags=["urgent"])
    page = listing()
    assert "Any hate, stop” comes first" in row_of(page, later)
    assert "never reached" not in row_of(page, wider) and "never reached" not in row_of(page, hate)


# ---------------------------------------------------------------------------
# the try-it box

def try_it(status=200, **q):
    r = admin().get(URL + "/admin/routing", params=dict(q, **{"try": "1"}))
    assert r.status_code == status, (r.status_code, text_of(r.text)[:800])
    if status != 200:
        return r.text
    m = re.search(r'<div id="try-result".*?<footer', r.text, re.S)
    assert m, "no result shown"
    return text_of("<main>" + m.group(0))


def test_try_it_shows_the_areas_and_queues_with_why(db):
    council = str(agency(db, "city-council"))
    beat = beat_at(db, *INSIDE)
    words = try_it(where="point", lon=INSIDE[0], lat=INSIDE[1], type="nuisance-gatherings",
                   flag=["youth"], channel="public", agency=council)
    assert f"Beat Bassishaw ({beat}) Council area City of London (E09000001)" in words
    assert (f"Neighbourhood Policing Team City of London Police Neighbourhood team "
            f"In beat Bassishaw ({beat}): its neighbourhood team") in words
    assert ("Community Safety Team City of London Corporation Council team In council area "
            "City of London (E09000001): its council team") in words
    assert ("ASB Hub City of London Police Specialist queue Rule 1 “Young people involved”: "
            "Young people involved") in words
    words = try_it(where="address", type="noise", channel="partner",
                   agency=str(agency(db, "hackney-homes")))
    assert "Force ASB Triage City of London Police Manual triage Location to confirm " \
           "An address and no point: location to confirm" in words
    assert "Tenancy Enforcement Hackney Homes Specialist queue Rule 3 “A housing provider's " \
           "reports”: reported by Hackney Homes" in words
    words = try_it(where="none", type="litter-fly-tipping", channel="cad",
                   agency=str(agency(db, "city-police")))
    assert "Force ASB Triage City of London Police Manual triage No location given" in words
    assert "Environmental Health City of London Corporation Specialist queue Rule 4 " \
           "“Environmental ASB”: category environmental" in words


def test_try_it_refuses_a_point_outside_the_partnership_as_the_intake_does(db):
    words = try_it(where="point", lon=OUTSIDE[0], lat=OUTSIDE[1], type="noise",
                   channel="public", agency=str(agency(db, "city-council")))
    assert "The intake would refuse this point: This location is outside the area the " \
           "partnership covers" in words
    assert "Hackney" in words


def test_try_it_names_what_is_missing(db):
    page = try_it(400, where="point", lon="", lat="51.5", type="", channel="public")
    assert errors_of(page) == [
        ("try-lon", "The place given is not a point on the map: its latitude must be from "
                    "-90 to 90 and its longitude from -180 to 180, in decimal degrees"),
        ("try-type", "Select the type of ASB"), ("try-agency", "Select the reporting agency")]
    assert 'id="try-result"' not in page
    assert 'value="51.5"' in page


def allocations(db, reference):
    """(team code, kind, rule id or None, reason) of an incident's current queues."""
    return rows(db, "SELECT t.code, a.kind, a.rule_id, a.reason FROM incident_allocation a "
                "JOIN team t ON t.id = a.team_id JOIN incident i ON i.id = a.incident_id "
                "WHERE i.reference = %s AND a.ended_at IS NULL ORDER BY a.id", reference)


def test_try_it_says_what_the_intake_then_does(db):
    force = str(agency(db, "city-police"))
    out = intake(police(db, type="vandalism", nsir="environmental"))
    assert out["result"] == "ok", out
    words = try_it(where="point", lon=INSIDE[0], lat=INSIDE[1], type="vandalism",
                   channel="police", agency=force)
    made = allocations(db, out["reference"])
    assert [code for code, *_ in made] == ["neighbourhood", "community-safety",
                                           "environmental-health"]
    for _, _, _, reason in made:
        assert reason in words, reason


# ---------------------------------------------------------------------------
# ordering and matching through the real intake

def spot(db, type_code):
    """A point in the City with no open incident of the type within 300 m,
    so that a public or partner report makes an incident of its own (one
    that joins another is not allocated again)."""
    for _ in range(200):
        lon, lat = random.uniform(-0.100, -0.078), random.uniform(51.5125, 51.5180)
        if not one(db, "SELECT EXISTS (SELECT 1 FROM incident i JOIN asb_type t "
                   "ON t.id = i.asb_type_id WHERE t.code = %s AND i.status <> 'closed' "
                   "AND i.location IS NOT NULL AND ST_DWithin(i.location::geography, "
                   "ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, 300))",
                   type_code, lon, lat):
            return {"long": "%.5f" % lon, "lat": "%.5f" % lat}
    raise AssertionError(f"no free spot for {type_code} left in the City")


def open311(db, key, service, **extra):
    data = {"api_key": key, "service_code": service, "device_id": uuid.uuid4().hex,
            "description": f"Routing test {uuid.uuid4().hex[:8]}", **spot(db, service)}
    for a in attributes(service):
        name = f"attribute[{a['code']}]" + ("[]" if a["datatype"] == "multivaluelist" else "")
        if a["required"] and name not in extra:
            data[name] = filler(a)
    data.update(extra)
    r = requests.post(f"{API}/requests.json", data=data)
    assert r.status_code == 200, r.text[:500]
    return one(db, "SELECT i.reference FROM report r JOIN incident i "
               "ON i.id = r.incident_id WHERE r.reference = %s", r.json()[0]["service_request_id"])


@pytest.fixture
def channels(db):
    no_rules(db)


def specialist(db, reference):
    return [(code, rule, reason) for code, kind, rule, reason in allocations(db, reference)
            if kind == "specialist"]


def test_rules_apply_in_order_up_to_the_first_matching_stop_rule(db, channels):
    hate = add_rule(db, "Hate first", flags=["hate"], stop="yes")
    every = add_rule(db, "Everything else", teams=(("city-council", "environmental-health"),))
    targeted = police(db, channel="call_handler", screening={
        "repeat": False, "vulnerable": False, "targeted": True, "at_risk": False})
    targeted["people"].append({"role": "reporter", "given_name": "Cal", "phone": "07700 900 333"})
    out = intake(targeted, CALL_HANDLER)
    assert out["result"] == "ok", out
    assert specialist(db, out["reference"]) == [("asb-hub", hate, "Rule 1 “Hate first”: Hate")]
    plain = police(db)
    out = intake(plain)
    assert specialist(db, out["reference"]) == [
        ("environmental-health", every, "Rule 2 “Everything else”: every incident")]
    # Reordered, the stop rule no longer keeps the other from applying.
    post(f"/admin/routing/{every}/move", {"direction": "up"}, "/admin/routing")
    out = intake(targeted, CALL_HANDLER)
    assert specialist(db, out["reference"]) == [
        ("environmental-health", every, "Rule 1 “Everything else”: every incident"),
        ("asb-hub", hate, "Rule 2 “Hate first”: Hate")]


def test_the_youth_flag_from_an_answer_routes_an_open311_report(db, channels, api_key):
    youth = add_rule(db, "Youth gatherings", flags=["youth"], types=["nuisance-gatherings"])
    yes = open311(db, api_key, "nuisance-gatherings", **{"attribute[under_18]": "true"})
    assert specialist(db, yes) == [
        ("asb-hub", youth, "Rule 1 “Youth gatherings”: type nuisance-gatherings; "
                           "Young people involved")]
    no = open311(db, api_key, "nuisance-gatherings", **{"attribute[under_18]": "false"})
    assert specialist(db, no) == []


def test_a_channel_condition_routes_only_that_channel(db, channels, api_key):
    rid = add_rule(db, "Open311 litter", channels=["open311"], types=["litter-fly-tipping"],
                   teams=(("city-council", "environmental-health"),))
    ref = open311(db, api_key, "litter-fly-tipping")
    assert specialist(db, ref) == [("environmental-health", rid, "Rule 1 “Open311 litter”: "
                                    "type litter-fly-tipping; channel open311")]
    out = intake(police(db, type="litter-fly-tipping", nsir="environmental"))
    assert specialist(db, out["reference"]) == []


def test_a_housing_providers_report_goes_to_tenancy_enforcement(db, channels):
    rid = add_rule(db, "Housing provider", agencies=[str(agency(db, "hackney-homes"))],
                   teams=(("hackney-homes", "tenancy-enforcement"),))
    s = partner_session()
    here = spot(db, "vandalism")
    assert to_impact(s, dict(WHERE, lon=here["long"], lat=here["lat"])) == "/report/partner"
    assert past_evidence(s, step(s, "/report/partner", PARTNER)) == "/report/check"
    ref, _ = submit(s)
    incident = one(db, "SELECT i.reference FROM report r JOIN incident i "
                   "ON i.id = r.incident_id WHERE r.reference = %s", ref)
    assert one(db, "SELECT channel::text FROM incident WHERE reference = %s",
               incident) == "partner"
    assert specialist(db, incident) == [
        ("tenancy-enforcement", rid, "Rule 1 “Housing provider”: reported by Hackney Homes")]
    out = intake(police(db))
    assert specialist(db, out["reference"]) == []


def test_an_area_condition_routes_only_incidents_in_that_area(db, channels):
    here = beat_at(db, *INSIDE)
    elsewhere = ("-0.0760", "51.5150")
    assert beat_at(db, *elsewhere) not in (None, here)
    rid = add_rule(db, "One ward", areas=here)
    out = intake(police(db))
    assert specialist(db, out["reference"]) == [
        ("asb-hub", rid, f"Rule 1 “One ward”: area {here}")]
    out = intake(police(db, lon=elsewhere[0], lat=elsewhere[1], address="Middlesex Street",
                        postcode="E1 7AA"))
    assert out["result"] == "ok", out
    assert specialist(db, out["reference"]) == []


def test_flags_must_all_be_raised(db, channels):
    rid = add_rule(db, "Hate and vulnerable", flags=["hate", "vulnerable"])
    add_rule(db, "Hate and urgent", flags=["hate", "urgent"],
             teams=(("city-council", "environmental-health"),))
    s = police(db, channel="call_handler", screening={
        "repeat": False, "vulnerable": False, "targeted": True, "at_risk": False})
    s["people"].append({"role": "reporter", "given_name": "Cal", "phone": "07700 900 334"})
    out = intake(s, CALL_HANDLER)
    # Targeted: hate and a vulnerable victim; not urgent.
    assert specialist(db, out["reference"]) == [
        ("asb-hub", rid, "Rule 1 “Hate and vulnerable”: Hate; Vulnerable victim")]
