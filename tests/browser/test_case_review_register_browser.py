"""The ASB Case Review in Chromium: a member of the public applies online,
one question a page (including a step sent back with what to fix, and a
change from the check page), and gets a reference; a council manager finds
it in the register, records the threshold decision and marks a milestone
done, and records an application taken by phone. axe-core checks every
page of the public route and the register's pages."""
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


def test_a_member_of_the_public_applies_online(browser, base_url):
    d = browser
    d.get(base_url + "/case-review")
    assert d.find_element(By.TAG_NAME, "h1").text == "Apply for an ASB Case Review"
    no_violations(d, "start")
    press(d, "a.govuk-button--start")
    assert d.find_element(By.TAG_NAME, "h1").text == "Who is applying?"
    # Nothing chosen: the page again, with the summary.
    press(d, "main form button[type=submit]")
    assert "There is a problem" in d.page_source and "Select who is applying" in d.page_source
    no_violations(d, "who, with an error")
    d.find_element(By.ID, "on-behalf").click()
    press(d, "main form button[type=submit]")
    assert d.find_element(By.TAG_NAME, "h1").text == "Your details"
    type_into(d, "applicant-name", "Bea Browser")
    press(d, "main form button[type=submit]")
    assert "so that we can tell you what happens next" in d.page_source
    assert d.find_element(By.ID, "applicant-name").get_attribute("value") == "Bea Browser"
    no_violations(d, "your details, with an error")
    type_into(d, "applicant-email", "bea@example.com")
    press(d, "main form button[type=submit]")
    assert d.find_element(By.TAG_NAME, "h1").text == "What has been happening?"
    no_violations(d, "behaviour")
    type_into(d, "behaviour", "Loud music until 3am most nights since the summer")
    press(d, "main form button[type=submit]")
    assert d.find_element(By.TAG_NAME, "h1").text == "Who have you reported it to, and when?"
    no_violations(d, "reported")
    type_into(d, "reported-to", "The council three times in October")
    press(d, "main form button[type=submit]")
    assert d.find_element(By.TAG_NAME, "h1").text == "Check your answers"
    no_violations(d, "check")
    # Change an answer: back to the check page after it.
    press(d, "#answers div[data-name='behaviour'] a")
    type_into(d, "behaviour", "Loud music until 4am most nights since the summer")
    press(d, "main form button[type=submit]")
    assert d.find_element(By.TAG_NAME, "h1").text == "Check your answers"
    assert "until 4am" in d.find_element(By.ID, "answers").text
    press(d, "main form button[type=submit]")
    assert d.find_element(By.TAG_NAME, "h1").text == "Application sent"
    ref = d.find_element(By.ID, "reference").text
    assert re.fullmatch(r"CR-\d{4}-\d{4,}", ref)
    no_violations(d, "done")
    assert db_one("SELECT channel, applicant_name, behaviour FROM case_review_application "
                  "WHERE reference = %s", (ref,)) == \
        ("online", "Bea Browser", "Loud music until 4am most nights since the summer")

    # The co-ordinator finds it in the register and decides.
    sign_in(d, base_url, "council_manager")
    d.get(base_url + "/staff/case-review")
    assert d.find_element(By.TAG_NAME, "h1").text == "ASB Case Review register"
    no_violations(d, "register")
    press(d, f"#applications a[href='/staff/case-review/{ref}']")
    assert d.find_element(By.TAG_NAME, "h1").text == ref
    no_violations(d, "application")
    type_into(d, "note-acknowledge", "Emailed the applicant")
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


def test_a_manager_records_an_application_taken_by_phone(browser, base_url):
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
