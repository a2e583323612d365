"""The map picker on the report form's "where" step (views/static/map.js,
Leaflet) in Chromium: with JavaScript the map shows the partnership's area
from this machine's placeholder tiles, a click or Enter chooses the point,
the next step takes it and a point outside the area names who to contact;
without JavaScript nothing of the map shows and the address still works."""
import hashlib
import json
import math
import os
import sys

import pytest
import redis
import requests
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import axe_violations, make_driver, next_page, quit_driver, wait_until
from test_layout_browser import PHONE, phone, sideways
from test_report_browser import (chosen, click_label, cont, past_the_questions,  # noqa: F401
                                 path_of, problems, type_into)

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from stack import read_conf  # noqa: E402

# Islington, just north of the City (the demo partnership): outside it.
OUTSIDE = (-0.0917, 51.523)


def to_where(driver, base_url):
    """Walks from the start page to the "where" step: vandalism, graffiti,
    the optional questions left empty, and "it keeps happening"."""
    driver.get(base_url + "/report")
    start = driver.find_element(By.CSS_SELECTOR, "a.govuk-button--start")
    start.click()
    next_page(driver, start)
    driver.find_element(By.CSS_SELECTOR, 'input[value="vandalism"] + label').click()
    cont(driver)
    driver.find_element(By.CSS_SELECTOR, 'input[value="graffiti"] + label').click()
    cont(driver)
    click_label(driver, "answer")
    cont(driver)
    past_the_questions(driver, base_url)
    chosen(driver, "when-2")
    chosen(driver, "how-often-3")
    chosen(driver, "times-3")
    cont(driver)
    assert path_of(driver, base_url) == "/report/where", problems(driver)


def the_map(driver):
    """Waits for Leaflet to have drawn the map and at least one tile."""
    wait_until(driver, lambda d: d.find_elements(
        By.CSS_SELECTOR, "#report-map.leaflet-container img.leaflet-tile-loaded"),
        "the map and a tile")
    el = driver.find_element(By.ID, "report-map")
    # Wholly in view: a click "in the middle" of a map half below the fold
    # lands in the middle of the part that shows.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
    wait_until(driver, lambda d: d.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight;", el), "the map in view")
    return el


def point(driver):
    return (driver.find_element(By.ID, "lon").get_attribute("value"),
            driver.find_element(By.ID, "lat").get_attribute("value"))


def chosen_point(driver):
    """Waits for the map to have put a point in the form, with its marker."""
    wait_until(driver, lambda d: point(d) != ("", "") and d.find_elements(
        By.CSS_SELECTOR, "#report-map .leaflet-marker-icon"), "a point chosen on the map")
    return point(driver)


def pixel(lon, lat, zoom):
    """Leaflet's Web Mercator pixel for a longitude and latitude."""
    scale = 256 * 2 ** zoom
    s = math.sin(math.radians(lat))
    return (scale * (lon + 180) / 360,
            scale * (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)))


def click_at(driver, el, lon, lat):
    """Clicks the map where (lon, lat) is, given where the map opened."""
    zoom = int(el.get_attribute("data-zoom"))
    cx, cy = pixel(float(el.get_attribute("data-lon")), float(el.get_attribute("data-lat")),
                   zoom)
    x, y = pixel(lon, lat, zoom)
    assert abs(x - cx) < el.size["width"] / 2 - 20 and abs(y - cy) < el.size["height"] / 2 - 20, \
        "the point is not in the map's first view"
    ActionChains(driver).move_to_element_with_offset(el, round(x - cx), round(y - cy)) \
        .click().perform()


def severe(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"
            and "status of 400" not in e["message"]]


def test_clicking_the_map_chooses_the_point_and_the_next_step_takes_it(browser, base_url):
    to_where(browser, base_url)
    el = the_map(browser)
    assert el.is_displayed() and el.size["height"] >= 200
    # Every tile comes from this machine (the dev nginx's placeholder).
    for tile in browser.find_elements(By.CSS_SELECTOR, "#report-map img.leaflet-tile"):
        assert tile.get_attribute("src").startswith(base_url.rstrip("/") + "/dev-tiles/")
    assert point(browser) == ("", "")
    assert "No place chosen" in browser.find_element(By.ID, "report-map-status").text

    ActionChains(browser).move_to_element(el).click().perform()     # the middle
    lon, lat = chosen_point(browser)
    assert abs(float(lon) - float(el.get_attribute("data-lon"))) < 0.001
    assert abs(float(lat) - float(el.get_attribute("data-lat"))) < 0.001
    wait_until(browser, lambda d: "Place chosen on the map" in
               d.find_element(By.ID, "report-map-status").text, "the map's status to change")

    cont(browser)                            # no address: the point is enough
    assert path_of(browser, base_url) == "/report/impact", problems(browser)
    # Back on the step, the point was kept and the marker is where it was.
    browser.get(base_url + "/report/where")
    the_map(browser)
    assert chosen_point(browser) == (lon, lat)
    assert severe(browser) == []


def test_a_point_outside_the_area_says_who_to_contact_instead(browser, base_url):
    to_where(browser, base_url)
    el = the_map(browser)
    click_at(browser, el, *OUTSIDE)
    lon, lat = chosen_point(browser)
    assert abs(float(lon) - OUTSIDE[0]) < 0.001 and abs(float(lat) - OUTSIDE[1]) < 0.001
    cont(browser)
    assert path_of(browser, base_url) == "/report/where"
    summary = browser.find_element(By.CSS_SELECTOR, ".govuk-error-summary").text
    assert "Report it to" in summary and "instead" in summary, summary
    # The point comes back with the error, and can be removed for an address.
    the_map(browser)
    assert chosen_point(browser) == (lon, lat)
    browser.find_element(By.CSS_SELECTOR, ".concord-map__clear").click()
    wait_until(browser, lambda d: point(d) == ("", ""), "the point to be removed")
    type_into(browser, "address-line-1", "Guildhall Yard")
    cont(browser)
    assert path_of(browser, base_url) == "/report/impact", problems(browser)


def test_the_map_can_be_used_with_a_keyboard(browser, base_url):
    to_where(browser, base_url)
    el = the_map(browser)
    west = float(el.get_attribute("data-lon"))
    el.send_keys(Keys.ARROW_RIGHT)           # Leaflet pans: the middle moves east

    def chose_east(d):
        el.send_keys(Keys.ENTER)             # chooses the middle, does not submit
        return point(d)[0] != "" and float(point(d)[0]) > west + 0.0005

    wait_until(browser, chose_east, "Enter to choose a point east of the start")
    assert path_of(browser, base_url) == "/report/where"
    assert abs(float(point(browser)[1]) - float(el.get_attribute("data-lat"))) < 0.001


def test_the_where_step_with_the_map_has_no_accessibility_problems(browser, base_url):
    to_where(browser, base_url)
    el = the_map(browser)
    assert browser.find_element(By.ID, "report-map-hint").is_displayed()
    assert el.get_attribute("aria-describedby") == "report-map-hint"
    ActionChains(browser).move_to_element(el).click().perform()
    chosen_point(browser)
    assert axe_violations(browser) == []


def test_the_development_map_loads_nothing_from_elsewhere(base_url):
    """The tiles come from this nginx, so the CSP names no other site."""
    r = requests.get(base_url + "/report")
    policy = dict(p.strip().split(" ", 1) for p in
                  r.headers["Content-Security-Policy"].split(";"))
    assert policy["img-src"] == "'self' data:"
    tile = requests.get(base_url + "/dev-tiles/14/8188/5448.png")
    assert tile.status_code == 200 and tile.content.startswith(b"\x89PNG")


def test_without_javascript_only_the_address_shows(browser_nojs, base_url):
    to_where(browser_nojs, base_url)
    el = browser_nojs.find_element(By.ID, "report-map")
    # Nothing of the map: no empty box, no hint, no tiles.
    assert el.size["height"] == 0 and el.text == ""
    assert not browser_nojs.find_elements(By.ID, "report-map-hint")
    assert not browser_nojs.find_elements(By.CSS_SELECTOR, ".leaflet-tile")
    type_into(browser_nojs, "address-line-1", "Guildhall Yard")
    type_into(browser_nojs, "address-postcode", "EC2V 5AE")
    cont(browser_nojs)
    assert path_of(browser_nojs, base_url) == "/report/impact", problems(browser_nojs)


# ------------------------------------------------------------------ #
# The partnership's outline, the hint, a point in error, and a phone

def outline(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#report-map path.concord-map__outline")


def hint(driver):
    return driver.find_element(By.ID, "report-map-hint").text


def test_the_map_draws_the_partnership_and_opens_on_all_of_it(browser, base_url):
    to_where(browser, base_url)
    el = the_map(browser)
    [path] = wait_until(browser, outline, "the partnership's outline")
    # Fitted: the whole outline is inside the map, and not a speck in it.
    box, area = el.rect, path.rect
    assert area["x"] >= box["x"] and area["x"] + area["width"] <= box["x"] + box["width"]
    assert area["y"] >= box["y"] and area["y"] + area["height"] <= box["y"] + box["height"]
    assert area["width"] > box["width"] / 2 or area["height"] > box["height"] / 2
    # The outline takes no clicks: a click on it chooses the point inside.
    ActionChains(browser).move_to_element(path).click().perform()
    chosen_point(browser)
    assert path_of(browser, base_url) == "/report/where"


def test_the_hint_speaks_of_a_marker_only_once_there_is_one(browser, base_url):
    to_where(browser, base_url)
    el = the_map(browser)
    assert hint(browser).startswith("Click or tap the map to mark the place")
    assert "Enter" in hint(browser)          # the keyboard's way too
    assert "drag" not in hint(browser).lower() and "marker" not in hint(browser).lower()
    ActionChains(browser).move_to_element(el).click().perform()
    chosen_point(browser)
    wait_until(browser, lambda d: "drag the marker" in hint(d), "the hint to speak of the marker")
    browser.find_element(By.CSS_SELECTOR, ".concord-map__clear").click()
    wait_until(browser, lambda d: "marker" not in hint(d), "the hint to forget the marker")


def in_error(driver, field_id):
    """Whether the form group around the field is marked in error."""
    group = driver.find_element(By.ID, field_id).find_element(
        By.XPATH, "ancestor::div[contains(@class, 'govuk-form-group')][1]")
    return "govuk-form-group--error" in group.get_attribute("class")


def the_map_in_error(driver):
    """The summary's link goes to the map, whose field (not the address's,
    filled in or not) carries the message and whose border is red."""
    links = [a.get_attribute("href") for a in
             driver.find_elements(By.CSS_SELECTOR, ".govuk-error-summary__list a")]
    assert [h.split("#", 1)[1] for h in links] == ["report-map"], links
    assert in_error(driver, "report-map") and not in_error(driver, "address-line-1")
    assert "govuk-input--error" not in \
        driver.find_element(By.ID, "address-line-1").get_attribute("class")
    assert "Report it to" in driver.find_element(By.ID, "report-map-error").text
    el = the_map(driver)
    assert el.value_of_css_property("border-top-color") in ("rgb(202, 53, 53)",
                                                            "rgba(202, 53, 53, 1)")
    assert "report-map-error" in el.get_attribute("aria-describedby").split()
    # The summary's link takes the keyboard to the map.
    driver.find_element(By.CSS_SELECTOR, ".govuk-error-summary__list a").click()
    wait_until(driver, lambda d: d.switch_to.active_element.get_attribute("id") == "report-map",
               "the summary's link to focus the map")


def test_a_point_outside_is_an_error_on_the_map_not_the_address(browser, base_url):
    to_where(browser, base_url)
    type_into(browser, "address-line-1", "Upper Street")
    el = the_map(browser)
    click_at(browser, el, *OUTSIDE)
    chosen_point(browser)
    cont(browser)
    assert path_of(browser, base_url) == "/report/where"
    the_map_in_error(browser)
    assert browser.find_element(By.ID, "address-line-1").get_attribute("value") == "Upper Street"
    # The error sits between the hint and the map, as GOV.UK places it.
    order = browser.execute_script(
        "return ['report-map-hint', 'report-map-error', 'report-map'].map("
        "id => document.getElementById(id)).every((e, i, a) => i === 0 || "
        "(a[i - 1].compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING))")
    assert order
    assert axe_violations(browser) == []


def test_a_place_the_submit_step_sent_back_is_an_error_on_the_map(browser, base_url):
    """The check step's submit sends the place back when it is no longer
    ours (the areas changed in between): it leaves the reason in the draft,
    as this test does, and the where step shows it on the map's field."""
    to_where(browser, base_url)
    el = the_map(browser)
    ActionChains(browser).move_to_element(el).click().perform()
    chosen_point(browser)
    cont(browser)
    assert path_of(browser, base_url) == "/report/impact", problems(browser)
    draft_problem(browser, "This is in Hackney. Report it to Hackney Council instead.")
    browser.get(base_url + "/report/where?change=1")
    the_map_in_error(browser)


def draft_problem(driver, message):
    """Leaves message in this browser's draft as the submit step does."""
    token = (driver.get_cookie("__Host-concord_draft") or driver.get_cookie("concord_draft"))
    key = "concord:draft:" + hashlib.sha256(token["value"].encode()).hexdigest()
    rds = redis.Redis(unix_socket_path=read_conf()["redis"], decode_responses=True)
    try:
        doc = json.loads(rds.get(key))
        doc["where_problem"] = message
        rds.set(key, json.dumps(doc), keepttl=True)
    finally:
        rds.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_phone_the_address_shows_before_the_map(base_url, javascript):
    """At 375 by 667 the address fields show without scrolling, the map
    comes after them, and the page does not scroll sideways."""
    driver = phone(make_driver(javascript=javascript))
    try:
        to_where(driver, base_url)
        driver.execute_script("window.scrollTo(0, 0)")
        fold = driver.execute_script("return window.innerHeight")
        assert fold == PHONE[1]
        for field in ("address-line-1", "address-town", "address-postcode"):
            box = driver.find_element(By.ID, field).rect
            assert box["y"] + box["height"] <= fold, \
                f"{field} ends {box['y'] + box['height']:.0f} px down, below the fold at {fold}"
        if javascript:
            el = the_map(driver)
            # After the address, and shorter than on a desktop (300 px and
            # its border, not 400 px).
            assert el.rect["y"] > box["y"] and el.size["height"] <= 302
            assert outline(driver)
            assert axe_violations(driver) == []
        assert sideways(driver, PHONE[0]) <= 0
    finally:
        quit_driver(driver)
