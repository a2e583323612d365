"""Signing in from a deep link returns to that page, and never to another
site; each role's home page shows that person's own work and the pages
their role opens."""
import html
import re
import urllib.parse

import pytest
import requests

from stack import URL
from staff import as_role, csrf_of, demo_user, next_code

# Each would take a signed-in member of staff off the site, or split the
# Location header.
OFF_SITE = ["//evil.example/staff", "/\\evil.example", "https://evil.example/staff",
            "%2F%2Fevil.example", "/%5Cevil.example", "javascript:alert(1)",
            "/staff%0d%0aLocation:%20https://evil.example", "staff/incidents",
            "/" + "a" * 600]


@pytest.fixture(autouse=True)
def clear_throttle(rds):
    yield
    for key in rds.scan_iter("concord:thr:*"):
        rds.delete(key)


def visible_ref(db, agency_code):
    with db.cursor() as cur:
        cur.execute("SELECT i.reference FROM incident i JOIN agency a "
                    "ON a.id = i.owning_agency_id WHERE a.code = %s "
                    "ORDER BY i.id LIMIT 1", (agency_code,))
        return cur.fetchone()[0]


def agency_of(db, email):
    with db.cursor() as cur:
        cur.execute("SELECT a.code FROM app_user u JOIN agency a ON a.id = u.agency_id "
                    "WHERE lower(u.email) = lower(%s)", (email,))
        return cur.fetchone()[0]


def sign_in_from(s, user, sign_in_url):
    """Password and code through the pages, starting from sign_in_url.
    Returns the answer to the code: where the browser goes next."""
    page = s.get(URL + sign_in_url)
    assert page.status_code == 200, page.text[:300]
    data = {"csrf": csrf_of(page.text), "email": user["email"],
            "password": user["password"]}
    hidden = re.search(r'name="next" value="([^"]*)"', page.text)
    if hidden:
        data["next"] = html.unescape(hidden.group(1))
    r = s.post(URL + "/staff/sign-in", data=data, allow_redirects=False)
    assert r.status_code == 303, (r.status_code, r.text[:300])
    page = s.get(URL + r.headers["Location"])
    return s.post(URL + "/staff/sign-in/code", data={
        "csrf": csrf_of(page.text),
        "code": next_code(user["email"], user["totp_secret"])}, allow_redirects=False)


def test_a_deep_link_comes_back_to_its_page_after_sign_in(db):
    user = demo_user("police_officer")
    ref = visible_ref(db, agency_of(db, user["email"]))
    s = requests.Session()
    r = s.get(URL + "/staff/incidents/%s?from=mail&tab=2%%2F3" % ref, allow_redirects=False)
    assert r.status_code == 401
    link = re.search(r'href="(/staff/sign-in[^"]*)"[^>]*>Sign in<', r.text)
    assert link, r.text[:800]
    href = html.unescape(link.group(1))
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)["next"] == \
        ["/staff/incidents/%s?from=mail&tab=2%%2F3" % ref]
    r = sign_in_from(s, user, href)
    assert r.status_code == 303
    assert r.headers["Location"] == "/staff/incidents/%s?from=mail&tab=2%%2F3" % ref
    page = s.get(URL + r.headers["Location"])
    assert page.status_code == 200 and ref in page.text


def test_an_off_site_next_after_sign_in_lands_on_the_staff_home():
    user = demo_user("council_officer")
    s = requests.Session()
    r = sign_in_from(s, user, "/staff/sign-in?next=" +
                     urllib.parse.quote("//evil.example/staff", safe=""))
    assert r.status_code == 303 and r.headers["Location"] == "/staff"


@pytest.mark.parametrize("bad", OFF_SITE)
def test_no_off_site_next_is_carried_or_followed(bad):
    query = "/staff/sign-in?next=" + (bad if "%" in bad else urllib.parse.quote(bad, safe=""))
    # The form does not carry it on...
    page = requests.get(URL + query)
    assert page.status_code == 200
    assert 'name="next"' not in page.text
    # ... and a signed-in member of staff sent there goes to their home.
    r = as_role("council_officer").get(URL + query, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/staff", \
        (bad, r.headers.get("Location"))


def test_a_local_next_is_followed_when_already_signed_in():
    r = as_role("council_officer").get(URL + "/staff/sign-in?next=%2Fstaff%2Fincidents%3Fq%3Dab",
                                       allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/staff/incidents?q=ab"


def home(role):
    r = as_role(role).get(URL + "/staff")
    assert r.status_code == 200, r.text[:300]
    assert not re.search(r"<h1[^>]*>\s*Concord\s*</h1>", r.text)
    return r.text


def section(page, heading):
    """The part of the page under an h2, up to the next h2."""
    m = re.search(r"<h2[^>]*>%s</h2>(.*?)(?=<h2|$)" % re.escape(heading), page, re.S)
    assert m, (heading, page[:2000])
    return m.group(1)


def new_report(db, agency_code):
    """A public report waiting for the agency, as the form stores one."""
    with db.cursor() as cur:
        cur.execute("INSERT INTO incident (reference, channel, asb_type_id, description, "
                    "owning_agency_id, sharing, status) SELECT next_reference(), 'public', "
                    "(SELECT min(id) FROM asb_type), 'Shouting in the car park at night', "
                    "id, 'agency', 'new' FROM agency WHERE code = %s "
                    "RETURNING id, reference", (agency_code,))
        inc_id, inc_ref = cur.fetchone()
        cur.execute("INSERT INTO report (reference, incident_id, channel, tracking_hash, "
                    "description, owning_agency_id, sharing) SELECT next_reference(), "
                    "id, 'public', encode(sha256(reference::bytea), 'hex'), "
                    "'Shouting in the car park at night', owning_agency_id, 'agency' "
                    "FROM incident WHERE id = %s RETURNING reference", (inc_id,))
        return inc_ref, cur.fetchone()[0]


def test_the_officer_sees_new_reports_and_the_incidents_they_worked_on(db):
    user = demo_user("police_officer")
    inc_ref, rep_ref = new_report(db, agency_of(db, user["email"]))
    page = home("police_officer")
    assert 'href="/staff/incidents"' in page
    waiting = section(page, "New reports waiting")
    assert rep_ref in waiting and 'href="/staff/incidents/%s"' % inc_ref in waiting
    assert 'href="/staff/reports"' in waiting
    assert inc_ref not in section(page, "Incidents you have worked on")
    # An update written on the incident puts it in their own work.
    s = as_role("police_officer")
    form = s.get(URL + "/staff/incidents/%s" % inc_ref).text
    r = s.post(URL + "/staff/incidents/%s/updates" % inc_ref, data={
        "csrf": csrf_of(form), "text": "Spoke to the caretaker", "shared": "no",
        "version": re.search(r'name="version" value="(\d+)"', form).group(1)},
        allow_redirects=False)
    assert r.status_code == 303, r.text[:300]
    assert 'href="/staff/incidents/%s"' % inc_ref in \
        section(home("police_officer"), "Incidents you have worked on")
    assert "/admin" not in page


def test_another_agency_does_not_see_the_officers_new_report(db):
    inc_ref, rep_ref = new_report(db, agency_of(db, demo_user("police_officer")["email"]))
    page = home("council_officer")
    assert rep_ref not in page and inc_ref not in page


def test_the_partner_reporter_sees_their_organisations_reports(db):
    user = demo_user("partner_reporter")
    with db.cursor() as cur:
        cur.execute("INSERT INTO incident (reference, channel, asb_type_id, description, "
                    "owning_agency_id, sharing, status, created_by) SELECT "
                    "next_reference(), 'partner', (SELECT min(id) FROM asb_type), "
                    "'Damage to the bin store', agency_id, 'partnership', 'open', id "
                    "FROM app_user WHERE lower(email) = lower(%s) RETURNING id, reference",
                    (user["email"],))
        inc_id, inc_ref = cur.fetchone()
        cur.execute("INSERT INTO report (reference, incident_id, channel, tracking_hash, "
                    "description, owning_agency_id, sharing, created_by, partner) SELECT "
                    "next_reference(), i.id, 'partner', encode(sha256(i.reference::bytea), "
                    "'hex'), i.description, i.owning_agency_id, 'partnership', "
                    "i.created_by, '{\"reference\": \"HH-1\"}' FROM incident i "
                    "WHERE i.id = %s RETURNING reference", (inc_id,))
        rep_ref = cur.fetchone()[0]
    page = home("partner_reporter")
    part = section(page, "Your organisation's latest reports")
    assert rep_ref in part and "Being looked at" in part
    assert 'href="/staff/partner-reports"' in part and 'href="/report"' in part
    assert 'href="/staff/incidents/%s"' % inc_ref in \
        section(page, "Incidents you have worked on")
    assert "/admin" not in page
    # It is the partner's work, not a council officer's (who may see it
    # among the new reports: it is shared with the partnership).
    assert inc_ref not in section(home("council_officer"), "Incidents you have worked on")


def test_the_administrator_sees_the_admin_pages_their_role_opens():
    page = home("administrator")
    admin = section(page, "Administration")
    for href in ("/admin/agencies", "/admin/teams", "/admin/users", "/admin/roles",
                 "/admin/types"):
        assert 'href="%s"' % href in admin
        assert as_role("administrator").get(URL + href).status_code == 200
    # Incidents are not theirs to see.
    assert "New reports waiting" not in page and 'href="/staff/incidents"' not in page


def test_the_analyst_sees_only_what_their_role_allows():
    page = home("analyst")
    assert "Signed in as" in page and 'href="/staff/me/history"' in page
    for absent in ("/staff/incidents", "/staff/reports", "/staff/partner-reports",
                   "/admin", "New reports waiting"):
        assert absent not in page, absent


def test_the_home_page_promises_only_what_exists():
    page = requests.get(URL + "/").text
    main = page.split('id="main-content"', 1)[1]
    # Cases, action plans and victim updates are not built yet.
    for promise in ("cases", "plan actions", "keep victims updated"):
        assert promise not in main, promise
    assert "reference number and a link to track it" in main
    # Every way in it offers is there.
    for href in re.findall(r'href="(/[^"#]*)"', main):
        assert requests.get(URL + href, allow_redirects=False).status_code in (200, 303), href
