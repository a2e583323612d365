"""Administration pages: agencies, teams, users and roles, through HTTP as
an administrator would use them, checked against the rows and the one
audit row each change writes."""
import base64
import html
import json
import os
import re
import uuid

import pytest
import requests

from stack import URL
from staff import as_role, csrf_for, csrf_of, demo_user, sign_in

PASSWORD = "a long initial password"


@pytest.fixture(autouse=True)
def clear_throttle(rds):
    """A refused sign-in here must not lock out later tests (all share 127.0.0.1)."""
    yield
    for key in rds.scan_iter("concord:thr:*"):
        rds.delete(key)


def suffix():
    return uuid.uuid4().hex[:8]


def admin():
    return as_role("administrator")


def post(session, path, data, page=None):
    """POSTs a form with the CSRF token of the page it came from."""
    data = dict(data)
    data["csrf"] = csrf_for(session, page or path)
    return session.post(URL + path, data=data, allow_redirects=False)


def one(db, sql, *args):
    with db.cursor() as cur:
        cur.execute(sql, args)
        row = cur.fetchone()
    return row[0] if row is not None and len(row) == 1 else row


def audit_rows(db, entity, entity_id, since=0, action=None):
    with db.cursor() as cur:
        cur.execute("SELECT action, before, after, reason, actor_id FROM audit_event "
                    "WHERE entity = %s AND entity_id = %s AND id > %s "
                    "AND (%s::text IS NULL OR action = %s) ORDER BY id",
                    (entity, str(entity_id), since, action, action))
        return cur.fetchall()


def max_audit(db):
    return one(db, "SELECT coalesce(max(id), 0) FROM audit_event")


def version_of(page_html):
    m = re.search(r'name="version" value="([0-9a-f]{32})"', page_html)
    assert m, "no version on the form"
    return m.group(1)


def role_id(db, code):
    return one(db, "SELECT id FROM role WHERE code = %s", code)


def agency_id(db, code):
    return one(db, "SELECT id FROM agency WHERE code = %s", code)


def team_id(db, agency_code, code):
    return one(db, "SELECT t.id FROM team t JOIN agency a ON a.id = t.agency_id "
               "WHERE a.code = %s AND t.code = %s", agency_code, code)


def new_agency(db, **over):
    code = over.pop("code", "test-" + suffix())
    data = {"code": code, "name": "Agency " + code, "kind": "third_sector",
            "core_partner": "no", "active": "yes", "reason": ""}
    data.update(over)
    r = post(admin(), "/admin/agencies", data, "/admin/agencies/new")
    assert r.status_code == 303, (r.status_code, r.text[:800])
    return agency_id(db, code), data


def new_user(db, agency="city-police", team="neighbourhood", roles=("police_officer",),
             password=PASSWORD):
    email = "user.%s@test.example" % suffix()
    data = {"email": email, "name": "Test User " + email[5:13],
            "agency": str(agency_id(db, agency)),
            "team": str(team_id(db, agency, team)) if team else "",
            "roles": [str(role_id(db, c)) for c in roles],
            "password": password, "reason": "new starter"}
    r = post(admin(), "/admin/users", data, "/admin/users/new")
    assert r.status_code == 303, (r.status_code, r.text[:1500])
    uid = one(db, "SELECT id FROM app_user WHERE email = %s", email)
    return uid, email, data


def signed_in_user(db, uid, email):
    """Signs the user in through the pages, with an authenticator secret set
    straight in the database (enrolment is tested elsewhere)."""
    secret = base64.b32encode(os.urandom(20)).decode().rstrip("=")
    with db.cursor() as cur:
        cur.execute("UPDATE app_user SET totp_secret = %s, totp_last_step = NULL "
                    "WHERE id = %s", (secret, uid))
    return sign_in(email, PASSWORD, secret), secret


def edit_form(session, path):
    page = session.get(URL + path)
    assert page.status_code == 200, page.status_code
    return page.text


# --------------------------------------------------------------------------
# The administration home page and who may use it


def test_admin_home_links_to_every_section():
    r = admin().get(URL + "/admin")
    assert r.status_code == 200
    for href in ("/admin/agencies", "/admin/teams", "/admin/users", "/admin/roles"):
        assert 'href="%s"' % href in r.text


@pytest.mark.parametrize("role,method,path", [
    ("police_officer", "GET", "/admin"),
    ("council_manager", "GET", "/admin/users"),
    ("police_supervisor", "GET", "/admin/agencies/1/history"),
    ("analyst", "POST", "/admin/agencies"),
    ("partner_reporter", "POST", "/admin/users/1"),
    # ASB types and questions (test_admin_asb.py)
    ("police_supervisor", "GET", "/admin/types"),
    ("council_manager", "GET", "/admin/types/1"),
    ("analyst", "POST", "/admin/types"),
    ("police_officer", "POST", "/admin/questions/1"),
    ("partner_reporter", "GET", "/admin/questions/1/history"),
])
def test_roles_without_administration_get_403(role, method, path):
    s = as_role(role)
    if method == "GET":
        r = s.get(URL + path, allow_redirects=False)
    else:
        r = s.post(URL + path, data={"csrf": csrf_for(s), "name": "x"},
                   allow_redirects=False)
    assert r.status_code == 403
    assert "Your role does not allow this" in r.text


@pytest.mark.parametrize("path", [
    "/admin/agencies/999999999", "/admin/agencies/abc", "/admin/agencies/0",
    "/admin/teams/12x", "/admin/users/999999999/history", "/admin/roles/-1",
    "/admin/roles/99999999999999999999999",
])
def test_unknown_or_non_numeric_ids_are_404(path):
    assert admin().get(URL + path).status_code == 404


def test_posting_to_an_unknown_id_is_404():
    r = post(admin(), "/admin/agencies/999999999",
             {"code": "x-y", "name": "X", "kind": "police", "core_partner": "no",
              "active": "yes", "version": "0" * 32}, "/admin/agencies/new")
    assert r.status_code == 404
    r = post(admin(), "/admin/teams/abc", {"name": "X"}, "/admin/teams/new")
    assert r.status_code == 404


# --------------------------------------------------------------------------
# Agencies


def test_create_agency_lists_it_and_writes_one_audit_row(db):
    since = max_audit(db)
    aid, data = new_agency(db, kind="housing_provider", core_partner="yes",
                           reason="Joined the partnership")
    row = one(db, "SELECT code, name, kind::text, core_partner, active FROM agency "
              "WHERE id = %s", aid)
    assert row == (data["code"], data["name"], "housing_provider", True, True)
    rows = audit_rows(db, "agency", aid, since)
    assert len(rows) == 1
    action, before, after, reason, actor = rows[0]
    assert action == "create" and reason == "Joined the partnership"
    assert after == {"code": data["code"], "name": data["name"], "kind": "housing_provider",
                     "core_partner": True, "active": True}
    assert not before
    assert actor == one(db, "SELECT id FROM app_user WHERE email = %s",
                        demo_user("administrator")["email"])
    page = admin().get(URL + "/admin/agencies")
    assert data["name"] in page.text
    assert 'href="/admin/agencies/%d"' % aid in page.text
    assert 'href="/admin/agencies/%d/history"' % aid in page.text


def test_bad_agency_form_is_400_with_messages_and_keeps_what_was_typed(db):
    r = post(admin(), "/admin/agencies",
             {"code": "Bad Code!", "name": "Kept <name>", "core_partner": "yes",
              "active": "yes", "reason": "kept reason"}, "/admin/agencies/new")
    assert r.status_code == 400
    assert "There is a problem" in r.text
    assert "<title>Error: " in r.text
    assert 'href="#code"' in r.text and 'href="#kind"' in r.text
    assert "Code must be 2 to 32 lower-case letters, digits and hyphens" in r.text
    assert "Select the kind of agency" in r.text
    assert 'value="Bad Code!"' in r.text
    assert 'value="Kept &lt;name&gt;"' in r.text
    assert "kept reason</textarea>" in r.text
    assert re.search(r'id="core-partner" name="core_partner" type="radio" value="yes" checked', r.text)
    assert one(db, "SELECT count(*) FROM agency WHERE name = 'Kept <name>'") == 0


def test_empty_agency_form_says_what_each_field_needs():
    r = post(admin(), "/admin/agencies", {}, "/admin/agencies/new")
    assert r.status_code == 400
    for message in ("Enter a code", "Enter the agency&#39;s name", "Select the kind of agency",
                    "Select yes if the agency is a core partner",
                    "Select yes if the agency is active"):
        assert message in r.text, message


def test_duplicate_agency_code_is_a_field_error_not_a_500(db):
    r = post(admin(), "/admin/agencies",
             {"code": "city-police", "name": "Another police", "kind": "police",
              "core_partner": "yes", "active": "yes"}, "/admin/agencies/new")
    assert r.status_code == 400
    assert "Another agency has this code: enter a different code" in r.text
    assert 'value="Another police"' in r.text
    # And on a change, to another agency's code.
    aid, data = new_agency(db)
    page = edit_form(admin(), "/admin/agencies/%d" % aid)
    data.update(code="city-council", version=version_of(page))
    r = post(admin(), "/admin/agencies/%d" % aid, data)
    assert r.status_code == 400
    assert "Another agency has this code" in r.text


def test_agency_edit_writes_exactly_one_audit_row_with_the_changed_fields(db):
    aid, data = new_agency(db)
    page = edit_form(admin(), "/admin/agencies/%d" % aid)
    assert 'value="%s"' % data["code"] in page
    since = max_audit(db)
    data.update(name="Renamed " + data["code"], core_partner="yes",
                reason="Merged with another charity", version=version_of(page))
    r = post(admin(), "/admin/agencies/%d" % aid, data)
    assert r.status_code == 303 and r.headers["Location"] == "/admin/agencies"
    assert one(db, "SELECT name FROM agency WHERE id = %s", aid) == data["name"]
    rows = audit_rows(db, "agency", aid, since)
    assert len(rows) == 1
    action, before, after, reason, _ = rows[0]
    assert action == "update"
    assert before == {"name": "Agency " + data["code"], "core_partner": False}
    assert after == {"name": data["name"], "core_partner": True}
    assert reason == "Merged with another charity"
    # The list page shows what happened.
    assert "has been changed" in admin().get(URL + "/admin/agencies").text


def test_agency_update_with_nothing_changed_writes_no_audit_row(db):
    aid, data = new_agency(db)
    page = edit_form(admin(), "/admin/agencies/%d" % aid)
    since = max_audit(db)
    data["version"] = version_of(page)
    s = admin()
    data["csrf"] = csrf_for(s)
    r = s.post(URL + "/admin/agencies/%d" % aid, data=data)
    assert r.status_code == 200
    assert "No changes" in r.text
    assert audit_rows(db, "agency", aid, since) == []


def test_agency_changed_by_someone_else_meanwhile_is_409(db):
    aid, data = new_agency(db)
    stale = version_of(edit_form(admin(), "/admin/agencies/%d" % aid))
    first = dict(data, name="First change", version=stale)
    assert post(admin(), "/admin/agencies/%d" % aid, first).status_code == 303
    since = max_audit(db)
    second = dict(data, name="Second change", version=stale)
    r = post(admin(), "/admin/agencies/%d" % aid, second)
    assert r.status_code == 409
    assert "changed by someone else" in r.text and "Reload" in r.text
    assert one(db, "SELECT name FROM agency WHERE id = %s", aid) == "First change"
    assert audit_rows(db, "agency", aid, since) == []


def test_deactivating_an_agency_signs_out_its_users(db):
    aid, data = new_agency(db)
    uid, email, _ = new_user(db, agency=data["code"], team=None, roles=("analyst",))
    user, _ = signed_in_user(db, uid, email)
    assert user.get(URL + "/staff").status_code == 200
    page = edit_form(admin(), "/admin/agencies/%d" % aid)
    r = post(admin(), "/admin/agencies/%d" % aid,
             dict(data, active="no", reason="Contract ended", version=version_of(page)))
    assert r.status_code == 303
    assert user.get(URL + "/staff").status_code == 401
    assert "Inactive" in admin().get(URL + "/admin/agencies").text


def test_agency_names_are_escaped_on_every_page(db):
    aid, _ = new_agency(db, name='<script>alert("x")</script>')
    for path in ("/admin/agencies", "/admin/agencies/%d" % aid,
                 "/admin/agencies/%d/history" % aid, "/admin/users"):
        text = admin().get(URL + path).text
        assert "<script>alert" not in text, path
        assert "&lt;script&gt;" in text, path


# --------------------------------------------------------------------------
# Teams


def test_create_team_in_an_agency_and_refuse_a_duplicate_code(db):
    aid, _ = new_agency(db)
    code = "team-" + suffix()
    data = {"agency": str(aid), "code": code, "name": "Outreach", "specialist": "yes",
            "active": "yes"}
    since = max_audit(db)
    r = post(admin(), "/admin/teams", data, "/admin/teams/new")
    assert r.status_code == 303, r.text[:800]
    tid = one(db, "SELECT id FROM team WHERE agency_id = %s AND code = %s", aid, code)
    rows = audit_rows(db, "team", tid, since)
    assert len(rows) == 1 and rows[0][0] == "create"
    assert rows[0][2]["agency"] == one(db, "SELECT code FROM agency WHERE id = %s", aid)
    page = admin().get(URL + "/admin/teams").text
    assert 'href="/admin/teams/%d"' % tid in page and "Outreach" in page
    r = post(admin(), "/admin/teams", dict(data, name="Other"), "/admin/teams/new")
    assert r.status_code == 400
    assert "The agency already has a team with this code" in r.text
    assert 'value="Other"' in r.text
    # The same code in another agency is fine.
    other, _ = new_agency(db)
    r = post(admin(), "/admin/teams", dict(data, agency=str(other)), "/admin/teams/new")
    assert r.status_code == 303


def test_team_form_needs_an_agency_and_a_valid_code():
    r = post(admin(), "/admin/teams", {"code": "UPPER", "name": "", "specialist": "no",
                                       "active": "yes"}, "/admin/teams/new")
    assert r.status_code == 400
    assert "Select the agency that owns the team" in r.text
    assert "Code must be 2 to 32 lower-case letters" in r.text
    assert "Enter the team&#39;s name" in r.text
    assert 'href="#agency"' in r.text


def test_team_edit_audits_only_the_change(db):
    aid, _ = new_agency(db)
    code = "team-" + suffix()
    post(admin(), "/admin/teams", {"agency": str(aid), "code": code, "name": "Patrol",
                                   "specialist": "no", "active": "yes"}, "/admin/teams/new")
    tid = one(db, "SELECT id FROM team WHERE agency_id = %s AND code = %s", aid, code)
    page = edit_form(admin(), "/admin/teams/%d" % tid)
    since = max_audit(db)
    r = post(admin(), "/admin/teams/%d" % tid,
             {"code": code, "name": "Patrol", "specialist": "no", "active": "no",
              "reason": "Team disbanded", "version": version_of(page)})
    assert r.status_code == 303
    rows = audit_rows(db, "team", tid, since)
    assert [(a, b, c, d) for a, b, c, d, _ in rows] == \
        [("update", {"active": True}, {"active": False}, "Team disbanded")]


# --------------------------------------------------------------------------
# Users


def test_create_user_with_roles_and_an_initial_password(db):
    since = max_audit(db)
    uid, email, data = new_user(db, roles=("police_officer", "analyst"))
    row = one(db, "SELECT name, password_hash, totp_secret, disabled_at FROM app_user "
              "WHERE id = %s", uid)
    assert row[0] == data["name"] and row[1].startswith("$scrypt$") and row[2] is None
    assert row[3] is None
    held = one(db, "SELECT array_agg(r.code ORDER BY r.code) FROM user_role ur "
               "JOIN role r ON r.id = ur.role_id WHERE ur.user_id = %s", uid)
    assert held == ["analyst", "police_officer"]
    rows = audit_rows(db, "user", uid, since)
    assert len(rows) == 1
    action, _, after, reason, _ = rows[0]
    assert action == "create" and reason == "new starter"
    assert after == {"email": email, "name": data["name"], "agency": "city-police",
                     "team": "neighbourhood", "roles": ["analyst", "police_officer"],
                     "password": "set"}
    assert "scrypt" not in json.dumps(after)
    page = admin().get(URL + "/admin/users?agency=%d" % agency_id(db, "city-police")).text
    assert email in page and 'href="/admin/users/%d"' % uid in page


def test_duplicate_email_is_a_field_error_whatever_its_case(db):
    _, email, data = new_user(db)
    r = post(admin(), "/admin/users", dict(data, email=email.upper(), name="Second"),
             "/admin/users/new")
    assert r.status_code == 400
    assert "Another user has this email address" in r.text
    assert 'value="Second"' in r.text
    assert one(db, "SELECT count(*) FROM app_user WHERE lower(email) = lower(%s)", email) == 1


def test_user_form_errors_keep_the_values_and_link_to_the_fields(db):
    data = {"email": "not-an-email", "name": "Kept Name", "agency": "",
            "team": "", "roles": [str(role_id(db, "analyst"))], "password": "short"}
    r = post(admin(), "/admin/users", data, "/admin/users/new")
    assert r.status_code == 400
    assert "Enter an email address in the correct format" in r.text
    assert "Select their agency" in r.text
    assert "Use at least 12 characters" in r.text
    assert 'href="#email"' in r.text and 'href="#agency"' in r.text
    assert 'href="#password"' in r.text
    assert 'value="not-an-email"' in r.text and 'value="Kept Name"' in r.text
    assert re.search(r'value="%d" aria-describedby="[^"]+" checked' % role_id(db, "analyst"),
                     r.text)
    assert 'type="password"' in r.text and 'value="short"' not in r.text


def test_roles_must_suit_the_agency_and_teams_must_be_the_agency_s(db):
    data = {"email": "h.%s@test.example" % suffix(), "name": "Housing Person",
            "agency": str(agency_id(db, "hackney-homes")), "team": "",
            "roles": [str(role_id(db, "police_officer"))], "password": PASSWORD}
    r = post(admin(), "/admin/users", data, "/admin/users/new")
    assert r.status_code == 400
    assert "Police officer cannot be held in this kind of agency" in r.text
    data.update(roles=[str(role_id(db, "partner_reporter"))],
                team=str(team_id(db, "city-police", "asb-hub")))
    r = post(admin(), "/admin/users", data, "/admin/users/new")
    assert r.status_code == 400
    assert "Select one of their agency&#39;s teams" in r.text
    data["team"] = str(team_id(db, "hackney-homes", "estate-services"))
    assert post(admin(), "/admin/users", data, "/admin/users/new").status_code == 303


def test_disabling_a_user_ends_their_session_at_once_and_stops_sign_in(db):
    uid, email, _ = new_user(db)
    user, _ = signed_in_user(db, uid, email)
    assert user.get(URL + "/staff").status_code == 200
    # A reason is required.
    r = post(admin(), "/admin/users/%d" % uid, {"action": "disable", "reason": " "})
    assert r.status_code == 400
    assert "Enter the reason for this change" in r.text and 'href="#status-reason"' in r.text
    assert user.get(URL + "/staff").status_code == 200
    since = max_audit(db)
    r = post(admin(), "/admin/users/%d" % uid,
             {"action": "disable", "reason": "Left the force"})
    assert r.status_code == 303
    assert user.get(URL + "/staff").status_code == 401
    assert one(db, "SELECT disabled_at IS NOT NULL FROM app_user WHERE id = %s", uid)
    rows = audit_rows(db, "user", uid, since)
    assert [(a, b, c, d) for a, b, c, d, _ in rows] == \
        [("disable", {"disabled": False}, {"disabled": True}, "Left the force")]
    # They cannot sign in again.
    s = requests.Session()
    page = s.get(URL + "/staff/sign-in")
    r = s.post(URL + "/staff/sign-in", data={"csrf": csrf_of(page.text), "email": email,
                                             "password": PASSWORD}, allow_redirects=False)
    assert r.status_code == 401
    # The list shows them as disabled; enabling needs a reason too.
    listing = admin().get(URL + "/admin/users").text
    row = re.search(r'href="/admin/users/%d">.*?</tr>' % uid, listing, re.S).group(0)
    assert "Disabled" in row
    r = post(admin(), "/admin/users/%d" % uid, {"action": "enable", "reason": "Came back"})
    assert r.status_code == 303
    assert one(db, "SELECT disabled_at FROM app_user WHERE id = %s", uid) is None
    assert audit_rows(db, "user", uid, since, "enable")[0][3] == "Came back"


def test_administrators_cannot_disable_themselves_or_drop_their_own_admin_role(db):
    me = one(db, "SELECT id FROM app_user WHERE email = %s", demo_user("administrator")["email"])
    since = max_audit(db)
    r = post(admin(), "/admin/users/%d" % me, {"action": "disable", "reason": "oops"})
    assert r.status_code == 400
    assert "You cannot disable your own account" in r.text
    page = edit_form(admin(), "/admin/users/%d" % me)
    r = post(admin(), "/admin/users/%d" % me,
             {"action": "save", "email": demo_user("administrator")["email"],
              "name": "Alex Admin", "agency": str(agency_id(db, "city-police")), "team": "",
              "roles": [str(role_id(db, "analyst"))], "version": version_of(page)})
    assert r.status_code == 400
    assert "You cannot remove your own administrator role" in r.text
    assert one(db, "SELECT disabled_at FROM app_user WHERE id = %s", me) is None
    assert audit_rows(db, "user", me, since, "update") == []
    assert admin().get(URL + "/admin").status_code == 200


def test_changing_a_user_s_roles_audits_once_and_ends_their_session(db):
    uid, email, data = new_user(db)
    user, _ = signed_in_user(db, uid, email)
    page = edit_form(admin(), "/admin/users/%d" % uid)
    since = max_audit(db)
    change = {"action": "save", "email": email, "name": data["name"],
              "agency": data["agency"], "team": data["team"],
              "roles": [str(role_id(db, "police_supervisor"))],
              "reason": "Promoted", "version": version_of(page)}
    r = post(admin(), "/admin/users/%d" % uid, change)
    assert r.status_code == 303
    rows = audit_rows(db, "user", uid, since)
    assert [(a, b, c, d) for a, b, c, d, _ in rows] == \
        [("update", {"roles": ["police_officer"]}, {"roles": ["police_supervisor"]}, "Promoted")]
    assert user.get(URL + "/staff").status_code == 401
    # A change of name alone keeps them signed in.
    user, _ = signed_in_user(db, uid, email)
    page = edit_form(admin(), "/admin/users/%d" % uid)
    change.update(name="Renamed Person", reason="", version=version_of(page))
    assert post(admin(), "/admin/users/%d" % uid, change).status_code == 303
    assert user.get(URL + "/staff").status_code == 200
    # Saving the same again changes nothing and says so.
    page = edit_form(admin(), "/admin/users/%d" % uid)
    since = max_audit(db)
    change["version"] = version_of(page)
    s = admin()
    r = s.post(URL + "/admin/users/%d" % uid, data=dict(change, csrf=csrf_for(s)))
    assert "No changes" in r.text
    assert audit_rows(db, "user", uid, since) == []


def test_resetting_the_authenticator_clears_it_and_ends_the_session(db):
    uid, email, _ = new_user(db)
    user, secret = signed_in_user(db, uid, email)
    since = max_audit(db)
    r = post(admin(), "/admin/users/%d" % uid, {"action": "reset_totp", "reason": ""})
    assert r.status_code == 400 and 'href="#totp-reason"' in r.text
    r = post(admin(), "/admin/users/%d" % uid,
             {"action": "reset_totp", "reason": "Lost their phone"})
    assert r.status_code == 303
    assert user.get(URL + "/staff").status_code == 401
    assert one(db, "SELECT (totp_secret, totp_last_step) IS NULL FROM app_user "
               "WHERE id = %s", uid)
    rows = audit_rows(db, "user", uid, since)
    assert len(rows) == 1 and rows[0][0] == "reset_totp" and rows[0][3] == "Lost their phone"
    assert secret not in json.dumps([rows[0][1], rows[0][2]])
    # Next time they sign in they set up a new authenticator.
    s = requests.Session()
    page = s.get(URL + "/staff/sign-in")
    r = s.post(URL + "/staff/sign-in", data={"csrf": csrf_of(page.text), "email": email,
                                             "password": PASSWORD}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/staff/sign-in/enrol"


def test_stale_user_form_is_409(db):
    uid, email, data = new_user(db)
    stale = version_of(edit_form(admin(), "/admin/users/%d" % uid))
    base = {"action": "save", "email": email, "agency": data["agency"],
            "team": data["team"], "roles": data["roles"], "version": stale}
    assert post(admin(), "/admin/users/%d" % uid, dict(base, name="One")).status_code == 303
    r = post(admin(), "/admin/users/%d" % uid, dict(base, name="Two"))
    assert r.status_code == 409 and "changed by someone else" in r.text


# --------------------------------------------------------------------------
# Roles


def new_role(db, perms, kinds=()):
    code = "test_role_" + suffix()
    data = {"code": code, "name": "Role " + code, "agency_kinds": list(kinds),
            "permissions": list(perms)}
    r = post(admin(), "/admin/roles", data, "/admin/roles/new")
    assert r.status_code == 303, r.text[:800]
    return role_id(db, code), data


def test_create_role_and_refuse_a_duplicate_code(db):
    since = max_audit(db)
    rid, data = new_role(db, ["incident.view", "audit.team"], ["police", "third_sector"])
    row = one(db, "SELECT agency_kinds::text, permissions FROM role WHERE id = %s", rid)
    assert row == ("{police,third_sector}", ["incident.view", "audit.team"])
    rows = audit_rows(db, "role", rid, since)
    assert len(rows) == 1 and rows[0][0] == "create"
    assert rows[0][2]["permissions"] == ["incident.view", "audit.team"]
    r = post(admin(), "/admin/roles", dict(data, name="Copy"), "/admin/roles/new")
    assert r.status_code == 400 and "Another role has this code" in r.text
    r = post(admin(), "/admin/roles", {"code": "has-hyphen", "name": "X",
                                       "permissions": ["no.such"]}, "/admin/roles/new")
    assert r.status_code == 400
    assert "digits and underscores" in r.text and "Select permissions from the list" in r.text
    listing = admin().get(URL + "/admin/roles").text
    assert data["name"] in listing and "Police, Third-sector partner" in listing


def test_changing_a_role_s_permissions_signs_out_its_holders(db):
    rid, data = new_role(db, ["incident.view"])
    uid, email, _ = new_user(db, roles=())
    page = edit_form(admin(), "/admin/users/%d" % uid)
    r = post(admin(), "/admin/users/%d" % uid,
             {"action": "save", "email": email, "name": "Role Holder",
              "agency": str(agency_id(db, "city-police")), "team": "",
              "roles": [str(rid)], "version": version_of(page)})
    assert r.status_code == 303
    holder, _ = signed_in_user(db, uid, email)
    bystander_id, bystander_email, _ = new_user(db)
    bystander, _ = signed_in_user(db, bystander_id, bystander_email)
    assert holder.get(URL + "/staff").status_code == 200
    page = edit_form(admin(), "/admin/roles/%d" % rid)
    since = max_audit(db)
    r = post(admin(), "/admin/roles/%d" % rid,
             dict(data, permissions=["incident.view", "incident.create"],
                  reason="Can now record incidents", version=version_of(page)))
    assert r.status_code == 303
    rows = audit_rows(db, "role", rid, since)
    assert [(a, b, c, d) for a, b, c, d, _ in rows] == \
        [("update", {"permissions": ["incident.view"]},
          {"permissions": ["incident.create", "incident.view"]}, "Can now record incidents")]
    assert holder.get(URL + "/staff").status_code == 401
    assert bystander.get(URL + "/staff").status_code == 200
    # A new name alone signs nobody out.
    holder, _ = signed_in_user(db, uid, email)
    page = edit_form(admin(), "/admin/roles/%d" % rid)
    r = post(admin(), "/admin/roles/%d" % rid,
             dict(data, name="Renamed role", permissions=["incident.view", "incident.create"],
                  version=version_of(page)))
    assert r.status_code == 303
    assert holder.get(URL + "/staff").status_code == 200


def test_an_administrator_cannot_take_user_administration_from_their_own_role(db):
    rid = role_id(db, "administrator")
    page = edit_form(admin(), "/admin/roles/%d" % rid)
    since = max_audit(db)
    r = post(admin(), "/admin/roles/%d" % rid,
             {"code": "administrator", "name": "Administrator",
              "permissions": ["admin.agencies"], "version": version_of(page)})
    assert r.status_code == 400
    assert "You cannot take" in r.text
    assert audit_rows(db, "role", rid, since) == []
    assert "admin.users" in one(db, "SELECT permissions FROM role WHERE id = %s", rid)
