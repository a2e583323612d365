"""axe-core finds no WCAG 2.2 A or AA violation on the pages of the site,
for the public and for staff."""
import os
import sys

import pytest

from selenium.webdriver.common.by import By

from conftest import axe_violations, press, wait_until

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from staff import as_role  # noqa: E402

PUBLIC = ["/", "/staff/sign-in", "/no-such-page"]
STAFF = {
    "police_supervisor": ["/staff", "/staff/incidents",
                          "/staff/incidents?q=noise&sort=risk&status=open",
                          "/staff/incidents?status=lost&q=x", "/staff/activity",
                          "/staff/me/history"],
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
    else:
        browser.get(base_url + "/admin/agencies/new")
        press(browser, "main form button[type=submit]")
        summary = wait_until(browser, lambda d: d.find_elements(
            By.CSS_SELECTOR, ".govuk-error-summary"), "the error summary")
        assert "There is a problem" in summary[0].text
        v = axe_violations(browser)
        if v:
            found["/admin/agencies (errors)"] = v
    assert found == {}
