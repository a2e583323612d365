"""The demo analyst reads the weekly operational dashboard in Chromium:
signs in through the pages, follows Dashboards from the navigation,
changes the week and the type with the page's own GET form (no
JavaScript needed), and follows a CSV link with the same filters. The page
has one h1, each chart an accessible name and description, each table a
caption; axe-core finds nothing. The same with this site's scripts off."""
import csv
import io
import os
import sys
import urllib.parse

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import axe_violations, press, wait_until
from test_queues_browser import sign_in

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))


def read_the_dashboard(d, base_url):
    sign_in(d, base_url, "analyst")
    press(d, "nav a.govuk-service-navigation__link[href='/dashboards/operational']")
    wait_until(d, lambda x: x.current_url.startswith(base_url + "/dashboards/operational"),
               "the dashboard")
    assert [h.text for h in d.find_elements(By.TAG_NAME, "h1")] == \
        ["Weekly operational dashboard"]
    # Every chart is an image named by its title and described by its desc.
    svgs = d.find_elements(By.CSS_SELECTOR, "main svg")
    assert len(svgs) == 7
    for svg in svgs:
        assert svg.get_attribute("role") == "img"
        ids = svg.get_attribute("aria-labelledby").split()
        assert len(ids) == 2
        title = d.execute_script("return document.getElementById(arguments[0]).textContent",
                                 ids[0])
        desc = d.execute_script("return document.getElementById(arguments[0]).textContent",
                                ids[1])
        assert title.strip() and desc.strip(), svg.get_attribute("id")
    tables = d.find_elements(By.CSS_SELECTOR, "main table.govuk-table")
    assert len(tables) == 6
    for t in tables:
        assert t.find_element(By.TAG_NAME, "caption").text.strip()
    assert axe_violations(d) == []

    # Another week and a type, by the form.
    week = Select(d.find_element(By.ID, "week"))
    chosen = week.options[3].get_attribute("value")
    week.select_by_value(chosen)
    Select(d.find_element(By.ID, "type")).select_by_visible_text("Noise")
    press(d, "form#filters button[type=submit]")
    wait_until(d, lambda x: "week=" + chosen in x.current_url, "the filtered dashboard")
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(d.current_url).query)
    assert q["week"] == [chosen] and q["type"][0].isdigit()
    assert Select(d.find_element(By.ID, "week")).first_selected_option \
        .get_attribute("value") == chosen
    assert Select(d.find_element(By.ID, "type")).first_selected_option.text == "Noise"
    rows = d.find_elements(By.CSS_SELECTOR, "#table-clocks tbody tr")
    assert rows[0].get_attribute("data-week") == chosen

    # The CSV link carries the filters; followed with this browser's session.
    link = d.find_element(By.PARTIAL_LINK_TEXT, "Download time to triage")
    href = link.get_attribute("href")
    lq = urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)
    assert lq["table"] == ["clocks"] and lq["week"] == [chosen] and lq["type"] == q["type"]
    s = requests.Session()
    for c in d.get_cookies():
        s.cookies.set(c["name"], c["value"])
    r = s.get(href)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    got = list(csv.DictReader(io.StringIO(r.text)))
    assert got[0]["week_start"] == chosen and len(got) == 8


def test_the_analyst_reads_filters_and_downloads_the_dashboard(browser, base_url):
    read_the_dashboard(browser, base_url)


def test_the_dashboard_works_without_javascript(browser_noscripts, base_url):
    read_the_dashboard(browser_noscripts, base_url)
