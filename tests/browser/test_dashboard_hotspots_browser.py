"""The demo analyst reads the hotspot dashboard in Chromium: signs in
through the pages, follows Dashboards from the navigation and then the
hotspot dashboard from the list of dashboards, changes the period with the
page's own GET form (no JavaScript needed), and follows a CSV link with
the same filters. The page has one h1, the grid map an accessible name and
description, each table a caption; axe-core finds nothing. The same with
this site's scripts off."""
import csv
import io
import urllib.parse

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import axe_violations, press, wait_until
from test_queues_browser import sign_in


def read_the_dashboard(d, base_url):
    sign_in(d, base_url, "analyst")
    press(d, "nav a.govuk-service-navigation__link[href='/dashboards/operational']")
    wait_until(d, lambda x: x.current_url.startswith(base_url + "/dashboards/operational"),
               "the operational dashboard")
    press(d, "nav[aria-label='Dashboards'] a[href='/dashboards/hotspots']")
    wait_until(d, lambda x: x.current_url.startswith(base_url + "/dashboards/hotspots"),
               "the hotspot dashboard")
    assert [h.text for h in d.find_elements(By.TAG_NAME, "h1")] == ["Hotspot dashboard"]
    svgs = d.find_elements(By.CSS_SELECTOR, "main svg")
    assert len(svgs) == 1
    svg = svgs[0]
    assert svg.get_attribute("role") == "img"
    ids = svg.get_attribute("aria-labelledby").split()
    assert len(ids) == 2
    for ident in ids:
        text = d.execute_script("return document.getElementById(arguments[0]).textContent",
                                ident)
        assert text.strip(), ident
    tables = d.find_elements(By.CSS_SELECTOR, "main table.govuk-table")
    assert len(tables) == 2
    for t in tables:
        assert t.find_element(By.TAG_NAME, "caption").text.strip()
    assert axe_violations(d) == []

    # Another period, by the form: a quarter.
    period = Select(d.find_element(By.ID, "period"))
    chosen = [o.get_attribute("value") for o in period.options
              if "-Q" in o.get_attribute("value")][1]
    period.select_by_value(chosen)
    press(d, "form#filters button[type=submit]")
    wait_until(d, lambda x: "period=" + chosen in x.current_url, "the chosen period")
    assert Select(d.find_element(By.ID, "period")).first_selected_option \
        .get_attribute("value") == chosen
    assert len(d.find_elements(By.TAG_NAME, "h1")) == 1

    # The CSV link carries the period; followed with this browser's session.
    href = d.find_element(By.PARTIAL_LINK_TEXT, "Download the concentration").get_attribute(
        "href")
    lq = urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)
    assert lq["table"] == ["concentration"] and lq["period"] == [chosen]
    s = requests.Session()
    for c in d.get_cookies():
        s.cookies.set(c["name"], c["value"])
    r = s.get(href)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [x["period"] for x in rows] == ["this", "before"]
    year, q = int(chosen[:4]), int(chosen[-1])
    assert rows[0]["first_day"] == "%04d-%02d-01" % (year, 3 * q - 2)


def test_the_analyst_reads_filters_and_downloads_the_dashboard(browser, base_url):
    read_the_dashboard(browser, base_url)


def test_the_dashboard_works_without_javascript(browser_noscripts, base_url):
    read_the_dashboard(browser_noscripts, base_url)
