"""The evidence step of the public form in Chromium, as the person sees it:
"Upload and add more" with no file chosen says "Select a file" (and keeps
what was already added), and a text file with a picture's name is taken as
the plain-text document its bytes say it is, which the hint lists."""
import os
import sys
import tempfile

import pytest
from selenium.webdriver.common.by import By

from conftest import axe_violations, press, wait_until

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
import media  # noqa: E402
from loopback import fresh_address, session_from  # noqa: E402
from test_report_form import to_evidence  # noqa: E402

MORE = "button[value=more]"


def at_evidence(driver, base_url):
    """A draft walked over HTTP to the evidence step (the steps before it
    are tested in test_report_browser.py), handed to the browser."""
    s = session_from(fresh_address())
    to_evidence(s)
    driver.get(base_url + "/")
    driver.add_cookie({"name": "concord_draft", "path": "/",
                       "value": s.cookies.get("concord_draft")})
    driver.get(base_url + "/report/evidence")
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Add photos")


def a_file(name, data):
    path = os.path.join(tempfile.mkdtemp(prefix="concord-evidence-"), name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def text_of(element):
    """An element's text as one line (the visually hidden "Error:" sits on
    its own line in Selenium's text)."""
    return " ".join(element.text.split())


def files_listed(driver):
    """The files the page lists: (name, what it says of each)."""
    rows = driver.find_elements(By.CSS_SELECTOR, ".govuk-summary-list__row")
    return [(r.find_element(By.CSS_SELECTOR, "dt").text,
             r.find_element(By.CSS_SELECTOR, ".govuk-summary-list__value").text)
            for r in rows]


@pytest.mark.parametrize("which", ["browser", "browser_nojs"])
def test_upload_and_add_more_without_a_file_says_select_a_file(request, base_url, which):
    driver = request.getfixturevalue(which)
    at_evidence(driver, base_url)
    driver.find_element(By.ID, "evidence").send_keys(a_file("door.png", media.png(20, 20)))
    press(driver, MORE)
    assert [n for n, _ in files_listed(driver)] == ["door.png"]

    press(driver, MORE)                    # nothing chosen this time
    assert driver.title.startswith("Error: ")
    summary = driver.find_element(By.CSS_SELECTOR, ".govuk-error-summary")
    assert "There is a problem" in summary.text
    link = summary.find_element(By.CSS_SELECTOR, ".govuk-error-summary__list a")
    assert link.text == "Select a file"
    assert link.get_attribute("href").endswith("#evidence")
    group = driver.find_element(By.CSS_SELECTOR, ".govuk-form-group--error")
    assert text_of(group.find_element(By.ID, "evidence-error")) == "Error: Select a file"
    field = group.find_element(By.ID, "evidence")
    assert "govuk-file-upload--error" in field.get_attribute("class").split()
    assert "evidence-error" in field.get_attribute("aria-describedby").split()
    # What was added before is still there.
    assert [n for n, _ in files_listed(driver)] == ["door.png"]
    if which == "browser":
        assert axe_violations(driver) == []
        link.click()
        wait_until(driver, lambda d: d.switch_to.active_element.get_attribute("id") ==
                   "evidence", "the summary's link to move focus to the file input")


def test_a_text_file_named_png_is_taken_as_a_plain_text_document(browser, base_url):
    at_evidence(browser, base_url)
    hint = browser.find_element(By.ID, "evidence-hint").text
    assert "documents (PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP or plain text)" in hint
    note = b"The gate was kicked in at 11pm. The same two again.\n" * 30
    browser.find_element(By.ID, "evidence").send_keys(a_file("gate.png", note))
    press(browser, MORE)
    assert browser.find_elements(By.CSS_SELECTOR, ".govuk-error-summary") == []
    assert files_listed(browser) == [("gate.png", "Document (plain text), 2 KB")]
    # A file that is none of those kinds is refused, in the hint's words.
    browser.find_element(By.ID, "evidence").send_keys(
        a_file("setup.png", b"MZ\x90\x00" + b"\x00" * 4000))
    press(browser, MORE)
    message = text_of(browser.find_element(By.ID, "evidence-error"))
    assert message.startswith("Error: The file “setup.png” must be a photo, video, "
                              "audio recording or document: ")
    kinds = hint.split(" MB: ", 1)[1].split(". You can choose")[0]
    assert message.endswith(kinds), (message, hint)
    assert [n for n, _ in files_listed(browser)] == ["gate.png"]
    assert axe_violations(browser) == []
