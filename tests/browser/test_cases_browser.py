"""A police officer opens a monitored case in Chromium from three incidents
the intake recorded: follows Cases from the navigation, types the three
references on the new-case form, lands on the overview with the three
linked, adds the council with the victims' consent, and finds the case on
their queue and in the list. axe-core checks every page of a case here: the
list, the new-case form (also with its errors), the overview, the History
tab and the lead's queue."""
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import axe_violations, press, wait_until

sys.path.insert(0, os.path.dirname(__file__))
from test_queues_browser import db_one, new_incident, sign_in  # noqa: E402


def test_an_officer_opens_a_case_from_three_incidents(browser, base_url):
    d = browser
    refs = [new_incident() for _ in range(3)]
    sign_in(d, base_url, "police_officer")
    press(d, "nav a.govuk-service-navigation__link[href='/staff/cases']")
    assert d.find_element(By.TAG_NAME, "h1").text == "Monitored cases"
    assert axe_violations(d) == []
    press(d, "main a[href='/staff/cases/new']")
    # Sent empty first: the errors, then the form filled in.
    press(d, "main form button.govuk-button")
    assert "There is a problem" in d.page_source
    assert axe_violations(d) == []
    d.find_element(By.ID, "refs").send_keys("\n".join(refs))
    d.find_element(By.ID, "title").send_keys("Music and threats at Moorgate")
    Select(d.find_element(By.ID, "risk")).select_by_visible_text("High")
    press(d, "main form button.govuk-button")
    wait_until(d, lambda x: "opened." in x.page_source, "the flash")
    case = d.current_url.rsplit("/", 1)[1]
    rows = d.find_elements(By.CSS_SELECTOR, "#case-incidents tbody tr")
    assert {r.find_element(By.TAG_NAME, "a").text for r in rows} == set(refs)
    assert "High risk" in d.page_source
    assert axe_violations(d) == []
    # The council joins: each victim's consent is asked.
    Select(d.find_element(By.ID, "agency")).select_by_visible_text("City of London Corporation")
    for radio in d.find_elements(By.CSS_SELECTOR, "#add-agency input[type=radio][value=yes]"):
        d.execute_script("arguments[0].click()", radio)
    press(d, "#add-agency button.govuk-button")
    wait_until(d, lambda x: "Agency added to the case." in x.page_source, "the flash")
    assert "City of London Corporation" in d.find_element(By.ID, "case-agencies").text
    assert len(d.find_elements(By.CSS_SELECTOR, "#case-consent tbody tr")) == 3
    assert db_one("SELECT count(*) FROM case_consent cc JOIN monitored_case c ON c.id = "
                  "cc.case_id WHERE c.reference = %s AND cc.consented", (case,))[0] == 3
    press(d, "nav[aria-label='Parts of this case'] a[href$='/history']")
    assert "Parts of this case" in d.page_source
    assert axe_violations(d) == []
    d.get(base_url + "/staff/cases/mine")
    assert d.find_element(By.CSS_SELECTOR, f"#my-cases tr[data-case='{case}']")
    assert axe_violations(d) == []
