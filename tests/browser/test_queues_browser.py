"""A police officer works their queue in Chromium: signs in through the
pages, follows Queues from the navigation to their team's queue, claims an
incident the intake placed there (found with the queue's filters), then
opens it and accepts it in triage.
axe-core checks the queue page and the item's page."""
import json
import os
import sys
import uuid

import psycopg2
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import axe_violations, press, wait_until

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from stack import ctl, read_conf  # noqa: E402
from staff import demo_user, next_code  # noqa: E402
from test_intake import police, risk_answers  # noqa: E402


def db_one(sql, args=()):
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql, args)
            return cur.fetchone()
    finally:
        conn.close()


def new_incident():
    """A high-risk police entry at Moorgate through the intake: in the
    neighbourhood team's queue (Bassishaw ward). Its reference."""
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    try:
        s = police(conn, risk=risk_answers(conn, "yes"))
    finally:
        conn.close()
    r = ctl("intake", "--as", "officer@police.example", input=json.dumps(s))
    out = json.loads(r.stdout)
    assert out["result"] == "ok", out
    return out["reference"]


def sign_in(d, base_url, role):
    u = demo_user(role)
    d.get(base_url + "/staff/sign-in")
    d.find_element(By.ID, "email").send_keys(u["email"])
    d.find_element(By.ID, "password").send_keys(u["password"])
    press(d, "main form button[type=submit]")
    d.find_element(By.ID, "code").send_keys(next_code(u["email"], u["totp_secret"]))
    press(d, "main form button[type=submit]")
    wait_until(d, lambda x: x.current_url == base_url + "/staff", "the staff home page")


def test_an_officer_claims_and_accepts_an_item_of_their_queue(browser, base_url):
    d = browser
    ref = new_incident()
    sign_in(d, base_url, "police_officer")
    press(d, "nav a.govuk-service-navigation__link[href='/staff/queues']")
    assert d.find_element(By.TAG_NAME, "h1").text == "Queues"
    press(d, "#queues a[href='/staff/queues/neighbourhood']")
    assert d.find_element(By.TAG_NAME, "h1").text == "Neighbourhood Policing Team"
    # A busy queue: its high-risk items, by the GET form.
    Select(d.find_element(By.ID, "risk")).select_by_visible_text("High")
    press(d, "main form[method=get] button.govuk-button")
    assert "risk=high" in d.current_url
    row = d.find_element(By.XPATH, f"//tr[td/a[normalize-space()='{ref}']]")
    assert "In beat Bassishaw" in row.text and "Nobody" in row.text
    assert axe_violations(d) == []
    press(d, f"main form button[data-claim='{ref}']")
    wait_until(d, lambda x: f"{ref} is assigned to you." in x.page_source, "the flash")
    assert "risk=high" in d.current_url, "back to the queue as it was filtered"
    row = d.find_element(By.XPATH, f"//tr[td/a[normalize-space()='{ref}']]")
    assert "You" in row.find_elements(By.TAG_NAME, "td")[7].text
    press(d, f"a[href^='/staff/allocations/'][href$='{row.get_attribute('data-allocation')}']")
    assert d.find_element(By.ID, "assigned").text == "You"
    assert d.find_element(By.ID, "triage").text == "Not triaged"
    assert axe_violations(d) == []
    press(d, "main form button#accept")
    wait_until(d, lambda x: f"{ref} is accepted in triage." in x.page_source, "the flash")
    assert d.find_element(By.ID, "triage").text.startswith("Accepted, ")
    assert db_one("SELECT x.triage, x.assigned_to = u.id, i.triaged_at IS NOT NULL "
                  "FROM incident_allocation x JOIN incident i ON i.id = x.incident_id "
                  "JOIN team t ON t.id = x.team_id JOIN app_user u "
                  "ON u.email = 'officer@police.example' "
                  "WHERE i.reference = %s AND t.code = 'neighbourhood'", (ref,)) == \
        ("accepted", True, True)
