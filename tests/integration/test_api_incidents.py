"""The CAD API on existing incidents: the representation against what the
intake made, row security (a client whose agency may not see an incident
gets 404), PATCH with If-Match (428 without, 412 with the current state
when stale, one winner of two changes at one version), events of each kind
in the timeline, the change feed while another thread changes incidents
(nothing skipped or repeated, every final version seen), subscriptions.

Incidents are made by the one intake through `concordctl intake`, as a call
handler of the City of London Police, on the CAD channel."""
import json
import threading
import uuid

import pytest

from cad import make_client, problem
from stack import ctl, wait_for

CALL_HANDLER = "call.handler@police.example"
MOORGATE = (51.5155, -0.0915)          # in the partnership (lat, lon)
WOOD_STREET = (51.5158, -0.0936)
MAPPINGS = {
    "types": {"R12": "nuisance-gatherings", "N1": "noise"},
    "statuses": {"NEW": "new", "OPEN": "open", "ENRT": "in_progress", "CLSD": "closed"},
    "fields": {"log_number": "incident_number"},
}


def log_number():
    return "CAD-20261201-%04d" % (uuid.uuid4().int % 10000)


def make_incident(description=None, type_code="noise", people=None):
    """An incident from the intake on the CAD channel; returns its reference
    and what was sent."""
    s = {
        "channel": "cad", "type": type_code,
        "description": description or f"Loud music from a flat {uuid.uuid4().hex[:8]}",
        "date": "2026-11-30", "time": "23:15",
        "lon": str(MOORGATE[1]), "lat": str(MOORGATE[0]),
        "address": "Moorgate", "postcode": "EC2M 6SB", "log_number": log_number(),
        "people": people if people is not None else [
            {"role": "victim", "given_name": "Vera", "family_name": "Vale",
             "phone": "07700 900111", "dob": "1961-04-02"}],
    }
    r = ctl("intake", "--as", CALL_HANDLER, input=json.dumps(s), check=False)
    out = json.loads(r.stdout)
    assert out["result"] == "ok", out
    return out["reference"], s


@pytest.fixture
def client(db):
    return make_client(db, mappings=MAPPINGS)


def url(ref, tail=""):
    return f"/api/v1/incidents/{ref}{tail}"


def etag(resp):
    """The ETag, which must be a strong one (nginx does not gzip /api/,
    which would mark it weak, W/): If-Match compares strong ones."""
    tag = resp.headers["ETag"]
    assert not tag.startswith("W/"), tag
    return tag


# -- the representation -------------------------------------------------------

def test_representation_is_what_the_intake_made(db, client):
    ref, sent = make_incident()
    r = client.get(url(ref))
    assert r.status_code == 200, r.text
    inc = r.json()
    assert etag(r) == '"%d"' % inc["version"]
    assert inc["reference"] == ref
    assert inc["url"].endswith(url(ref)) and inc["url"].startswith("http")
    assert inc["channel"] == "cad"
    assert inc["description"] == sent["description"]
    assert inc["log_number"] == sent["log_number"]
    assert inc["type"] == {"code": "N1", "concord": "noise", "name": inc["type"]["name"],
                           "category": inc["type"]["category"]}
    assert inc["type"]["name"] and inc["type"]["category"] in ("personal", "nuisance",
                                                               "environmental")
    assert inc["status_code"] == (None if inc["status"] not in ("new", "open", "in_progress",
                                                                "closed")
                                  else {"new": "NEW", "open": "OPEN", "in_progress": "ENRT",
                                        "closed": "CLSD"}[inc["status"]])
    assert inc["occurred_at"] == "2026-11-30T23:15:00Z"       # London is on GMT then
    assert inc["reported_at"].endswith("Z") and inc["updated_at"].endswith("Z")
    loc = inc["location"]
    assert loc["lat"] == pytest.approx(MOORGATE[0]) and loc["lon"] == pytest.approx(MOORGATE[1])
    # Moorgate on the National Grid (TQ 326 813), to a few hundred metres:
    # a point swapped or left in degrees would be kilometres off.
    assert loc["easting"] == pytest.approx(532650, abs=300)
    assert loc["northing"] == pytest.approx(181350, abs=300)
    assert loc["address"] == "Moorgate" and loc["postcode"] == "EC2M 6SB"
    assert loc["to_confirm"] is False
    assert loc["beat"]["code"] and loc["council_area"]["code"]
    assert set(inc["risk"]) == {"level", "score"}
    assert isinstance(inc["flags"], list)
    assert {"code": "city-police", "name": inc["agencies"][0]["name"],
            "role": "owner"} == inc["agencies"][0]
    assert inc["allocations"], "the intake allocated it"
    for a in inc["allocations"]:
        assert set(a) == {"team", "kind", "reason", "since"}
        assert set(a["team"]) == {"code", "name", "agency"}
    [victim] = inc["people"]
    assert victim["role"] == "victim" and victim["given_name"] == "Vera"
    assert victim["family_name"] == "Vale" and victim["dob"] == "1961-04-02"
    assert any(e["kind"] == "allocation" for e in inc["timeline"])
    assert inc["external"] == {"id": None, "kept": {}}


def test_external_shows_this_clients_reference_only(db, client):
    ref, _ = make_incident()
    other = make_client(db, mappings=MAPPINGS)
    with db.cursor() as cur:
        cur.execute("INSERT INTO api_incident_ref (client_id, external_id, incident_id, kept) "
                    "SELECT %s, 'INC-42', id, '{\"unit\": \"A1\"}' FROM incident "
                    "WHERE reference = %s", (client.client_id, ref))
    assert client.get(url(ref)).json()["external"] == {"id": "INC-42", "kept": {"unit": "A1"}}
    assert other.get(url(ref)).json()["external"] == {"id": None, "kept": {}}


def test_an_agency_that_may_not_see_it_gets_404(db):
    ref, _ = make_incident()
    outsider = make_client(db, agency="hackney-homes", mappings=MAPPINGS)
    for resp in (outsider.get(url(ref)),
                 outsider.patch(url(ref), json={"description": "mine now"},
                                headers={"If-Match": '"1"'}),
                 outsider.post(url(ref, "/events"), json={"kind": "log", "text": "x"}),
                 outsider.call("PUT", url(ref, "/subscription"))):
        assert resp.status_code == 404, resp.text
        assert problem(resp)["code"] == "not_found"
    assert make_client(db, mappings=MAPPINGS).get(url(ref)).status_code == 200


def test_unknown_reference(client):
    r = client.get(url("ASB-2026-999999999"))
    assert r.status_code == 404
    assert problem(r)["code"] == "not_found"


def test_read_scope_alone_cannot_change(db):
    ref, _ = make_incident()
    reader = make_client(db, scopes=("incidents.read",), mappings=MAPPINGS)
    assert reader.get(url(ref)).status_code == 200
    r = reader.patch(url(ref), json={"description": "x"}, headers={"If-Match": '"1"'})
    assert r.status_code == 403
    assert problem(r)["code"] == "scope_missing"


# -- PATCH --------------------------------------------------------------------

def test_patch_needs_if_match(client):
    ref, _ = make_incident()
    r = client.patch(url(ref), json={"description": "Still going on at 2am"})
    assert r.status_code == 428
    assert problem(r)["code"] == "if_match_required"
    assert client.get(url(ref)).json()["description"] != "Still going on at 2am"


def test_patch_changes_fields_and_is_audited(db, client):
    ref, _ = make_incident()
    before = client.get(url(ref))
    new_log = log_number()
    r = client.patch(url(ref), json={"description": "Still going on at 2am",
                                     "incident_number": new_log, "type": "R12",
                                     "occurred_at": "2026-11-30T22:00:00+00:00",
                                     "extensions": {"unit": "B2", "priority": 3}},
                     headers={"If-Match": etag(before)})
    assert r.status_code == 200, r.text
    inc = r.json()
    assert inc["version"] > before.json()["version"]
    assert etag(r) == '"%d"' % inc["version"]
    assert inc["description"] == "Still going on at 2am"
    assert inc["log_number"] == new_log
    assert inc["type"]["code"] == "R12" and inc["type"]["concord"] == "nuisance-gatherings"
    assert inc["occurred_at"] == "2026-11-30T22:00:00Z"
    assert inc["external"] == {"id": ref, "kept": {"unit": "B2", "priority": 3}}
    assert client.get(url(ref)).json() == inc
    with db.cursor() as cur:
        cur.execute("SELECT a.before, a.after FROM audit_event a JOIN incident i "
                    "ON a.entity_id = i.id::text WHERE a.entity = 'incident' "
                    "AND a.action = 'update' AND i.reference = %s AND a.actor_id = %s",
                    (ref, client.user_id))
        [(b, a)] = cur.fetchall()
    assert a["description"] == "Still going on at 2am" and a["type"] == "nuisance-gatherings"
    assert b["description"] == before.json()["description"]
    # Kept fields merge; a null removes one.
    r = client.patch(url(ref), json={"extensions": {"priority": None, "zone": "Z"}},
                     headers={"If-Match": etag(r)})
    assert r.status_code == 200, r.text
    assert r.json()["external"]["kept"] == {"unit": "B2", "zone": "Z"}


def test_stale_version_is_412_with_the_current_state(client):
    ref, _ = make_incident()
    first = client.get(url(ref))
    ok = client.patch(url(ref), json={"description": "First change"},
                      headers={"If-Match": etag(first)})
    assert ok.status_code == 200
    stale = client.patch(url(ref), json={"description": "Second change"},
                         headers={"If-Match": etag(first)})
    assert stale.status_code == 412
    body = problem(stale)
    assert body["code"] == "version_conflict"
    assert body["current"]["description"] == "First change"
    assert body["current"]["version"] == ok.json()["version"]
    assert client.get(url(ref)).json()["description"] == "First change"


def test_two_changes_at_one_version_one_wins(client):
    ref, _ = make_incident()
    tag = etag(client.get(url(ref)))
    results = []

    def change(i):
        results.append(client.patch(url(ref), json={"description": f"Change {i}"},
                                    headers={"If-Match": tag}).status_code)

    threads = [threading.Thread(target=change, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [200, 412, 412, 412]


def test_patch_status_goes_through_the_status_function(db, client):
    ref, _ = make_incident()
    r = client.patch(url(ref), json={"status": "ENRT"},
                     headers={"If-Match": etag(client.get(url(ref)))})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "in_progress" and r.json()["status_code"] == "ENRT"
    assert any(e["kind"] == "status" and "in_progress" in e["text"]
               for e in r.json()["timeline"])
    with db.cursor() as cur:
        cur.execute("SELECT to_status::text, changed_by FROM incident_status_change s "
                    "JOIN incident i ON i.id = s.incident_id WHERE i.reference = %s", (ref,))
        assert cur.fetchall() == [("in_progress", client.user_id)]
    # Closing takes a person who may close: the CAD's service account may not.
    r = client.patch(url(ref), json={"status": "CLSD"}, headers={"If-Match": etag(r)})
    assert r.status_code == 422
    assert problem(r)["errors"][0] == {"field": "status", "code": "status_not_allowed",
                                       "message": problem(r)["errors"][0]["message"]}


def test_patch_refuses_bad_fields_and_changes_nothing(client):
    ref, _ = make_incident()
    before = client.get(url(ref))
    cases = [
        ({"colour": "red"}, "colour", "unknown_field"),
        ({"log_number": "X"}, "log_number", "unknown_field"),     # it is incident_number here
        ({"type": "ZZ9"}, "type", "unmapped_code"),
        ({"status": "GONE"}, "status", "unmapped_code"),
        ({"description": 7}, "description", "wrong_type"),
        ({"incident_number": "not-a-cad-number"}, "incident_number", "invalid"),
        ({"location": {"lat": -0.0915, "lon": 51.5155}}, "location.lat", "swapped_coordinates"),
        ({"location": {"lat": 181300, "lon": 532500}}, "location.lat", "bng_as_degrees"),
        ({"location": {"lat": 48.0, "lon": -0.09}}, "location.lat", "out_of_range"),
        ({"location": {"easting": 532500}}, "location.northing", "missing_field"),
        ({"location": {"easting": 900000, "northing": 181300}}, "location.easting",
         "out_of_range"),
    ]
    for body, field, code in cases:
        r = client.patch(url(ref), json=body, headers={"If-Match": etag(before)})
        assert r.status_code == 422, (body, r.text)
        errors = problem(r)["errors"]
        assert {"field": field, "code": code} in [
            {"field": e["field"], "code": e["code"]} for e in errors], (body, errors)
    assert client.get(url(ref)).json() == before.json()
    r = client.patch(url(ref), body=b'{"description": ', headers={"If-Match": etag(before)})
    assert r.status_code == 400 and problem(r)["code"] == "invalid_json"


def test_patch_location_by_grid_moves_and_allocates(db, client):
    ref, _ = make_incident()
    before = client.get(url(ref)).json()
    # Wood Street police station on the National Grid.
    r = client.patch(url(ref), json={"location": {"easting": 532280, "northing": 181480,
                                                  "address": "Wood Street"}},
                     headers={"If-Match": '"%d"' % before["version"]})
    assert r.status_code == 200, r.text
    loc = r.json()["location"]
    assert loc["lat"] == pytest.approx(WOOD_STREET[0], abs=0.002)
    assert loc["lon"] == pytest.approx(WOOD_STREET[1], abs=0.003)
    assert loc["address"] == "Wood Street" and loc["postcode"] == "EC2M 6SB"
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM audit_event a JOIN incident i "
                    "ON a.entity_id = i.id::text WHERE a.entity = 'incident' "
                    "AND a.action = 'locate' AND i.reference = %s", (ref,))
        assert cur.fetchone()[0] == 1
    # The grid point the API gives back is the point it was sent.
    assert loc["easting"] == pytest.approx(532280, abs=1)
    assert loc["northing"] == pytest.approx(181480, abs=1)
    # Outside the partnership: refused by the domain's own words.
    r = client.patch(url(ref), json={"location": {"lat": 51.5450, "lon": -0.0553}},
                     headers={"If-Match": etag(r)})
    assert r.status_code == 422
    assert problem(r)["errors"][0]["field"] == "location"


# -- events -------------------------------------------------------------------

def test_events_of_each_kind_are_in_the_timeline(db, client):
    ref, _ = make_incident()
    v0 = client.get(url(ref)).json()["version"]
    log = client.post(url(ref, "/events"), json={"kind": "log", "text": "Unit A1 attending",
                                                  "at": "2026-12-01T21:45:00Z"})
    assert log.status_code == 201, log.text
    assert log.json()["event"] == {"kind": "log", "at": "2026-12-01T21:45:00Z",
                                   "text": "Unit A1 attending"}
    assert log.json()["version"] > v0
    contact = client.post(url(ref, "/events"), json={
        "kind": "contact", "text": "Called the victim back",
        "contact": {"method": "phone", "with": "victim"}})
    assert contact.status_code == 201, contact.text
    assert contact.json()["version"] > log.json()["version"]
    status = client.post(url(ref, "/events"), json={"kind": "status", "status": "ENRT",
                                                     "text": "Unit on its way"})
    assert status.status_code == 201, status.text
    assert status.json()["version"] > contact.json()["version"]
    inc = client.get(url(ref)).json()
    assert inc["version"] == status.json()["version"]
    assert inc["status"] == "in_progress"
    kinds = [(e["kind"], e["text"]) for e in inc["timeline"]]
    assert ("log", "Unit A1 attending") in kinds
    assert ("contact", "Called the victim back") in kinds
    assert any(k == "status" and "Unit on its way" in t for k, t in kinds)
    with db.cursor() as cur:
        cur.execute("SELECT u.kind, u.public, u.for_cad, u.contact_method, u.contact_with "
                    "FROM incident_update u JOIN incident i ON i.id = u.incident_id "
                    "WHERE i.reference = %s AND u.kind <> 'update' ORDER BY u.id", (ref,))
        assert cur.fetchall() == [("log", False, False, None, None),
                                  ("contact", False, False, "phone", "victim")]


def test_bad_events_are_refused(client):
    ref, _ = make_incident()
    for body, field, code in [
        ({"kind": "note", "text": "x"}, "kind", "invalid"),
        ({"kind": "log"}, "text", "missing_field"),
        ({"kind": "contact", "text": "x", "contact": {"method": "pigeon", "with": "victim"}},
         "contact.method", "invalid"),
        ({"kind": "status", "status": "ZZ"}, "status", "unmapped_code"),
        ({"kind": "log", "text": "x", "extra": 1}, "extra", "unknown_field"),
        ({"kind": "log", "text": "x", "at": "2099-01-01T00:00:00Z"}, "at", "invalid"),
    ]:
        r = client.post(url(ref, "/events"), json=body)
        assert r.status_code == 422, (body, r.text)
        assert [(e["field"], e["code"]) for e in problem(r)["errors"]] == [(field, code)], body


# -- the change feed ----------------------------------------------------------

def feed_pass(client, cursor=None, limit=7):
    """Pages through the feed from cursor to its end: the items seen and
    the cursor to go on from."""
    seen = []
    while True:
        q = f"?limit={limit}" + (f"&cursor={cursor}" if cursor else "")
        r = client.get("/api/v1/incidents" + q)
        assert r.status_code == 200, r.text
        page = r.json()
        seen += [(i["reference"], i["version"]) for i in page["items"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return seen, cursor


def test_change_feed_under_concurrent_writes(client):
    refs = [make_incident()[0] for _ in range(12)]
    mine = set(refs)
    stop = threading.Event()
    errors = []

    def writer():
        i = 0
        while not stop.is_set():
            ref = refs[i % len(refs)]
            r = client.post(url(ref, "/events"), json={"kind": "log", "text": f"tick {i}"})
            if r.status_code != 201:
                errors.append(r.text)
            i += 1

    t = threading.Thread(target=writer)
    t.start()
    try:
        passes = []
        seen, cursor = feed_pass(client)
        passes.append(seen)
        for _ in range(3):
            more, cursor = feed_pass(client, cursor)
            passes.append(more)
    finally:
        stop.set()
        t.join()
    assert not errors, errors[:3]
    for seen in passes:
        ours = [s for s in seen if s[0] in mine]
        assert len(ours) == len(set(ours)), "a change seen twice in one pass"
    # The first pass from the start saw every incident.
    assert mine <= {ref for ref, _ in passes[0]}
    # The writer's changes came in while the passes paged.
    assert any(s[0] in mine for seen in passes[1:] for s in seen)
    # Caught up once the writer stopped: every incident's last version.
    final = {ref: client.get(url(ref)).json()["version"] for ref in refs}
    best = {}
    state = {"cursor": cursor}

    def caught_up():
        more, state["cursor"] = feed_pass(client, state["cursor"])
        for ref, v in [x for seen in passes for x in seen] + more:
            best[ref] = max(v, best.get(ref, 0))
        passes.append(more)
        return all(best.get(ref) == final[ref] for ref in refs)

    wait_for(caught_up, what="the feed to show every incident's last version")


def test_change_feed_items_and_parameters(client):
    ref, _ = make_incident()
    client.post(url(ref, "/events"), json={"kind": "log", "text": "Bump"})
    inc = client.get(url(ref)).json()
    seen, cursor = feed_pass(client, limit=200)
    r = client.get(f"/api/v1/incidents?updated_since={inc['updated_at']}&limit=200")
    assert r.status_code == 200
    items = {i["reference"]: i for i in r.json()["items"]}
    assert items[ref] == {"reference": ref, "version": inc["version"], "url": inc["url"],
                          "status": inc["status"], "status_code": inc["status_code"],
                          "updated_at": inc["updated_at"], "type": inc["type"],
                          "risk": inc["risk"]}
    assert r.json()["next_cursor"]
    # Polling from the end gives nothing new, and a cursor to go on from.
    r = client.get(f"/api/v1/incidents?cursor={cursor}")
    assert r.status_code == 200 and r.json()["has_more"] is False
    assert r.json()["next_cursor"]
    for q in ("cursor=not-a-cursor", "updated_since=yesterday", "limit=0", "limit=201",
              "updated_since=2026-13-01T00:00:00Z"):
        r = client.get("/api/v1/incidents?" + q)
        assert r.status_code == 400, q
        assert problem(r)["code"] == "invalid_parameter"


def test_change_feed_shows_only_what_the_agency_sees(db):
    ref, _ = make_incident()
    outsider = make_client(db, agency="hackney-homes", mappings=MAPPINGS)
    seen, _ = feed_pass(outsider, limit=200)
    assert ref not in {r for r, _ in seen}


# -- subscriptions ------------------------------------------------------------

def test_subscription_put_and_delete(db, client):
    ref, _ = make_incident()

    def subscribed():
        with db.cursor() as cur:
            cur.execute("SELECT count(*) FROM api_subscription s JOIN incident i "
                        "ON i.id = s.incident_id WHERE s.client_id = %s AND i.reference = %s",
                        (client.client_id, ref))
            return cur.fetchone()[0]

    for _ in range(2):      # the same again is no error
        r = client.call("PUT", url(ref, "/subscription"))
        assert r.status_code == 204, r.text
        assert r.content == b""
        assert subscribed() == 1
    r = client.call("DELETE", url(ref, "/subscription"))
    assert r.status_code == 204
    assert subscribed() == 0
    assert client.call("DELETE", url(ref, "/subscription")).status_code == 204
