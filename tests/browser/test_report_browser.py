"""The public reporting form in Chromium, with JavaScript on and off: the
whole way from the start page to the tracking page."""
import os
import re
import sys
import tempfile

from selenium.webdriver.common.by import By

from conftest import axe_violations, next_page, press, wait_until

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
import media  # noqa: E402
from staff import as_role  # noqa: E402


def click_label(driver, for_id):
    driver.find_element(By.CSS_SELECTOR, f'label[for="{for_id}"]').click()


def type_into(driver, field_id, text):
    el = driver.find_element(By.ID, field_id)
    el.clear()
    el.send_keys(text)


class Axe:
    """Runs axe-core on each page it is shown and keeps what it finds."""

    def __init__(self, driver, base_url):
        self.driver, self.base_url, self.found, self.pages = driver, base_url, {}, []

    def __call__(self):
        if getattr(self.driver, "_concord_no_js", False):
            return      # axe-core cannot run where JavaScript is off
        where = path_of(self.driver, self.base_url) + " " + self.driver.title
        self.pages.append(where)
        v = axe_violations(self.driver)
        if v:
            self.found[where] = v


def cont(driver):
    """Presses the form's button and waits for the next page to load."""
    press(driver, "form button.govuk-button")


def path_of(driver, base_url):
    return driver.current_url[len(base_url.rstrip("/")):]


def problems(driver):
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".govuk-error-summary")]


def chosen(driver, for_id):
    """Chooses a radio or checkbox by its label, and checks it took."""
    click_label(driver, for_id)
    assert driver.find_element(By.ID, for_id).is_selected(), for_id


def evidence_files():
    """A photo and a sound recording on disk, as a person would pick them."""
    folder = tempfile.mkdtemp(prefix="concord-evidence-")
    paths = []
    for name, data in (("front door.jpg", media.jpeg(640, 480)),
                       ("music at 2am.wav", media.wav(2.0))):
        paths.append(os.path.join(folder, name))
        with open(paths[-1], "wb") as f:
            f.write(data)
    return paths


def past_the_questions(driver, base_url, axe=lambda: None, now=False,
                       description="Someone sprayed paint over the front of the flats."):
    """The type's remaining questions as they are (optional ones left), then
    what happened and the triage step: on the When step after."""
    while path_of(driver, base_url).startswith("/report/questions/"):
        axe()
        cont(driver)
    assert path_of(driver, base_url) == "/report/description", problems(driver)
    axe()
    type_into(driver, "description", description)
    cont(driver)
    assert path_of(driver, base_url) == "/report/triage", problems(driver)
    axe()
    for name in ("happening-now" if now else "happening-now-2", "vulnerable-2",
                 "targeted-2", "happened-before"):
        chosen(driver, name)
    cont(driver)
    assert path_of(driver, base_url) == "/report/when", problems(driver)


def walk(driver, base_url):
    """The whole form, checking every page with axe-core on the way.
    Returns the reference."""
    axe = Axe(driver, base_url)
    driver.get(base_url + "/report")
    axe()
    assert "call 999" in driver.page_source
    start = driver.find_element(By.CSS_SELECTOR, "a.govuk-button--start")
    start.click()
    next_page(driver, start)
    assert path_of(driver, base_url) == "/report/type"
    axe()
    # An error first: nothing chosen.
    cont(driver)
    assert driver.title.startswith("Error: ")
    axe()
    summary = driver.find_element(By.CSS_SELECTOR, ".govuk-error-summary")
    assert "Select what you want to report" in summary.text
    driver.find_element(By.CSS_SELECTOR, 'input[value="vandalism"] + label').click()
    cont(driver)
    assert path_of(driver, base_url) == "/report/questions/1"
    axe()
    driver.find_element(By.CSS_SELECTOR, 'input[value="graffiti"] + label').click()
    cont(driver)
    axe()
    click_label(driver, "answer")          # offensive: yes
    cont(driver)
    past_the_questions(driver, base_url, axe)
    axe()
    chosen(driver, "when-2")               # it keeps happening
    chosen(driver, "how-often-3")
    chosen(driver, "times-3")
    chosen(driver, "times-4")
    cont(driver)
    assert path_of(driver, base_url) == "/report/where", problems(driver)
    axe()
    type_into(driver, "address-line-1", "Guildhall Yard")
    type_into(driver, "address-postcode", "EC2V 5AE")
    cont(driver)
    assert path_of(driver, base_url) == "/report/impact", problems(driver)
    axe()
    type_into(driver, "impact", "We are worried.")
    chosen(driver, "feels-unsafe-2")
    cont(driver)
    assert path_of(driver, base_url) == "/report/about-you", problems(driver)
    axe()
    chosen(driver, "identity-2")           # anonymously
    chosen(driver, "for-someone-else-2")
    chosen(driver, "share")
    cont(driver)
    assert path_of(driver, base_url) == "/report/evidence", problems(driver)
    axe()
    # A file of the wrong kind first: refused, with the reason.
    folder = tempfile.mkdtemp(prefix="concord-evidence-")
    wrong = os.path.join(folder, "photo.jpg")
    with open(wrong, "wb") as f:
        f.write(b"MZ" + b"\0" * 5000)
    driver.find_element(By.ID, "evidence").send_keys(wrong)
    press(driver, "button[value=more]")
    assert "must be a photo, video, audio recording or document" in \
        driver.find_element(By.CSS_SELECTOR, ".govuk-error-summary").text
    axe()
    photo, sound = evidence_files()
    driver.find_element(By.ID, "evidence").send_keys(photo + "\n" + sound)
    press(driver, "button[value=more]")
    assert path_of(driver, base_url) == "/report/evidence", problems(driver)
    names = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "dt.govuk-summary-list__key")]
    assert names == ["front door.jpg", "music at 2am.wav"], names
    assert "Audio recording" in driver.page_source
    axe()
    press(driver, "button[value=continue]")
    assert path_of(driver, base_url) == "/report/check", problems(driver)
    axe()
    assert "front door.jpg" in driver.page_source and "music at 2am.wav" in driver.page_source
    assert "You are reporting anonymously" in driver.page_source
    assert "EC2V 5AE" in driver.page_source
    send = driver.find_element(By.CSS_SELECTOR, "form[action='/report/submit'] button")
    send.click()
    next_page(driver, send)
    assert path_of(driver, base_url) == "/report/done"
    axe()
    ref = driver.find_element(By.ID, "reference").text
    assert re.fullmatch(r"ASB-\d{4}-\d{6,}", ref)
    link = driver.find_element(By.ID, "tracking-link")
    assert link.text == link.get_attribute("href")
    href = link.get_attribute("href")
    assert href.startswith(base_url.rstrip("/") + "/track/" + ref + "?t="), (href, base_url)
    link.click()
    next_page(driver, link)
    assert ref in driver.find_element(By.TAG_NAME, "h1").text, href
    assert "Received" in driver.page_source
    axe()
    assert axe.found == {}, axe.found
    if not getattr(driver, "_concord_no_js", False):
        seen = {p.split(" ")[0].split("?")[0] for p in axe.pages}
        steps = {"/report", "/report/type", "/report/description", "/report/triage",
                 "/report/when", "/report/where",
                 "/report/impact", "/report/about-you", "/report/evidence",
                 "/report/check", "/report/done", "/track/" + ref}
        questions = {p for p in seen if p.startswith("/report/questions/")}
        assert steps <= seen and len(questions) >= 4, sorted(seen)
    return ref


def staff_find(driver, base_url, ref):
    """The report is on the staff list of new reports, with its files."""
    session = as_role("police_officer")
    driver.get(base_url + "/")
    driver.add_cookie({"name": "concord_session", "path": "/",
                       "value": session.cookies.get("concord_session")})
    driver.get(base_url + "/staff/reports")
    assert ref in driver.page_source
    driver.get(base_url + "/staff/incidents/" + ref)
    assert "front door.jpg" in driver.page_source
    assert "music at 2am.wav" in driver.page_source
    link = driver.find_element(By.PARTIAL_LINK_TEXT, "front door.jpg")
    assert re.search(r"/staff/evidence/\d+$", link.get_attribute("href"))


def test_report_with_javascript(browser, base_url):
    ref = walk(browser, base_url)
    staff_find(browser, base_url, ref)
    # The 400 of the deliberate mistake on the type page is expected.
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"
              and "status of 400" not in e["message"]]
    assert errors == []


def test_report_without_the_sites_scripts(browser_noscripts, base_url):
    ref = walk(browser_noscripts, base_url)
    assert "js-enabled" not in browser_noscripts.find_element(
        By.TAG_NAME, "body").get_attribute("class")
    staff_find(browser_noscripts, base_url, ref)


def test_report_with_javascript_off(browser_nojs, base_url):
    browser_nojs._concord_no_js = True
    ref = walk(browser_nojs, base_url)
    staff_find(browser_nojs, base_url, ref)


def test_conditional_fields_are_revealed_with_javascript(browser, base_url):
    browser.get(base_url + "/report")
    browser.get(base_url + "/report/type")
    browser.find_element(By.CSS_SELECTOR, 'input[value="vandalism"] + label').click()
    cont(browser)
    # Vandalism has questions (sql/migrations/0010_asb_types.sql).
    assert "/report/questions/" in browser.current_url, browser.current_url
    browser.get(base_url + "/report/when")
    day = browser.find_element(By.ID, "occurred-day")
    assert not day.is_displayed()
    click_label(browser, "when")
    wait_until(browser, lambda d: day.is_displayed(), "the date fields to be revealed")
