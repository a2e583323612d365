"""A member of the public reads the ASB Case Review figures in Chromium:
chooses a year with the page's own form (no JavaScript needed), follows a
number to the applications behind it, and downloads the CSV link. axe-core
checks the figures page and a list behind a number; the same works with
this site's scripts off."""
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import axe_violations, press, wait_until

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from test_case_review_figures import fixture  # noqa: E402


def read_the_figures(driver, base_url):
    a, b, refs = fixture()
    driver.get(base_url + "/case-review/figures")
    assert driver.find_element(By.CSS_SELECTOR, "h1").text == "ASB Case Review figures"
    assert axe_violations(driver) == []
    Select(driver.find_element(By.ID, "year")).select_by_value("2020")
    press(driver, "form[action='/case-review/figures'] button")
    wait_until(driver, lambda d: "1 April 2020 to 31 March 2021" in
               d.find_element(By.CSS_SELECTOR, "#figures caption").text, "the 2020 figures")
    cell = driver.find_element(
        By.CSS_SELECTOR, "tr[data-agency='%d'] td[data-measure='reviewed'] a" % b)
    assert cell.text.endswith("2")
    cell.click()
    wait_until(driver, lambda d: d.find_elements(By.ID, "applications"),
               "the list behind the number")
    listed = {e.text for e in driver.find_elements(
        By.CSS_SELECTOR, "#applications tbody tr td:first-child")}
    assert listed == {refs["b2"], refs["b3"]}
    assert "Reviews carried out" in driver.find_element(By.ID, "list").text
    assert axe_violations(driver) == []
    link = driver.find_element(By.PARTIAL_LINK_TEXT, "Download these figures")
    assert link.get_attribute("href").endswith("/case-review/figures.csv?year=2020")


def test_the_public_reads_a_years_figures_and_the_list_behind_a_number(browser, base_url):
    read_the_figures(browser, base_url)


def test_the_figures_work_without_javascript(browser_noscripts, base_url):
    read_the_figures(browser_noscripts, base_url)
