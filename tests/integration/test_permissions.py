"""The permission matrix: every route in the route table, requested by every
seeded role and by someone not signed in, is allowed or refused exactly as
the roles table of the identity issue says."""
import os
import re

import psycopg2
import pytest
import requests

from stack import ROOT, URL, read_conf
from staff import as_role, csrf_of

# What each seeded role may do (the table, as permission names).
OFFICER = {"incident.create", "incident.view", "incident.update", "risk.assess",
           "action.manage", "case.manage", "evidence.view", "person.view"}
SUPERVISOR = OFFICER | {"incident.reallocate", "incident.close", "risk.review", "audit.team"}
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
    """(method, pattern, permission) for every entry of the route table."""
    with open(os.path.join(ROOT, "fcgi", "server", "routes.c")) as f:
        text = f.read()
    found = re.findall(r'\{\s*METHOD_(\w+),\s*"([^"]+)",\s*\w+,\s*PERM_(\w+)', text)
    assert len(found) > 10
    return [(m, p, perm) for m, p, perm in found]


def perm_name(enum):
    if enum in ("PUBLIC", "SIGNED_IN"):
        return enum.lower()
    head, _, tail = enum.lower().partition("_")
    return head + "." + tail


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
    return {"ref": ref, "id": "1", "file": "noise.json"}


def fill(pattern, sample):
    return re.sub(r"\{(\w+)\}", lambda m: sample[m.group(1)], pattern)


def request(session, method, path):
    if method == "GET":
        return session.get(URL + path, allow_redirects=False)
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
    r = request(session, method, fill(pattern, sample))
    name = perm_name(perm)
    if name == "public":
        allowed = True
    elif role == "anonymous":
        assert r.status_code == 401, (r.status_code, r.text[:300])
        return
    else:
        allowed = name == "signed_in" or name in ROLE_PERMS[role]
    if allowed:
        assert r.status_code not in (401, 403), (r.status_code, r.text[:300])
    else:
        assert r.status_code == 403, (r.status_code, r.text[:300])
        assert "Your role does not allow this" in r.text


def test_the_partner_route_needs_the_partner_permission():
    """The partner step and the partner's list are for partner reporters
    only: the matrix above follows the table, this pins the table."""
    found = {(m, p): perm for m, p, perm in routes()}
    for route in [("GET", "/report/partner"), ("POST", "/report/partner"),
                  ("GET", "/staff/partner-reports")]:
        assert found[route] == "REPORT_PARTNER", route
