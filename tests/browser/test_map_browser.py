"""The map picker on the report form's "where" step (views/static/map.js,
Leaflet) in Chromium: with JavaScript the map shows the partnership's area
from this machine's placeholder tiles, a click or Enter chooses the point,
the next step takes it and a point outside the area names who to contact;
without JavaScript nothing of the map shows and the address still works."""
import math

import requests
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import axe_violations, next_page, wait_until
from test_report_browser import chosen, click_label, cont, path_of, problems, type_into

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
    while path_of(driver, base_url) != "/report/when":
        assert path_of(driver, base_url).startswith("/report/questions/"), problems(driver)
        cont(driver)
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
