"""The public reporting form in Chromium, with JavaScript on and off: the
whole way from the start page to the tracking page."""
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def click_label(driver, for_id):
    driver.find_element(By.CSS_SELECTOR, f'label[for="{for_id}"]').click()


def type_into(driver, field_id, text):
    el = driver.find_element(By.ID, field_id)
    el.clear()
    el.send_keys(text)


def cont(driver):
    """Presses the form's button and waits for the next page to load."""
    button = driver.find_element(By.CSS_SELECTOR, "form button.govuk-button")
    button.click()
    WebDriverWait(driver, 15).until(EC.staleness_of(button))
    WebDriverWait(driver, 15).until(
        lambda d: d.execute_script("return document.readyState") == "complete")


def path_of(driver, base_url):
    return driver.current_url[len(base_url.rstrip("/")):]


def problems(driver):
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".govuk-error-summary")]


def chosen(driver, for_id):
    """Chooses a radio or checkbox by its label, and checks it took."""
    click_label(driver, for_id)
    assert driver.find_element(By.ID, for_id).is_selected(), for_id


def walk(driver, base_url):
    driver.get(base_url + "/report")
    assert "call 999" in driver.page_source
    start = driver.find_element(By.CSS_SELECTOR, "a.govuk-button--start")
    start.click()
    WebDriverWait(driver, 15).until(EC.staleness_of(start))
    assert path_of(driver, base_url) == "/report/type"
    # An error first: nothing chosen.
    cont(driver)
    assert driver.title.startswith("Error: ")
    summary = driver.find_element(By.CSS_SELECTOR, ".govuk-error-summary")
    assert "Select what you want to report" in summary.text
    driver.find_element(By.CSS_SELECTOR, f'input[value="vandalism"] + label').click()
    cont(driver)
    assert path_of(driver, base_url) == "/report/questions/1"
    driver.find_element(By.CSS_SELECTOR, 'input[value="graffiti"] + label').click()
    cont(driver)
    click_label(driver, "answer")          # offensive: yes
    cont(driver)
    while path_of(driver, base_url) != "/report/when":
        cont(driver)                       # the optional questions
    chosen(driver, "when-2")               # it keeps happening
    chosen(driver, "how-often-3")
    chosen(driver, "times-3")
    chosen(driver, "times-4")
    cont(driver)
    assert path_of(driver, base_url) == "/report/where", problems(driver)
    type_into(driver, "address-line-1", "Guildhall Yard")
    type_into(driver, "address-postcode", "EC2V 5AE")
    cont(driver)
    assert path_of(driver, base_url) == "/report/impact", problems(driver)
    type_into(driver, "impact", "We are worried.")
    for name in ("feels-unsafe-2", "vulnerable-2", "targeted-2", "happened-before"):
        chosen(driver, name)
    cont(driver)
    assert path_of(driver, base_url) == "/report/about-you", problems(driver)
    chosen(driver, "identity-2")           # anonymously
    chosen(driver, "for-someone-else-2")
    chosen(driver, "share")
    cont(driver)
    assert path_of(driver, base_url) == "/report/check", problems(driver)
    assert "You are reporting anonymously" in driver.page_source
    assert "EC2V 5AE" in driver.page_source
    send = driver.find_element(By.CSS_SELECTOR, "form[action='/report/submit'] button")
    send.click()
    WebDriverWait(driver, 15).until(EC.staleness_of(send))
    assert path_of(driver, base_url) == "/report/done"
    ref = driver.find_element(By.ID, "reference").text
    assert re.fullmatch(r"ASB-\d{4}-\d{6,}", ref)
    link = driver.find_element(By.ID, "tracking-link")
    assert link.text == link.get_attribute("href")
    href = link.get_attribute("href")
    assert href.startswith(base_url.rstrip("/") + "/track/" + ref + "?t="), (href, base_url)
    link.click()
    WebDriverWait(driver, 15).until(EC.staleness_of(link))
    assert ref in driver.find_element(By.TAG_NAME, "h1").text, href
    assert "Received" in driver.page_source


def test_report_with_javascript(browser, base_url):
    walk(browser, base_url)
    # The 400 of the deliberate mistake on the type page is expected.
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"
              and "status of 400" not in e["message"]]
    assert errors == []


def test_report_without_javascript(browser_nojs, base_url):
    walk(browser_nojs, base_url)


def test_conditional_fields_are_revealed_with_javascript(browser, base_url):
    browser.get(base_url + "/report")
    browser.get(base_url + "/report/type")
    browser.find_element(By.CSS_SELECTOR, 'input[value="vandalism"] + label').click()
    cont(browser)
    if "/report/questions/" not in browser.current_url:
        pytest.skip("vandalism has no questions here")
    browser.get(base_url + "/report/when")
    day = browser.find_element(By.ID, "occurred-day")
    assert not day.is_displayed()
    click_label(browser, "when")
    assert day.is_displayed()
