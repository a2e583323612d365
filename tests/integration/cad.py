"""CAD API clients for the tests: made in the database as concordctl
api-client add --kind cad makes them (a service account of the agency, the
client, a key whose secret is derived from the stack's API key file), and a
requests wrapper that signs every call as README "Signing a request" says.
"""
import base64
import hashlib
import hmac
import json as jsonlib
import os
import secrets
import time
import urllib.parse

import requests

from stack import URL, VAR

SCHEME = "concord-v1"


def master_key():
    with open(os.path.join(VAR, "api.key"), "rb") as f:
        return f.read()


def derive_secret(key_id, salt):
    mac = hmac.new(master_key(), f"concord-api-secret\n{key_id}\n{salt}".encode(),
                   hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def string_to_sign(method, path, query, timestamp, nonce, body):
    return "\n".join([SCHEME, method.upper(), path, query or "", str(timestamp), nonce,
                      hashlib.sha256(body or b"").hexdigest()])


def signature(secret, method, path, query, timestamp, nonce, body):
    text = string_to_sign(method, path, query, timestamp, nonce, body)
    return "v1=" + hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest()


def new_key(db, client_id, expires_sql=None):
    """A new key for the client; returns (key_id, secret)."""
    key_id = "ck_" + secrets.token_hex(10)
    salt = secrets.token_hex(16)
    secret = derive_secret(key_id, salt)
    with db.cursor() as cur:
        cur.execute("INSERT INTO api_key (client_id, key_id, salt, secret_hash) "
                    "VALUES (%s, %s, %s, %s)", (client_id, key_id, salt,
                                                hashlib.sha256(secret.encode()).hexdigest()))
    return key_id, secret


class Client:
    """A CAD client: signs and sends its calls."""

    def __init__(self, client_id, user_id, key_id, secret, name):
        self.client_id = client_id
        self.user_id = user_id
        self.key_id = key_id
        self.secret = secret
        self.name = name
        self.session = requests.Session()

    def headers(self, method, target, body, timestamp=None, nonce=None, key_id=None,
                secret=None):
        path, _, query = target.partition("?")
        ts = int(time.time()) if timestamp is None else timestamp
        nonce = nonce or secrets.token_urlsafe(18)
        return {
            "Concord-Key-Id": key_id or self.key_id,
            "Concord-Timestamp": str(ts),
            "Concord-Nonce": nonce,
            "Concord-Signature": signature(secret or self.secret, method, path, query,
                                           ts, nonce, body),
        }

    def call(self, method, target, json=None, body=None, headers=None, sign=None,
             timeout=30):
        """Sends method target ("/api/v1/..."), signed. json is encoded
        compactly; body is sent as given (bytes). sign overrides parts of
        the signature (timestamp, nonce, key_id, secret)."""
        if json is not None:
            body = jsonlib.dumps(json).encode()
        h = self.headers(method, target, body, **(sign or {}))
        if body is not None:
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        return self.session.request(method, URL + target, data=body, headers=h,
                                    timeout=timeout, allow_redirects=False)

    def get(self, target, **kw):
        return self.call("GET", target, **kw)

    def post(self, target, json=None, **kw):
        return self.call("POST", target, json=json, **kw)

    def patch(self, target, json=None, **kw):
        return self.call("PATCH", target, json=json, **kw)


def make_client(db, name=None, agency="city-police",
                scopes=("incidents.read", "incidents.write"), webhook_url=None,
                mappings=None):
    """A new CAD client of agency with one live key."""
    name = name or "cad-" + secrets.token_hex(4)
    with db.cursor() as cur:
        cur.execute("INSERT INTO app_user (agency_id, email, name) SELECT id, %s, %s "
                    "FROM agency WHERE code = %s RETURNING id, agency_id",
                    (f"{name}@api-clients.invalid", f"API client {name}", agency))
        user_id, agency_id = cur.fetchone()
        cur.execute("INSERT INTO api_client (name, kind, agency_id, user_id, scopes, "
                    "webhook_url, mappings) VALUES (%s, 'cad', %s, %s, %s, %s, %s) "
                    "RETURNING id", (name, agency_id, user_id, list(scopes), webhook_url,
                                     jsonlib.dumps(mappings or {})))
        client_id = cur.fetchone()[0]
    key_id, secret = new_key(db, client_id)
    return Client(client_id, user_id, key_id, secret, name)


def problem(resp):
    """The problem+json body of an error answer, checked to be one."""
    assert resp.headers["Content-Type"].startswith("application/problem+json"), resp.text
    body = resp.json()
    assert body["status"] == resp.status_code
    return body
