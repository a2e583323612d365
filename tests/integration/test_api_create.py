"""POST /api/v1/incidents: a CAD system's create goes through the one intake
(allocated as any other channel's), answers a retry with the first answer
(from Redis, or from PostgreSQL after Redis lost it) and refuses a reused
key; the client's codes are mapped and an unmapped one is named; British
National Grid points are converted; every bad body is a problem naming
the field, with nothing created."""
import json
import secrets
import uuid

import pytest

from cad import make_client, problem
from stack import URL, svc, wait_for

MAPPINGS = {
    "types": {"R12": "nuisance-gatherings", "N1": "noise"},
    "statuses": {"NEW": "new", "OPEN": "open", "ENRT": "in_progress", "CLSD": "closed"},
    "defaults": {"description": "Reported through the control room"},
    "fields": {"log_number": "incident_number", "caller": "informant"},
}

# A City of London point, in beat Cheap (the demo geography).
CITY = {"lat": 51.5155, "lon": -0.0922}


def log_number():
    return "CAD-20261201-%04d" % secrets.randbelow(10000)


def body(**over):
    b = {"type": "R12", "incident_number": log_number(),
         "description": "Group of youths shouting outside the flats",
         "occurred_at": "2026-12-01T21:40:00+00:00",
         "location": dict(CITY)}
    b.update(over)
    return {k: v for k, v in b.items() if v is not None}


def create(c, b, key=None, **kw):
    headers = {"Idempotency-Key": key or uuid.uuid4().hex}
    headers.update(kw.pop("headers", {}))
    return c.post("/api/v1/incidents", json=b, headers=headers, **kw)


def incidents(db, c):
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM incident WHERE created_by = %s", (c.user_id,))
        return cur.fetchone()[0]


def refused(r, code, field, status=422):
    """The problem of a refusal whose code and first field are these."""
    assert r.status_code == status, r.text
    p = problem(r)
    assert (p["code"], p["errors"][0]["field"]) == (code, field), p
    return p


def row(db, reference, cols):
    with db.cursor() as cur:
        cur.execute(f"SELECT {cols} FROM incident WHERE reference = %s", (reference,))
        return cur.fetchone()


@pytest.fixture
def client(db):
    return make_client(db, mappings=MAPPINGS)


# --------------------------------------------------------------------------
# The create and its receipt

def test_create_is_allocated_like_any_channel(db, client):
    r = create(client, body(status="OPEN", informant={"given_name": "Ann", "family_name": "Smith",
                                                      "phone": "07700 900123"},
                            note="Caller rang twice"))
    assert r.status_code == 201, r.text
    got = r.json()
    ref = got["reference"]
    assert got["url"] == URL + "/api/v1/incidents/" + ref
    assert r.headers["Location"] == got["url"]
    assert r.headers["ETag"] == '"%d"' % got["version"]
    assert got["status"] == "open" and got["status_code"] == "OPEN"
    assert got["linked"] is False
    assert got["risk_level"] is None
    assert isinstance(got["flags"], list)
    teams = [(a["team"]["code"], a["team"]["agency"], a["kind"]) for a in got["allocations"]]
    assert ("neighbourhood", "city-police", "neighbourhood") in teams, got
    channel, status, log, version, beat = row(
        db, ref, "channel::text, status::text, log_number, revision, "
        "(SELECT code FROM beat WHERE id = beat_id)")
    assert (channel, status, version) == ("cad", "open", got["version"])
    assert log.startswith("CAD-20261201-")
    assert beat == "E05009298"
    with db.cursor() as cur:
        cur.execute("SELECT p.given_name, ip.role::text FROM incident_person ip JOIN person p "
                    "ON p.id = ip.person_id JOIN incident i ON i.id = ip.incident_id "
                    "WHERE i.reference = %s", (ref,))
        assert cur.fetchall() == [("Ann", "reporter")]
        cur.execute("SELECT c.note FROM incident_call c JOIN incident i ON i.id = c.incident_id "
                    "WHERE i.reference = %s", (ref,))
        assert cur.fetchall() == [("Caller rang twice",)]


def test_people_screening_answers_and_extensions_are_kept(db, client):
    r = create(client, body(
        external_id="INC-" + secrets.token_hex(4),
        people=[{"role": "victim", "given_name": "Bea", "family_name": "Jones",
                 "vulnerable": True},
                {"role": "subject", "given_name": "Carl"}],
        screening={"repeat": False, "vulnerable": True, "targeted": False, "at_risk": False},
        extensions={"cad_priority": "P2", "units": ["A12", "B7"]}))
    assert r.status_code == 201, r.text
    ref = r.json()["reference"]
    assert row(db, ref, "screening")[0] == {"repeat": False, "vulnerable": True,
                                            "targeted": False, "at_risk": False}
    with db.cursor() as cur:
        cur.execute("SELECT p.given_name, ip.role::text, p.vulnerable FROM incident_person ip "
                    "JOIN person p ON p.id = ip.person_id JOIN incident i ON i.id = "
                    "ip.incident_id WHERE i.reference = %s ORDER BY p.id", (ref,))
        assert cur.fetchall() == [("Bea", "victim", True), ("Carl", "subject", False)]
        cur.execute("SELECT r.external_id, r.kept FROM api_incident_ref r JOIN incident i "
                    "ON i.id = r.incident_id WHERE i.reference = %s AND r.client_id = %s",
                    (ref, client.client_id))
        ext, kept = cur.fetchone()
    assert ext.startswith("INC-")
    assert kept == {"cad_priority": "P2", "units": ["A12", "B7"]}


def test_external_id_names_one_incident(db, client):
    ext = "INC-" + secrets.token_hex(4)
    assert create(client, body(external_id=ext)).status_code == 201
    before = incidents(db, client)
    r = create(client, body(external_id=ext))
    assert r.status_code == 409
    assert problem(r)["code"] == "external_id_exists"
    assert incidents(db, client) == before


# --------------------------------------------------------------------------
# Idempotency

def test_same_key_same_body_answers_the_first_create_again(db, client):
    key = uuid.uuid4().hex
    raw = json.dumps(body()).encode()
    first = client.post("/api/v1/incidents", body=raw, headers={"Idempotency-Key": key})
    assert first.status_code == 201, first.text
    assert "Idempotent-Replayed" not in first.headers
    again = client.post("/api/v1/incidents", body=raw, headers={"Idempotency-Key": key})
    assert again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert again.headers["Location"] == first.headers["Location"]
    assert again.headers["ETag"] == first.headers["ETag"]
    assert incidents(db, client) == 1


def test_same_key_other_body_is_refused(db, client):
    key = uuid.uuid4().hex
    assert create(client, body(), key=key).status_code == 201
    r = create(client, body(description="Something else entirely"), key=key)
    assert r.status_code == 422
    assert problem(r)["code"] == "idempotency_key_reused"
    assert incidents(db, client) == 1


def test_keys_are_the_clients_own(db, client):
    other = make_client(db, mappings=MAPPINGS)
    key = uuid.uuid4().hex
    assert create(client, body(), key=key).status_code == 201
    r = create(other, body(), key=key)
    assert r.status_code == 201 and "Idempotent-Replayed" not in r.headers


def test_key_is_required(db, client):
    r = client.post("/api/v1/incidents", json=body())
    assert r.status_code == 400
    assert problem(r)["code"] == "idempotency_key_missing"
    r = create(client, body(), key="x" * 65)
    assert r.status_code == 400
    assert problem(r)["code"] == "idempotency_key_invalid"
    assert incidents(db, client) == 0


def test_retry_after_redis_lost_the_key(db, rds, client, services):
    key = uuid.uuid4().hex
    raw = json.dumps(body()).encode()
    first = client.post("/api/v1/incidents", body=raw, headers={"Idempotency-Key": key})
    assert first.status_code == 201, first.text
    # Redis keeps its data across a restart (appendonly): what it lost is
    # lost before the restart.
    assert rds.delete(*rds.keys(f"concord:api:idem:{client.client_id}:*")) == 1
    services.stop("redis")
    services.start("redis")
    wait_for(lambda: _ping(rds), what="Redis back")
    again = client.post("/api/v1/incidents", body=raw, headers={"Idempotency-Key": key})
    assert again.status_code == 201, again.text
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    # ... and put back in Redis by the database's answer.
    assert rds.keys(f"concord:api:idem:{client.client_id}:*")
    other = create(client, body(description="Another body"), key=key)
    assert other.status_code == 422
    assert problem(other)["code"] == "idempotency_key_reused"
    assert incidents(db, client) == 1


def test_no_second_incident_when_both_stores_lost_the_answer(db, rds, client):
    """The incident's own unique key: with the kept answer gone from Redis
    and from api_idempotency, a retry still finds the first incident."""
    key = uuid.uuid4().hex
    raw = json.dumps(body()).encode()
    first = client.post("/api/v1/incidents", body=raw, headers={"Idempotency-Key": key})
    assert first.status_code == 201
    rds.delete(*rds.keys(f"concord:api:idem:{client.client_id}:*"))
    with db.cursor() as cur:
        cur.execute("DELETE FROM api_idempotency WHERE client_id = %s", (client.client_id,))
    again = client.post("/api/v1/incidents", body=raw, headers={"Idempotency-Key": key})
    assert again.status_code == 201, again.text
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["reference"] == first.json()["reference"]
    rds.delete(*rds.keys(f"concord:api:idem:{client.client_id}:*"))
    with db.cursor() as cur:
        cur.execute("DELETE FROM api_idempotency WHERE client_id = %s", (client.client_id,))
    other = create(client, body(description="Another body"), key=key)
    assert other.status_code == 422
    assert problem(other)["code"] == "idempotency_key_reused"
    assert incidents(db, client) == 1


def _ping(rds):
    try:
        return rds.ping()
    except Exception:
        return False


# --------------------------------------------------------------------------
# Mappings

def test_unmapped_type_is_named(db, client):
    p = refused(create(client, body(type="ZZ9")), "unmapped_code", "type")
    assert "ZZ9" in p["errors"][0]["message"]
    assert incidents(db, client) == 0


def test_unmapped_status_is_named(db, client):
    p = refused(create(client, body(status="WAIT")), "unmapped_code", "status")
    assert "WAIT" in p["errors"][0]["message"]
    assert incidents(db, client) == 0


def test_a_create_cannot_start_closed(db, client):
    r = create(client, body(status="CLSD"))
    assert r.status_code == 422
    assert problem(r)["errors"][0]["field"] == "status"
    assert incidents(db, client) == 0


def test_defaults_apply_before_the_mandatory_checks(db):
    c = make_client(db, mappings=dict(MAPPINGS, defaults={"type": "N1",
                                                           "description": "From the CAD"}))
    r = create(c, body(type=None, description=None))
    assert r.status_code == 201, r.text
    code, desc = row(db, r.json()["reference"],
                     "(SELECT code FROM asb_type WHERE id = asb_type_id), description")
    assert (code, desc) == ("noise", "From the CAD")


def test_a_default_code_is_mapped_and_refused_like_a_sent_one(db):
    c = make_client(db, mappings=dict(MAPPINGS, defaults={"type": "NOPE"}))
    p = refused(create(c, body(type=None)), "unmapped_code", "type")
    assert "NOPE" in p["errors"][0]["message"]


def test_renamed_fields_are_read_and_named_by_the_clients_names(db, client):
    b = body(informant={"given_name": "Dee", "phone": "07700 900456"})
    r = create(client, b)
    assert r.status_code == 201, r.text
    assert row(db, r.json()["reference"], "log_number")[0] == b["incident_number"]
    # The canonical names are unknown to a client that renamed them.
    r = create(client, body(log_number="CAD-20261201-0001", caller={"given_name": "Ed"}))
    assert r.status_code == 422
    fields = {e["field"]: e["code"] for e in problem(r)["errors"]}
    assert fields == {"log_number": "unknown_field", "caller": "unknown_field"}
    # The intake's errors come back under the client's names too.
    r = create(client, body(incident_number=None, informant={"given_name": "Flo",
                                                             "email": "not-an-email"}))
    assert r.status_code == 422
    p = problem(r)
    assert p["code"] == "invalid_fields"
    fields = {e["field"] for e in p["errors"]}
    assert {"incident_number", "informant.email"} <= fields, p
    assert incidents(db, client) == 1


def test_log_number_in_the_forces_format(db, client):
    p = refused(create(client, body(incident_number="42")), "invalid_fields", "incident_number")
    assert "CAD-20261202-0042" in p["errors"][0]["message"]
    assert incidents(db, client) == 0


# --------------------------------------------------------------------------
# British National Grid

# Ordnance Survey's OSTN15 test points (developer pack, ETRS89 to OSGB36):
# ETRS89 latitude, longitude and the OSGB36 easting, northing. PostGIS has
# no OSTN15 grid on Debian and uses EPSG's Helmert transformation: metres
# off (README "CAD API" gives the figures), so each is checked to 6 m.
OS_TEST_POINTS = [
    ("TP03 Plymouth", 50.43885825610, -4.10864563561, 250359.811, 62016.569),
    ("TP05", 50.93127937910, -1.45051433700, 438710.920, 114792.250),
    ("TP06", 51.40078220140, -3.55128349240, 292184.870, 168003.465),
]


@pytest.mark.parametrize("name,lat,lon,e,n", OS_TEST_POINTS)
def test_bng_converted_near_the_os_test_point(db, name, lat, lon, e, n):
    # These points are outside the demo partnership: the conversion alone,
    # through the same domain statement the create uses.
    with db.cursor() as cur:
        cur.execute("SELECT ST_Distance(ST_Transform(ST_SetSRID(ST_MakePoint(%s, %s), 27700), "
                    "4326)::geography, ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography)",
                    (e, n, lon, lat))
        assert cur.fetchone()[0] < 6.0, name


def test_bng_point_is_created_where_it_is(db, client):
    # 532500 181300: Wood Street in the City (the contract's example).
    r = create(client, body(location={"easting": 532500, "northing": 181300}))
    assert r.status_code == 201, r.text
    lon, lat, beat = row(db, r.json()["reference"],
                         "ST_X(location), ST_Y(location), (SELECT code FROM beat WHERE id = beat_id)")
    assert abs(lat - 51.51509) < 0.0001 and abs(lon - -0.09187) < 0.0001
    assert beat is not None


def test_bng_outside_the_partnership_is_refused_by_the_intake(db, client):
    refused(create(client, body(location={"easting": 250359.811, "northing": 62016.569})),
            "invalid_fields", "location")
    assert incidents(db, client) == 0


# --------------------------------------------------------------------------
# Bad input: each a problem naming the field, nothing created

BAD_FIELDS = [
    ("unknown field", {"colour": "red"}, 422, "unknown_field", "colour"),
    ("unknown nested field", {"location": dict(CITY, height=3)}, 422, "unknown_field",
     "location.height"),
    ("wrong type", {"description": 42}, 422, "wrong_type", "description"),
    ("wrong nested type", {"location": {"lat": "51.5", "lon": -0.09}}, 422, "wrong_type",
     "location.lat"),
    ("person wrong type", {"people": [{"role": "victim", "vulnerable": "yes"}]}, 422,
     "wrong_type", "people[0].vulnerable"),
    ("people not a list", {"people": {"role": "victim"}}, 422, "wrong_type", "people"),
    ("too many people", {"people": [{"role": "witness", "given_name": "P%d" % i}
                                    for i in range(13)]}, 422, "too_many_items", "people"),
    ("latitude out of range", {"location": {"lat": 95.0, "lon": -0.09}}, 422, "out_of_range",
     "location.lat"),
    ("outside the UK", {"location": {"lat": 48.85, "lon": 2.35}}, 422, "out_of_range",
     "location.lat"),
    ("swapped", {"location": {"lat": -0.0922, "lon": 51.5155}}, 422, "swapped_coordinates",
     "location.lat"),
    ("BNG as degrees", {"location": {"lat": 181300, "lon": 532500}}, 422, "bng_as_degrees",
     "location.lat"),
    ("easting out of range", {"location": {"easting": 800000, "northing": 181300}}, 422,
     "out_of_range", "location.easting"),
    ("half a point", {"location": {"lat": 51.5155}}, 422, "missing_field", "location.lon"),
    ("both kinds of point", {"location": {"lat": 51.5, "lon": -0.09, "easting": 532500,
                                          "northing": 181300}}, 422, "invalid_value",
     "location"),
    ("bad role", {"people": [{"role": "bystander"}]}, 422, "invalid_value", "people[0].role"),
    ("NUL in a string", {"description": "a\u0000b"}, 422, "invalid_value", "description"),
    ("screening not boolean", {"screening": {"repeat": "no"}}, 422, "wrong_type",
     "screening.repeat"),
    ("answer not text", {"answers": {"how_many": {"n": 3}}}, 422, "wrong_type",
     "answers.how_many"),
]


@pytest.mark.parametrize("name,over,status,code,field", BAD_FIELDS,
                         ids=[b[0] for b in BAD_FIELDS])
def test_bad_field_is_named_and_nothing_created(db, client, name, over, status, code, field):
    r = create(client, body(**over))
    assert r.status_code == status, r.text
    p = problem(r)
    assert p["code"] == code
    assert field in [e["field"] for e in p["errors"]], p
    assert incidents(db, client) == 0


def raw_post(c, raw, content_type="application/json"):
    return c.post("/api/v1/incidents", body=raw, headers={
        "Idempotency-Key": uuid.uuid4().hex, "Content-Type": content_type})


def test_malformed_json_gives_the_byte_offset(db, client):
    r = raw_post(client, b'{"type": "R12", "description": }')
    assert r.status_code == 400
    p = problem(r)
    assert p["code"] == "invalid_json"
    assert "byte 31" in p["detail"], p
    r = raw_post(client, b'{"type": "R12"} trailing')
    assert problem(r)["code"] == "invalid_json" and "byte 16" in problem(r)["detail"]
    r = raw_post(client, b'{"type": "R12"')
    assert problem(r)["code"] == "invalid_json"
    r = raw_post(client, b'["not", "an", "object"]')
    assert problem(r)["code"] == "invalid_json"
    assert incidents(db, client) == 0


def test_deep_json_is_refused(db, client):
    deep = b'{"extensions": ' + b'{"a": ' * 16 + b'1' + b'}' * 16 + b'}'
    r = raw_post(client, deep)
    assert r.status_code == 400
    assert problem(r)["code"] == "json_too_deep"
    ok = b'{"extensions": ' + b'{"a": ' * 14 + b'1' + b'}' * 14 + b'}'
    assert problem(raw_post(client, ok))["code"] != "json_too_deep"
    assert incidents(db, client) == 0


def test_invalid_utf8_is_refused(db, client):
    raw = json.dumps(body()).encode().replace(b"youths", b"y\xffouths")
    r = raw_post(client, raw)
    assert r.status_code == 400
    p = problem(r)
    assert p["code"] == "invalid_utf8"
    assert "offset %d" % raw.index(b"\xff") in p["detail"]
    assert incidents(db, client) == 0


def test_other_media_type_is_refused(db, client):
    r = raw_post(client, json.dumps(body()).encode(), content_type="text/plain")
    assert r.status_code == 415
    assert problem(r)["code"] == "unsupported_media_type"
    assert incidents(db, client) == 0


def test_body_at_the_limit_is_read_and_one_byte_more_is_a_problem(db, client):
    """API_BODY_MAX (256 KiB): nginx's limit for /api/ too, whose own
    refusal is a problem+json like the app's."""
    b = body(extensions={"pad": ""})
    b["extensions"]["pad"] = "x" * (256 * 1024 - len(json.dumps(b).encode()))
    raw = json.dumps(b).encode()
    assert len(raw) == 256 * 1024
    r = raw_post(client, raw)
    assert r.status_code == 422     # read: its extensions are too long to keep
    assert problem(r)["errors"][0] == {"field": "extensions", "code": "too_long",
                                       "message": "extensions may take at most 65536 bytes"}
    r = raw_post(client, raw[:-1] + b' }')
    assert r.status_code == 413
    assert problem(r)["code"] == "body_too_large"
    r = raw_post(client, json.dumps(body(extensions={"pad": "x" * (300 * 1024)})).encode())
    assert r.status_code == 413
    assert problem(r)["code"] == "body_too_large"
    assert incidents(db, client) == 0


# --------------------------------------------------------------------------
# Scopes

def test_read_only_client_cannot_create(db):
    c = make_client(db, scopes=("incidents.read",), mappings=MAPPINGS)
    r = create(c, body())
    assert r.status_code == 403
    assert problem(r)["code"] == "scope_missing"
    assert incidents(db, c) == 0
