"""The layout every page shares, in Chromium at a desktop's width (1280 px)
and a phone's (375 px): the service navigation marks the current page, on
a phone it folds into GOV.UK's Menu button (with JavaScript; without, its
links stay listed), and the staff tables scroll inside their own box while
the page never scrolls sideways."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import axe_violations, wait_until
from test_accessibility import signed_in

PHONE = (375, 667)


def phone(driver):
    """Makes the page a phone's: 375 by 667 CSS pixels, as the iPhone SE the
    GOV.UK Design System tests with. Chromium's own window cannot be made
    that narrow, so the viewport is emulated (the page's viewport meta then
    works as on a phone)."""
    width, height = PHONE
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
    return driver


def at_width(driver, width):
    return phone(driver) if width == PHONE[0] else driver


def nav_links(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#navigation a.govuk-service-navigation__link")


def current(driver):
    """The navigation's links that say they are current: (text, aria-current,
    whether their item has GOV.UK's active class)."""
    return [(a.get_attribute("textContent").strip(), a.get_attribute("aria-current"),
             "govuk-service-navigation__item--active" in
             a.find_element(By.XPATH, "..").get_attribute("class"))
            for a in nav_links(driver) if a.get_attribute("aria-current")]


def sideways(driver, width=None):
    """How many CSS pixels the page scrolls sideways (0 or less: none). On a
    phone a page wider than the screen also widens the viewport, as the
    phone zooms out to show all of it: that counts too."""
    return driver.execute_script(
        "return Math.max(document.documentElement.scrollWidth, window.innerWidth)"
        " - arguments[0]", width or driver.execute_script("return screen.width"))


# ------------------------------------------------------------------ #
# The current page

def test_the_public_navigation_marks_the_current_page(browser, base_url):
    browser.get(base_url + "/report")
    assert current(browser) == [("Report anti-social behaviour", "page", True)]
    browser.get(base_url + "/staff/sign-in")
    assert current(browser) == [("Staff sign in", "page", True)]
    browser.get(base_url + "/")
    assert current(browser) == []
    assert axe_violations(browser) == []


def test_the_staff_navigation_marks_the_current_section(browser, base_url):
    signed_in(browser, base_url, "police_supervisor")
    browser.get(base_url + "/staff/incidents")
    assert current(browser) == [("Incidents", "page", True)]
    # The fallback GOV.UK gives for users who override colours: bold text.
    assert browser.find_element(
        By.CSS_SELECTOR, "a[aria-current] strong.govuk-service-navigation__active-fallback")
    # An incident is in the Incidents section, not a page of the navigation.
    incident = browser.find_element(By.CSS_SELECTOR, "a[href^='/staff/incidents/ASB-']")
    browser.get(incident.get_attribute("href"))
    assert current(browser) == [("Incidents", "true", True)]
    browser.get(base_url + "/staff")
    assert current(browser) == [("Home", "page", True)]
    browser.get(base_url + "/staff/reports")
    assert current(browser) == [("New reports", "page", True)]
    assert axe_violations(browser) == []


def test_the_admin_section_is_current_on_every_admin_page(browser, base_url):
    signed_in(browser, base_url, "administrator")
    for path in ("/admin", "/admin/users", "/admin/types/1"):
        browser.get(base_url + path)
        assert current(browser) == [("Administration", "page" if path == "/admin" else "true",
                                     True)], path


# ------------------------------------------------------------------ #
# The Menu button on a phone

def menu(driver):
    return driver.find_element(By.CSS_SELECTOR, "button.govuk-service-navigation__toggle")


@pytest.mark.parametrize("role", [None, "police_supervisor"])
def test_on_a_phone_the_navigation_folds_into_a_menu_button(browser, base_url, role):
    if role:
        signed_in(browser, base_url, role)
    phone(browser).get(base_url + "/staff" if role else base_url + "/")
    button = wait_until(browser, lambda d: menu(d).is_displayed() and menu(d),
                        "GOV.UK's service navigation to show its Menu button")
    assert button.text == "Menu" and button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-controls") == "navigation"
    assert not any(a.is_displayed() for a in nav_links(browser))
    button.click()
    wait_until(browser, lambda d: menu(d).get_attribute("aria-expanded") == "true",
               "the menu to open")
    assert nav_links(browser) and all(a.is_displayed() for a in nav_links(browser))
    assert axe_violations(browser) == []
    button.click()
    wait_until(browser, lambda d: menu(d).get_attribute("aria-expanded") == "false",
               "the menu to close")
    assert not any(a.is_displayed() for a in nav_links(browser))
    assert sideways(browser) <= 0


def test_on_a_desktop_the_navigation_has_no_menu_button(browser, base_url):
    browser.get(base_url + "/")
    wait_until(browser, lambda d: "govuk-frontend-supported" in
               d.find_element(By.TAG_NAME, "body").get_attribute("class"), "the page's scripts")
    assert not menu(browser).is_displayed()
    assert all(a.is_displayed() for a in nav_links(browser))


@pytest.mark.parametrize("role", [None, "police_supervisor"])
def test_on_a_phone_without_javascript_the_links_stay_listed(browser_nojs, base_url, role):
    if role:
        signed_in(browser_nojs, base_url, role)
    phone(browser_nojs).get(base_url + "/staff" if role else base_url + "/")
    assert not menu(browser_nojs).is_displayed()
    links = nav_links(browser_nojs)
    assert len(links) >= 2 and all(a.is_displayed() for a in links)
    assert sideways(browser_nojs) <= 0


# ------------------------------------------------------------------ #
# Staff tables

LISTS = [("police_supervisor", "/staff/incidents"), ("police_supervisor", "/staff/reports"),
         ("police_supervisor", "/staff/activity"), ("administrator", "/admin/users"),
         ("administrator", "/admin/teams"), ("administrator", "/admin/types/1"),
         ("partner_reporter", "/staff/partner-reports"),
         ("police_supervisor", "/staff/queues/neighbourhood"),
         ("police_supervisor", "/staff/queues/workload")]


def table_box(driver):
    return driver.find_element(By.CSS_SELECTOR, "main .concord-table-scroll")


def scrolls(driver, box):
    return driver.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth",
                                 box)


@pytest.mark.parametrize("role,path", LISTS)
def test_on_a_phone_a_staff_list_does_not_scroll_sideways(browser, base_url, role, path):
    signed_in(browser, base_url, role)
    phone(browser).get(base_url + path)
    assert sideways(browser) <= 0, f"{path} scrolls {sideways(browser)} px sideways"
    for box in browser.find_elements(By.CSS_SELECTOR, "main .concord-table-scroll"):
        assert box.get_attribute("role") == "region" and box.get_attribute("aria-label")
        assert box.value_of_css_property("overflow-x") == "auto"
    assert axe_violations(browser) == []


def test_a_wide_table_scrolls_in_its_box_with_the_keyboard(browser, base_url):
    signed_in(browser, base_url, "police_supervisor")
    phone(browser).get(base_url + "/staff/incidents")
    box = table_box(browser)
    assert scrolls(browser, box), "the incidents table fits a phone: nothing to test"
    assert sideways(browser) <= 0
    # A tab stop, so that the arrow keys scroll it.
    wait_until(browser, lambda d: box.get_attribute("tabindex") == "0", "the box's tab stop")
    browser.execute_script("arguments[0].focus()", box)
    box.send_keys(Keys.ARROW_RIGHT)
    wait_until(browser, lambda d: d.execute_script("return arguments[0].scrollLeft", box) > 0,
               "the arrow key to scroll the table")
    assert sideways(browser) <= 0


def test_a_table_that_fits_is_no_tab_stop(browser, base_url):
    """With JavaScript the box is a tab stop only while its table is wider."""
    signed_in(browser, base_url, "administrator")
    browser.get(base_url + "/admin/teams")
    box = table_box(browser)
    assert not scrolls(browser, box)
    wait_until(browser, lambda d: box.get_attribute("tabindex") is None,
               "the tab stop of a box with nothing to scroll to go")
    phone(browser)
    wait_until(browser, lambda d: scrolls(d, box) == (box.get_attribute("tabindex") == "0"),
               "the tab stop to follow whether the box scrolls")


def test_without_javascript_a_table_box_stays_a_tab_stop(browser_nojs, base_url):
    signed_in(browser_nojs, base_url, "police_supervisor")
    phone(browser_nojs).get(base_url + "/staff/incidents")
    box = table_box(browser_nojs)
    assert box.get_attribute("tabindex") == "0" and scrolls(browser_nojs, box)
    assert sideways(browser_nojs) <= 0


@pytest.mark.parametrize("width", [1280, PHONE[0]])
def test_the_public_pages_fit_the_screen(browser, base_url, width):
    at_width(browser, width)
    for path in ("/", "/report", "/staff/sign-in"):
        browser.get(base_url + path)
        assert sideways(browser, width) <= 0, path
