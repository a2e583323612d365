"""The partner route in Chromium: the partner step (with and without
errors), the check page, the confirmation and the organisation's list,
each checked by axe-core."""
import os
import sys

from selenium.webdriver.common.by import By

from conftest import axe_violations, press

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from test_partner_report import new_form, to_impact  # noqa: E402


FORM_BUTTON = "main form button.govuk-button"


def test_the_partner_route_is_accessible(browser, base_url):
    # The steps every reporter shares are checked in test_report_browser.py:
    # walk them here over HTTP, then hand the browser the session and draft.
    s = new_form("partner_reporter")
    assert to_impact(s) == "/report/partner"
    browser.get(base_url + "/")
    for name in ("concord_session", "concord_draft"):
        browser.add_cookie({"name": name, "path": "/", "value": s.cookies.get(name)})
    found = {}

    def axe(label):
        v = axe_violations(browser)
        if v:
            found[label] = v

    browser.get(base_url + "/report/partner")
    assert "Your organisation" in browser.find_element(By.TAG_NAME, "h1").text
    axe("partner step")
    browser.find_element(By.ID, "partner-reference").send_keys("HH<1>")
    press(browser, FORM_BUTTON)
    assert "There is a problem" in browser.page_source
    assert browser.find_element(By.ID, "partner-reference").get_attribute("value") == "HH<1>"
    axe("partner step with errors")
    ref = browser.find_element(By.ID, "partner-reference")
    ref.clear()
    ref.send_keys("HH-2026-1")
    browser.find_element(By.CSS_SELECTOR, 'label[for="affected-3"]').click()
    browser.find_element(By.CSS_SELECTOR, 'label[for="responsible-3"]').click()
    press(browser, FORM_BUTTON)
    if browser.current_url.endswith("/report/evidence"):
        press(browser, 'main form button[name="action"][value="continue"]')
    assert browser.current_url.endswith("/report/check"), browser.current_url
    assert "HH-2026-1" in browser.page_source and "Don't know" in browser.page_source
    axe("check page")
    press(browser, 'main form[action="/report/submit"] button')
    assert browser.current_url.endswith("/report/done")
    axe("confirmation")
    reference = browser.find_element(By.ID, "reference").text
    browser.get(base_url + "/staff/partner-reports")
    assert reference in browser.page_source
    axe("organisation's reports")
    browser.get(base_url + "/staff")
    axe("staff home")
    assert found == {}
