"""Staff sign-in: password and TOTP, sessions, CSRF, throttling, and the
audit rows every attempt leaves."""
import base64
import hashlib
import os
import re
import time
import uuid

import pytest
import requests

from stack import URL, ctl
from staff import csrf_of, demo_user, demo_users, next_code, sign_in, totp

SEEDED_ROLES = {"call_handler", "police_officer", "police_supervisor", "council_officer",
                "council_manager", "partner_reporter", "analyst", "administrator"}


@pytest.fixture(autouse=True)
def clear_throttle(rds):
    """Failed attempts from these tests must not lock out the next ones
    (every test client shares 127.0.0.1)."""
    yield
    for key in rds.scan_iter("concord:thr:*"):
        rds.delete(key)


def start(session=None):
    s = session or requests.Session()
    page = s.get(URL + "/staff/sign-in")
    assert page.status_code == 200
    return s, csrf_of(page.text)


def post_password(s, csrf, email, password):
    return s.post(URL + "/staff/sign-in", data={"csrf": csrf, "email": email,
                                                "password": password},
                  allow_redirects=False)


def post_code(s, code):
    page = s.get(URL + "/staff/sign-in/code")
    return s.post(URL + "/staff/sign-in/code",
                  data={"csrf": csrf_of(page.text), "code": code}, allow_redirects=False)


def last_audit(db, action, since_id):
    with db.cursor() as cur:
        cur.execute("SELECT actor_id, agency_id, entity, entity_id, reason, request_id, "
                    "client_addr FROM audit_event WHERE action = %s AND id > %s "
                    "ORDER BY id DESC LIMIT 1", (action, since_id))
        return cur.fetchone()


def max_audit_id(db):
    with db.cursor() as cur:
        cur.execute("SELECT coalesce(max(id), 0) FROM audit_event")
        return cur.fetchone()[0]


def user_id(db, email):
    with db.cursor() as cur:
        cur.execute("SELECT id FROM app_user WHERE lower(email) = lower(%s)", (email,))
        return cur.fetchone()[0]


def test_demo_users_file_lists_one_user_per_role():
    users = demo_users()
    assert {u["role"] for u in users} == SEEDED_ROLES
    for u in users:
        assert set(u) >= {"email", "password", "totp_secret", "role", "agency"}
        assert len(u["password"]) >= 12
        assert len(base64.b32decode(u["totp_secret"])) == 20


def test_sign_in_with_password_and_code_starts_an_audited_session(db):
    u = demo_user("council_officer")
    before = max_audit_id(db)
    s = sign_in(u["email"], u["password"], u["totp_secret"])
    home = s.get(URL + "/staff")
    assert home.status_code == 200
    assert "Chris Council" in home.text and "City of London Corporation" in home.text
    actor, agency, entity, entity_id, reason, request_id, addr = last_audit(db, "sign_in", before)
    assert actor == user_id(db, u["email"]) and entity == "user" and entity_id == str(actor)
    assert agency is not None and request_id and addr == "127.0.0.1"


def session_cookie_set_by(r):
    """The last concord_session cookie the response sets (the browser
    applies them in order)."""
    found = [c for c in r.raw.headers.getlist("Set-Cookie")
             if c.startswith("concord_session=")]
    return found[-1] if found else None


def test_session_cookie_is_httponly_lax_and_new_at_each_sign_in():
    u = demo_user("call_handler")
    tokens = []
    for planted in ("a" * 64, None):
        s, csrf = start()
        if planted:
            # A token planted before sign-in (session fixation) is not kept.
            s.cookies.set("concord_session", planted)
        assert post_password(s, csrf, u["email"], u["password"]).status_code == 303
        r = post_code(s, next_code(u["email"], u["totp_secret"]))
        assert r.status_code == 303
        cookie = session_cookie_set_by(r)
        assert cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
        assert "Path=/" in cookie
        token = re.match(r"concord_session=([0-9a-f]{64});", cookie).group(1)
        assert token != "a" * 64
        tokens.append(token)
    assert tokens[0] != tokens[1]


def test_wrong_password_is_401_without_saying_which_part_and_is_audited(db):
    u = demo_user("police_officer")
    before = max_audit_id(db)
    s, csrf = start()
    wrong = post_password(s, csrf, u["email"], "not the password at all")
    s, csrf = start()
    unknown = post_password(s, csrf, "nobody-%s@example.org" % uuid.uuid4().hex[:8],
                            "not the password at all")
    for r in (wrong, unknown):
        assert r.status_code == 401
        assert "Enter a correct email address and password" in r.text
    # The e-mail typed is kept, the password never.
    assert 'value="%s"' % u["email"] in wrong.text
    assert "not the password at all" not in wrong.text
    row = last_audit(db, "sign_in_failed", before)
    assert row is not None
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM audit_event WHERE action = 'sign_in_failed' "
                    "AND id > %s", (before,))
        assert cur.fetchone()[0] == 2


def test_empty_fields_are_400_with_messages(db):
    s, csrf = start()
    r = post_password(s, csrf, "", "")
    assert r.status_code == 400
    assert 'href="#email">Enter your email address' in r.text
    assert 'href="#password">Enter your password' in r.text
    assert r.text.count("govuk-error-message") == 2


def test_wrong_and_reused_codes_are_refused(db):
    u = demo_user("council_manager")
    before = max_audit_id(db)
    s, csrf = start()
    assert post_password(s, csrf, u["email"], u["password"]).status_code == 303
    r = post_code(s, "000000" if totp(u["totp_secret"], int(time.time()) // 30) != "000000"
                  else "111111")
    assert r.status_code == 401 and "not right, or has been used already" in r.text
    r = post_code(s, "12ab56")
    assert r.status_code == 400 and "Enter the 6-digit code" in r.text
    code = next_code(u["email"], u["totp_secret"])
    assert post_code(s, code).status_code == 303
    # The same code again, from another browser, with the right password.
    s2, csrf = start()
    assert post_password(s2, csrf, u["email"], u["password"]).status_code == 303
    r = post_code(s2, code)
    assert r.status_code == 401
    assert last_audit(db, "sign_in_failed", before)[4] == "wrong or reused code"


def test_throttling_per_account_blocks_even_the_right_password(db):
    u = demo_user("analyst")
    for _ in range(5):
        s, csrf = start()
        assert post_password(s, csrf, u["email"], "wrong password 123").status_code == 401
    s, csrf = start()
    r = post_password(s, csrf, u["email"], u["password"])
    assert r.status_code == 429
    assert "too many attempts" in r.text.lower()
    # Another account from the same address is not locked by these.
    o = demo_user("police_supervisor")
    s, csrf = start()
    assert post_password(s, csrf, o["email"], o["password"]).status_code == 303


def test_throttling_per_address(db):
    for i in range(20):
        s, csrf = start()
        r = post_password(s, csrf, "nobody%d-%s@example.org" % (i, uuid.uuid4().hex[:6]),
                          "wrong password 123")
        assert r.status_code == 401
    u = demo_user("call_handler")
    s, csrf = start()
    assert post_password(s, csrf, u["email"], u["password"]).status_code == 429


def test_missing_or_wrong_csrf_token_is_403_and_audited(db):
    u = demo_user("police_officer")
    s = sign_in(u["email"], u["password"], u["totp_secret"])
    before = max_audit_id(db)
    r = s.post(URL + "/staff/sign-out", data={}, allow_redirects=False)
    assert r.status_code == 403 and "This form has expired" in r.text
    r = s.post(URL + "/staff/sign-out", data={"csrf": "0" * 64}, allow_redirects=False)
    assert r.status_code == 403
    assert last_audit(db, "csrf_rejected", before)[0] == user_id(db, u["email"])
    # Still signed in: a rejected form changes nothing.
    assert s.get(URL + "/staff").status_code == 200
    # The sign-in form itself is protected too.
    fresh = requests.Session()
    r = fresh.post(URL + "/staff/sign-in", data={"email": u["email"], "password": u["password"]},
                   allow_redirects=False)
    assert r.status_code == 403


def test_sign_out_ends_the_session_for_good(db):
    u = demo_user("council_officer")
    s = sign_in(u["email"], u["password"], u["totp_secret"])
    token = s.cookies.get("concord_session")
    csrf = csrf_of(s.get(URL + "/staff").text)
    before = max_audit_id(db)
    r = s.post(URL + "/staff/sign-out", data={"csrf": csrf}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/staff/sign-in"
    assert last_audit(db, "sign_out", before) is not None
    replay = requests.Session()
    replay.cookies.set("concord_session", token)
    assert replay.get(URL + "/staff").status_code == 401


def test_idle_session_expires_and_is_audited(db, rds):
    u = demo_user("police_supervisor")
    s = sign_in(u["email"], u["password"], u["totp_secret"])
    token = s.cookies.get("concord_session")
    key = "concord:s:" + hashlib.sha256(token.encode()).hexdigest()
    ttl = rds.ttl(key)
    assert 1700 < ttl <= 1800, "30 minutes idle timeout"
    rds.delete(key)  # as Redis does when the idle time runs out
    before = max_audit_id(db)
    r = s.get(URL + "/staff")
    assert r.status_code == 401
    assert "Your session has ended" in r.text
    assert last_audit(db, "session_expired", before) is not None


def test_absolute_lifetime_of_twelve_hours(rds):
    u = demo_user("police_officer")
    s = sign_in(u["email"], u["password"], u["totp_secret"])
    key = "concord:s:" + hashlib.sha256(s.cookies.get("concord_session").encode()).hexdigest()
    assert s.get(URL + "/staff").status_code == 200
    rds.hset(key, "created", int(time.time()) - 12 * 3600 - 5)
    assert s.get(URL + "/staff").status_code == 401
    assert not rds.exists(key)


def test_activity_extends_the_idle_timeout(rds):
    u = demo_user("call_handler")
    s = sign_in(u["email"], u["password"], u["totp_secret"])
    key = "concord:s:" + hashlib.sha256(s.cookies.get("concord_session").encode()).hexdigest()
    rds.expire(key, 60)
    assert s.get(URL + "/staff").status_code == 200
    assert rds.ttl(key) > 1700


def test_redis_keeps_only_the_tokens_hash(rds):
    u = demo_user("council_manager")
    s = sign_in(u["email"], u["password"], u["totp_secret"])
    token = s.cookies.get("concord_session")
    for key in rds.scan_iter("concord:*"):
        assert token not in key
        if rds.type(key) == "hash":
            assert token not in " ".join(rds.hgetall(key).values())


def scrypt_hash(password):
    """A hash in Concord's format, made outside Concord, with the older
    parameters (ln=14) that must still verify."""
    salt = os.urandom(16)
    h = hashlib.scrypt(password.encode(), salt=salt, n=2 ** 14, r=8, p=1, dklen=32)
    b64 = lambda b: base64.b64encode(b).decode().rstrip("=")
    return "$scrypt$ln=14,r=8,p=1$%s$%s" % (b64(salt), b64(h))


def test_first_sign_in_enrols_the_authenticator(db):
    email = "new.starter.%s@police.example" % uuid.uuid4().hex[:8]
    password = "correct horse battery"
    with db.cursor() as cur:
        cur.execute("INSERT INTO app_user (agency_id, email, name, password_hash) "
                    "SELECT id, %s, 'New Starter', %s FROM agency WHERE code = 'city-police' "
                    "RETURNING id", (email, scrypt_hash(password)))
        uid = cur.fetchone()[0]
        cur.execute("INSERT INTO user_role (user_id, role_id, agency_id) SELECT %s, r.id, "
                    "u.agency_id FROM role r, app_user u WHERE r.code = 'police_officer' "
                    "AND u.id = %s", (uid, uid))
    s, csrf = start()
    r = post_password(s, csrf, email, password)
    assert r.status_code == 303 and r.headers["Location"] == "/staff/sign-in/enrol"
    page = s.get(URL + "/staff/sign-in/enrol")
    assert "Set up your authenticator app" in page.text
    assert 'src="/staff/sign-in/enrol/qr.svg"' in page.text
    qr = s.get(URL + "/staff/sign-in/enrol/qr.svg")
    assert qr.status_code == 200 and qr.headers["Content-Type"] == "image/svg+xml"
    assert qr.text.startswith("<svg") or qr.text.startswith("<?xml")
    assert requests.get(URL + "/staff/sign-in/enrol/qr.svg").status_code == 404
    secret = re.search(r'class="concord-secret">([A-Z2-7]{32})<', page.text).group(1)
    r = s.post(URL + "/staff/sign-in/enrol", data={"csrf": csrf_of(page.text), "code": "123"},
               allow_redirects=False)
    assert r.status_code == 400
    r = s.post(URL + "/staff/sign-in/enrol",
               data={"csrf": csrf_of(page.text), "code": next_code(email, secret)},
               allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/staff"
    assert s.get(URL + "/staff").status_code == 200
    with db.cursor() as cur:
        cur.execute("SELECT totp_secret, password_hash FROM app_user WHERE id = %s", (uid,))
        stored_secret, stored_hash = cur.fetchone()
    assert stored_secret == secret
    # Signing in upgraded the old hash to today's parameters.
    assert stored_hash.startswith("$scrypt$ln=15,")


def test_staff_pages_without_a_session_are_401(http, base_url):
    r = http.get(base_url + "/staff")
    assert r.status_code == 401
    assert 'href="/staff/sign-in"' in r.text


def test_concordctl_user_add_makes_a_user_who_enrols_at_first_sign_in(db):
    email = "first.admin.%s@council.example" % uuid.uuid4().hex[:8]
    r = ctl("user", "add", "--email", email, "--name", "First Admin", "--agency",
            "city-council", "--role", "administrator", "--password-stdin",
            input="a long enough password\n")
    assert "created " + email in r.stdout
    again = ctl("user", "add", "--email", email, "--name", "X", "--agency",
                "city-council", "--role", "administrator", check=False)
    assert again.returncode == 1 and "already exists" in again.stderr
    wrong = ctl("user", "add", "--email", "z" + email, "--name", "X", "--agency",
                "city-council", "--role", "police_officer", check=False)
    assert wrong.returncode == 1
    short = ctl("user", "add", "--email", "y" + email, "--name", "X", "--agency",
                "city-council", "--role", "administrator", "--password-stdin",
                input="short\n", check=False)
    assert short.returncode == 1
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM audit_event a JOIN app_user u ON a.entity_id = "
                    "u.id::text WHERE a.entity = 'user' AND a.action = 'create' AND "
                    "u.email = %s", (email,))
        assert cur.fetchone()[0] == 1
    s, csrf = start()
    r = post_password(s, csrf, email, "a long enough password")
    assert r.status_code == 303 and r.headers["Location"] == "/staff/sign-in/enrol"


# ---------------------------------------------------------------------------
# Throttling by account and address: a stranger cannot lock out a colleague.

from loopback import fresh_address, session_from  # noqa: E402
from stack import wait_for  # noqa: E402
from staff import as_role  # noqa: E402


def attempt(addr, email, password):
    """One sign-in from addr, in a browser of its own."""
    s, csrf = start(session_from(addr))
    return post_password(s, csrf, email, password)


def admin_page(db, email):
    uid = user_id(db, email)
    page = as_role("administrator").get(URL + "/admin/users/%d" % uid)
    assert page.status_code == 200
    return uid, page


def list_row(email):
    """The admin list's row of the user with this address."""
    page = as_role("administrator").get(URL + "/admin/users").text
    rows = [r for r in page.split('<tr class="govuk-table__row">') if email in r]
    assert len(rows) == 1
    return rows[0].split("</tr>")[0]


def unlock(uid, reason):
    admin = as_role("administrator")
    page = admin.get(URL + "/admin/users/%d" % uid)
    return admin.post(URL + "/admin/users/%d" % uid, data={
        "csrf": csrf_of(page.text), "action": "unlock", "reason": reason},
        allow_redirects=False)


def test_wrong_passwords_from_one_address_do_not_lock_out_another(db):
    u = demo_user("police_supervisor")
    stranger, colleague = fresh_address(), fresh_address()
    for _ in range(5):
        assert attempt(stranger, u["email"], "a guess at the password").status_code == 401
    # The member of staff, elsewhere, signs in ...
    r = attempt(colleague, u["email"], u["password"])
    assert r.status_code == 303 and r.headers["Location"] == "/staff/sign-in/code"
    # ... while the stranger's address is locked out of the account, even
    # with the right password, which is not checked.
    before = max_audit_id(db)
    r = attempt(stranger, u["email"], u["password"])
    assert r.status_code == 429 and "too many attempts" in r.text.lower()
    assert 0 < int(r.headers["Retry-After"]) <= 15 * 60
    assert last_audit(db, "sign_in_throttled", before) is not None
    assert last_audit(db, "sign_in_failed", before) is None


def test_the_administrator_sees_the_lock_and_unlocks_it_with_an_audit_row(db):
    u = demo_user("council_officer")
    addr = fresh_address()
    uid, page = admin_page(db, u["email"])
    assert "No failed attempts in the last 15 minutes" in page.text
    assert "Unlock sign-in" not in page.text
    for _ in range(5):
        assert attempt(addr, u["email"], "not their password").status_code == 401
    uid, page = admin_page(db, u["email"])
    assert "Locked" in page.text and addr in page.text
    assert "5 failed attempts" in page.text and "Unlock sign-in" in page.text
    assert "Active" in list_row(u["email"]) and "Sign-in locked" in list_row(u["email"])
    # An unlock needs a reason ...
    r = unlock(uid, "")
    assert r.status_code == 400 and 'href="#unlock-reason">Enter the reason' in r.text
    before = max_audit_id(db)
    r = unlock(uid, "They forgot their password at home")
    assert r.status_code == 303 and r.headers["Location"] == "/admin/users/%d" % uid
    page = as_role("administrator").get(URL + r.headers["Location"])
    assert "Sign-in has been unlocked" in page.text
    assert "No failed attempts in the last 15 minutes" in page.text
    assert "Sign-in locked" not in list_row(u["email"])
    admin_id = user_id(db, demo_user("administrator")["email"])
    with db.cursor() as cur:
        cur.execute("SELECT actor_id, entity, entity_id, reason, before, after FROM "
                    "audit_event WHERE action = 'unlock_sign_in' AND id > %s", (before,))
        rows = cur.fetchall()
    assert len(rows) == 1
    actor, entity, entity_id, reason, was, now = rows[0]
    assert (actor, entity, entity_id) == (admin_id, "user", str(uid))
    assert reason == "They forgot their password at home"
    assert was["locked_addresses"] == 1 and was["failed_attempts"] == 5
    assert now["locked_addresses"] == 0 and now["failed_attempts"] == 0
    # The address that was locked out may try again.
    assert attempt(addr, u["email"], u["password"]).status_code == 303


def test_failures_from_many_addresses_slow_the_account_down_without_locking_it(db):
    u = demo_user("council_manager")
    as_role("administrator")  # signed in first: the slow-down is short
    # Ten failures from two addresses are free; the next one, from a third,
    # makes every address wait 2 seconds, and each one after that twice as
    # long as the one before.
    for addr in [fresh_address()] * 5 + [fresh_address()] * 5 + [fresh_address()]:
        assert attempt(addr, u["email"], "somebody's guess").status_code == 401
    third = fresh_address()
    for _ in range(2):
        assert attempt(third, u["email"], "somebody's guess").status_code == 429
        wait_for(lambda: attempt(third, u["email"], "somebody's guess").status_code == 401,
                 timeout=15, interval=0.5, what="the slow-down to end")
    before = max_audit_id(db)
    elsewhere = fresh_address()
    r = attempt(elsewhere, u["email"], u["password"])
    assert r.status_code == 429
    assert re.search(r"Wait [1-8] seconds?, then try again", r.text), r.text[:2000]
    assert 0 < int(r.headers["Retry-After"]) <= 8
    # Refused without looking at the password: no failure is counted.
    assert last_audit(db, "sign_in_failed", before) is None
    uid, page = admin_page(db, u["email"])
    assert "Slowed down" in page.text and "13 failed attempts" in page.text
    assert "Sign-in slowed down" in list_row(u["email"])
    # No handler sleeps: the wait ends by itself, and then the password works.
    wait_for(lambda: attempt(elsewhere, u["email"], u["password"]).status_code == 303,
             timeout=15, interval=0.5, what="the slow-down to end")


def test_the_per_address_limit_still_protects_every_account(db):
    addr = fresh_address()
    for i in range(20):
        r = attempt(addr, "sprayed%d-%s@example.org" % (i, uuid.uuid4().hex[:6]),
                    "Winter2026!")
        assert r.status_code == 401
    u = demo_user("police_officer")
    assert attempt(addr, u["email"], u["password"]).status_code == 429
    assert attempt(fresh_address(), u["email"], u["password"]).status_code == 303


# Look-alike addresses: one normal form (ASCII only, A-Z folded) everywhere.

def look_alike(email):
    """The address with its first "i" as a dotted capital I (U+0130), which
    PostgreSQL's lower() folds to "i" and C's tolower leaves alone."""
    assert "i" in email.split("@")[0]
    return email.replace("i", "\u0130", 1)


def test_a_look_alike_address_does_not_get_round_the_account_throttle(db):
    u = demo_user("police_supervisor")
    addr = fresh_address()
    for _ in range(5):
        assert attempt(addr, u["email"], "a guess at the password").status_code == 401
    # The same account, typed with a look-alike letter, is still locked for
    # this address: it is refused, never signed in.
    r = attempt(addr, look_alike(u["email"]), u["password"])
    assert r.status_code == 401
    # From anywhere, a look-alike address names no account at all.
    before = max_audit_id(db)
    r = attempt(fresh_address(), look_alike(u["email"]), u["password"])
    assert r.status_code == 401 and "Enter a correct email address and password" in r.text
    actor, agency, entity, entity_id, reason, _, _ = last_audit(db, "sign_in_failed", before)
    assert actor is None and entity_id is None
    # Upper case is the same account, and counts against the same lock.
    r = attempt(addr, u["email"].upper(), u["password"])
    assert r.status_code == 429


def test_a_look_alike_user_cannot_be_created(db):
    admin = as_role("administrator")
    page = admin.get(URL + "/admin/users/new")
    with db.cursor() as cur:
        cur.execute("SELECT id FROM agency WHERE code = 'city-police'")
        agency = cur.fetchone()[0]
        cur.execute("SELECT id FROM role WHERE code = 'police_officer'")
        role = cur.fetchone()[0]
    existing = demo_user("police_supervisor")["email"]
    # A Cyrillic "е" (U+0435) looks like "e"; a dotted capital I like "I".
    for email, message in ((existing.replace("e", "\u0435", 1), "look-alike letters"),
                           (look_alike(existing), "look-alike letters"),
                           (existing.upper(), "Another user has this email address")):
        r = admin.post(URL + "/admin/users", data={
            "csrf": csrf_of(page.text), "email": email, "name": "Look Alike",
            "agency": str(agency), "team": "", "roles": [str(role)],
            "password": "a long initial password", "reason": ""},
            allow_redirects=False)
        assert r.status_code == 400 and message in r.text, (email, r.status_code)
        with db.cursor() as cur:
            cur.execute("SELECT count(*) FROM app_user WHERE name = 'Look Alike'")
            assert cur.fetchone()[0] == 0
    r = ctl("user", "add", "--email", existing.replace("e", "\u0435", 1), "--name",
            "Look Alike", "--agency", "city-police", "--role", "police_officer",
            check=False)
    assert r.returncode == 1 and "look-alike" in r.stderr
    r = ctl("user", "add", "--email", existing.upper(), "--name", "Look Alike",
            "--agency", "city-police", "--role", "police_officer", check=False)
    assert r.returncode == 1 and "already exists" in r.stderr
