"""The ASB Case Review register in Chromium: a council manager records an
application taken by phone (the form sent back once with what to fix),
finds it in the register, marks a milestone done and records the
threshold decision. axe-core checks every page of the register."""
import re

from selenium.webdriver.common.by import By

from conftest import axe_violations, press, wait_until

from test_queues_browser import db_one, sign_in  # noqa: E402


def type_into(d, field_id, text):
    el = d.find_element(By.ID, field_id)
    el.clear()
    el.send_keys(text)


def no_violations(d, what):
    found = axe_violations(d)
    assert found == [], (what, found)


def test_a_manager_records_a_phone_application_and_decides_it(browser, base_url):
    d = browser
    sign_in(d, base_url, "council_manager")
    d.get(base_url + "/staff/case-review")
    press(d, "a[href='/staff/case-review/new']")
    assert d.find_element(By.TAG_NAME, "h1").text == "Record an application"
    no_violations(d, "new")
    press(d, "main form button[type=submit]")
    assert "There is a problem" in d.page_source
    no_violations(d, "new, with errors")
    d.find_element(By.ID, "channel").click()
    type_into(d, "applicant-name", "Phil Phone")
    d.find_element(By.ID, "on-behalf").click()
    type_into(d, "behaviour", "Youths gathering and throwing stones at windows")
    press(d, "main form button[type=submit]")
    wait_until(d, lambda x: "recorded" in x.page_source, "the flash")
    ref = d.find_element(By.TAG_NAME, "h1").text
    assert db_one("SELECT channel, applicant_name FROM case_review_application "
                  "WHERE reference = %s", (ref,)) == ("phone", "Phil Phone")
    no_violations(d, "application")

    # The co-ordinator finds it in the register and decides.
    d.get(base_url + "/staff/case-review")
    assert d.find_element(By.TAG_NAME, "h1").text == "ASB Case Review register"
    no_violations(d, "register")
    press(d, f"#applications a[href='/staff/case-review/{ref}']")
    assert d.find_element(By.TAG_NAME, "h1").text == ref
    type_into(d, "note-acknowledge", "Rang the applicant back")
    press(d, "tr[data-kind='acknowledge'] form button")
    wait_until(d, lambda x: "Milestone marked done" in x.page_source, "the flash")
    d.find_element(By.ID, "met").click()
    type_into(d, "complaints", "3")
    type_into(d, "reasons", "Three complaints to the council within a month of each time")
    press(d, "form[action$='/decision'] button")
    wait_until(d, lambda x: "the threshold is met" in x.page_source, "the flash")
    assert d.find_element(By.ID, "decision-result").text == "Threshold met"
    assert d.find_element(By.CSS_SELECTOR, "tr[data-kind='review']")
    no_violations(d, "application after the decision")
