"""The check-answers page of a fully answered report of every seeded type
shows the words the person chose, never a stored code (issue 10): each
shown value is compared with the labels of its question's options."""
import datetime
import html
import re

import pytest

from test_report_form import ABOUT, WHERE, get, no_rate_limit, start, step  # noqa: F401
from test_areas import TYPES

YESTERDAY = datetime.date.today() - datetime.timedelta(days=1)
# Every seeded type a report can be of: "noise" is only the heading of its
# sub-types (the form asks which), each of which is here.
REPORTABLE = [code for code in TYPES if code != "noise"]


def rows_of(page):
    """The check page's summary rows as (key, value), in order."""
    rows = re.findall(r'<dt class="govuk-summary-list__key">(.*?)</dt>'
                      r'<dd class="govuk-summary-list__value">(.*?)</dd>', page, re.S)
    return [(html.unescape(k), html.unescape(re.sub(r"<[^>]+>", "", v)).strip())
            for k, v in rows]


def answer_for(q):
    """A full answer to question q (from the database row), the form's
    fields for it, and the words the check page must show."""
    key, kind, label, options = q
    if kind == "yes_no":
        return {"answer": "yes"}, "Yes"
    if kind == "single_choice":
        o = options[0]
        form = {"answer": o["value"]}
        if "detail" in o:
            form["detail-" + o["value"]] = "a follow-up"
            return form, "%s (a follow-up)" % o["label"]
        return form, o["label"]
    if kind == "multiple_choice":
        chosen = [o for o in options if "detail" not in o][:2]
        return {"answer": [o["value"] for o in chosen]}, ", ".join(o["label"] for o in chosen)
    if kind == "date":
        return ({"answer-day": str(YESTERDAY.day), "answer-month": str(YESTERDAY.month),
                 "answer-year": str(YESTERDAY.year)},
                "%d %s %d" % (YESTERDAY.day, YESTERDAY.strftime("%B"), YESTERDAY.year))
    if kind == "time":
        return {"answer": "23:55"}, "11:55pm"
    if kind == "number":
        return {"answer": "3"}, "3"
    return {"answer": "Seen from the window"}, "Seen from the window"


@pytest.mark.parametrize("code", REPORTABLE)
def test_every_value_on_the_check_page_is_in_words(http, db, code):
    with db.cursor() as c:
        c.execute("SELECT p.code FROM asb_type t LEFT JOIN asb_type p ON p.id = t.parent_id "
                  "WHERE t.code = %s", (code,))
        parent = c.fetchone()[0]
        c.execute("SELECT q.key, q.kind::text, q.label, q.options FROM question q "
                  "JOIN asb_type t ON t.id = q.asb_type_id WHERE t.code = %s AND q.active "
                  "ORDER BY q.sort_order, q.id", (code,))
        questions = c.fetchall()
    assert questions, code
    start(http)
    if parent:
        step(http, "/report/type", {"type": parent, "confirm": "yes"})
        nxt = step(http, "/report/subtype", {"type": code, "confirm": "yes"})
    else:
        nxt = step(http, "/report/type", {"type": code, "confirm": "yes"})
    expected = {}
    for i, q in enumerate(questions, 1):
        assert nxt == f"/report/questions/{i}", nxt
        form, words = answer_for(q)
        nxt = step(http, nxt, form)
        expected[q[2]] = words
    assert nxt == "/report/description"
    step(http, nxt, {"description": "It was loud and went on for hours."})
    step(http, "/report/triage", {"happening-now": "no", "vulnerable": "yes",
                                  "targeted": "no", "happened-before": "yes"})
    step(http, "/report/when", {"when": "ongoing", "how-often": "every_day",
                                "times": ["evening", "night"]})
    step(http, "/report/where", WHERE)
    step(http, "/report/impact", {"impact": "We cannot sleep.", "feels-unsafe": "no"})
    step(http, "/report/about-you", dict(ABOUT, contact="email"))
    page = get(http, "/report/check").text
    rows = dict(rows_of(page))
    for label, words in expected.items():
        assert rows.get(label) == words, (code, label, rows.get(label))
    assert rows["When"] == "It keeps happening: every day, in the evening and at night"
    assert rows["How to contact you"] == "By email"
    assert rows["It is happening now"] == "No"
    assert rows["What happened"] == "It was loud and went on for hours."
    # No stored code anywhere: option values, kinds, ISO dates, clock times.
    codes = {o["value"] for q in questions for o in q[3] if "_" in o["value"]}
    shown = " | ".join(v for _, v in rows_of(page))
    for c in codes | {"every_day", "evening,night", YESTERDAY.isoformat(), "23:55"}:
        assert c not in shown, (code, c, shown)
