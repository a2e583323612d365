"""Signing in as the demo users (scripts/up and scripts/test load them; the
credentials are in $CONCORD_VAR/demo-users.json)."""
import base64
import hashlib
import hmac
import json
import os
import re
import struct
import time

import psycopg2
import requests

from stack import URL, VAR, read_conf

_last_step = {}


def demo_users():
    with open(os.path.join(VAR, "demo-users.json")) as f:
        return json.load(f)


def demo_user(role):
    for u in demo_users():
        if u["role"] == role:
            return u
    raise KeyError(role)


def totp(secret, step):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    off = mac[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", mac[off:off + 4])[0] & 0x7FFFFFFF) % 1000000)


def used_step(email):
    """The last TOTP step the server has accepted for this account."""
    conn = psycopg2.connect(read_conf()["db_admin"])
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT coalesce(totp_last_step, 0) FROM app_user "
                        "WHERE lower(email) = lower(%s)", (email,))
            row = cur.fetchone()
        return row[0] if row else 0
    finally:
        conn.close()


def next_code(email, secret):
    """A code the server will take: a step inside its ±1 window that is newer
    than the last one used for this account (codes are single-use)."""
    while True:
        now = int(time.time()) // 30
        last = max(_last_step.get(email, 0), used_step(email))
        # Not now - 1: the server may already be in the next step by the
        # time it checks, and its window is only one step either side.
        for step in (now, now + 1):
            if step > last:
                _last_step[email] = step
                return totp(secret, step)
        time.sleep(1)


def csrf_of(html):
    m = re.search(r'name="csrf" value="([0-9a-f]{64})"', html)
    assert m, "no CSRF token on the page"
    return m.group(1)


def sign_in(email, password, secret, session=None):
    """Signs in through the pages, as a person would. Returns the session."""
    s = session or requests.Session()
    page = s.get(URL + "/staff/sign-in")
    r = s.post(URL + "/staff/sign-in", data={
        "csrf": csrf_of(page.text), "email": email, "password": password},
        allow_redirects=False)
    assert r.status_code == 303, (r.status_code, r.text[:500])
    page = s.get(URL + r.headers["Location"])
    r = s.post(URL + "/staff/sign-in/code", data={
        "csrf": csrf_of(page.text), "code": next_code(email, secret)},
        allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/staff", \
        (r.status_code, r.text[:500])
    return s


_sessions = {}


def as_role(role):
    """A signed-in session for the demo user with this role, shared by the
    tests of one run (each sign-in spends a TOTP code)."""
    if role not in _sessions:
        u = demo_user(role)
        _sessions[role] = sign_in(u["email"], u["password"], u["totp_secret"])
    return _sessions[role]


def csrf_for(session, path="/staff"):
    return csrf_of(session.get(URL + path).text)
