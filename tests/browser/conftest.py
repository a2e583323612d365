"""Headless Chromium (Debian's chromium and chromium-driver) for browser tests."""
import os
import shutil
import tempfile

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

URL = os.environ.get("CONCORD_URL")
if not URL:
    raise pytest.UsageError("run these through scripts/test, which sets CONCORD_URL")


def make_driver(javascript=True):
    profile = tempfile.mkdtemp(prefix="concord-chrome-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    # Without the background-networking flags Chromium tries to reach
    # Google's hosts, which this closed network refuses.
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,900",
                 f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    if not javascript:
        opts.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    driver._concord_profile = profile
    return driver


def quit_driver(driver):
    driver.quit()
    shutil.rmtree(driver._concord_profile, ignore_errors=True)


@pytest.fixture(scope="session")
def base_url():
    return URL


@pytest.fixture
def browser():
    d = make_driver(javascript=True)
    yield d
    quit_driver(d)


@pytest.fixture
def browser_noscripts():
    """Chromium that never loads this site's scripts: the pages are as a
    browser without JavaScript gets them, while axe-core (injected by the
    test, not loaded from the site) can still look at them."""
    d = make_driver(javascript=True)
    d.execute_cdp_cmd("Network.enable", {})
    d.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*.js", "*.mjs", "*.js?*"]})
    yield d
    quit_driver(d)


@pytest.fixture
def browser_nojs():
    d = make_driver(javascript=False)
    yield d
    quit_driver(d)


# Waits: a click returns before the page it asked for has arrived, and a
# busy machine makes that gap long. Read a page only once the condition the
# assertion needs holds; never sleep for a time.
WAIT = 30


def wait_until(driver, condition, what):
    """Waits (up to WAIT seconds) for condition(driver) to be true, and
    returns its value; the message says what never happened."""
    return WebDriverWait(driver, WAIT).until(condition, f"waited {WAIT} s for {what}")


def next_page(driver, old):
    """Waits until the page that held `old` has been replaced and the new
    one has loaded. While Chromium swaps documents, asking about the old
    element may fail in more ways than StaleElementReferenceException."""
    def gone(_):
        try:
            old.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            if "does not belong to the document" in str(e) or "No node with given id" in str(e):
                return True
            raise
    wait_until(driver, gone, "the next page to replace this one")
    wait_until(driver, lambda d: d.execute_script("return document.readyState") == "complete",
               "the next page to load")


def press(driver, selector):
    """Presses a button (or follows a link) and waits for the next page to load."""
    button = driver.find_element(By.CSS_SELECTOR, selector)
    button.click()
    next_page(driver, button)


AXE = os.path.join(os.path.dirname(__file__), "..", "..", "node_modules", "axe-core",
                   "axe.min.js")


def axe_violations(driver):
    """Runs axe-core (npm, installed by scripts/test) on the page in the
    browser, for WCAG 2.0-2.2 A and AA, and returns its violations."""
    with open(AXE) as f:
        driver.execute_script(f.read())
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa',"
        " 'wcag21a', 'wcag21aa', 'wcag22aa']}}).then(r => done(r.violations),"
        " e => done([{id: 'axe-error', help: String(e), nodes: []}]));")
    return [{"id": v["id"], "help": v["help"],
             "nodes": [n.get("target") for n in v["nodes"]][:5]} for v in result]
