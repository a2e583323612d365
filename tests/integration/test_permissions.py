"""The permission matrix: every route in the route table, requested by every
seeded role and by someone not signed in, is allowed or refused exactly as
the roles table of the identity issue says. The routes are the table the
built server holds (concord-fcgi --routes), not a reading of its source."""
import os
import re
import subprocess

import psycopg2
import pytest
import requests

from stack import BUILD, URL, read_conf
from staff import as_role, csrf_of

# What each seeded role may do (the table, as permission names).
OFFICER = {"incident.create", "incident.view", "incident.update", "risk.assess",
           "action.manage", "case.manage", "evidence.view", "person.view"}
SUPERVISOR = OFFICER | {"incident.reallocate", "incident.close", "risk.review", "audit.team",
                        "person.merge", "case.supervise", "case_review.manage",
                        "reporting.view"}
ROLE_PERMS = {
    "call_handler": {"incident.create", "incident.view", "person.view"},
    "police_officer": OFFICER,
    "police_supervisor": SUPERVISOR,
    "council_officer": OFFICER,
    "council_manager": SUPERVISOR,
    "partner_reporter": {"report.partner", "incident.view", "incident.update", "person.view"},
    "analyst": {"reporting.view"},
    "administrator": {"admin.users", "admin.agencies", "admin.types", "admin.routing",
                      "admin.api_clients"},
}

# Requests that would end the shared session or are not pages.
# Open311 posts are public routes authorised by an api_key instead, and
# answer 403 without one (tests/integration/test_open311.py).
SKIP = {("POST", "/staff/sign-out"), ("POST", "/open311/v2/requests.json"),
        ("POST", "/open311/v2/requests.xml")}


def routes():
    """(method, pattern, permission) for every entry of the route table, as
    the built concord-fcgi prints it."""
    out = subprocess.run([os.path.join(BUILD, "concord-fcgi"), "--routes"],
                         capture_output=True, text=True, timeout=30, check=True)
    rows = [tuple(line.split("\t")) for line in out.stdout.splitlines()]
    assert len(rows) > 10 and all(len(r) == 3 for r in rows), out.stdout
    return rows


ALL_PERMS = set().union(*ROLE_PERMS.values())


def test_the_route_table_is_whole_and_every_permission_is_known():
    table = routes()
    pairs = [(m, p) for m, p, _ in table]
    assert len(pairs) == len(set(pairs)), "a method and pattern listed twice"
    for method, pattern, perm in table:
        # The CAD API (signed, not a session) also takes PATCH, PUT, DELETE.
        assert method in ("GET", "POST") or perm.startswith("api:"), (method, pattern)
        assert pattern.startswith("/"), pattern
        # A permission no seeded role has would lock everyone out.
        assert perm.removeprefix("api:").removeprefix("odata:") in \
            ALL_PERMS | {"public", "signed_in"}, \
            (method, pattern, perm)
        # Staff and admin pages are never open to anyone but the sign-in.
        if pattern.startswith(("/staff", "/admin")) and \
                not pattern.startswith("/staff/sign-in"):
            assert perm != "public", (method, pattern)
    found = set(table)
    for route in [("GET", "/healthz", "public"), ("POST", "/staff/sign-out", "signed_in"),
                  ("GET", "/staff/incidents/{ref}", "incident.view"),
                  ("GET", "/admin/users", "admin.users")]:
        assert route in found, route


def test_the_seeded_roles_carry_these_permissions():
    conn = psycopg2.connect(read_conf()["db_admin"])
    with conn.cursor() as cur:
        cur.execute("SELECT code, permissions FROM role WHERE code = ANY (%s)",
                    (list(ROLE_PERMS),))
        seeded = {code: set(perms) for code, perms in cur.fetchall()}
    conn.close()
    assert seeded == ROLE_PERMS


@pytest.fixture(scope="module")
def sample():
    """Values for path parameters: records every role could reach."""
    conn = psycopg2.connect(read_conf()["db_admin"])
    with conn.cursor() as cur:
        cur.execute("SELECT reference FROM incident WHERE description LIKE "
                    "'%graffiti in the stairwell%'")
        ref = cur.fetchone()[0]
    conn.close()
    # A team's code is looked up in the asker's own agency: another
    # agency's staff get a 404 for this one, which the matrix allows.
    return {"ref": ref, "id": "1", "file": "noise.json", "team": "neighbourhood",
            "delivery": "1", "set": "Incidents"}


def fill(pattern, sample):
    return re.sub(r"\{(\w+)\}", lambda m: sample[m.group(1)], pattern)


def request(session, method, path):
    if method == "GET":
        return session.get(URL + path, allow_redirects=False)
    if method not in ("POST",):
        return session.request(method, URL + path, allow_redirects=False)
    csrf = csrf_of(session.get(URL + "/staff" if session.cookies.get("concord_session")
                               else URL + "/staff/sign-in").text)
    return session.post(URL + path, data={"csrf": csrf}, allow_redirects=False)


CASES = [(role, m, p, perm) for m, p, perm in routes() if (m, p) not in SKIP
         for role in sorted(ROLE_PERMS) + ["anonymous"]]


@pytest.mark.parametrize("role,method,pattern,perm", CASES,
                         ids=["%s %s %s" % (c[0], c[1], c[2]) for c in CASES])
def test_route_allows_exactly_the_roles_with_its_permission(role, method, pattern, perm,
                                                            sample):
    session = requests.Session() if role == "anonymous" else as_role(role)
    # A POST names a record that is not there: the gate answers before the
    # page looks, and an allowed role's empty form must not delete or claim
    # the demo's records (a routing rule, an allocation) other tests use.
    r = request(session, method, fill(pattern, sample if method == "GET" else
                                      {**sample, "id": "999999999"}))
    if perm.startswith("api:"):
        # The CAD API takes a client's signature, never a session: no role
        # and no one signed out is let in (tests/integration/test_api_*.py).
        assert r.status_code == 401, (r.status_code, r.text[:300])
        assert r.json()["code"] == "signature_missing"
        return
    if perm.startswith("odata:"):
        # The OData feed takes an analyst's key, never a session
        # (tests/integration/test_odata_feed.py).
        assert r.status_code == 401, (r.status_code, r.text[:300])
        assert r.headers["WWW-Authenticate"].startswith("Basic ")
        assert r.json()["error"]["code"] == "credentials_missing"
        return
    # Whoever asks, the server never breaks, and the route exists.
    assert r.status_code < 500 and r.status_code != 405, (r.status_code, r.text[:300])
    if perm == "public":
        allowed = True
    elif role == "anonymous":
        assert r.status_code == 401, (r.status_code, r.text[:300])
        return
    else:
        allowed = perm == "signed_in" or perm in ROLE_PERMS[role]
    if allowed:
        # The gate lets them through; what the page then refuses for its
        # own reasons (another agency's queue, say) is no role refusal.
        assert r.status_code != 401, (r.status_code, r.text[:300])
        assert r.status_code != 403 or "Your role does not allow this" not in r.text, \
            (r.status_code, r.text[:300])
    else:
        assert r.status_code == 403, (r.status_code, r.text[:300])
        assert "Your role does not allow this" in r.text


def test_the_partner_route_needs_the_partner_permission():
    """The partner step and the partner's list are for partner reporters
    only: the matrix above follows the table, this pins the table."""
    found = {(m, p): perm for m, p, perm in routes()}
    for route in [("GET", "/report/partner"), ("POST", "/report/partner"),
                  ("GET", "/staff/partner-reports")]:
        assert found[route] == "report.partner", route
