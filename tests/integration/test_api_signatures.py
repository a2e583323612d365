"""The CAD API's signed requests: a valid signature is let in; a wrong one,
an unknown, revoked or expired key, a timestamp outside five minutes and a
nonce used before are each a 401 with its reason code."""
import time

from cad import make_client, new_key, problem


def test_valid_signature_names_the_client(db):
    c = make_client(db)
    r = c.get("/api/v1/client")
    assert r.status_code == 200, r.text
    assert r.json()["name"] == c.name
    assert r.json()["key_id"] == c.key_id
    assert sorted(r.json()["scopes"]) == ["incidents.read", "incidents.write"]


def test_unsigned_request_is_refused(http, base_url):
    r = http.get(base_url + "/api/v1/client")
    assert r.status_code == 401
    assert problem(r)["code"] == "signature_missing"


def test_wrong_signature(db):
    c = make_client(db)
    r = c.get("/api/v1/client", sign={"secret": c.secret[:-1] + ("A" if c.secret[-1] != "A" else "B")})
    assert r.status_code == 401
    assert problem(r)["code"] == "signature_invalid"


def test_signature_covers_the_query(db):
    c = make_client(db)
    h = c.headers("GET", "/api/v1/client?a=1", None)
    r = c.session.get(c_url("/api/v1/client?a=2"), headers=h)
    assert r.status_code == 401
    assert problem(r)["code"] == "signature_invalid"


def c_url(target):
    from stack import URL
    return URL + target


def test_unknown_key(db):
    c = make_client(db)
    r = c.get("/api/v1/client", sign={"key_id": "ck_doesnotexist00"})
    assert r.status_code == 401
    assert problem(r)["code"] == "key_unknown"


def test_timestamp_outside_five_minutes(db):
    c = make_client(db)
    for skew in (-301, 301):
        r = c.get("/api/v1/client", sign={"timestamp": int(time.time()) + skew})
        assert r.status_code == 401
        assert problem(r)["code"] == "timestamp_out_of_window"
    assert c.get("/api/v1/client", sign={"timestamp": int(time.time()) - 200}).status_code == 200


def test_replayed_nonce(db):
    c = make_client(db)
    h = c.headers("GET", "/api/v1/client", None)
    first = c.session.get(c_url("/api/v1/client"), headers=h)
    assert first.status_code == 200
    again = c.session.get(c_url("/api/v1/client"), headers=h)
    assert again.status_code == 401
    assert problem(again)["code"] == "nonce_replayed"


def test_revoked_key(db):
    c = make_client(db)
    assert c.get("/api/v1/client").status_code == 200
    with db.cursor() as cur:
        cur.execute("UPDATE api_key SET revoked_at = now() WHERE key_id = %s", (c.key_id,))
    r = c.get("/api/v1/client")
    assert r.status_code == 401
    assert problem(r)["code"] == "key_revoked"


def test_rotated_key_works_in_its_overlap_only(db):
    c = make_client(db)
    new_id, new_secret = new_key(db, c.client_id)
    with db.cursor() as cur:
        cur.execute("UPDATE api_key SET expires_at = now() + interval '1 hour' "
                    "WHERE key_id = %s", (c.key_id,))
    assert c.get("/api/v1/client").status_code == 200
    assert c.get("/api/v1/client", sign={"key_id": new_id, "secret": new_secret}).status_code == 200
    with db.cursor() as cur:
        cur.execute("UPDATE api_key SET expires_at = now() - interval '1 second' "
                    "WHERE key_id = %s", (c.key_id,))
    r = c.get("/api/v1/client")
    assert r.status_code == 401
    assert problem(r)["code"] == "key_expired"
    assert c.get("/api/v1/client", sign={"key_id": new_id, "secret": new_secret}).status_code == 200


def test_unknown_api_path_is_a_problem(db):
    c = make_client(db)
    r = c.get("/api/v1/nothing-here")
    assert r.status_code == 404
    assert problem(r)["code"] == "not_found"
