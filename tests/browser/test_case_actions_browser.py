"""An officer works a case's action plan in Chromium: opens the Action
plan tab, adds an action owned by themselves, records a case panel with
who came, adds the case with the panel's decisions, creates an action
from the panel for the council's team, and sees it on the panel's page;
an administrator opens the action types. axe-core checks every page."""
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import axe_violations, press, wait_until

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from test_case_actions import make_case  # noqa: E402
from test_queues_browser import db_one, sign_in  # noqa: E402

import psycopg2  # noqa: E402
from stack import read_conf  # noqa: E402


def new_case():
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    try:
        return make_case(conn)
    finally:
        conn.close()


def fill(d, field, text):
    el = d.find_element(By.ID, field)
    el.clear()
    el.send_keys(text)


def panel_with_action(d, base_url, ref, title):
    """Records a case panel with who came from the police and the council,
    adds case ref with its decisions, and creates from the panel an
    enforcement action for the council's Community Safety Team, each page
    checked by axe-core. Ends on the new action's page."""
    d.get(base_url + "/staff/panels")
    assert axe_violations(d) == []
    press(d, "a[href='/staff/panels/new']")
    assert axe_violations(d) == []
    fill(d, "held-day", "3")
    fill(d, "held-month", "12")
    fill(d, "held-year", "2026")
    fill(d, "time", "14:30")
    fill(d, "location", "Guildhall")
    council = db_one("SELECT id FROM agency WHERE code = 'city-council'")[0]
    police = db_one("SELECT id FROM agency WHERE code = 'city-police'")[0]
    fill(d, f"attendees-{police}", "PC Olu Officer")
    fill(d, f"attendees-{council}", "Chris Council")
    press(d, "main form button[type=submit]")
    wait_until(d, lambda x: "Case panel recorded." in x.page_source, "the flash")
    fill(d, "reference", ref)
    fill(d, "decisions", "The council's team sends a Community Protection Warning")
    press(d, "main form button[type=submit]")
    wait_until(d, lambda x: f"Case {ref} added to the panel." in x.page_source, "the flash")
    assert axe_violations(d) == []
    press(d, f"a[href^='/staff/cases/{ref}/actions/new?panel=']")
    assert "This action comes from the case panel" in d.page_source
    Select(d.find_element(By.ID, "type")).select_by_visible_text(
        "Community Protection Warning (enforcement)")
    fill(d, "title", title)
    Select(d.find_element(By.ID, "agency")).select_by_visible_text("City of London Corporation")
    Select(d.find_element(By.ID, "team")).select_by_visible_text("Community Safety Team")
    fill(d, "due-day", "10")
    fill(d, "due-month", "12")
    fill(d, "due-year", "2030")
    press(d, "main form button[type=submit]")
    wait_until(d, lambda x: f"Action added: {title}." in x.page_source, "the flash")
    assert "Record a breach" in d.page_source
    assert axe_violations(d) == []


def test_an_officer_adds_actions_from_the_plan_and_from_a_panel(browser, base_url):
    d = browser
    cid, ref = new_case()
    sign_in(d, base_url, "police_officer")
    d.get(base_url + f"/staff/cases/{ref}/actions")
    assert "There are no actions on this case yet." in d.page_source
    assert axe_violations(d) == []
    press(d, f"a[href='/staff/cases/{ref}/actions/new']")
    assert axe_violations(d) == []
    # Sent empty: the error summary, and the form again.
    press(d, "main form button[type=submit]")
    wait_until(d, lambda x: "There is a problem" in x.page_source, "the error summary")
    assert axe_violations(d) == []
    Select(d.find_element(By.ID, "type")).select_by_visible_text("Warning letter")
    fill(d, "title", "Warning letter to J Smith")
    Select(d.find_element(By.ID, "person")).select_by_visible_text("PC Olu Officer")
    fill(d, "due-day", "1")
    fill(d, "due-month", "3")
    fill(d, "due-year", "2030")
    press(d, "main form button[type=submit]")
    wait_until(d, lambda x: "Action added: Warning letter to J Smith." in x.page_source,
               "the flash")
    assert "1 March 2030" in d.page_source
    assert axe_violations(d) == []

    panel_with_action(d, base_url, ref, "CPW to J Smith")
    press(d, "a[href^='/staff/panels/']")
    assert "CPW to J Smith" in d.page_source
    assert db_one("SELECT count(*) FROM case_work w JOIN team t ON t.id = w.team_id "
                  "WHERE w.case_id = %s AND t.code = 'community-safety' "
                  "AND w.user_id IS NULL", (cid,)) == (1,)
    d.get(base_url + f"/staff/cases/{ref}/actions")
    assert "CPW to J Smith" in d.page_source and "From a case panel" in d.page_source


def test_an_administrator_opens_the_action_types(browser, base_url):
    d = browser
    sign_in(d, base_url, "administrator")
    d.get(base_url + "/admin/action-types")
    assert d.find_element(By.TAG_NAME, "h1").text == "Action types"
    assert axe_violations(d) == []
    press(d, "a[href='/admin/action-types/new']")
    assert axe_violations(d) == []
    press(d, "main form button[type=submit]")
    wait_until(d, lambda x: "There is a problem" in x.page_source, "the error summary")
    assert axe_violations(d) == []
    d.get(base_url + "/admin/action-types")
    press(d, "a[href^='/admin/action-types/']:not([href$='/new'])")
    assert d.find_element(By.TAG_NAME, "h1").text.startswith("Change ")
    assert axe_violations(d) == []
