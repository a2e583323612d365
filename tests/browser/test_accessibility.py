"""axe-core finds no WCAG 2.2 A or AA violation on the pages of the site,
for the public and for staff."""
import os
import sys

import psycopg2
import pytest

from selenium.webdriver.common.by import By

from conftest import axe_violations, press, wait_until

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from stack import read_conf  # noqa: E402
from staff import as_role  # noqa: E402

PUBLIC = ["/", "/staff/sign-in", "/no-such-page"]
STAFF = {
    "police_supervisor": ["/staff", "/staff/incidents",
                          "/staff/incidents?q=noise&sort=risk&status=open",
                          "/staff/incidents?status=lost&q=x", "/staff/activity",
                          "/staff/me/history", "/staff/queues", "/staff/queues/workload",
                          "/staff/queues/triage", "/staff/queues/mine",
                          "/staff/queues/neighbourhood?risk=lost",
                          "/dashboards/operational", "/dashboards/hotspots"],
    "police_officer": ["/staff/incidents/new"],
    "call_handler": ["/staff/quick", "/staff/quick?find=WD1"],
    "administrator": ["/staff", "/admin", "/admin/agencies", "/admin/agencies/new",
                      "/admin/agencies/1", "/admin/agencies/1/history", "/admin/teams",
                      "/admin/teams/new", "/admin/teams/1", "/admin/users",
                      "/admin/users/new", "/admin/users/2", "/admin/roles",
                      "/admin/roles/new", "/admin/roles/2", "/admin/types",
                      "/admin/types/new", "/admin/types/1",
                      "/admin/types/1/questions/new", "/admin/questions/1"],
}


def signed_in(driver, base_url, role):
    session = as_role(role)
    driver.get(base_url + "/")
    driver.add_cookie({"name": "concord_session", "path": "/",
                       "value": session.cookies.get("concord_session")})


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_have_no_violations(browser, base_url, path):
    browser.get(base_url + path)
    assert axe_violations(browser) == []


@pytest.mark.parametrize("role", sorted(STAFF))
def test_staff_pages_have_no_violations(browser, base_url, role):
    signed_in(browser, base_url, role)
    found = {}
    for path in STAFF[role]:
        browser.get(base_url + path)
        assert "Sign in to continue" not in browser.page_source
        v = axe_violations(browser)
        if v:
            found[path] = v
    # An incident page and a form with errors, too.
    # Each read waits for the page it needs: the click returns before the
    # answer has arrived, and under load that is seconds.
    if role == "police_supervisor":
        browser.get(base_url + "/staff/incidents")
        press(browser, "a[href^='/staff/incidents/ASB-']")
        wait_until(browser, lambda d: "/staff/incidents/ASB-" in d.current_url,
                   "the incident page")
        v = axe_violations(browser)
        if v:
            found[browser.current_url] = v
    elif role == "call_handler":
        browser.get(base_url + "/staff/quick")
        press(browser, "main form[method=post] button[type=submit]")
        wait_until(browser, lambda d: d.find_elements(
            By.CSS_SELECTOR, ".govuk-error-summary"), "the quick entry's error summary")
        v = axe_violations(browser)
        if v:
            found["/staff/quick (errors)"] = v
    elif role == "administrator":
        browser.get(base_url + "/admin/agencies/new")
        press(browser, "main form button[type=submit]")
        summary = wait_until(browser, lambda d: d.find_elements(
            By.CSS_SELECTOR, ".govuk-error-summary"), "the error summary")
        assert "There is a problem" in summary[0].text
        v = axe_violations(browser)
        if v:
            found["/admin/agencies (errors)"] = v
    assert found == {}


def test_risk_pages_have_no_violations(browser, base_url):
    """The assessment form (and its errors), the history and the reviews due."""
    import re
    listing = as_role("police_supervisor").get(base_url + "/staff/incidents").text
    ref = re.search(r'href="/staff/incidents/(ASB-\d{4}-\d+)"', listing).group(1)
    signed_in(browser, base_url, "police_supervisor")
    found = {}
    for path in ("/staff/incidents/%s/risk" % ref, "/staff/incidents/%s/risk/history" % ref,
                 "/staff/risk-reviews"):
        browser.get(base_url + path)
        assert "Sign in to continue" not in browser.page_source
        v = axe_violations(browser)
        if v:
            found[path] = v
    browser.get(base_url + "/staff/incidents/%s/risk" % ref)
    press(browser, "main form[method=post] button[type=submit]")
    wait_until(browser, lambda d: d.find_elements(
        By.CSS_SELECTOR, ".govuk-error-summary"), "the assessment's error summary")
    v = axe_violations(browser)
    if v:
        found["risk (errors)"] = v
    assert found == {}


def two_people():
    """Two records of one person (as the intake would leave them), with an
    incident each: what the person page and the merge confirmation show."""
    conn = psycopg2.connect(read_conf()["db_admin"])
    try:
        with conn, conn.cursor() as cur:
            ids = []
            for given in ("Ada", "ada"):
                cur.execute("INSERT INTO person (owning_agency_id, given_name, family_name, "
                            " phone, contact_consent, vulnerable) SELECT id, %s, 'Axe', "
                            " '07700 900999', true, true FROM agency WHERE code = 'city-police' "
                            "RETURNING id", (given,))
                pid = cur.fetchone()[0]
                cur.execute("INSERT INTO incident_person (incident_id, person_id, role) "
                            "SELECT id, %s, 'victim' FROM incident ORDER BY id LIMIT 1", (pid,))
                ids.append(pid)
            return ids
    finally:
        conn.close()


def test_person_and_merge_pages_have_no_violations(browser, base_url):
    first, second = two_people()
    signed_in(browser, base_url, "police_supervisor")
    found = {}
    for path in ("/staff/people/%d" % first, "/staff/people/%d/merge" % first,
                 "/staff/people/%d/merge?with=%d" % (first, second),
                 "/staff/people/%d/merge?with=abc" % first,
                 "/staff/people/%d/history" % first):
        browser.get(base_url + path)
        assert "Sign in to continue" not in browser.page_source
        v = axe_violations(browser)
        if v:
            found[path] = v
    assert found == {}


def test_case_review_prompt_has_no_violations(browser, base_url):
    """The ASB Case Review prompt on an incident page (a victim's second
    complaint), and its form with an error."""
    from stack import ctl
    conn = psycopg2.connect(read_conf()["db_admin"])
    try:
        with conn, conn.cursor() as cur:
            cur.execute("INSERT INTO person (owning_agency_id, given_name, family_name) "
                        "SELECT id, 'Axe', 'Victim' FROM agency WHERE code = 'city-police' "
                        "RETURNING id")
            pid = cur.fetchone()[0]
            refs = []
            for days in (30, 0):
                cur.execute(
                    "INSERT INTO incident (reference, channel, asb_type_id, description, "
                    " reported_at, owning_agency_id) SELECT 'ASB-' || to_char(now(), 'YYYY') "
                    " || '-' || lpad(nextval('incident_ref_seq')::text, 6, '0'), 'police', "
                    " t.id, 'Axe', now() - make_interval(days => %s), a.id FROM asb_type t, "
                    " agency a WHERE t.code = 'noise' AND a.code = 'city-police' "
                    "RETURNING id, reference", (days,))
                iid, ref = cur.fetchone()
                cur.execute("INSERT INTO incident_person (incident_id, person_id, role) "
                            "VALUES (%s, %s, 'victim')", (iid, pid))
                refs.append(ref)
    finally:
        conn.close()
    assert ctl("flags", "refresh", refs[-1]).returncode == 0
    signed_in(browser, base_url, "police_officer")
    browser.get(base_url + "/staff/incidents/" + refs[-1])
    assert "about the ASB Case Review" in browser.page_source
    found = {}
    v = axe_violations(browser)
    if v:
        found["incident with the prompt"] = v
    press(browser, "form[action$='/case-review'] button[type=submit]")
    wait_until(browser, lambda d: d.find_elements(
        By.CSS_SELECTOR, ".govuk-error-summary"), "the Case Review form's error summary")
    v = axe_violations(browser)
    if v:
        found["case review (errors)"] = v
    assert found == {}


def test_incident_record_page_has_no_violations(browser, base_url):
    """The incident page as the working record: its map, people, a linked
    incident, a request to close, the timeline; the link form with errors;
    the page a stale form gets (409, what changed); and the supervisor's."""
    conn = psycopg2.connect(read_conf()["db_admin"])
    try:
        with conn, conn.cursor() as cur:
            cur.execute("INSERT INTO person (owning_agency_id, given_name, family_name) "
                        "SELECT id, 'Axe', 'Record' FROM agency WHERE code = 'city-police' "
                        "RETURNING id")
            pid = cur.fetchone()[0]
            ids = []
            for _ in range(2):
                cur.execute(
                    "INSERT INTO incident (reference, channel, asb_type_id, description, "
                    " owning_agency_id, status, address, postcode, location, log_number) "
                    " SELECT next_reference(), 'police', (SELECT min(id) FROM asb_type), "
                    " 'Axe record', id, 'open', '1 High Street', 'AB1 2CD', "
                    " ST_SetSRID(ST_MakePoint(-0.1, 51.51), 4326), 'OEL-1' FROM agency "
                    " WHERE code = 'city-police' RETURNING id, reference")
                ids.append(cur.fetchone())
                cur.execute("INSERT INTO incident_person (incident_id, person_id, role) "
                            "VALUES (%s, %s, 'victim')", (ids[-1][0], pid))
            cur.execute("INSERT INTO incident_link (incident_id, linked_id, reason) "
                        "VALUES (%s, %s, 'Same street')", (ids[0][0], ids[1][0]))
            cur.execute("UPDATE incident SET close_requested_at = now(), "
                        "close_request_reason = 'Quiet' WHERE id = %s", (ids[1][0],))
        ref = ids[1][1]
        found = {}
        signed_in(browser, base_url, "police_officer")
        browser.get(base_url + "/staff/incidents/" + ref)
        assert "Linked incidents" in browser.page_source
        v = axe_violations(browser)
        if v:
            found["incident (officer)"] = v
        press(browser, "form[action$='/links'] button[type=submit]")
        wait_until(browser, lambda d: d.find_elements(
            By.CSS_SELECTOR, ".govuk-error-summary"), "the link form's error summary")
        v = axe_violations(browser)
        if v:
            found["link (errors)"] = v
        # Someone else changes it while the officer writes an update.
        browser.get(base_url + "/staff/incidents/" + ref)
        with conn, conn.cursor() as cur:
            cur.execute("UPDATE incident SET version = version + 1, updated_at = now() "
                        "WHERE id = %s", (ids[1][0],))
        browser.find_element(By.ID, "update-text").send_keys("A late update")
        browser.find_element(By.ID, "update-shared-no").click()
        press(browser, "form[action$='/updates'] button[type=submit]")
        wait_until(browser, lambda d: d.find_elements(By.ID, "stale"), "the stale page")
        v = axe_violations(browser)
        if v:
            found["stale update (409)"] = v
        signed_in(browser, base_url, "police_supervisor")
        browser.get(base_url + "/staff/incidents/" + ref)
        v = axe_violations(browser)
        if v:
            found["incident (supervisor)"] = v
        assert found == {}
    finally:
        conn.close()
