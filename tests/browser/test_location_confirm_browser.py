"""With JavaScript off there is no map point: the where step goes by the
postcode alone. A Manchester postcode gets the answer a point outside gets,
on the postcode field, at once; an address in the City goes on."""
from selenium.webdriver.common.by import By

from conftest import axe_violations
from test_map_browser import to_where
from test_report_browser import cont, path_of, problems, type_into

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
