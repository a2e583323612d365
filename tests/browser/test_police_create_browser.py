"""A police officer records an incident in Chromium: the whole creation
screen, with a risk assessment whose answers (chosen from the active
questionnaire's weights and forcing questions, as the database has them)
come out high, and the incident page then says High. axe-core checks the
creation page, empty and with errors."""
import os
import random
import sys
import uuid

import psycopg2
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import axe_violations, press, wait_until

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from stack import read_conf  # noqa: E402
from staff import as_role  # noqa: E402


def signed_in(driver, base_url, role):
    session = as_role(role)
    driver.get(base_url + "/")
    driver.add_cookie({"name": "concord_session", "path": "/",
                       "value": session.cookies.get("concord_session")})


def db_rows(sql, args=()):
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql, args)
            return cur.fetchall()
    finally:
        conn.close()


def high_answers():
    """Answers to every active question that give a high level: a question
    that forces high on its own if there is one, else the heaviest risky
    answers until the score reaches the high band; the rest answered the
    way that adds nothing. {key: "yes" | "no"}."""
    questions = db_rows(
        "SELECT q.key, q.risky::text, q.weight, q.forces_level::text "
        "FROM risk_question q JOIN risk_questionnaire v USING (version) "
        "WHERE v.active ORDER BY q.weight DESC, q.position")
    high = db_rows("SELECT b.min_score FROM risk_band b JOIN risk_questionnaire v "
                   "USING (version) WHERE v.active AND b.level = 'high'")[0][0]
    safe = {"yes": "no", "no": "yes"}
    answers = {k: safe[risky] for k, risky, _w, _f in questions}
    forcing = [k for k, _r, _w, f in questions if f == "high"]
    if forcing:
        answers[forcing[0]] = {k: risky for k, risky, _w, _f in questions}[forcing[0]]
        return answers
    score = 0
    for k, risky, weight, _f in questions:
        if score >= high:
            break
        answers[k] = risky
        score += weight
    assert score >= high, "the questionnaire cannot reach high"
    return answers


def type_into(driver, field_id, text):
    el = driver.find_element(By.ID, field_id)
    el.clear()
    el.send_keys(text)


def choose(driver, input_id):
    driver.find_element(By.CSS_SELECTOR, f'label[for="{input_id}"]').click()
    assert driver.find_element(By.ID, input_id).is_selected(), input_id


def log_number():
    pattern, example = db_rows("SELECT log_number_pattern, log_number_example "
                               "FROM agency WHERE code = 'city-police'")[0]
    return example if example else "CAD-%04d" % random.randint(0, 9999)


def test_an_officer_records_a_high_risk_incident(browser, base_url):
    tag = uuid.uuid4().hex[:8]
    signed_in(browser, base_url, "police_officer")
    browser.get(base_url + "/staff")
    press(browser, "a[href='/staff/incidents/new']")
    wait_until(browser, lambda d: d.find_elements(By.ID, "description"), "the creation page")
    assert axe_violations(browser) == []

    # Create with nothing typed: every mandatory field is named.
    press(browser, "button[value='create']")
    summary = wait_until(browser, lambda d: d.find_elements(
        By.CSS_SELECTOR, ".govuk-error-summary"), "the error summary")
    assert "There is a problem" in summary[0].text
    assert axe_violations(browser) == []

    Select(browser.find_element(By.ID, "type")).select_by_value("harassment")
    choose(browser, "nsir")
    type_into(browser, "description", "Neighbour shouting threats at the door (%s)" % tag)
    type_into(browser, "when", "2")
    type_into(browser, "when-month", "11")
    type_into(browser, "when-year", "2026")
    type_into(browser, "when-time", "19:40")
    type_into(browser, "where", "3 Golden Lane")
    type_into(browser, "postcode", "EC1Y 0RN")
    browser.execute_script(
        "document.getElementById('lon').value = arguments[0];"
        "document.getElementById('lat').value = arguments[1];",
        "%.6f" % random.uniform(-0.0860, -0.0800), "%.6f" % random.uniform(51.5130, 51.5160))
    type_into(browser, "log_number", log_number())
    Select(browser.find_element(By.ID, "person-1-role")).select_by_value("victim")
    type_into(browser, "person-1-given-name", "Hana")
    type_into(browser, "person-1-family-name", "Harris-%s" % tag)
    type_into(browser, "person-1-phone", "07700 8%05d" % random.randint(0, 99999))
    for key, answer in high_answers().items():
        choose(browser, "risk-%s" % key if answer == "yes" else "risk-%s-2" % key)
    if browser.find_elements(By.ID, "link"):
        choose(browser, "link")
    press(browser, "button[value='create']")
    if "/staff/incidents/new" in browser.current_url and browser.find_elements(By.ID, "link"):
        # Similar incidents were found nearby: this one is new.
        choose(browser, "link")
        press(browser, "button[value='create']")
    wait_until(browser, lambda d: "/staff/incidents/ASB-" in d.current_url,
               "the incident page")
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "recorded" in text
    assert "Harris-%s" % tag in text
    # The risk at the top of the incident page.
    assert browser.find_element(By.ID, "risk-now").text.startswith("High")


def test_the_page_says_how_many_similar_incidents_while_typing(browser, base_url):
    """With JavaScript, typing a victim's phone number already on an open
    incident says so, before "Check for similar incidents" is pressed."""
    tag = uuid.uuid4().hex[:8]
    phone = "07700 7%05d" % random.randint(0, 99999)
    row = db_rows("SELECT id FROM agency WHERE code = 'city-police'")[0]
    people = db_rows(
        "WITH p AS (INSERT INTO person (owning_agency_id, given_name, family_name, phone, "
        "phone_key) VALUES (%s, 'Sam', %s, %s, %s) RETURNING id), "
        "i AS (INSERT INTO incident (reference, channel, asb_type_id, description, "
        "owning_agency_id, sharing, status) SELECT next_reference(), 'police', "
        "(SELECT min(id) FROM asb_type), 'Earlier call', %s, 'partnership', 'open' "
        "RETURNING id, reference) "
        "INSERT INTO incident_person (incident_id, person_id, role) "
        "SELECT i.id, p.id, 'victim' FROM i, p RETURNING incident_id",
        (row[0], "Seen-%s" % tag, phone, "+44" + phone.replace(" ", "")[1:], row[0]))
    assert people
    signed_in(browser, base_url, "police_officer")
    browser.get(base_url + "/staff/incidents/new")
    status = browser.find_element(By.ID, "similar-status")
    assert status.text == ""
    type_into(browser, "person-1-phone", phone)
    wait_until(browser, lambda d: "1 similar open incident" in status.text,
               "the count of similar incidents")
