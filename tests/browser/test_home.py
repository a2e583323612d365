"""The home page as a person sees it in Chromium, with and without JavaScript."""
from selenium.webdriver.common.by import By


def severe_console_messages(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_home_page_renders_styled_and_enhanced(browser, base_url):
    browser.get(base_url + "/")
    assert "Concord" in browser.title
    h1 = browser.find_element(By.TAG_NAME, "h1")
    assert "anti-social behaviour" in h1.text
    start = browser.find_element(By.CSS_SELECTOR, "a.govuk-button--start")
    assert start.is_displayed()
    assert start.get_attribute("href").endswith("/report")
    # The GOV.UK stylesheet applied: the start button is green, white text.
    assert start.value_of_css_property("background-color") in (
        "rgba(0, 112, 60, 1)", "rgb(0, 112, 60)", "rgba(15, 122, 82, 1)", "rgb(15, 122, 82)")
    body_class = browser.find_element(By.TAG_NAME, "body").get_attribute("class")
    assert "js-enabled" in body_class
    assert "govuk-frontend-supported" in body_class
    # No CSP violation, missing file or script error.
    assert severe_console_messages(browser) == []


def test_skip_link_leads_to_main_content(browser, base_url):
    browser.get(base_url + "/")
    skip = browser.find_element(By.CSS_SELECTOR, "a.govuk-skip-link")
    assert skip.get_attribute("href").endswith("#main-content")
    assert browser.find_element(By.ID, "main-content").tag_name == "main"


def test_home_page_works_without_javascript(browser_nojs, base_url):
    browser_nojs.get(base_url + "/")
    body_class = browser_nojs.find_element(By.TAG_NAME, "body").get_attribute("class")
    assert "js-enabled" not in body_class
    links = {a.text.strip(): a.get_attribute("href")
             for a in browser_nojs.find_elements(By.TAG_NAME, "a")}
    assert links["Staff sign in"].endswith("/staff/sign-in")
    assert any(t.startswith("Report anti-social behaviour") for t in links)
