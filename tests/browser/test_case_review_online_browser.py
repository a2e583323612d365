"""The online ASB Case Review application as a person files it in
Chromium, with JavaScript and without: every page of the flow, a page
with errors among them, checked by axe-core; the Change link from check
your answers comes straight back; the confirmation has the reference."""
import re

import pytest
from selenium.webdriver.common.by import By

from conftest import axe_violations, press
from test_queues_browser import db_one
from test_report_browser import chosen, path_of, problems, type_into


def cont(driver):
    press(driver, "main form button.govuk-button")


def file_application(driver, base_url, check=True):
    """The whole flow for someone else, each page checked with axe-core
    (when check: it needs the browser's JavaScript, which axe-core is).
    Returns the reference and what axe-core found, by page."""
    found = {}

    def axe():
        v = axe_violations(driver) if check else []
        if v:
            found.setdefault(path_of(driver, base_url) + " " + driver.title, []).extend(v)

    def at(path):
        assert path_of(driver, base_url).split("?")[0] == path, \
            (path_of(driver, base_url), problems(driver))
        axe()

    driver.get(base_url + "/case-review")
    at("/case-review")
    assert "call 999" in driver.page_source
    press(driver, "a.govuk-button--start")
    at("/case-review/who")
    cont(driver)                               # nothing chosen: the error page
    at("/case-review/who")
    assert driver.title.startswith("Error:")
    summary = driver.find_element(By.CSS_SELECTOR, ".govuk-error-summary")
    assert "Select whether you are applying" in summary.text
    chosen(driver, "on-behalf-2")
    cont(driver)

    at("/case-review/your-details")
    type_into(driver, "applicant-name", "Grace Hopper")
    type_into(driver, "applicant-email", "not-an-email")
    cont(driver)
    at("/case-review/your-details")            # the email refused, the name kept
    assert driver.find_element(By.ID, "applicant-name").get_attribute("value") == \
        "Grace Hopper"
    type_into(driver, "applicant-email", "grace@example.com")
    cont(driver)

    at("/case-review/victim")
    type_into(driver, "victim-name", "Vic Tim")
    type_into(driver, "relationship", "Neighbour")
    cont(driver)
    at("/case-review/behaviour")
    type_into(driver, "behaviour", "Stones thrown at her windows every weekend.")
    cont(driver)
    at("/case-review/reported")
    chosen(driver, "reported-agency")
    chosen(driver, "reported-agency-3")
    type_into(driver, "reported-when", "Four times since August")
    cont(driver)

    at("/case-review/check")
    text = driver.find_element(By.TAG_NAME, "main").text
    assert "Vic Tim" in text and "The police, A housing association or landlord" in text
    # Change what has been happening; the Change link comes straight back.
    press(driver, 'a[href="/case-review/behaviour?change=1"]')
    at("/case-review/behaviour")
    type_into(driver, "behaviour", "Stones thrown at her windows, now every night.")
    cont(driver)
    at("/case-review/check")
    assert "now every night" in driver.page_source
    press(driver, 'form[action="/case-review/submit"] button')

    at("/case-review/done")
    ref = driver.find_element(By.ID, "reference").text
    assert re.match(r"^CR-\d{4}-\d{4}$", ref), ref
    assert "We will tell you we have your application by" in driver.page_source
    return ref, found


# With the site's scripts; with them blocked (what a browser without
# JavaScript gets, axe-core still injected by the test); and with
# JavaScript off altogether, where axe-core cannot run.
@pytest.mark.parametrize("fixture", ["browser", "browser_noscripts", "browser_nojs"])
def test_file_an_application(fixture, request, base_url):
    driver = request.getfixturevalue(fixture)
    driver.set_window_size(1280, 900)
    ref, found = file_application(driver, base_url, check=fixture != "browser_nojs")
    assert found == {}, found
    assert db_one("SELECT channel, applicant_name, victim_name, behaviour FROM "
                  "case_review_application WHERE reference = %s", (ref,)) == \
        ("online", "Grace Hopper", "Vic Tim", "Stones thrown at her windows, now every night.")
