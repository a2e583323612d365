"""Allocation at creation (domain/allocate.c, domain/routing.c): every
channel's incident is placed, in the transaction that creates it, with its
beat's neighbourhood team and its council area's council team, and with the
specialist queues the routing rules name; each allocation says why, is
audited and is on the incident's timeline. No location, or a point outside
every beat: the force's manual triage queue; an address without a point is
marked location to confirm. The demo's teams and rules are ctl/demo.c's."""
import json
import uuid

import pytest
import requests

import test_report_form
from stack import ctl
from staff import csrf_of
from test_answer_checks import API, api_key, no_rate_limits  # noqa: F401
from test_intake import CALL_HANDLER, LOG, intake, one, police
from test_partner_report import PARTNER, partner_session, past_evidence, submit, to_impact
from test_report_form import done, to_check

assert no_rate_limits  # the fixture, imported to take effect here

# Points in the City's wards, one per channel, apart from the points other
# tests use so that no report joins another test's incident.
TEMPLE = ("-0.1105", "51.5126")       # Farringdon Without
BARBICAN = ("-0.0950", "51.5200")     # Cripplegate
TOWER = ("-0.0780", "51.5100")        # Tower
ALDGATE = ("-0.0775", "51.5135")      # Portsoken
GUILDHALL = ("-0.0920", "51.5157")    # Cheap
BISHOPSGATE = ("-0.0810", "51.5180")  # Bishopsgate


def allocations(db, reference):
    """(kind, team code, reason, location to confirm) of the incident's
    current allocations, in the order they were made."""
    with db.cursor() as c:
        c.execute("SELECT a.kind, t.code, a.reason, a.location_to_confirm "
                  "FROM incident_allocation a JOIN incident i ON i.id = a.incident_id "
                  "JOIN team t ON t.id = a.team_id "
                  "WHERE i.reference = %s AND a.ended_at IS NULL ORDER BY a.id", (reference,))
        return c.fetchall()


def beat_of(db, reference):
    """The incident's beat and its team, as the database has them."""
    return one(db, "SELECT b.name, b.code, t.code FROM incident i JOIN beat b ON b.id = i.beat_id "
                   "JOIN team t ON t.id = b.team_id WHERE i.reference = %s", reference)


def assert_placed_by_area(db, reference, extra=()):
    """The neighbourhood team of the incident's beat, then the City's
    council team, then the specialist queues named in extra."""
    name, code, team = beat_of(db, reference)
    got = allocations(db, reference)
    assert got[:2] == [
        ("neighbourhood", team, f"In beat {name} ({code}): its neighbourhood team", False),
        ("council", "community-safety",
         "In council area City of London (E09000001): its council team", False)], got
    assert [(k, t) for k, t, _, _ in got[2:]] == [("specialist", t) for t in extra], got
    # The audit row and the timeline's events say the same.
    audit = one(db, "SELECT e.after FROM audit_event e JOIN incident i ON e.entity_id = i.id::text "
                    "WHERE e.entity = 'incident' AND e.action = 'allocate' AND i.reference = %s",
                reference)[0]
    assert [a["reason"] for a in audit["allocations"]] == [r for _, _, r, _ in got]
    assert one(db, "SELECT count(*) FROM queue_event q JOIN incident i ON i.id = q.incident_id "
                   "WHERE q.kind = 'allocated' AND i.reference = %s", reference) == (len(got),)


@pytest.fixture
def point_on_the_form(monkeypatch):
    """The public form's where step with a map point."""
    def use(point):
        monkeypatch.setattr(test_report_form, "WHERE", {
            "address-line-1": "", "address-town": "", "address-postcode": "",
            "lon": point[0], "lat": point[1]})
    return use


def test_the_public_form(http, db, point_on_the_form):
    point_on_the_form(TEMPLE)
    to_check(http)
    r, _, _ = test_report_form.submit(http)
    assert r.status_code == 303, r.text[:500]
    ref, _, _ = done(http)
    assert_placed_by_area(db, ref)


def test_the_public_form_without_a_point_is_a_location_to_confirm(http, db):
    to_check(http)          # the form's default: an address, no map point
    r, _, _ = test_report_form.submit(http)
    assert r.status_code == 303, r.text[:500]
    ref, _, _ = done(http)
    assert allocations(db, ref) == [
        ("triage", "triage", "An address and no point: location to confirm", True)]


def test_a_housing_providers_report_goes_to_its_enforcement_team_too(db):
    s = partner_session()
    where = {"address-line-1": "", "address-town": "", "address-postcode": "",
             "lon": BARBICAN[0], "lat": BARBICAN[1]}
    assert to_impact(s, where) == "/report/partner"
    assert past_evidence(s, test_report_form.step(s, "/report/partner", PARTNER)) == \
        "/report/check"
    ref, _ = submit(s)
    # Vandalism is environmental ASB: rule 3 (the housing provider's
    # reports) and rule 4 (environmental) both match, in their order.
    assert_placed_by_area(db, ref, extra=("tenancy-enforcement", "environmental-health"))
    reasons = [r for _, _, r, _ in allocations(db, ref)[2:]]
    assert reasons == ["Rule 3 \u201cA housing provider's reports\u201d: reported by Hackney Homes",
                       "Rule 4 \u201cEnvironmental ASB\u201d: category environmental"]


def test_open311(db, api_key):
    r = requests.post(f"{API}/requests.json", data={
        "api_key": api_key, "service_code": "abandoned-vehicles",
        "attribute[make_and_colour]": "a blue van", "attribute[days_there]": "9",
        "description": f"Left by the kerb {uuid.uuid4().hex[:6]}",
        "long": TOWER[0], "lat": TOWER[1]})
    assert r.status_code == 200, r.text[:500]
    ref = r.json()[0]["service_request_id"]
    assert_placed_by_area(db, ref, extra=("environmental-health",))


def test_a_police_officers_incident_with_young_people_goes_to_the_hub(db):
    out = intake(police(db, type="nuisance-gatherings", lon=ALDGATE[0], lat=ALDGATE[1],
                        answers={"how_many": "8", "weapons_seen": "no",
                                 "doing_what": ["shouting"], "under_18": "yes"}))
    assert out["result"] == "ok", out
    assert_placed_by_area(db, out["reference"], extra=("asb-hub",))
    assert allocations(db, out["reference"])[2][2] == \
        "Rule 1 \u201cYoung people involved\u201d: Young people involved"
    # What the intake answered is what it wrote.
    assert [a["reason"] for a in out["allocations"]] == \
        [r for _, _, r, _ in allocations(db, out["reference"])]


def test_a_call_handlers_incident(db):
    s = police(db, channel="call_handler", lon=GUILDHALL[0], lat=GUILDHALL[1],
               screening={"repeat": False, "vulnerable": False, "targeted": False,
                          "at_risk": False}, call_note="Music")
    s["people"].append({"role": "reporter", "given_name": "Cal", "phone": "07700 900 444"})
    out = intake(s, CALL_HANDLER)
    assert out["result"] == "ok", out
    assert_placed_by_area(db, out["reference"])


def test_a_cad_systems_incident(db):
    out = intake(police(db, channel="cad", lon=BISHOPSGATE[0], lat=BISHOPSGATE[1]))
    assert out["result"] == "ok", out
    assert_placed_by_area(db, out["reference"])


def test_a_point_outside_every_beat_goes_to_manual_triage(db):
    # The City's council outline is coarser than its wards: a point inside
    # it and outside every ward is the partnership's, in no beat.
    lon, lat = one(db, "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(d) p, d "
                       "FROM (SELECT (ST_Dump(ST_Difference(l.geom, (SELECT ST_Union(geom) "
                       "FROM beat WHERE retired_at IS NULL)))).geom d FROM la_area l "
                       "WHERE l.code = 'E09000001' AND l.retired_at IS NULL) x) y "
                       "ORDER BY ST_Area(d) DESC LIMIT 1")
    out = intake(police(db, lon=str(lon), lat=str(lat)))
    assert out["result"] == "ok", out
    assert allocations(db, out["reference"]) == [
        ("council", "community-safety",
         "In council area City of London (E09000001): its council team", False),
        ("triage", "triage", "The point is outside every beat: manual triage", False)]


@pytest.fixture
def where_optional(db):
    """The demo force's officers may leave out where (its mandatory fields
    are the force's to set: agency.police_mandatory)."""
    with db.cursor() as c:
        c.execute("UPDATE agency SET police_mandatory = array_remove(police_mandatory, 'where') "
                  "WHERE code = 'city-police' RETURNING police_mandatory")
        assert "where" not in c.fetchone()[0]
    db.commit()
    yield
    with db.cursor() as c:
        c.execute("UPDATE agency SET police_mandatory = police_mandatory || '{where}' "
                  "WHERE code = 'city-police'")
    db.commit()


def test_no_location_goes_to_manual_triage(db, where_optional):
    out = intake(police(db, lon=None, lat=None, address=None, postcode=None))
    assert out["result"] == "ok", out
    assert allocations(db, out["reference"]) == [
        ("triage", "triage", "No location given: manual triage", False)]


def test_an_address_without_a_point_is_to_confirm(db):
    out = intake(police(db, lon=None, lat=None, address="1 London Wall",
                        postcode="EC2Y 5EA"))
    assert out["result"] == "ok", out
    assert allocations(db, out["reference"]) == [
        ("triage", "triage", "An address and no point: location to confirm", True)]


def test_a_refused_submission_allocates_nothing(db):
    before = one(db, "SELECT count(*) FROM incident_allocation")
    out = intake(police(db, type="no-such-type"))
    assert out["result"] == "invalid"
    assert one(db, "SELECT count(*) FROM incident_allocation") == before


def test_a_rule_for_a_channel_and_an_area_and_one_that_stops(db):
    """Rules by channel and area code, in order, with stop: a CAD incident in
    Cheap goes to the control room by a rule that stops, so the rules after
    it add nothing; the same from a police officer is not the CAD's."""
    with db.cursor() as c:
        c.execute("SELECT max(position) FROM routing_rule WHERE deleted_at IS NULL")
        top = c.fetchone()[0] or 0
        c.execute("UPDATE routing_rule SET position = position + 100 WHERE deleted_at IS NULL")
        c.execute("INSERT INTO routing_rule (position, name, channels, area_codes, team_ids, stop) "
                  "SELECT 1, 'CAD calls in Cheap', '{cad}', '{E05009298}', ARRAY[t.id], true "
                  "FROM team t JOIN agency g ON g.id = t.agency_id "
                  "WHERE g.code = 'city-police' AND t.code = 'control-room' RETURNING id")
        rule = c.fetchone()[0]
        c.execute("INSERT INTO routing_rule (position, name, team_ids) "
                  "SELECT 2, 'Everything', ARRAY[t.id] FROM team t "
                  "WHERE t.code = 'asb-hub' RETURNING id")
        everything = c.fetchone()[0]
    db.commit()
    try:
        cad = intake(police(db, channel="cad", lon=GUILDHALL[0], lat=GUILDHALL[1],
                            description=f"Shouting {uuid.uuid4().hex[:6]}"))
        got = allocations(db, cad["reference"])
        assert [(k, t) for k, t, _, _ in got[2:]] == [("specialist", "control-room")], got
        assert got[2][2] == "Rule 1 \u201cCAD calls in Cheap\u201d: channel cad; area E05009298"
        officer = intake(police(db, lon=GUILDHALL[0], lat=GUILDHALL[1],
                                description=f"Shouting {uuid.uuid4().hex[:6]}"))
        got = allocations(db, officer["reference"])
        assert [(k, t) for k, t, _, _ in got[2:]] == [("specialist", "asb-hub")], got
        assert got[2][2] == "Rule 2 \u201cEverything\u201d: every incident"
    finally:
        with db.cursor() as c:
            c.execute("UPDATE routing_rule SET deleted_at = now() WHERE id IN (%s, %s)",
                      (rule, everything))
            c.execute("UPDATE routing_rule SET position = position - 100 "
                      "WHERE deleted_at IS NULL AND position > 100")
        db.commit()
    assert top >= 0


def test_an_inactive_team_is_not_allocated(db):
    """A rule's team made inactive drops out of the plan at once (the
    workers' held rules follow the change)."""
    with db.cursor() as c:
        c.execute("UPDATE team SET active = false WHERE code = 'environmental-health'")
    db.commit()
    try:
        r = ctl("allocate", "try", "--lon", TOWER[0], "--lat", TOWER[1],
                "--type", "abandoned-vehicles")
        assert "environmental-health" not in r.stdout
        assert "Rule 4" not in r.stdout, r.stdout
        out = intake(police(db, type="abandoned-vehicles", lon=TOWER[0], lat=TOWER[1],
                            nsir="environmental",
                            answers={"make_and_colour": "red", "days_there": "3"}))
        assert out["result"] == "ok", out
        assert [t for _, t, _, _ in allocations(db, out["reference"])][2:] == []
    finally:
        with db.cursor() as c:
            c.execute("UPDATE team SET active = true WHERE code = 'environmental-health'")
        db.commit()


def test_the_try_command_says_what_would_happen_and_why():
    r = ctl("allocate", "try", "--lon", ALDGATE[0], "--lat", ALDGATE[1], "--type", "noise",
            "--flag", "youth", "--agency", "hackney-homes")
    lines = r.stdout.splitlines()
    assert lines[0] == "beat: Portsoken (E05009308)", lines
    assert lines[1] == "council area: City of London (E09000001)"
    assert lines[2].endswith("(neighbourhood): In beat " + lines[0][6:] + ": its neighbourhood team")
    assert "Rule 1 \u201cYoung people involved\u201d: Young people involved" in lines[4]
    assert "Rule 3 \u201cA housing provider's reports\u201d: reported by Hackney Homes" in lines[5]
    bad = ctl("allocate", "try", "--lon", "530000", "--lat", "180000", check=False)
    assert bad.returncode == 1 and "not a longitude" in bad.stderr


def test_the_clocks_are_set_once(db):
    out = intake(police(db))
    with db.cursor() as c:
        c.execute("UPDATE incident SET triaged_at = now() WHERE reference = %s",
                  (out["reference"],))
        db.commit()
        with pytest.raises(Exception) as e:
            c.execute("UPDATE incident SET triaged_at = now() + interval '1 hour' "
                      "WHERE reference = %s", (out["reference"],))
        assert "set once" in str(e.value)
        db.rollback()
        with pytest.raises(Exception):
            c.execute("UPDATE incident SET reported_at = now() WHERE reference = %s",
                      (out["reference"],))
        db.rollback()
    assert json.dumps(out)
