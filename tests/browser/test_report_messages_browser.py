"""The public form's error messages as a person sees them in Chromium: in
the error summary, linked to the input to mend, and by the field. The
words are GOV.UK's: the date input's (core/date.c), the character count's
"you have N characters too many", and a blank answer names its question
(domain/answer.c)."""
from selenium.webdriver.common.by import By

from conftest import axe_violations, wait_until
from test_report_browser import chosen, cont, path_of, problems, type_into


def summary(driver):
    """The error summary's messages and the ids their links go to."""
    links = driver.find_elements(By.CSS_SELECTOR, ".govuk-error-summary__list a")
    return [(a.text, a.get_attribute("href").split("#")[-1]) for a in links]


def inline(driver, error_id):
    """The message by the field, without its visually hidden "Error:"."""
    text = driver.find_element(By.ID, error_id).text
    return text.split(":", 1)[1].strip() if text.startswith("Error:") else text


def choose_type(driver, base_url, code):
    driver.get(base_url + "/report")
    driver.get(base_url + "/report/type")
    driver.find_element(By.CSS_SELECTOR, f'input[value="{code}"] + label').click()
    cont(driver)


def when_once(driver, day, month, year):
    chosen(driver, "when")
    type_into(driver, "occurred-day", day)
    type_into(driver, "occurred-month", month)
    type_into(driver, "occurred-year", year)
    cont(driver)


def test_a_blank_required_answer_names_the_question(browser, base_url):
    choose_type(browser, base_url, "abandoned-vehicles")
    assert path_of(browser, base_url) == "/report/questions/1"
    cont(browser)                           # "What make and colour is the vehicle?"
    message = 'Enter your answer to "What make and colour is the vehicle?"'
    assert browser.title.startswith("Error: ")
    assert summary(browser) == [(message, "answer")]
    assert inline(browser, "answer-error") == message
    assert axe_violations(browser) == []
    type_into(browser, "answer", "A silver Ford Focus")
    cont(browser)
    assert path_of(browser, base_url) == "/report/questions/2", problems(browser)


def test_the_date_it_happened_says_which_part_to_mend(browser, base_url):
    choose_type(browser, base_url, "vandalism")
    browser.get(base_url + "/report/when")
    when_once(browser, "7", "3", "26")
    assert summary(browser) == [("Year must include 4 numbers", "occurred-year")]
    assert inline(browser, "occurred-day-error") == "Year must include 4 numbers"
    assert browser.find_element(By.ID, "occurred-year").get_attribute("value") == "26"
    assert axe_violations(browser) == []
    # The summary's link takes the person to the year.
    browser.find_element(By.CSS_SELECTOR, ".govuk-error-summary__list a").click()
    wait_until(browser, lambda d: d.switch_to.active_element.get_attribute("id") ==
               "occurred-year", "the year to have the focus")
    when_once(browser, "7", "", "2026")
    assert summary(browser) == [("Date it happened must include a month", "occurred-month")]
    assert inline(browser, "occurred-day-error") == "Date it happened must include a month"
    when_once(browser, "", "", "2026")
    assert summary(browser) == [("Date it happened must include a day and month",
                                 "occurred-day")]
    when_once(browser, "31", "4", "2026")
    assert summary(browser) == [("Date it happened must be a real date", "occurred-day")]
    when_once(browser, "7", "3", "2026")
    assert path_of(browser, base_url) == "/report/where", problems(browser)


def test_too_long_says_by_how_many_characters(browser, base_url):
    choose_type(browser, base_url, "vandalism")
    browser.get(base_url + "/report/impact")
    type_into(browser, "impact", "z" * 2153)
    chosen(browser, "feels-unsafe-2")
    cont(browser)
    message = ("How this is affecting you must be 2000 characters or fewer "
               "(you have 153 characters too many)")
    assert summary(browser) == [(message, "impact")]
    assert inline(browser, "impact-error") == message
    # What was typed is kept, to shorten.
    assert len(browser.find_element(By.ID, "impact").get_attribute("value")) == 2153
