"""An administrator sees a CAD client's webhook deliveries in Chromium --
a dead letter with its eight attempts, a delivered one -- and replays the
dead letter; axe-core checks the page before and after."""
import json
import os
import socket
import sys

import psycopg2
from selenium.webdriver.common.by import By

from conftest import axe_violations, press

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
import cad  # noqa: E402
from stack import read_conf  # noqa: E402
from staff import as_role  # noqa: E402


def nowhere():
    """A webhook address where nothing listens: the replayed delivery's
    next try fails, which this test does not look at."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/hooks"


def queued(cur, client_id, incident_id, state, statuses):
    """A delivery of a status change with one attempt per HTTP status."""
    payload = {"event": "status", "incident": {"reference": "ASB-TEST"},
               "data": {"from": "new", "to": "open"}}
    cur.execute("INSERT INTO webhook_delivery (client_id, incident_id, event, payload, state, "
                "attempts, last_status, delivered_at, dead_at) VALUES (%s, %s, 'status', %s, "
                "%s, %s, %s, CASE WHEN %s = 'delivered' THEN now() END, "
                "CASE WHEN %s = 'dead' THEN now() END) RETURNING id",
                (client_id, incident_id, json.dumps(payload), state, len(statuses),
                 statuses[-1], state, state))
    did = cur.fetchone()[0]
    for n, status in enumerate(statuses, 1):
        cur.execute("INSERT INTO webhook_attempt (delivery_id, attempt, duration_ms, "
                    "http_status, error) VALUES (%s, %s, 7, %s, %s)",
                    (did, n, status, None if status < 300 else f"the receiver answered {status}"))
    return did


def test_an_administrator_replays_a_dead_letter(browser, base_url):
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    try:
        client = cad.make_client(conn, webhook_url=nowhere())
        with conn.cursor() as cur:
            cur.execute("SELECT min(id) FROM incident")
            incident_id = cur.fetchone()[0]
            dead = queued(cur, client.client_id, incident_id, "dead", [500] * 8)
            queued(cur, client.client_id, incident_id, "delivered", [204])
    finally:
        conn.close()

    session = as_role("administrator")
    browser.get(base_url + "/")
    browser.add_cookie({"name": "concord_session", "path": "/",
                        "value": session.cookies.get("concord_session")})
    browser.get(f"{base_url}/admin/api-clients/{client.client_id}/deliveries")
    assert browser.find_element(By.TAG_NAME, "h1").text == \
        f"Webhook deliveries to {client.name}"
    letters = browser.find_elements(By.CSS_SELECTOR, "[aria-labelledby='dead-letters'] tbody tr")
    assert len(letters) == 1
    tries = letters[0].find_elements(By.CSS_SELECTOR, "ol li")
    assert len(tries) == 8
    assert tries[7].text.startswith("Attempt 8, ")
    assert tries[7].text.endswith("HTTP 500 in 7 ms (the receiver answered 500)")
    states = [t.text for t in browser.find_elements(
        By.CSS_SELECTOR, "[aria-labelledby='recent-deliveries'] .govuk-tag")]
    assert states == ["Delivered", "Dead letter"]
    assert axe_violations(browser) == []

    press(browser, "[aria-labelledby='dead-letters'] form button")
    banner = browser.find_element(By.CSS_SELECTOR, ".govuk-notification-banner")
    assert f"Delivery {dead} will be sent again." in banner.text
    assert "There are no dead letters." in browser.find_element(By.TAG_NAME, "main").text
    assert "Replayed by" in browser.find_element(
        By.CSS_SELECTOR, "[aria-labelledby='recent-deliveries']").text
    assert axe_violations(browser) == []
