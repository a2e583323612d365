"""Victim contact and supervisor reviews in Chromium: an officer agrees a
victim's contact plan (another number of days, revealed by the radios) and
records a contact consulting them on the action plan; a supervisor records
a review that raises the risk level. Every page and form — with its error
summary too — is checked by axe-core, and the plan form works without
JavaScript."""
import os
import sys
from datetime import timedelta

import psycopg2
import pytest
from selenium.webdriver.common.by import By

from conftest import axe_violations, press, wait_until
from test_queues_browser import sign_in

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from stack import read_conf  # noqa: E402
from test_case_contact import make_case, today, words  # noqa: E402


@pytest.fixture
def admin_db():
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    yield conn
    conn.close()


def no_violations(d, found, what):
    v = axe_violations(d)
    if v:
        found[what] = v


def type_date(d, prefix, day):
    for part, value in (("day", day.day), ("month", day.month), ("year", day.year)):
        box = d.find_element(By.ID, f"{prefix}-{part}")
        box.clear()
        box.send_keys(str(value))


def test_an_officer_agrees_a_plan_and_records_a_contact(browser, base_url, admin_db):
    d, found = browser, {}
    ref, cid, (pid,) = make_case(admin_db, victims=(("Vera", "Victim"),))
    sign_in(d, base_url, "police_officer")
    d.get(f"{base_url}/staff/cases/{ref}/contact")
    assert d.find_element(By.ID, f"victim-{pid}").text == "Vera Victim"
    no_violations(d, found, "the tab")
    press(d, f"a[href='/staff/cases/{ref}/contact/{pid}/plan']")
    no_violations(d, found, "the plan form")
    # Nothing chosen: the form again with what to fix.
    press(d, "main form button[type=submit]")
    summary = wait_until(d, lambda x: x.find_elements(By.CSS_SELECTOR, ".govuk-error-summary"),
                         "the error summary")
    assert "Select how often they will be contacted" in summary[0].text
    no_violations(d, found, "the plan form with errors")
    # Another number of days: its box appears when the radio is chosen.
    d.find_element(By.CSS_SELECTOR, "label[for='every-other']").click()
    days = wait_until(d, lambda x: x.find_element(By.ID, "every-days").is_displayed() and
                      x.find_element(By.ID, "every-days"), "the number of days")
    days.send_keys("10")
    d.find_element(By.CSS_SELECTOR, "label[for='method']").click()
    type_date(d, "starts", today())
    press(d, "main form button[type=submit]")
    wait_until(d, lambda x: "Contact plan for Vera Victim saved" in x.page_source, "the flash")
    assert "Every 10 days by phone" in d.find_element(By.ID, "main-content").text
    press(d, f"a[href='/staff/cases/{ref}/contact/{pid}/log']")
    no_violations(d, found, "the contact form")
    type_date(d, "contacted", today())
    d.find_element(By.CSS_SELECTOR, "label[for='outcome']").click()
    d.find_element(By.ID, "told").send_keys("A warning letter went to the neighbour.")
    d.find_element(By.CSS_SELECTOR, "label[for='consulted']").click()
    press(d, "main form button[type=submit]")
    wait_until(d, lambda x: "Contact with Vera Victim recorded" in x.page_source, "the flash")
    due = d.find_element(By.CSS_SELECTOR, "[data-next-due]").text
    assert due == words(today() + timedelta(days=10))
    text = d.find_element(By.ID, "main-content").text
    assert "A warning letter went to the neighbour." in text
    assert d.find_element(By.XPATH, "//dt[normalize-space()='Consulted on the action plan']"
                                    "/following-sibling::dd").text == "Yes"
    no_violations(d, found, "the tab with a contact")
    assert found == {}


def test_a_supervisor_records_a_review_raising_the_risk(browser, base_url, admin_db):
    d, found = browser, {}
    ref, cid, _ = make_case(admin_db, risk="medium", opened_days_ago=29)
    sign_in(d, base_url, "police_supervisor")
    d.get(f"{base_url}/staff/cases/{ref}/reviews")
    assert "Overdue by 1 day" in d.find_element(By.CSS_SELECTOR, "[data-review-due]").text
    no_violations(d, found, "the reviews tab")
    press(d, f"a[href='/staff/cases/{ref}/reviews/new']")
    no_violations(d, found, "the review form")
    press(d, "main form button[type=submit]")
    summary = wait_until(d, lambda x: x.find_elements(By.CSS_SELECTOR, ".govuk-error-summary"),
                         "the error summary")
    assert "Select the decision of the review" in summary[0].text
    assert "Enter a note of the review" in summary[0].text
    no_violations(d, found, "the review form with errors")
    d.find_element(By.CSS_SELECTOR, "label[for='decision-change-risk']").click()
    high = wait_until(d, lambda x: x.find_element(By.CSS_SELECTOR, "label[for='risk-high']")
                      if x.find_element(By.CSS_SELECTOR, "label[for='risk-high']").is_displayed()
                      else None, "the levels")
    high.click()
    d.find_element(By.ID, "note").send_keys("Threats made last week.")
    press(d, "main form button[type=submit]")
    wait_until(d, lambda x: "Supervisor review recorded" in x.page_source, "the flash")
    text = d.find_element(By.ID, "main-content").text
    assert "High risk" in text and "Medium to High" in text
    assert "Threats made last week." in text
    no_violations(d, found, "the reviews tab with a review")
    assert found == {}


def test_the_plan_form_works_without_javascript(browser_noscripts, base_url, admin_db):
    d = browser_noscripts
    ref, cid, (pid,) = make_case(admin_db)
    sign_in(d, base_url, "police_officer")
    d.get(f"{base_url}/staff/cases/{ref}/contact/{pid}/plan")
    d.find_element(By.CSS_SELECTOR, "label[for='every-other']").click()
    box = d.find_element(By.ID, "every-days")
    assert box.is_displayed(), "without JavaScript the number of days is always shown"
    box.send_keys("21")
    d.find_element(By.CSS_SELECTOR, "label[for='method-letter']").click()
    type_date(d, "starts", today())
    press(d, "main form button[type=submit]")
    assert "Every 21 days by letter" in d.find_element(By.ID, "main-content").text
    assert axe_violations(d) == []
