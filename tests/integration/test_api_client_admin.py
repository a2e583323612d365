"""Administering API clients, with concordctl and on /admin/api-clients
(both through domain/api_client_admin.c): a CAD client is registered with
its service account and a key whose secret is shown once and never stored;
a rotation keeps the old key working for its overlap only; a revoked key or
client is refused; bad mappings are refused by name with nothing made."""
import hashlib
import json
import re
import secrets

from cad import Client, problem
from stack import URL, backdate, ctl  # noqa: F401
from staff import as_role, csrf_for


def client_row(db, name):
    with db.cursor() as cur:
        cur.execute("SELECT c.id, c.user_id, c.scopes, c.webhook_url, c.mappings, "
                    "c.revoked_at IS NOT NULL, u.email, u.name, u.password_hash, "
                    "u.agency_id = (SELECT id FROM agency WHERE code = 'city-police') "
                    "FROM api_client c LEFT JOIN app_user u ON u.id = c.user_id "
                    "WHERE c.name = %s", (name,))
        return cur.fetchone()


def printed_key(out):
    key_id = re.search(r"^key_id: (ck_[0-9a-f]{20})$", out, re.M).group(1)
    secret = re.search(r"^secret: ([A-Za-z0-9_-]{43})$", out, re.M).group(1)
    return key_id, secret


def add_cad(name, *extra):
    r = ctl("api-client", "add", "--name", name, "--kind", "cad", "--agency",
            "city-police", "--scopes", "incidents.read,incidents.write", *extra)
    return printed_key(r.stdout)


def as_client(db, name, key_id, secret):
    row = client_row(db, name)
    return Client(row[0], row[1], key_id, secret, name)


def test_ctl_registers_a_cad_client_whose_secret_is_shown_once(db):
    name = "ctl-cad-" + secrets.token_hex(3)
    key_id, secret = add_cad(name, "--webhook", "https://127.0.0.1:9/hooks?x=1")
    row = client_row(db, name)
    assert row[2] == ["incidents.read", "incidents.write"]
    assert row[3] == "https://127.0.0.1:9/hooks?x=1"
    # Its service account is of its agency and can never sign in.
    assert row[6] == f"{name}@api-clients.invalid" and row[7] == f"API client {name}"
    assert row[8] is None and row[9] is True
    with db.cursor() as cur:
        cur.execute("SELECT salt, secret_hash, expires_at, revoked_at FROM api_key "
                    "WHERE key_id = %s", (key_id,))
        salt, secret_hash, expires, revoked = cur.fetchone()
        assert secret_hash == hashlib.sha256(secret.encode()).hexdigest()
        assert expires is None and revoked is None
        cur.execute("SELECT count(*) FROM api_client c JOIN api_key k ON k.client_id = c.id "
                    "WHERE c.name = %s AND (k.secret_hash = %s OR k.salt = %s "
                    "OR c.mappings::text LIKE %s)", (name, secret, secret, f"%{secret}%"))
        assert cur.fetchone()[0] == 0
        cur.execute("SELECT action, after FROM audit_event WHERE entity = 'api_client' "
                    "AND entity_id = %s ORDER BY id", (str(row[0]),))
        audit = cur.fetchall()
    assert audit[0][0] == "create" and audit[0][1]["key_id"] == key_id
    assert secret not in json.dumps(audit)
    r = as_client(db, name, key_id, secret).get("/api/v1/client")
    assert r.status_code == 200, r.text
    assert r.json()["name"] == name and r.json()["key_id"] == key_id


def test_rotation_overlaps_then_the_old_key_stops(db):
    name = "rot-cad-" + secrets.token_hex(3)
    old_id, old_secret = add_cad(name)
    r = ctl("api-client", "rotate", "--name", name, "--overlap-hours", "2")
    new_id, new_secret = printed_key(r.stdout)
    assert new_id != old_id and "stop working at" in r.stdout
    old = as_client(db, name, old_id, old_secret)
    assert old.get("/api/v1/client").status_code == 200
    assert old.get("/api/v1/client", sign={"key_id": new_id, "secret": new_secret}
                   ).status_code == 200
    with db.cursor() as cur:
        cur.execute("SELECT expires_at - now() FROM api_key WHERE key_id = %s", (old_id,))
        left = cur.fetchone()[0].total_seconds()
        assert 7000 < left <= 7200
        # Two hours later:
        cur.execute("UPDATE api_key SET expires_at = now() - interval '1 second' "
                    "WHERE key_id = %s", (old_id,))
    r = old.get("/api/v1/client")
    assert r.status_code == 401 and problem(r)["code"] == "key_expired"
    assert old.get("/api/v1/client", sign={"key_id": new_id, "secret": new_secret}
                   ).status_code == 200


def test_rotation_with_no_overlap_ends_the_old_key_at_once(db):
    name = "rot0-cad-" + secrets.token_hex(3)
    old_id, old_secret = add_cad(name)
    new_id, new_secret = printed_key(ctl("api-client", "rotate", "--name", name,
                                         "--overlap-hours", "0").stdout)
    c = as_client(db, name, old_id, old_secret)
    r = c.get("/api/v1/client")
    assert r.status_code == 401 and problem(r)["code"] == "key_expired"
    assert c.get("/api/v1/client", sign={"key_id": new_id, "secret": new_secret}
                 ).status_code == 200


def test_revoking_a_key_then_the_client(db):
    name = "rev-cad-" + secrets.token_hex(3)
    first_id, first_secret = add_cad(name)
    second_id, second_secret = printed_key(ctl("api-client", "rotate", "--name", name).stdout)
    c = as_client(db, name, first_id, first_secret)
    ctl("api-client", "revoke", "--name", name, "--key", first_id)
    r = c.get("/api/v1/client")
    assert r.status_code == 401 and problem(r)["code"] == "key_revoked"
    again = ctl("api-client", "revoke", "--name", name, "--key", first_id, check=False)
    assert again.returncode == 1 and "revoked already" in again.stderr
    second = {"key_id": second_id, "secret": second_secret}
    assert c.get("/api/v1/client", sign=second).status_code == 200
    ctl("api-client", "revoke", "--name", name)
    r = c.get("/api/v1/client", sign=second)
    assert r.status_code == 401 and problem(r)["code"] == "key_revoked"
    row = client_row(db, name)
    assert row[5] is True
    with db.cursor() as cur:
        cur.execute("SELECT disabled_at IS NOT NULL FROM app_user WHERE id = %s", (row[1],))
        assert cur.fetchone()[0] is True
        cur.execute("SELECT array_agg(action ORDER BY id) FROM audit_event WHERE "
                    "entity = 'api_client' AND entity_id = %s", (str(row[0]),))
        assert cur.fetchone()[0] == ["create", "rotate_key", "revoke_key", "revoke"]
    r = ctl("api-client", "rotate", "--name", name, check=False)
    assert r.returncode == 1 and "revoked already" in r.stderr


def test_bad_mappings_are_refused_by_name_and_nothing_is_made(db, tmp_path):
    name = "map-cad-" + secrets.token_hex(3)
    cases = [
        ('{"types": {"R12": "no-such-type"}}', "no-such-type"),
        ('{"statuses": {"OPEN": "opened"}}', "opened"),
        ('{"colours": {}}', "colours"),
        ('{"types": ', "mappings"),
    ]
    for text, named in cases:
        f = tmp_path / "m.json"
        f.write_text(text)
        r = ctl("api-client", "add", "--name", name, "--kind", "cad", "--agency",
                "city-police", "--scopes", "incidents.read", "--mappings", str(f),
                check=False)
        assert r.returncode == 2, r.stdout
        assert "mappings:" in r.stderr and named in r.stderr, r.stderr
        assert "secret" not in r.stdout
    assert client_row(db, name) is None
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM app_user WHERE email = %s",
                    (f"{name}@api-clients.invalid",))
        assert cur.fetchone()[0] == 0


def test_ctl_refuses_bad_fields(db):
    r = ctl("api-client", "add", "--name", "-bad", "--kind", "cad", "--agency", "nowhere",
            "--scopes", "incidents.read", "--webhook", "ftp://x.example/", check=False)
    assert r.returncode == 2
    for field in ("name:", "agency:", "webhook_url:"):
        assert field in r.stderr, r.stderr
    r = ctl("api-client", "add", "--name", "x", "--kind", "cad", "--scopes", "incidents.delete",
            check=False)
    assert r.returncode == 2 and "incidents.delete is not a scope" in r.stderr


# ---- the pages ----

def page_text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_page_registers_a_cad_client_and_shows_the_secret_once(db):
    s = as_role("administrator")
    name = "page-cad-" + secrets.token_hex(3)
    with db.cursor() as cur:
        cur.execute("SELECT id FROM agency WHERE code = 'city-police'")
        agency = cur.fetchone()[0]
    r = s.post(URL + "/admin/api-clients", data={
        "csrf": csrf_for(s, "/admin/api-clients/new"), "name": name, "kind": "cad",
        "agency": str(agency), "scopes": ["incidents.read"],
        "webhook_url": "", "mappings": '{"types": {"N1": "noise"}}'}, allow_redirects=False)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["Cache-Control"] == "no-store"
    key_id = re.search(r'id="key-id">([^<]+)<', r.text).group(1)
    secret = re.search(r'id="secret">([^<]+)<', r.text).group(1)
    c = as_client(db, name, key_id, secret)
    got = c.get("/api/v1/client")
    assert got.status_code == 200 and got.json()["scopes"] == ["incidents.read"]
    # Never again: not on the client's page nor in the list.
    row = client_row(db, name)
    for path in (f"/admin/api-clients/{row[0]}", "/admin/api-clients"):
        page = s.get(URL + path)
        assert page.status_code == 200 and key_id in page.text
        assert secret not in page.text
    assert f'href="/admin/api-clients/{row[0]}/deliveries"' in s.get(
        URL + "/admin/api-clients").text


def test_page_lists_every_problem_with_links_to_the_fields(db):
    s = as_role("administrator")
    r = s.post(URL + "/admin/api-clients", data={
        "csrf": csrf_for(s, "/admin/api-clients/new"), "name": "", "kind": "cad",
        "webhook_url": "javascript:alert(1)", "mappings": '{"types": {"X": "nope"}}'})
    assert r.status_code == 400
    links = re.findall(r'<li><a href="#([^"]+)">', r.text)
    assert links == ["name", "agency", "scopes", "webhook_url", "mappings"]
    assert "nope" in page_text(r.text)
    # What was typed is kept.
    assert "javascript:alert(1)" in r.text and "&quot;nope&quot;" in r.text


def test_page_registers_and_deactivates_an_open311_client(db):
    s = as_role("administrator")
    name = "page-311-" + secrets.token_hex(3)
    r = s.post(URL + "/admin/api-clients", data={
        "csrf": csrf_for(s, "/admin/api-clients/new"), "name": name, "kind": "open311"})
    assert r.status_code == 200 and r.headers["Cache-Control"] == "no-store"
    key = re.search(r'id="secret">([0-9a-f]{64})<', r.text).group(1)
    with db.cursor() as cur:
        cur.execute("SELECT id, key_hash, active FROM api_client WHERE name = %s", (name,))
        cid, key_hash, active = cur.fetchone()
    assert key_hash == hashlib.sha256(key.encode()).hexdigest() and active
    page = s.get(URL + f"/admin/api-clients/{cid}/revoke")
    assert page.status_code == 200 and "Deactivate" in page.text
    r = s.post(URL + f"/admin/api-clients/{cid}/revoke",
               data={"csrf": csrf_for(s, f"/admin/api-clients/{cid}/revoke")},
               allow_redirects=False)
    assert r.status_code == 303
    with db.cursor() as cur:
        cur.execute("SELECT active FROM api_client WHERE id = %s", (cid,))
        assert cur.fetchone()[0] is False


def test_page_changes_and_rotates(db):
    s = as_role("administrator")
    name = "edit-cad-" + secrets.token_hex(3)
    old_id, old_secret = add_cad(name)
    cid = client_row(db, name)[0]
    page = s.get(URL + f"/admin/api-clients/{cid}").text
    version = re.search(r'name="version" value="([0-9a-f]+)"', page).group(1)
    r = s.post(URL + f"/admin/api-clients/{cid}", data={
        "csrf": csrf_for(s, f"/admin/api-clients/{cid}"), "version": version,
        "scopes": ["incidents.write"], "webhook_url": "http://127.0.0.1:9/h",
        "mappings": '{"types": {"R": "noise"}}'}, allow_redirects=False)
    assert r.status_code == 303, r.text[:500]
    row = client_row(db, name)
    assert row[2] == ["incidents.write"] and row[3] == "http://127.0.0.1:9/h"
    assert row[4] == {"types": {"R": "noise"}}
    # The same version again is stale.
    r = s.post(URL + f"/admin/api-clients/{cid}", data={
        "csrf": csrf_for(s, f"/admin/api-clients/{cid}"), "version": version,
        "scopes": ["incidents.read"], "mappings": ""}, allow_redirects=False)
    assert r.status_code == 409
    r = s.post(URL + f"/admin/api-clients/{cid}/rotate", data={
        "csrf": csrf_for(s, f"/admin/api-clients/{cid}"), "overlap": "721"})
    assert r.status_code == 400 and '<a href="#overlap">' in r.text
    r = s.post(URL + f"/admin/api-clients/{cid}/rotate", data={
        "csrf": csrf_for(s, f"/admin/api-clients/{cid}"), "overlap": "1"})
    assert r.status_code == 200 and r.headers["Cache-Control"] == "no-store"
    new_id = re.search(r'id="key-id">([^<]+)<', r.text).group(1)
    new_secret = re.search(r'id="secret">([^<]+)<', r.text).group(1)
    c = as_client(db, name, old_id, old_secret)
    assert c.get("/api/v1/client").status_code == 200
    assert c.get("/api/v1/client", sign={"key_id": new_id, "secret": new_secret}
                 ).status_code == 200
    with db.cursor() as cur:
        cur.execute("SELECT after FROM audit_event WHERE entity = 'api_client' AND "
                    "entity_id = %s AND action = 'update'", (str(cid),))
        after = cur.fetchone()[0]
    assert after["scopes"] == ["incidents.write"] and "name" not in after


def test_api_clients_need_the_permission():
    s = as_role("analyst")
    assert s.get(URL + "/admin/api-clients", allow_redirects=False).status_code in (403, 404)
