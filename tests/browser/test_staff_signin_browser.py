"""Signing in as a person would, in Chromium, with and without JavaScript."""
import os
import sys

import pytest
from selenium.webdriver.common.by import By

from conftest import wait_until

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from staff import demo_user, next_code  # noqa: E402


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_sign_in_and_out_through_the_pages(js, browser, browser_nojs, base_url):
    d = browser if js else browser_nojs
    u = demo_user("council_manager")
    d.get(base_url + "/staff/sign-in")
    d.find_element(By.ID, "email").send_keys(u["email"])
    d.find_element(By.ID, "password").send_keys(u["password"])
    d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_until(d, lambda x: x.current_url.endswith("/staff/sign-in/code")
               and "Enter the code from your authenticator app" in x.page_source,
               "the code page")
    d.find_element(By.ID, "code").send_keys(next_code(u["email"], u["totp_secret"]))
    d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_until(d, lambda x: x.current_url == base_url + "/staff"
               and "Signed in as" in x.page_source, "the staff home page")
    assert u["name"] in d.page_source
    cookie = d.get_cookie("concord_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    d.find_element(By.XPATH, "//button[normalize-space()='Sign out']").click()
    wait_until(d, lambda x: x.current_url == base_url + "/staff/sign-in"
               and "You have signed out" in x.page_source, "the signed-out page")


def test_wrong_password_shows_the_error_summary_linked_to_the_field(browser, base_url):
    d = browser
    d.get(base_url + "/staff/sign-in")
    d.find_element(By.ID, "email").send_keys("nobody@example.org")
    d.find_element(By.ID, "password").send_keys("not a password at all")
    d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_until(d, lambda x: x.find_elements(By.CSS_SELECTOR, ".govuk-error-summary"),
               "the error summary")
    summary = d.find_element(By.CSS_SELECTOR, ".govuk-error-summary")
    link = summary.find_element(By.TAG_NAME, "a")
    assert link.get_attribute("href").endswith("#email")
    assert d.title.startswith("Error:")
    # GOV.UK's script moves focus to the summary so screen readers hear it.
    assert d.switch_to.active_element == summary
