"""One monitored case worked from start to end in Chromium, as the issue's
done-when asks: a police officer opens a case from a run of three linked
incidents, shares it with the council (the victims consenting), records a
contact with a victim and an action on the plan; a
case panel discusses the case and creates an action for the council's
team, which lands on that team's case work; and a member of the public
files an ASB Case Review application online. axe-core checks every page
on the way (each part's own browser tests check their forms' error pages
too)."""
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import axe_violations, press, wait_until

sys.path.insert(0, os.path.dirname(__file__))
from test_case_actions_browser import fill, panel_with_action  # noqa: E402
from test_case_contact_browser import type_date  # noqa: E402
from test_case_review_online_browser import file_application  # noqa: E402
from test_queues_browser import db_one, new_incident, sign_in  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from test_case_contact import today  # noqa: E402


def link_run(refs):
    """The three incidents linked one to the next, as staff link repeats."""
    ids = sorted(db_one("SELECT id FROM incident WHERE reference = %s", (r,))[0] for r in refs)
    for a, b in zip(ids, ids[1:]):
        db_one("INSERT INTO incident_link (incident_id, linked_id, reason) VALUES (%s, %s, "
               "'The same group again') RETURNING incident_id", (a, b))


def test_a_case_from_three_linked_incidents_to_a_panel_action_and_an_application(
        browser, base_url):
    d, found = browser, {}

    def axe(what):
        v = axe_violations(d)
        if v:
            found[what] = v

    refs = [new_incident() for _ in range(3)]
    link_run(refs)
    sign_in(d, base_url, "police_officer")

    # The case, from the three incidents.
    press(d, "nav a.govuk-service-navigation__link[href='/staff/cases']")
    axe("the case list")
    press(d, "main a[href='/staff/cases/new']")
    axe("the new-case form")
    d.find_element(By.ID, "refs").send_keys("\n".join(refs))
    d.find_element(By.ID, "title").send_keys("Stones and threats at Moorgate")
    Select(d.find_element(By.ID, "risk")).select_by_visible_text("High")
    press(d, "main form button.govuk-button")
    wait_until(d, lambda x: "opened." in x.page_source, "the case opened")
    case = d.current_url.rsplit("/", 1)[1]
    linked = d.find_elements(By.CSS_SELECTOR, "#case-incidents tbody tr")
    assert {r.find_element(By.TAG_NAME, "a").text for r in linked} == set(refs)
    axe("the overview")
    # The council joins the case; each victim is asked about sharing.
    Select(d.find_element(By.ID, "agency")).select_by_visible_text("City of London Corporation")
    for radio in d.find_elements(By.CSS_SELECTOR, "#add-agency input[type=radio][value=yes]"):
        d.execute_script("arguments[0].click()", radio)
    press(d, "#add-agency button.govuk-button")
    wait_until(d, lambda x: "Agency added to the case." in x.page_source, "the council added")

    # A contact with the first victim.
    press(d, "nav[aria-label='Parts of this case'] a[href$='/contact']")
    axe("the Victim contact tab")
    press(d, f"main a[href^='/staff/cases/{case}/contact/'][href$='/log']")
    axe("the contact form")
    type_date(d, "contacted", today())
    d.find_element(By.CSS_SELECTOR, "label[for='method']").click()
    d.find_element(By.CSS_SELECTOR, "label[for='outcome']").click()
    d.find_element(By.ID, "told").send_keys("A case is open; PC Officer is your contact.")
    press(d, "main form button[type=submit]")
    wait_until(d, lambda x: "recorded" in x.page_source, "the contact recorded")
    assert "A case is open; PC Officer is your contact." in \
        d.find_element(By.ID, "main-content").text
    axe("the Victim contact tab with a contact")

    # An action on the plan, owned by the officer.
    press(d, "nav[aria-label='Parts of this case'] a[href$='/actions']")
    axe("the Action plan tab")
    press(d, f"a[href='/staff/cases/{case}/actions/new']")
    axe("the action form")
    Select(d.find_element(By.ID, "type")).select_by_visible_text("Warning letter")
    fill(d, "title", "Warning letter to the group's ringleader")
    Select(d.find_element(By.ID, "person")).select_by_visible_text("PC Olu Officer")
    fill(d, "due-day", "1")
    fill(d, "due-month", "3")
    fill(d, "due-year", "2030")
    press(d, "main form button[type=submit]")
    wait_until(d, lambda x: "Action added: Warning letter to the group's ringleader."
               in x.page_source, "the action added")
    axe("the action")

    # A case panel discusses the case and creates an action for the council.
    panel_with_action(d, base_url, case, "CPW to the group's ringleader")
    assert db_one("SELECT count(*) FROM case_work w JOIN monitored_case c ON c.id = w.case_id "
                  "JOIN team t ON t.id = w.team_id WHERE c.reference = %s AND w.kind = "
                  "'action' AND t.code = 'community-safety' AND w.user_id IS NULL",
                  (case,)) == (1,)
    d.get(base_url + f"/staff/cases/{case}/actions")
    plan = d.find_element(By.ID, "main-content").text
    assert "Warning letter to the group's ringleader" in plan
    assert "CPW to the group's ringleader" in plan

    # The officer's own queue has the case.
    d.get(base_url + "/staff/cases/mine")
    assert d.find_element(By.CSS_SELECTOR, f"#my-cases tr[data-case='{case}']")
    axe("the lead's queue")

    # A member of the public applies for a Case Review (every page checked).
    d.delete_all_cookies()
    ref, online = file_application(d, base_url)
    found.update(online)
    assert db_one("SELECT channel FROM case_review_application WHERE reference = %s",
                  (ref,)) == ("online",)
    assert found == {}, found
