"""The OpenAPI document says what the server really answers: every
operation of the CAD API, in its successes and its usual refusals, sent
for real and each answer validated against the document's schema for that
operation and status (tests/integration/openapi.py)."""
import uuid

from cad import make_client
from openapi import validate

MAPPINGS = {"types": {"N": "noise"}, "statuses": {"OPEN": "open", "ENRT": "in_progress"},
            "fields": {"log_number": "incident_number"}}


def create_body(n=1):
    return {"type": "N", "incident_number": "CAD-20261203-%04d" % n,
            "description": "Loud music from the flat above, every night this week",
            "location": {"lat": 51.5155, "lon": -0.0922},
            "caller": {"given_name": "Sam", "family_name": "Caller",
                       "phone": "07700 900123"},
            "extensions": {"cad": {"priority": 3}}}


def created(c, n=1):
    r = c.post("/api/v1/incidents", json=create_body(n),
               headers={"Idempotency-Key": str(uuid.uuid4())})
    assert r.status_code == 201, r.text
    return r


def test_create_and_its_refusals_match_the_document(db):
    c = make_client(db, mappings=MAPPINGS)
    key = str(uuid.uuid4())
    first = c.post("/api/v1/incidents", json=create_body(), headers={"Idempotency-Key": key})
    assert first.status_code == 201, first.text
    validate(first, "/api/v1/incidents", "post")
    again = c.post("/api/v1/incidents", json=create_body(), headers={"Idempotency-Key": key})
    assert again.status_code == 201 and again.json() == first.json()
    validate(again, "/api/v1/incidents", "post")
    other = c.post("/api/v1/incidents", json=create_body(2), headers={"Idempotency-Key": key})
    assert other.status_code == 422
    assert validate(other, "/api/v1/incidents", "post")["code"] == "idempotency_key_reused"
    bad = c.post("/api/v1/incidents", json={**create_body(), "colour": "red"},
                 headers={"Idempotency-Key": str(uuid.uuid4())})
    assert bad.status_code == 422
    assert validate(bad, "/api/v1/incidents", "post")["code"] == "unknown_field"
    broken = c.call("POST", "/api/v1/incidents", body=b'{"type": ',
                    headers={"Idempotency-Key": str(uuid.uuid4())})
    assert broken.status_code == 400
    assert validate(broken, "/api/v1/incidents", "post")["code"] == "invalid_json"
    unkeyed = c.post("/api/v1/incidents", json=create_body())
    assert unkeyed.status_code == 400
    assert validate(unkeyed, "/api/v1/incidents", "post")["code"] == "idempotency_key_missing"


def test_read_change_and_entries_match_the_document(db):
    c = make_client(db, mappings=MAPPINGS)
    ref = created(c).json()["reference"]
    path = "/api/v1/incidents/{ref}"
    got = c.get(f"/api/v1/incidents/{ref}")
    assert got.status_code == 200
    rep = validate(got, path, "get")
    assert rep["reference"] == ref and rep["external"]["kept"] == {"cad": {"priority": 3}}
    missing = c.get("/api/v1/incidents/ASB-1999-999999")
    assert validate(missing, path, "get")["code"] == "not_found"

    no_match = c.patch(f"/api/v1/incidents/{ref}", json={"description": "Still going on"})
    assert no_match.status_code == 428
    assert validate(no_match, path, "patch")["code"] == "if_match_required"
    etag = got.headers["ETag"]
    changed = c.patch(f"/api/v1/incidents/{ref}", json={"status": "ENRT"},
                      headers={"If-Match": etag})
    assert changed.status_code == 200, changed.text
    assert validate(changed, path, "patch")["status_code"] == "ENRT"
    stale = c.patch(f"/api/v1/incidents/{ref}", json={"description": "Again"},
                    headers={"If-Match": etag})
    assert stale.status_code == 412
    assert validate(stale, path, "patch")["current"]["reference"] == ref

    events = f"/api/v1/incidents/{ref}/events"
    log = c.post(events, json={"kind": "log", "text": "Unit 12 on scene"})
    assert log.status_code == 201, log.text
    validate(log, "/api/v1/incidents/{ref}/events", "post")
    contact = c.post(events, json={"kind": "contact", "text": "Rang the caller back",
                                   "contact": {"method": "phone", "with": "caller"}})
    assert contact.status_code == 201, contact.text
    validate(contact, "/api/v1/incidents/{ref}/events", "post")
    wrong = c.post(events, json={"kind": "poem", "text": "x"})
    assert wrong.status_code == 422
    validate(wrong, "/api/v1/incidents/{ref}/events", "post")

    sub = c.call("PUT", f"/api/v1/incidents/{ref}/subscription")
    assert sub.status_code == 204
    validate(sub, "/api/v1/incidents/{ref}/subscription", "put")
    unsub = c.call("DELETE", f"/api/v1/incidents/{ref}/subscription")
    assert unsub.status_code == 204
    validate(unsub, "/api/v1/incidents/{ref}/subscription", "delete")


def test_the_change_feed_matches_the_document(db):
    c = make_client(db, mappings=MAPPINGS)
    with db.cursor() as cur:
        cur.execute("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
        since = cur.fetchone()[0]
    refs = {created(c, n).json()["reference"] for n in range(3)}
    # Since just before them: the pages of this run's other incidents
    # would only make the test slow.
    page = c.get(f"/api/v1/incidents?limit=2&updated_since={since}")
    assert page.status_code == 200
    seen = set()
    body = validate(page, "/api/v1/incidents", "get")
    while True:
        seen |= {i["reference"] for i in body["items"]}
        if not body["has_more"]:
            break
        page = c.get(f"/api/v1/incidents?limit=2&updated_since={since}&cursor="
                     + body["next_cursor"])
        body = validate(page, "/api/v1/incidents", "get")
    assert refs <= seen
    bad = c.get("/api/v1/incidents?cursor=not-a-cursor")
    assert bad.status_code == 400
    assert validate(bad, "/api/v1/incidents", "get")["code"] == "invalid_parameter"


def test_client_info_and_signature_refusals_match_the_document(db, http, base_url):
    c = make_client(db)
    ok = c.get("/api/v1/client")
    assert ok.status_code == 200
    validate(ok, "/api/v1/client", "get")
    unsigned = http.get(base_url + "/api/v1/incidents")
    assert unsigned.status_code == 401
    assert validate(unsigned, "/api/v1/incidents", "get")["code"] == "signature_missing"
    read_only = make_client(db, scopes=("incidents.read",))
    refused = read_only.post("/api/v1/incidents", json=create_body(),
                             headers={"Idempotency-Key": str(uuid.uuid4())})
    assert refused.status_code == 403
    assert validate(refused, "/api/v1/incidents", "post")["code"] == "scope_missing"
