"""The tracking page and the reporter's diary in Chromium: a sent report's
tracking link shows what was reported; "Log another occurrence" takes a
diary entry with a file (a mistake first, shown and fixed); the entry is
listed on the tracking page, and staff see it on the incident's timeline.
axe-core finds nothing on the tracking page or the diary form, with and
without an error shown."""
import datetime
import os
import sys

import psycopg2
from selenium.webdriver.common.by import By

from conftest import axe_violations, press, wait_until
from test_report_browser import evidence_files, path_of, type_into

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from stack import read_conf  # noqa: E402
from staff import as_role  # noqa: E402
from test_report_diary import london_today, sent_report  # noqa: E402


def incident_of(ref):
    conn = psycopg2.connect(read_conf()["db_admin"])
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT i.reference FROM report r JOIN incident i "
                        "ON i.id = r.incident_id WHERE r.reference = %s", (ref,))
            return cur.fetchone()[0]
    finally:
        conn.close()


def text_of(driver, selector):
    return driver.find_element(By.CSS_SELECTOR, selector).text


def walk(driver, base_url, check_axe):
    """From the tracking link to a saved diary entry; returns the reference
    and what axe-core found on the way."""
    found = {}

    def axe(where):
        if check_axe:
            v = axe_violations(driver)
            if v:
                found[where] = v

    _, ref, track = sent_report()
    driver.get(base_url.rstrip("/") + track)
    assert ref in text_of(driver, "h1")
    summary = text_of(driver, "#summary")
    assert "Shouting or banging" in summary
    assert "3 November 2026 at 10:15pm" in summary
    assert "Wood Street, London, EC2V" in summary and "10 Wood Street" not in summary
    assert "You have not added any diary entries yet" in driver.page_source
    axe("tracking page")

    press(driver, "#log-occurrence")
    assert path_of(driver, base_url).startswith(f"/track/{ref}/log?t="), driver.current_url
    assert text_of(driver, "h1") == "Log another occurrence"
    axe("diary form")

    # A mistake first: nothing said about what happened, a date that is not one.
    type_into(driver, "occurred-day", "31")
    type_into(driver, "occurred-month", "2")
    type_into(driver, "occurred-year", str(london_today().year))
    type_into(driver, "impact", "I stayed in.")
    press(driver, "form button.govuk-button")
    assert driver.title.startswith("Error: ")
    summary = text_of(driver, ".govuk-error-summary")
    assert "Date it happened must be a real date" in summary
    assert "Enter what happened" in summary
    assert driver.find_element(By.ID, "impact").get_attribute("value") == "I stayed in."
    assert driver.find_element(By.ID, "occurred-day").get_attribute("value") == "31"
    axe("diary form with errors")

    yesterday = london_today() - datetime.timedelta(days=1)
    type_into(driver, "occurred-day", str(yesterday.day))
    type_into(driver, "occurred-month", str(yesterday.month))
    type_into(driver, "occurred-year", str(yesterday.year))
    type_into(driver, "occurred-time", "11:55pm")
    type_into(driver, "what", "A group kicked the door and shouted.")
    photo, _ = evidence_files()
    driver.find_element(By.ID, "evidence").send_keys(photo)
    press(driver, "form button.govuk-button")
    assert path_of(driver, base_url).startswith(f"/track/{ref}?t="), driver.current_url
    assert "Your entry has been added" in text_of(driver, ".govuk-notification-banner--success")
    entry = text_of(driver, ".concord-diary-entry")
    when = f"{yesterday.day} {yesterday.strftime('%B')} {yesterday.year} at 11:55pm"
    assert when in entry
    assert "A group kicked the door and shouted." in entry
    assert "I stayed in." in entry and "front door.jpg" in entry
    axe("tracking page with an entry")
    return ref, when, found


def staff_see(driver, base_url, ref, when):
    """The entry is on the incident's timeline, with its file to download."""
    session = as_role("police_officer")
    driver.get(base_url + "/")
    driver.add_cookie({"name": "concord_session", "path": "/",
                       "value": session.cookies.get("concord_session")})
    driver.get(base_url.rstrip("/") + "/staff/incidents/" + incident_of(ref))
    item = wait_until(driver, lambda d: d.find_elements(
        By.CSS_SELECTOR, "#timeline-list li[data-kind=diary]"), "the diary entry on the timeline")
    text = item[0].text
    assert "Diary entry from the reporter" in text
    assert f"It happened: {when}" in text
    assert "A group kicked the door and shouted." in text and "I stayed in." in text
    link = item[0].find_element(By.PARTIAL_LINK_TEXT, "front door.jpg")
    assert "/staff/evidence/" in link.get_attribute("href")


def test_diary_with_javascript(browser, base_url):
    ref, when, found = walk(browser, base_url, check_axe=True)
    assert found == {}, found
    staff_see(browser, base_url, ref, when)
    # The 400 of the deliberate mistake is expected.
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"
              and "status of 400" not in e["message"]]
    assert errors == []


def test_diary_with_javascript_off(browser_nojs, base_url):
    ref, when, _ = walk(browser_nojs, base_url, check_axe=False)
    staff_see(browser_nojs, base_url, ref, when)


def test_the_character_count_counts_with_javascript(browser, base_url):
    _, ref, track = sent_report()
    browser.get(base_url.rstrip("/") + track.replace("?", "/log?"))
    type_into(browser, "what", "x" * 10)
    wait_until(browser, lambda d: "4,990 characters remaining" in d.page_source or
               "4990 characters remaining" in d.page_source, "the character count to count")
