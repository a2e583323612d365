"""An administrator adds a routing rule in Chromium and uses the "try it"
box to see an incident go to the rule's queue, and why; axe-core checks
the rules page, the form with its errors, and the result."""
import os
import sys
import uuid

import psycopg2
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import axe_violations, press, wait_until

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from stack import read_conf  # noqa: E402
from staff import as_role  # noqa: E402


def db_do(sql, args=()):
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql, args)
            return cur.fetchall() if cur.description else None
    finally:
        conn.close()


def tick(driver, label_text, within="main"):
    """Ticks the checkbox (or radio) whose label says label_text."""
    label = driver.find_element(By.XPATH, f"//{within}//label[normalize-space()='{label_text}']")
    label.click()
    assert driver.find_element(By.ID, label.get_attribute("for")).is_selected(), label_text


def test_an_administrator_adds_a_rule_and_tries_it(browser, base_url):
    name = f"Repeat and urgent {uuid.uuid4().hex[:6]}"
    session = as_role("administrator")
    browser.get(base_url + "/")
    browser.add_cookie({"name": "concord_session", "path": "/",
                        "value": session.cookies.get("concord_session")})
    try:
        browser.get(base_url + "/admin")
        press(browser, "a[href='/admin/routing']")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Routing rules"
        assert axe_violations(browser) == []

        press(browser, "a[href='/admin/routing/new']")
        press(browser, "main form button.govuk-button")
        summary = wait_until(browser, lambda d: d.find_elements(
            By.CSS_SELECTOR, ".govuk-error-summary a"), "the error summary")
        assert [a.text for a in summary] == [
            "Enter a name for the rule", "Select at least one team to send to"]
        assert axe_violations(browser) == []
        summary[1].click()
        assert browser.switch_to.active_element.get_attribute("id") == "teams"

        field = browser.find_element(By.ID, "name")
        field.clear()
        field.send_keys(name)
        tick(browser, "Repeat victim")
        tick(browser, "Urgent")
        tick(browser, "Estate Services")
        tick(browser, "No")
        press(browser, "main form button.govuk-button")
        wait_until(browser, lambda d: "has been added" in d.page_source, "the rule to be added")
        assert name in browser.find_element(By.TAG_NAME, "table").text

        lon = browser.find_element(By.ID, "try-lon")
        lon.send_keys("-0.0915")
        browser.find_element(By.ID, "try-lat").send_keys("51.5155")
        Select(browser.find_element(By.ID, "try-type")).select_by_visible_text("Noise")
        tick(browser, "Repeat victim", "form[@method='get']")
        tick(browser, "Urgent", "form[@method='get']")
        Select(browser.find_element(By.ID, "try-channel")).select_by_visible_text(
            "Public reporting form")
        Select(browser.find_element(By.ID, "try-agency")).select_by_visible_text(
            "City of London Corporation")
        press(browser, "form[method='get'] button.govuk-button")
        result = wait_until(browser, lambda d: d.find_elements(By.ID, "try-result"),
                            "the try-it result")[0].text
        assert "Bassishaw" in result and "City of London (E09000001)" in result
        position = db_do("SELECT position FROM routing_rule WHERE name = %s "
                         "AND deleted_at IS NULL", (name,))[0][0]
        queues = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")] for tr in
                  browser.find_elements(By.CSS_SELECTOR, "#try-result tbody tr")]
        assert ["Estate Services Hackney Homes", "Specialist queue",
                f"Rule {position} “{name}”: Repeat victim; Urgent"] in queues, queues
        assert "/admin/routing?try=1" in browser.current_url
        assert axe_violations(browser) == []
    finally:
        db_do("UPDATE routing_rule SET deleted_at = now() WHERE name = %s", (name,))
