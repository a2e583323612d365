"""With JavaScript off there is no map point: the where step goes by the
postcode alone. A Manchester postcode gets the answer a point outside gets,
on the postcode field, at once; an address in the City goes on. Staff then
set the point of such an incident on its page, typed or on the map."""
import json
import os
import sys
import uuid

import requests
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from conftest import axe_violations, press
from test_map_browser import chosen_point, the_map, to_where
from test_police_create_browser import signed_in
from test_report_browser import cont, path_of, problems, type_into

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from stack import read_conf  # noqa: E402

WORDS = "Report it to the local council for that place instead"


def manchester(driver):
    type_into(driver, "address-line-1", "1 Piccadilly")
    type_into(driver, "address-town", "Manchester")
    type_into(driver, "address-postcode", "M1 1AE")
    cont(driver)


def test_a_manchester_postcode_is_answered_on_the_where_page(browser_nojs, base_url):
    d = browser_nojs
    to_where(d, base_url)
    manchester(d)
    assert path_of(d, base_url) == "/report/where"
    [summary] = problems(d)
    assert WORDS in summary, summary
    link = d.find_element(By.CSS_SELECTOR, ".govuk-error-summary a")
    assert link.get_attribute("href").endswith("#address-postcode") and WORDS in link.text
    assert WORDS in d.find_element(By.ID, "address-postcode-error").text
    field = d.find_element(By.ID, "address-postcode")
    assert field.get_attribute("value") == "M1 1AE"
    assert "govuk-input--error" in field.get_attribute("class")
    # An address in the City, with no postcode, goes on.
    type_into(d, "address-line-1", "Golden Lane Estate")
    type_into(d, "address-town", "London")
    field.clear()
    cont(d)
    assert path_of(d, base_url) == "/report/impact", problems(d)


def test_the_answer_passes_axe(browser_noscripts, base_url):
    to_where(browser_noscripts, base_url)
    manchester(browser_noscripts)
    assert WORDS in problems(browser_noscripts)[0]
    assert axe_violations(browser_noscripts) == []


# ---------------------------------------------------------------------------
# Staff set the point of an incident that has only an address ("Set the
# location" on the incident page): typed without JavaScript, or chosen on
# the map with it.

def address_only_incident():
    """An address-only Open311 request, as an app without a map sends it."""
    with open(os.path.join(os.path.dirname(read_conf()["mail_outbox"]),
                           "demo-clients.json")) as f:
        key = json.load(f)["open311"]["api_key"]
    r = requests.post(base_url_of() + "/open311/v2/requests.json", data={
        "api_key": key, "service_code": "abandoned-vehicles",
        "attribute[make_and_colour]": "a red van", "attribute[days_there]": "9",
        "device_id": uuid.uuid4().hex, "description": "Left there " + uuid.uuid4().hex,
        "address_string": uuid.uuid4().hex[:6] + " Golden Lane Estate"})
    assert r.status_code == 200, r.text[:500]
    return r.json()[0]["service_request_id"]


def base_url_of():
    return os.environ["CONCORD_URL"].rstrip("/")


def at_incident(driver, base_url, ref):
    signed_in(driver, base_url, "police_officer")
    driver.get(f"{base_url}/staff/incidents/{ref}")
    assert driver.find_element(By.ID, "location-to-confirm").text == "Location to confirm"


def where_text(driver):
    row = driver.find_element(By.XPATH, '//dt[normalize-space()="Where"]/..')
    return row.text


def test_staff_type_the_point_without_javascript(browser_nojs, base_url):
    d = browser_nojs
    ref = address_only_incident()
    at_incident(d, base_url, ref)
    # A point outside first: the error summary, the field marked, nothing saved.
    type_into(d, "lat", "51.5450")
    type_into(d, "lon", "-0.0553")
    press(d, "form#locate button.govuk-button")
    [summary] = problems(d)
    assert "outside the area the partnership covers" in summary
    assert d.find_element(By.CSS_SELECTOR, ".govuk-error-summary a").get_attribute(
        "href").endswith("#lat")
    assert d.find_element(By.ID, "lat").get_attribute("value") == "51.5450"
    assert "Location to confirm" in where_text(d)
    type_into(d, "lat", "51.5120")     # as test_location_confirm.py's PLACE
    type_into(d, "lon", "-0.0800")
    press(d, "form#locate button.govuk-button")
    assert "Marked on the map at 51.51200, -0.08000" in where_text(d)
    assert "Location to confirm" not in where_text(d)
    assert not d.find_elements(By.ID, "locate")
    assert "Location set." in d.find_element(By.TAG_NAME, "main").text


def test_staff_choose_the_point_on_the_map(browser, base_url):
    ref = address_only_incident()
    at_incident(browser, base_url, ref)
    el = the_map(browser)
    ActionChains(browser).move_to_element(el).click().perform()     # the middle
    lon, lat = chosen_point(browser)
    press(browser, "form#locate button.govuk-button")
    assert f"Marked on the map at {float(lat):.5f}, {float(lon):.5f}" in where_text(browser), \
        problems(browser)


def test_the_form_and_its_errors_pass_axe(browser_noscripts, base_url):
    d = browser_noscripts
    at_incident(d, base_url, address_only_incident())
    assert axe_violations(d) == []
    press(d, "form#locate button.govuk-button")
    assert "Enter the latitude and longitude" in problems(d)[0]
    assert axe_violations(d) == []
