"""A call handler enters a typical call on /staff/quick with the keyboard
alone: the first field has the focus, Tab moves through the form in the
order of the call, and Enter sends it. The fields they fill are counted
(at most 12) and the count is printed in the test run's output."""
import os
import random
import re
import sys

import psycopg2
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import wait_until
from test_accessibility import signed_in

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from stack import read_conf  # noqa: E402

FIELDS_MAX = 12


def say(request, line):
    """A line in the run's output even though pytest captures the test's."""
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(line, flush=True)


def db_row(sql, *args):
    conn = psycopg2.connect(read_conf()["db_admin"])
    try:
        with conn.cursor() as cur:
            cur.execute(sql, args)
            return cur.fetchone()
    finally:
        conn.close()


def log_number():
    """The force's example log number (its format), or any when it has none."""
    example = db_row("SELECT log_number_example FROM agency WHERE code = 'city-police'")[0]
    return example or "CAD-%04d" % random.randrange(10000)


def active(driver):
    return driver.switch_to.active_element


def test_a_typical_call_by_keyboard_alone(browser, base_url, request):
    signed_in(browser, base_url, "call_handler")
    browser.get(base_url + "/staff/quick")
    wait_until(browser, lambda d: active(d).get_attribute("id") == "type",
               "the focus on the first field")

    description = "Party music all night, quick entry %06d" % random.randrange(10 ** 6)
    filled = []

    def fill(field_id, keys):
        """Types into the focused field, which must be field_id, then Tab."""
        here = active(browser)
        assert here.get_attribute("id") == field_id, here.get_attribute("id")
        here.send_keys(keys)
        filled.append(field_id)
        # To whatever has the focus now: an arrow moves it within a group.
        active(browser).send_keys(Keys.TAB)

    def skip(field_id):
        here = active(browser)
        assert here.get_attribute("id") == field_id, here.get_attribute("id")
        here.send_keys(Keys.TAB)

    fill("type", "Noise")
    fill("postcode", "WD1 3CD")
    fill("where", "4 Clarendon Road")
    skip("at_caller_address")
    skip("when")                       # blank: it is happening now
    fill("caller", "Jamie Keys")
    fill("caller_phone", "07700 900%03d" % random.randrange(1000))
    fill("description", description)
    fill("log_number", log_number())
    # Each screening question: Tab lands on "Yes"; the right arrow picks "No".
    for first in ("screening", "s_vulnerable", "s_targeted", "s_at_risk"):
        fill(first, Keys.ARROW_RIGHT)
    here = active(browser)
    assert here.tag_name == "button" and "Create incident" in here.text
    here.send_keys(Keys.ENTER)

    panel = wait_until(browser, lambda d: d.find_elements(By.ID, "done-reference"),
                       "the success panel")
    ref = panel[0].text
    assert re.fullmatch(r"ASB-\d{4}-\d{6,}", ref)
    # Ready for the next call: the empty form has the focus again (the
    # browser applies autofocus once the page has loaded).
    wait_until(browser, lambda d: active(d).get_attribute("id") == "type",
               "the focus on the type of the next call")
    assert active(browser).get_attribute("value") == ""

    row = db_row("SELECT description, channel, assessment_due FROM incident "
                 "WHERE reference = %s", ref)
    assert row == (description, "call_handler", None)

    say(request, "quick entry: %d fields" % len(filled))
    assert len(filled) <= FIELDS_MAX
