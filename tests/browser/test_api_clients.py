"""An administrator registers a CAD client on /admin/api-clients, reads its
secret from the page it is shown on once, signs a call with it, rotates the
key and revokes the old one, in Chromium; axe-core checks every page on the
way, the form with its errors too."""
import os
import sys
import uuid

import psycopg2
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import axe_violations, press, wait_until

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from cad import Client, problem  # noqa: E402
from stack import read_conf  # noqa: E402
from staff import as_role  # noqa: E402


def client_ids(name):
    conn = psycopg2.connect(read_conf()["db_admin"])
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT id, user_id FROM api_client WHERE name = %s", (name,))
            return cur.fetchone()
    finally:
        conn.close()


def shown_key(driver):
    return (driver.find_element(By.ID, "key-id").text,
            driver.find_element(By.ID, "secret").text)


def test_register_rotate_and_revoke_a_cad_client(browser_noscripts, base_url):
    browser = browser_noscripts
    name = f"browser-cad-{uuid.uuid4().hex[:6]}"
    session = as_role("administrator")
    browser.get(base_url + "/")
    browser.add_cookie({"name": "concord_session", "path": "/",
                        "value": session.cookies.get("concord_session")})
    browser.get(base_url + "/admin")
    press(browser, "a[href='/admin/api-clients']")
    assert browser.find_element(By.TAG_NAME, "h1").text == "API clients"
    assert axe_violations(browser) == []

    press(browser, "a[href='/admin/api-clients/new']")
    assert axe_violations(browser) == []
    press(browser, "main form button.govuk-button")
    summary = wait_until(browser, lambda d: d.find_elements(
        By.CSS_SELECTOR, ".govuk-error-summary a"), "the error summary")
    assert [a.get_attribute("href").split("#")[1] for a in summary] == ["name", "kind"]
    assert axe_violations(browser) == []

    browser.find_element(By.ID, "name").send_keys(name)
    browser.find_element(By.CSS_SELECTOR, "label[for='kind']").click()
    Select(browser.find_element(By.ID, "agency")).select_by_visible_text(
        "City of London Police")
    mappings = browser.find_element(By.ID, "mappings")
    mappings.clear()
    mappings.send_keys('{"types": {"ASB-N": "noise"}, "statuses": {"OPEN": "open"}}')
    press(browser, "main form button.govuk-button")
    wait_until(browser, lambda d: d.find_elements(By.ID, "secret"), "the new secret")
    assert "has been registered" in browser.find_element(By.TAG_NAME, "h1").text
    assert axe_violations(browser) == []
    first_id, first_secret = shown_key(browser)
    cid, uid = client_ids(name)
    c = Client(cid, uid, first_id, first_secret, name)
    r = c.get("/api/v1/client")
    assert r.status_code == 200 and r.json()["name"] == name

    press(browser, f"a[href='/admin/api-clients/{cid}']")
    assert axe_violations(browser) == []
    overlap = browser.find_element(By.ID, "overlap")
    overlap.clear()
    overlap.send_keys("2")
    press(browser, f"form[action='/admin/api-clients/{cid}/rotate'] button")
    wait_until(browser, lambda d: d.find_elements(By.ID, "secret"), "the rotated key")
    assert browser.find_element(By.ID, "expires-old").is_displayed()
    assert axe_violations(browser) == []
    second_id, second_secret = shown_key(browser)
    assert second_id != first_id
    assert c.get("/api/v1/client").status_code == 200
    second = {"key_id": second_id, "secret": second_secret}
    assert c.get("/api/v1/client", sign=second).status_code == 200

    press(browser, f"a[href='/admin/api-clients/{cid}']")
    press(browser, f"a[href='/admin/api-clients/{cid}/revoke?key={first_id}']")
    assert "will stop working at once" in browser.find_element(By.TAG_NAME, "main").text
    assert axe_violations(browser) == []
    press(browser, "main form button.govuk-button--warning")
    wait_until(browser, lambda d: "has been revoked" in d.page_source, "the key to be revoked")
    assert axe_violations(browser) == []
    r = c.get("/api/v1/client")
    assert r.status_code == 401 and problem(r)["code"] == "key_revoked"
    assert c.get("/api/v1/client", sign=second).status_code == 200

    press(browser, f"a[href='/admin/api-clients/{cid}/revoke']")
    press(browser, "main form button.govuk-button--warning")
    wait_until(browser, lambda d: "none of its keys works" in d.page_source,
               "the client to be revoked")
    r = c.get("/api/v1/client", sign=second)
    assert r.status_code == 401 and problem(r)["code"] == "key_revoked"
    press(browser, "a[href='/admin/api-clients']")
    assert name in browser.find_element(By.TAG_NAME, "main").text
    assert axe_violations(browser) == []
