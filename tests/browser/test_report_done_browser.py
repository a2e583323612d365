"""The confirmation page of the reporting form (/report/done) in Chromium:
the tracking link stays inside a phone's screen, a "Copy link" button copies
it where JavaScript runs (and is not there where it does not), the page says
the link was sent by email only when it was, and a partner reporting for
their organisation is not spoken to as a member of the public."""
import glob
import os
import sys

import pytest
from selenium.webdriver.common.by import By

from conftest import axe_violations, wait_until

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from loopback import fresh_address, session_from  # noqa: E402
from stack import read_conf  # noqa: E402
from test_partner_report import PARTNER, new_form, past_evidence, to_impact  # noqa: E402
from test_partner_report import submit as partner_submit  # noqa: E402
from test_report_form import ABOUT, step, submit, to_check  # noqa: E402

ANONYMOUS = {"identity": "anonymous", "given-name": "", "family-name": "", "email": "",
             "for-someone-else": "no", "share": "yes"}
MAILED = "We have also sent it to you by email."
NOT_AGAIN = "We will not show it again."
COPY = "//button[normalize-space()='Copy link']"


def shown_to(driver, base_url, s, cookies=("concord_draft",)):
    """Opens the confirmation of the session's sent draft in the browser."""
    driver.get(base_url + "/")
    for name in cookies:
        driver.add_cookie({"name": name, "path": "/", "value": s.cookies.get(name)})
    driver.get(base_url + "/report/done")
    assert driver.find_element(By.CSS_SELECTOR, "h1").text == "Report sent"
    return driver.find_element(By.ID, "reference").text


def sent(driver, base_url, about=ABOUT):
    """A public report sent over HTTP (the steps are tested in
    test_report_browser.py), its confirmation in the browser."""
    s = session_from(fresh_address())
    to_check(s, about=about)
    r, _, _ = submit(s)
    assert r.status_code == 303 and r.headers["Location"] == "/report/done"
    return shown_to(driver, base_url, s)


def on_a_phone(driver):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 375, "height": 812, "deviceScaleFactor": 2, "mobile": True})


def test_the_tracking_link_wraps_inside_its_column_on_a_phone(browser, base_url):
    on_a_phone(browser)
    sent(browser, base_url)
    # A page wider than the phone makes Chromium widen its layout viewport
    # too: both widths say whether anything ran off the screen.
    widths = browser.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1] == 375, widths
    box = browser.execute_script(
        "const a = document.getElementById('tracking-link').getBoundingClientRect();"
        "const c = document.getElementById('tracking-link')"
        "  .closest('.govuk-grid-column-two-thirds').getBoundingClientRect();"
        "return {left: a.left, right: a.right, cleft: c.left, cright: c.right,"
        "  lines: document.getElementById('tracking-link').getClientRects().length};")
    assert box["cleft"] <= box["left"] and box["right"] <= box["cright"], box
    assert box["lines"] > 1, box           # it is longer than the screen is wide
    assert axe_violations(browser) == []


def test_copy_link_copies_it_and_says_so(browser, base_url):
    browser.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": base_url.rstrip("/"),
        "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    sent(browser, base_url)
    href = browser.find_element(By.ID, "tracking-link").get_attribute("href")
    button = browser.find_element(By.XPATH, COPY)
    assert button.is_displayed()
    assert "govuk-button--secondary" in button.get_attribute("class").split()
    status = browser.find_element(By.ID, "copy-status")
    assert status.get_attribute("role") == "status" and status.text == ""
    button.click()
    wait_until(browser, lambda d: status.text == "Link copied", "“Link copied”")
    copied = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "navigator.clipboard.readText().then(done, e => done('failed: ' + e));")
    assert copied == href
    assert axe_violations(browser) == []


@pytest.mark.parametrize("which", ["browser_nojs", "browser_noscripts"])
def test_without_javascript_there_is_no_copy_button(request, base_url, which):
    driver = request.getfixturevalue(which)
    sent(driver, base_url)
    assert driver.find_elements(By.XPATH, COPY) == []
    assert driver.find_elements(By.ID, "copy-status") == []
    link = driver.find_element(By.ID, "tracking-link")
    assert link.text == link.get_attribute("href")      # plain text to select
    if which == "browser_noscripts":
        assert axe_violations(driver) == []


def mail_to(address, reference):
    """The mail the worker wrote to address about the report, if any."""
    for path in glob.glob(os.path.join(read_conf()["mail_outbox"], "*.eml")):
        with open(path, errors="replace") as f:
            text = f.read()
        if address in text and reference in text:
            return text
    return None


def test_a_reporter_who_gave_an_email_is_told_it_was_sent_and_gets_it(browser, base_url):
    email = "done-%s@example.com" % fresh_address().replace(".", "-")
    ref = sent(browser, base_url, about=dict(ABOUT, email=email))
    words = browser.find_element(By.ID, "tracking-words").text
    assert MAILED in words and NOT_AGAIN not in words
    href = browser.find_element(By.ID, "tracking-link").get_attribute("href")
    mail = wait_until(browser, lambda d: mail_to(email, ref), "the confirmation mail")
    assert href in mail


def test_an_anonymous_reporter_is_told_the_link_will_not_be_shown_again(browser, base_url):
    sent(browser, base_url, about=ANONYMOUS)
    words = browser.find_element(By.ID, "tracking-words").text
    assert NOT_AGAIN in words and "email" not in words
    assert "If you gave your details" in browser.page_source


def test_a_partner_is_spoken_to_as_an_organisation(browser, base_url):
    s = new_form("partner_reporter")
    assert to_impact(s) == "/report/partner"
    assert past_evidence(s, step(s, "/report/partner", PARTNER)) == "/report/check"
    ref, _ = partner_submit(s)
    assert shown_to(browser, base_url, s, ("concord_session", "concord_draft")) == ref
    text = browser.find_element(By.TAG_NAME, "main").text
    for public in ("If you gave your details", "Your reference number",
                   "Follow your report", "If you are in danger now", MAILED):
        assert public not in text, public
    assert "The report's reference number" in text
    assert "your organisation's records" in text
    assert NOT_AGAIN in browser.find_element(By.ID, "tracking-words").text
    org = browser.find_element(By.LINK_TEXT, "your organisation's reports")
    assert org.get_attribute("href").endswith("/staff/partner-reports")
    assert axe_violations(browser) == []
