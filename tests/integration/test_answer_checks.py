"""One checker per question kind (domain/answer.c) behind both channels:
the same value sent through the public form's question page and through
Open311's attribute[CODE] gets the same verdict, and a refusal the same
words (the form beside the input, Open311 as the error's description)."""
import datetime
import html
import json
import os
import re
import uuid

import pytest
import requests

from stack import CONF, URL
from staff import csrf_of
from test_report_form import get, to_check

API = URL + "/open311/v2"
TODAY = datetime.date.today()
YESTERDAY = TODAY - datetime.timedelta(days=1)
NEXT_MONTH = TODAY + datetime.timedelta(days=30)

# (type, parent on the form or None, question key, kind)
QUESTIONS = {
    "short_text": ("abandoned-vehicles", None, "make_and_colour"),
    "long_text": ("drug-activity", None, "people"),
    "yes_no": ("noise-shouting-banging", "noise", "someone_hurt"),
    "single_choice": ("harassment", None, "how_long"),
    "multiple_choice": ("nuisance-gatherings", None, "doing_what"),
    "date": ("nuisance-neighbours", None, "started"),
    # No seeded type asks a time of its own since the form asks when once
    # (0039): the kind is given a type here (time_type).
    "time": ("checker-time-kind", None, "seen_at"),
    "number": ("nuisance-gatherings", None, "how_many"),
}

REAL_DATE = "The date must be a real date"
PAST = "The date must be today or in the past"
WHOLE = "Enter a whole number from 0 to 100,000, like 3"

# (kind, value, the refusal or None when it passes). A value is a string,
# a list (several values), or a date (a date, or (year, month, day) as
# typed in the form's three boxes and joined by "-" for Open311). Each bad
# value here was taken by one channel and refused by the other before the
# checker was shared; the date input's words are core/date.c's on both.
CASES = [
    ("short_text", "Flat 3, 10 Wood Street", None),
    ("short_text", "x" * 501,
     "Your answer must be 500 characters or fewer (you have 1 character too many)"),
    ("short_text", "\u00e9" * 500, None),     # 500 characters, 1,000 bytes
    ("long_text", "Two men in their twenties, a red van", None),
    ("long_text", "x" * 2153,
     "Your answer must be 2000 characters or fewer (you have 153 characters too many)"),
    ("yes_no", "no", None),
    ("yes_no", "maybe", "Select yes or no"),
    ("yes_no", "", 'Select yes or no for "Does it sound as if someone is being hurt '
     'or is in danger?"'),
    ("single_choice", "weeks", None),
    ("single_choice", "forever", "Select one of the options shown"),
    ("multiple_choice", ["shouting", "drinking"], None),
    ("multiple_choice", ["shouting", "nonsense"], "Select one of the options shown"),
    ("date", YESTERDAY, None),
    ("date", NEXT_MONTH, PAST),
    ("date", (2025, 2, 29), REAL_DATE),
    ("date", ("26", "3", "7"), "Year must include 4 numbers"),
    ("date", ("2026", "", "7"), "The date must include a month"),
    ("date", ("", "", "7"), "The date must include a month and year"),
    ("time", "21:30", None),
    ("time", "25:99", "Enter a real time, for example 9:30pm or 21:30"),
    ("number", "100000", None),
    ("number", "100001", WHOLE),
    ("number", "2.5", WHOLE),
]


@pytest.fixture(autouse=True)
def time_type(db):
    """A type whose one question is of the time kind, as an administrator
    might add (the admin pages are tested in test_admin_asb.py); made once,
    kept."""
    with db.cursor() as c:
        c.execute("INSERT INTO asb_type (code, name, category, hint, retention_days, "
                  "sort_order) VALUES ('checker-time-kind', 'Time kind', 'nuisance', "
                  "'A type for the time question.', 365, 999) "
                  "ON CONFLICT (code) DO UPDATE SET active = true RETURNING id")
        tid = c.fetchone()[0]
        c.execute("INSERT INTO question (asb_type_id, key, sort_order, kind, label, required) "
                  "VALUES (%s, 'seen_at', 10, 'time', 'At what time did you see it?', true) "
                  "ON CONFLICT (asb_type_id, key) DO NOTHING", (tid,))
    db.commit()


@pytest.fixture(scope="module")
def api_key():
    with open(os.path.join(os.path.dirname(CONF), "demo-clients.json")) as f:
        return json.load(f)["open311"]["api_key"]


@pytest.fixture(autouse=True)
def no_rate_limits(rds):
    for pattern in ("concord:open311:rate:*", "concord:ratelimit:report:*"):
        for k in rds.scan_iter(pattern):
            rds.delete(k)


def attributes(service):
    r = requests.get(f"{API}/services/{service}.json")
    assert r.status_code == 200, r.text[:500]
    return r.json()["attributes"]


def ymd(value):
    if isinstance(value, tuple):
        return value
    return value.year, value.month, value.day


def iso(value):
    """The date as Open311 sends it: typed parts as they are, joined."""
    if isinstance(value, tuple) and isinstance(value[0], str):
        return "-".join(value)
    return "%04d-%02d-%02d" % ymd(value)


def form_errors(kind, value):
    """The form's errors for the value, as (the input linked to, the
    message); [] when it takes the value."""
    service, parent, key = QUESTIONS[kind]
    n = [a["order"] for a in attributes(service) if a["code"] == key][0]
    s = requests.Session()
    s.get(URL + "/report")
    steps = [("/report/type", parent), ("/report/subtype", service)] if parent else \
        [("/report/type", service)]
    for path, code in steps:
        page = s.get(URL + path)
        r = s.post(URL + path, data={"csrf": csrf_of(page.text), "type": code},
                   allow_redirects=False)
        assert r.status_code == 303, r.text[:500]
    path = f"/report/questions/{n}"
    page = s.get(URL + path)
    assert page.status_code == 200, page.text[:500]
    if kind == "date":
        y, m, d = ymd(value)
        data = {"answer-day": str(d), "answer-month": str(m), "answer-year": str(y)}
    else:
        data = {"answer": value}
    data["csrf"] = csrf_of(page.text)
    r = s.post(URL + path, data=data, allow_redirects=False)
    if r.status_code == 303:
        return []
    assert r.status_code == 400, (r.status_code, r.text[:800])
    errors = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', r.text)
    return [(field, html.unescape(message)) for field, message in errors]


def form_verdict(kind, value):
    """None when the form takes the value, else the error it shows."""
    errors = form_errors(kind, value)
    if not errors:
        return None
    assert len(errors) == 1, errors
    return errors[0][1]


def filler(attr):
    """A value any question of the attribute's kind takes."""
    if attr.get("values"):
        return attr["values"][-1]["key"]
    return {"number": "3", "datetime": YESTERDAY.isoformat()}.get(attr["datatype"], "yes")


def open311_verdict(api_key, kind, value, i):
    """None when Open311 takes the value, else its error's description
    after the attribute's name."""
    service, _, key = QUESTIONS[kind]
    data = {"api_key": api_key, "service_code": service, "device_id": uuid.uuid4().hex,
            "long": f"{-0.0980 + 0.0025 * (i % 10):.4f}", "lat": "51.5150",
            "description": "Checked the same way on the form"}
    for a in attributes(service):
        if a["code"] != key and a["required"]:
            name = f"attribute[{a['code']}]" + ("[]" if a["datatype"] == "multivaluelist" else "")
            data[name] = filler(a)
    if kind == "date" and not isinstance(value, str):
        value = iso(value)
    data[f"attribute[{key}]" + ("[]" if isinstance(value, list) else "")] = value
    r = requests.post(f"{API}/requests.json", data=data)
    if r.status_code == 200:
        return None
    assert r.status_code == 400, (r.status_code, r.text[:800])
    desc = r.json()[0]["description"]
    prefix = f"attribute[{key}]: "
    assert desc.startswith(prefix), desc
    return desc[len(prefix):]


@pytest.mark.parametrize("i,kind,value,refusal", [(i, *c) for i, c in enumerate(CASES)],
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_form_and_open311_give_the_same_verdict(api_key, i, kind, value, refusal):
    assert form_verdict(kind, value) == refusal
    assert open311_verdict(api_key, kind, value, i) == refusal


def test_open311_dates_and_times_may_come_as_datetimes(api_key):
    """Open311's datatype is datetime for both: the date or the time of day
    of a full W3C datetime is checked like the form's."""
    stamp = f"{YESTERDAY.isoformat()}T21:30:00Z"
    assert open311_verdict(api_key, "date", stamp, 20) is None
    assert open311_verdict(api_key, "time", stamp, 21) is None
    assert open311_verdict(api_key, "date", f"{NEXT_MONTH.isoformat()}T21:30:00Z",
                           22) == PAST


@pytest.mark.parametrize("value,part", [
    # (year, month, day)
    (("26", "3", "7"), "answer-year"),
    (("2026", "", ""), "answer-day"),
    (("", "", "7"), "answer-month"),
    (("2026", "13", "7"), "answer-month"),
    (("2026", "4", "31"), "answer-day"),
    (NEXT_MONTH, "answer-day"),
])
def test_a_date_question_links_its_error_to_the_first_part_in_error(value, part):
    """GOV.UK's date input: the error summary goes to the part to mend
    (the date as a whole, from its day, when no one part is wrong)."""
    assert [f for f, _ in form_errors("date", value)] == [part]


def test_the_check_page_shows_date_and_time_answers_in_words(http):
    """When, in words: "3 November 2026 at 10:15pm", not 3/11/2026 22:15
    (WHEN_ONCE in test_report_form.py)."""
    to_check(http)
    page = html.unescape(get(http, "/report/check").text)
    assert "3 November 2026 at 10:15pm" in page
    assert "3/11/2026" not in page and "22:15" not in page
