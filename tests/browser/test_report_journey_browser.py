"""The public and the partner reporting journeys as a person walks them
(issue 10): with the site's JavaScript on and off, at 1280 px and 375 px,
each page checked by axe-core and for sideways scrolling. What a person
tripped over is asserted on the page where they met it: the description
step with its character count, each fact asked once, the follow-ups that
come with the answer that needs them, a time still to come refused, the 999
notice shown at once where the urgent answer is given, the check page in
the person's words with change links that come straight back, and the
confirmation and tracking pages."""
import datetime
import os
import sys

import pytest
from selenium.webdriver.common.by import By

from conftest import axe_violations, press, wait_until
from test_report_browser import chosen, click_label, cont, path_of, problems, type_into

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from staff import as_role  # noqa: E402
from test_partner_report import new_form  # noqa: E402

WIDTHS = (1280, 375)


def go(driver):
    """The page's own Continue: a signed-in partner's header has a form of
    its own (Sign out)."""
    press(driver, "main form button.govuk-button")


class Page:
    """What every page of the walk is checked for: axe-core finds nothing,
    and at a phone's width nothing scrolls sideways."""

    def __init__(self, driver, base_url):
        self.driver, self.base_url, self.found = driver, base_url, {}

    def __call__(self):
        d = self.driver
        where = path_of(d, self.base_url).split("?")[0] + " " + d.title
        wide = d.execute_script("return document.documentElement.scrollWidth > "
                                "window.innerWidth")
        if wide:
            self.found.setdefault(where, []).append("scrolls sideways")
        v = axe_violations(d)
        if v:
            self.found.setdefault(where, []).extend(v)

    def at(self, path):
        assert path_of(self.driver, self.base_url).split("?")[0] == path, \
            (path_of(self.driver, self.base_url), problems(self.driver))
        self()


def sized(driver, width):
    driver.set_window_size(width, 900)
    return driver


def scripts_on(driver):
    """Whether the site's own scripts run (browser_noscripts blocks them)."""
    return driver.execute_script("return document.body.classList.contains("
                                 "'govuk-frontend-supported')")


def visible(driver, element_id):
    return driver.find_element(By.ID, element_id).is_displayed()


def start(driver, base_url, page):
    driver.get(base_url + "/report")
    page.at("/report")
    press(driver, "a.govuk-button--start")
    page.at("/report/type")


def harassment_questions(driver, page):
    """Harassment's own questions: threats (a 999 notice at once), how long,
    and who (a name asked when they know it). Targeted and happening now
    are not among them: the triage step asks them."""
    texts = []
    js = scripts_on(driver)
    while "/report/questions/" in driver.current_url:
        page()
        h1 = driver.find_element(By.TAG_NAME, "h1").text
        texts.append(h1)
        if "threatened" in h1:
            notice = driver.find_element(By.CSS_SELECTOR, "#conditional-answer [role=alert]")
            if js:
                assert not notice.is_displayed()
            click_label(driver, "answer")
            wait_until(driver, lambda d: notice.is_displayed(), "the 999 notice")
            assert "999" in notice.text
        elif "Do you know who" in h1:
            click_label(driver, "answer")          # Yes, I know their name
            wait_until(driver, lambda d: visible(d, "detail-name"), "the name to be asked")
            cont(driver)                            # left blank: asked for
            assert "Enter their name" in problems(driver)[0]
            page()
            type_into(driver, "detail-name", "Jo Bloggs")
        else:
            driver.find_element(By.CSS_SELECTOR, ".govuk-radios__input + label").click()
        cont(driver)
    assert not any("targeted" in t or "happening now" in t for t in texts), texts


def description(driver, page, js):
    page.at("/report/description")
    info = driver.find_element(By.ID, "description-info")
    assert "description-info" in driver.find_element(By.ID, "description") \
        .get_attribute("aria-describedby")
    type_into(driver, "description", "Two men shouted threats at my door at night.")
    if js:      # the live count, GOV.UK's
        wait_until(driver, lambda d: any("characters remaining" in e.text for e in
                   d.find_elements(By.CSS_SELECTOR, ".govuk-character-count__status")),
                   "the live character count")
    else:       # a plain limit
        assert "You can enter up to 2000 characters" in info.text
    cont(driver)


def triage(driver, page, now):
    page.at("/report/triage")
    notice = driver.find_element(By.CSS_SELECTOR, "#conditional-happening-now [role=alert]")
    chosen(driver, "happening-now" if now else "happening-now-2")
    if now:
        wait_until(driver, lambda d: notice.is_displayed(), "the 999 notice at once")
        assert "call 999" in notice.text
    for name in ("vulnerable-2", "targeted", "happened-before"):
        chosen(driver, name)
    cont(driver)


def when_in_the_past(driver, page):
    page.at("/report/when")
    chosen(driver, "when")
    today = datetime.date.today()
    type_into(driver, "occurred-day", str(today.day))
    type_into(driver, "occurred-month", str(today.month))
    type_into(driver, "occurred-year", str(today.year))
    type_into(driver, "occurred-time", "11:59pm")
    cont(driver)
    now = datetime.datetime.now()
    if now.hour < 23 or now.minute < 58:       # 11:59pm is still to come
        assert "must be in the past" in problems(driver)[0]
        page()
    yesterday = today - datetime.timedelta(days=1)
    type_into(driver, "occurred-day", str(yesterday.day))
    type_into(driver, "occurred-month", str(yesterday.month))
    type_into(driver, "occurred-year", str(yesterday.year))
    type_into(driver, "occurred-time", "11:55pm")
    cont(driver)
    return yesterday


def where(driver, page):
    page.at("/report/where")
    type_into(driver, "address-line-1", "Guildhall Yard")
    type_into(driver, "address-postcode", "EC2V 5AE")
    go(driver)


def check_words(driver, page, yesterday):
    page.at("/report/check")
    text = driver.find_element(By.TAG_NAME, "main").text
    day = "%d %s %d at 11:55pm" % (yesterday.day, yesterday.strftime("%B"), yesterday.year)
    assert day in text, text
    assert "Yes, I know their name (Jo Bloggs)" in text
    for code in ("first_time", "23:55", "harassment", "By post"):
        assert code not in text, code


def change_returns_at_once(driver, page):
    """A question's change link comes straight back to the check page."""
    link = driver.find_element(By.CSS_SELECTOR, 'a[href="/report/questions/2?change=1"]')
    link.click()
    wait_until(driver, lambda d: "/report/questions/2" in d.current_url, "the question")
    page()
    driver.find_element(By.CSS_SELECTOR, ".govuk-radios__item:last-child label").click()
    cont(driver)
    page.at("/report/check")


def send(driver, page):
    press(driver, 'main form[action="/report/submit"] button')
    page.at("/report/done")
    link = driver.find_element(By.ID, "tracking-link")
    box = driver.execute_script("const r = arguments[0].getBoundingClientRect();"
                                "return [r.right, window.innerWidth];", link)
    assert box[0] <= box[1], box           # it wraps, on a phone too
    ref = driver.find_element(By.ID, "reference").text
    href = link.get_attribute("href")
    driver.get(href)
    page.at("/track/" + ref)
    summary = driver.find_element(By.ID, "summary").text
    assert "Harassment" in summary and "Guildhall" in summary
    return ref


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scripts", ["on", "off"])
def test_the_public_journey(request, base_url, scripts, width):
    driver = sized(request.getfixturevalue(
        "browser" if scripts == "on" else "browser_noscripts"), width)
    page = Page(driver, base_url)
    start(driver, base_url, page)
    driver.find_element(By.CSS_SELECTOR, 'input[value="harassment"] + label').click()
    cont(driver)
    js = scripts_on(driver)
    assert js == (scripts == "on")
    harassment_questions(driver, page)
    description(driver, page, js)
    triage(driver, page, now=True)
    yesterday = when_in_the_past(driver, page)
    where(driver, page)
    page.at("/report/impact")
    type_into(driver, "impact", "I am scared to open the door.")
    chosen(driver, "feels-unsafe")
    cont(driver)
    page.at("/report/about-you")
    assert 'value="post"' not in driver.page_source
    chosen(driver, "identity-2")
    chosen(driver, "for-someone-else")
    wait_until(driver, lambda d: visible(d, "other-name"), "their name to be asked")
    type_into(driver, "other-name", "Ann Smith")
    chosen(driver, "share")
    cont(driver)
    page.at("/report/evidence")
    press(driver, 'main form button[name="action"][value="continue"]')
    check_words(driver, page, yesterday)
    assert "Yes, for Ann Smith" in driver.page_source
    change_returns_at_once(driver, page)
    ref = send(driver, page)
    assert page.found == {}, page.found
    # Staff see it as urgent on the list of new reports.
    staff = as_role("police_officer").get(base_url.rstrip("/") + "/staff/reports")
    row = staff.text[staff.text.index(ref):]
    row = row[:row.index("</tr>")]
    assert ">Urgent<" in row and "Happening now" in row


def test_without_javascript_the_follow_ups_and_notices_are_all_shown(browser_nojs, base_url):
    """Without any script the conditional parts are plain parts of the page."""
    d = browser_nojs
    d.get(base_url + "/report/type")
    d.find_element(By.CSS_SELECTOR, 'input[value="harassment"] + label').click()
    cont(d)
    assert visible(d, "conditional-answer") and "999" in d.find_element(
        By.ID, "conditional-answer").text
    d.get(base_url + "/report/triage")
    assert visible(d, "conditional-happening-now")
    d.get(base_url + "/report/description")
    assert "You can enter up to 2000 characters" in d.find_element(By.ID, "description-info").text


@pytest.mark.parametrize("question, answer_id", [
    ("threats_made", "answer"),        # harassment: "Has anyone threatened to hurt you?"
    ("dangerous", "answer"),           # vandalism: "is it dangerous?"
])
def test_an_urgent_answer_shows_the_notice_on_the_same_page(browser, base_url, question,
                                                            answer_id):
    code = {"threats_made": "harassment", "dangerous": "vandalism"}[question]
    browser.get(base_url + "/report/type")
    browser.find_element(By.CSS_SELECTOR, f'input[value="{code}"] + label').click()
    cont(browser)
    for _ in range(6):
        if browser.find_elements(By.CSS_SELECTOR, "#conditional-answer [role=alert]"):
            break
        browser.find_element(By.CSS_SELECTOR, ".govuk-radios__input + label").click()
        cont(browser)
    notice = browser.find_element(By.CSS_SELECTOR, "#conditional-answer [role=alert]")
    assert not notice.is_displayed()
    click_label(browser, answer_id)
    wait_until(browser, lambda d: notice.is_displayed(), "the notice to show at once")
    assert "999" in notice.text
    assert axe_violations(browser) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scripts", ["on", "off"])
def test_the_partner_journey_is_worded_for_a_partner(request, base_url, scripts, width):
    """A housing provider's officer reports about someone else: no page
    speaks to them as the victim, and who was affected and who is
    responsible are asked separately."""
    driver = sized(request.getfixturevalue(
        "browser" if scripts == "on" else "browser_noscripts"), width)
    s = new_form("partner_reporter")
    driver.get(base_url + "/")
    driver.add_cookie({"name": "concord_session", "path": "/",
                       "value": s.cookies.get("concord_session")})
    page = Page(driver, base_url)
    start(driver, base_url, page)
    public_words = ("You can report anonymously", "How is this affecting you?",
                    "Do you feel unsafe in your home?", "If you gave your details",
                    "Is anyone in your household vulnerable?",
                    "targeted because of who you are")

    def partner_worded():
        text = driver.find_element(By.TAG_NAME, "main").text
        for w in public_words:
            assert w not in text, (driver.current_url, w)

    partner_worded()
    driver.find_element(By.CSS_SELECTOR, 'input[value="vandalism"] + label').click()
    go(driver)
    driver.find_element(By.CSS_SELECTOR, 'input[value="graffiti"] + label').click()
    go(driver)
    while "/report/questions/" in driver.current_url:
        page()
        go(driver)
    partner_worded()
    type_into(driver, "description", "A resident reported graffiti on the stairwell.")
    go(driver)
    page.at("/report/triage")
    partner_worded()
    for name in ("happening-now-2", "vulnerable", "targeted-2", "happened-before"):
        chosen(driver, name)
    go(driver)
    page.at("/report/when")
    chosen(driver, "when-2")
    chosen(driver, "how-often-3")
    chosen(driver, "times-3")
    go(driver)
    where(driver, page)
    page.at("/report/impact")
    partner_worded()
    assert "How is this affecting the people involved?" in driver.page_source
    type_into(driver, "impact", "They no longer use the stairs.")
    chosen(driver, "feels-unsafe")
    go(driver)
    page.at("/report/partner")
    partner_worded()
    text = driver.find_element(By.TAG_NAME, "main").text
    assert "Who was affected" in text and "Who is responsible" in text
    chosen(driver, "affected")
    type_into(driver, "affected-who", "The family at flat 12")
    chosen(driver, "responsible-3")
    go(driver)
    page.at("/report/evidence")
    press(driver, 'main form button[name="action"][value="continue"]')
    page.at("/report/check")
    partner_worded()
    text = driver.find_element(By.TAG_NAME, "main").text
    assert "Yes: The family at flat 12" in text and "It keeps happening: about once a week" \
        in text
    press(driver, 'main form[action="/report/submit"] button')
    page.at("/report/done")
    partner_worded()
    assert page.found == {}, page.found


def test_changing_the_type_warns_before_answers_go(browser, base_url):
    browser.get(base_url + "/report/type")
    browser.find_element(By.CSS_SELECTOR, 'input[value="vandalism"] + label').click()
    cont(browser)
    browser.find_element(By.CSS_SELECTOR, 'input[value="graffiti"] + label').click()
    cont(browser)
    browser.get(base_url + "/report/type?change=1")
    browser.find_element(By.CSS_SELECTOR, 'input[value="fireworks"] + label').click()
    cont(browser)
    assert "Are you sure you want to change what you are reporting?" in browser.title
    assert "What was damaged?" in browser.find_element(By.ID, "dropped").text
    assert axe_violations(browser) == []
    browser.find_element(By.LINK_TEXT, "No, keep my answers").click()
    wait_until(browser, lambda d: "/report/type" not in d.current_url, "the way back")
    # The sub-type page's title and heading are the same words.
    browser.get(base_url + "/report/type")
    browser.find_element(By.CSS_SELECTOR, 'input[value="noise"] + label').click()
    cont(browser)
    if "Are you sure" in browser.title:
        press(browser, "main form button.govuk-button--warning")
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert heading == "What kind of noise is it?"
    assert browser.title.startswith(heading)
