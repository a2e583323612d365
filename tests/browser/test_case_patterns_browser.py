"""A monitored case's Patterns tab in Chromium: the police officer who
leads the case opens it, sees the heat map drawn, opens the table of the
same counts from the keyboard, sees the map of the incidents' points (a
marker each, and the place's circle) and the subjects together; without
JavaScript the tables say the same and no map shows. axe-core finds
nothing on the page, with the table open."""
import os
import sys

import psycopg2
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import axe_violations, wait_until
from test_queues_browser import sign_in

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from stack import read_conf  # noqa: E402
from test_case_patterns import SUBJECTS_ON, make_case  # noqa: E402


def new_case():
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    try:
        return make_case(conn, SUBJECTS_ON)
    finally:
        conn.close()


def test_the_officer_reads_the_patterns_of_their_case(browser, base_url):
    d = browser
    ref, refs, names = new_case()
    sign_in(d, base_url, "police_officer")
    d.get(f"{base_url}/staff/cases/{ref}/patterns")
    assert d.find_element(By.TAG_NAME, "h1").text == "Patterns at Moorgate"
    svg = d.find_element(By.ID, "heatmap")
    assert svg.is_displayed() and svg.size["width"] > 300
    assert svg.get_attribute("role") == "img"
    dark = d.find_elements(By.CSS_SELECTOR, "#heatmap rect.concord-heatmap__cell[data-shade='4']")
    assert sorted((c.get_attribute("data-day"), c.get_attribute("data-hour")) for c in dark) == \
        [("Monday", "23"), ("Sunday", "1"), ("Thursday", "0")]
    # The table is one keyboard press away: its summary is a tab stop.
    # (Chromium lays out a closed details element's content, so whether it
    # is open is asked of the element itself.)
    details = d.find_element(By.ID, "times-details")
    assert details.get_attribute("open") is None
    summary = d.find_element(By.CSS_SELECTOR, "#times-details summary")
    summary.send_keys(Keys.ENTER)
    wait_until(d, lambda x: details.get_attribute("open") is not None, "the table open")
    assert d.find_element(By.ID, "times-table").is_displayed()
    row = d.find_element(By.CSS_SELECTOR, "#times-table tr[data-day='Sunday']")
    assert row.find_element(By.CSS_SELECTOR, "td[data-total='day']").text == "4"
    # The map: a marker for each of the seven incidents with a point, and
    # the place's circle.
    wait_until(d, lambda x: len(x.find_elements(
        By.CSS_SELECTOR, "#case-map .leaflet-marker-icon")) == 7, "the incidents' markers")
    assert d.find_elements(By.CSS_SELECTOR, "#case-map path.concord-map__outline")
    assert d.find_element(By.ID, "case-map").get_attribute("role") == "img"
    pairs = d.find_element(By.ID, "pairs")
    assert f"{names[0]} and {names[1]}" in pairs.text
    assert refs[2] in pairs.text
    assert f"{names[0]}, {names[1]}, {names[2]}" in d.find_element(By.ID, "groups").text
    assert axe_violations(d) == []


def test_without_javascript_the_tables_say_it_all(browser_nojs, base_url):
    d = browser_nojs
    ref, refs, _ = new_case()
    sign_in(d, base_url, "police_officer")
    d.get(f"{base_url}/staff/cases/{ref}/patterns")
    assert d.find_element(By.ID, "heatmap").is_displayed()
    assert not d.find_elements(By.CSS_SELECTOR, "#case-map.leaflet-container")
    points = d.find_element(By.ID, "case-points")
    assert all(r in points.text for r in refs)
    assert "Not on the map" in points.text
    assert "Moorgate steps" in d.find_element(By.ID, "case-places").text
    d.find_element(By.CSS_SELECTOR, "#times-details summary").click()
    wait_until(d, lambda x: x.find_element(By.ID, "times-details").get_attribute("open")
               is not None, "the table open")
    assert d.find_element(By.ID, "times-table").is_displayed()
