"""The public reporting form at /report, walked as a person would with no
JavaScript: one question a page, errors that keep what was typed, the
check page, one report however often it is sent, and the tracking page."""
import datetime
import hashlib
import html
import re

import pytest
import requests

from loopback import fresh_address, session_from
from stack import URL
from staff import csrf_of

RATE_KEY = "concord:ratelimit:report:*"
# The online Case Review application's own count (its tests use this fixture).
RATE_KEYS = (RATE_KEY, "concord:ratelimit:case-review:*")


@pytest.fixture(autouse=True)
def no_rate_limit(rds):
    """Each test starts with no reports or applications counted against
    this address."""
    for pattern in RATE_KEYS:
        for k in rds.scan_iter(pattern):
            rds.delete(k)
    yield
    for pattern in RATE_KEYS:
        for k in rds.scan_iter(pattern):
            rds.delete(k)


def get(s, path, status=200):
    r = s.get(URL + path, allow_redirects=False)
    assert r.status_code == status, (path, r.status_code, r.text[:800])
    return r


def post(s, path, data, status=303):
    page = get(s, path)
    form = dict(data)
    form["csrf"] = csrf_of(page.text)
    r = s.post(URL + path, data=form, allow_redirects=False)
    assert r.status_code == status, (path, r.status_code, r.text[:1500])
    return r


def step(s, path, data):
    """Posts one step; returns where it sends the browser next."""
    return post(s, path, data).headers["Location"]


def errors_of(html):
    return re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', html)


NOISE_ANSWERS = [
    # noise-shouting-banging: yes_no (notice on yes), yes_no
    {"answer": "yes"},
    {"answer": "no"},
]

DESCRIPTION = {"description": "Shouting and banging from the flat above, most nights."}

WHEN_ONCE = {"when": "once", "occurred-day": "3", "occurred-month": "11",
             "occurred-year": "2026", "occurred-time": "22:15"}
WHERE = {"address-line-1": "10 Wood Street", "address-town": "London",
         "address-postcode": "ec2v 7aa", "lon": "", "lat": ""}
IMPACT = {"impact": "I cannot sleep.", "feels-unsafe": "yes", "vulnerable": "no",
          "targeted": "no", "happened-before": "yes"}
ABOUT = {"identity": "named", "given-name": "Ada", "family-name": "Lovelace",
         "email": "ada@example.com", "phone": "", "contact": "email",
         "updates": "yes", "for-someone-else": "no", "share": "yes", "website": ""}


def to_when(s, nxt, triage=IMPACT, description=DESCRIPTION):
    """From the description step (after the type's questions) through the
    triage step; the triage facts are taken from triage's keys, "no" for
    any it lacks."""
    assert nxt == "/report/description", nxt
    assert step(s, nxt, description) == "/report/triage"
    facts = {k: triage.get(k, "no") for k in
             ("happening-now", "vulnerable", "targeted", "happened-before")}
    assert step(s, "/report/triage", facts) == "/report/when"


def start(s):
    get(s, "/report")
    get(s, "/report/type")
    return s


def to_check(s, about=ABOUT, noise=True, impact=IMPACT):
    """Walks from the type to the check page; returns the questions' paths."""
    paths = to_evidence(s, about, noise, impact)
    assert upload(s).headers["Location"] == "/report/check"
    return paths


def to_evidence(s, about=ABOUT, noise=True, impact=IMPACT):
    """Walks from the type to the evidence step; returns the questions' paths."""
    start(s)
    if noise:
        assert step(s, "/report/type", {"type": "noise"}) == "/report/subtype"
        nxt = step(s, "/report/subtype", {"type": "noise-shouting-banging"})
        answers = NOISE_ANSWERS
    else:
        nxt = step(s, "/report/type", {"type": "nuisance-gatherings"})
        answers = [{"answer": "12"}, {"answer": "no"},
                   {"answer": ["shouting", "drinking"]}, {"answer": "yes"}]
    paths = []
    for a in answers:
        assert nxt.startswith("/report/questions/"), nxt
        paths.append(nxt)
        nxt = step(s, nxt, a)
    to_when(s, nxt, impact)
    assert step(s, "/report/when", WHEN_ONCE) == "/report/where"
    assert step(s, "/report/where", WHERE) == "/report/impact"
    assert step(s, "/report/impact", impact) == "/report/about-you"
    assert step(s, "/report/about-you", about) == "/report/evidence"
    return paths


def upload(s, files=(), action="continue", status=303, change=False):
    """Sends the evidence step as a browser does (multipart/form-data):
    files are (name, bytes, declared type); none is an empty file input."""
    page = get(s, "/report/evidence?change=1" if change else "/report/evidence")
    parts = [("csrf", (None, csrf_of(page.text)))]
    if change:
        parts.append(("change", (None, "1")))
    parts += [("evidence", f) for f in files] or [
        ("evidence", ("", b"", "application/octet-stream"))]
    parts.append(("action", (None, action)))
    r = s.post(URL + "/report/evidence", files=parts, allow_redirects=False)
    assert r.status_code == status, (r.status_code, r.text[:1500])
    return r


def vandalism_to_when(s):
    """Vandalism: one required question, then four optional ones."""
    start(s)
    step(s, "/report/type", {"type": "vandalism"})
    nxt = step(s, "/report/questions/1", {"answer": "graffiti"})
    while nxt != "/report/description":
        nxt = step(s, nxt, {})
    to_when(s, nxt)


def submit(s):
    check = get(s, "/report/check")
    key = re.search(r'name="idempotency-key" value="([0-9a-f]+)"', check.text).group(1)
    r = s.post(URL + "/report/submit", data={
        "csrf": csrf_of(check.text), "idempotency-key": key}, allow_redirects=False)
    return r, key, csrf_of(check.text)


def done(s):
    page = get(s, "/report/done")
    ref = re.search(r'id="reference">(ASB-\d{4}-\d{6,})<', page.text).group(1)
    m = re.search(r'href="https?://[^/"]+(/track/[^"?]+\?t=[0-9a-f]{64})"', page.text)
    return ref, (m.group(1) if m else None), page


# ---------------------------------------------------------------------------
# The pages before sending (no report is made)

def test_start_page_says_call_999_and_starts(http):
    r = get(http, "/report")
    assert "If you are in danger now, call 999" in r.text
    assert 'href="/report/type"' in r.text and "Start now" in r.text


def test_types_are_grouped_by_category_with_subtypes_on_their_own_page(http):
    start(http)
    page = get(http, "/report/type").text
    assert page.index("Aimed at you") < page.index("Affecting the community") < \
        page.index("Damage to places")
    assert 'value="noise"' in page and 'value="noise-alarms"' not in page
    assert "<legend" in page and "<fieldset" in page
    assert step(http, "/report/type", {"type": "noise"}) == "/report/subtype"
    sub = get(http, "/report/subtype").text
    assert 'value="noise-alarms"' in sub and 'href="/report/type"' in sub


def test_each_question_kind_is_rendered_and_checked(http):
    # abandoned vehicles: short_text (required), short_text, number, ...
    start(http)
    step(http, "/report/type", {"type": "abandoned-vehicles"})
    q1 = get(http, "/report/questions/1").text
    assert 'class="govuk-input' in q1 and "What make and colour" in q1
    r = post(http, "/report/questions/1", {"answer": "  "}, status=400)
    missing = 'Enter your answer to "What make and colour is the vehicle?"'
    assert html.unescape(r.text).count(missing) == 2     # the summary, the input
    assert "<title>Error: " in r.text
    assert ("answer", missing) in [(f, html.unescape(m)) for f, m in errors_of(r.text)]
    r = post(http, "/report/questions/1", {"answer": "x" * 501}, status=400)
    assert "500 characters or fewer (you have 1 character too many)" in r.text
    assert "x" * 501 in r.text
    step(http, "/report/questions/1", {"answer": "A silver Ford Focus"})
    step(http, "/report/questions/2", {})   # optional: may be left blank
    # nuisance neighbours: multiple_choice, yes_no, single_choice, date
    start(http)
    step(http, "/report/type", {"type": "nuisance-neighbours", "confirm": "yes"})
    step(http, "/report/questions/1", {"answer": ["noise"]})
    q2 = get(http, "/report/questions/2").text
    assert 'type="radio"' in q2 and "<legend" in q2
    r = post(http, "/report/questions/2", {}, status=400)
    assert "Select yes or no" in r.text
    post(http, "/report/questions/2", {"answer": "maybe"}, status=400)
    step(http, "/report/questions/2", {"answer": "no"})
    step(http, "/report/questions/3", {})
    q4 = get(http, "/report/questions/4").text
    for part in ("answer-day", "answer-month", "answer-year"):
        assert f'name="{part}"' in q4
    r = post(http, "/report/questions/4", {"answer-day": "31", "answer-month": "2",
                                           "answer-year": "2026"}, status=400)
    assert "real date" in r.text and 'value="31"' in r.text
    assert len(errors_of(r.text)) == 1
    future = datetime.date.today() + datetime.timedelta(days=30)
    post(http, "/report/questions/4", {"answer-day": str(future.day),
         "answer-month": str(future.month), "answer-year": str(future.year)}, status=400)
    assert step(http, "/report/questions/4", {"answer-day": "1", "answer-month": "11",
                                              "answer-year": "2026"}) == "/report/description"
    # a question that does not exist
    get(http, "/report/questions/5", status=404)


def test_an_option_asks_its_follow_up_and_the_intake_checks_it(http, db):
    """"Yes, I know their name" asks the name; "Something else" asks what
    (sql/migrations/0039_report_form.sql)."""
    start(http)
    step(http, "/report/type", {"type": "harassment"})
    names = {}
    nxt = "/report/questions/1"
    while nxt.startswith("/report/questions/"):
        page = get(http, nxt).text
        if "Do you know who is doing this?" in page:
            assert 'data-aria-controls="conditional-answer"' in page
            assert 'for="detail-name">What is their name?</label>' in page
            r = post(http, nxt, {"answer": "name", "detail-name": " "}, status=400)
            assert ("detail-name", "Enter their name") in errors_of(r.text)
            assert 'id="detail-name-error"' in r.text
            nxt = step(http, nxt, {"answer": "name", "detail-name": "Jo Bloggs"})
            names["know_who"] = True
        elif 'value="yes"' in page:
            nxt = step(http, nxt, {"answer": "no"})
        else:
            nxt = step(http, nxt, {"answer": re.search(
                r'name="answer" type="radio" value="([a-z_]+)"', page).group(1)})
    assert names
    to_when(http, nxt)
    check = get(http, "/report/check", status=303)   # where and the rest are not given yet
    assert check.headers["Location"] == "/report/when"
    step(http, "/report/when", WHEN_ONCE)
    step(http, "/report/where", WHERE)
    step(http, "/report/impact", IMPACT)
    step(http, "/report/about-you", ABOUT)
    assert "Yes, I know their name (Jo Bloggs)" in get(http, "/report/check").text
    r, _, _ = submit(http)
    ref, _, _ = done(http)
    with db.cursor() as c:
        c.execute("SELECT answers FROM report WHERE reference = %s", (ref,))
        answers = c.fetchone()[0]
    assert answers["know_who"]["answer"] == "name"
    assert answers["know_who"]["detail"] == {"name": "Jo Bloggs"}


def test_each_fact_is_asked_once(http, db):
    """The types' questions that asked where, when, happening now, targeted
    or vulnerable again are retired; the shared steps ask them."""
    with db.cursor() as c:
        c.execute("SELECT t.code, q.key FROM question q JOIN asb_type t ON t.id = q.asb_type_id "
                  "WHERE q.active AND (q.key IN ('source_address', 'happening_now', "
                  "'targeted_for_who_you_are', 'vulnerable', 'how_often', 'usual_time', "
                  "'last_date', 'last_time', 'ringing_now') OR q.label ~* "
                  "'^(where is the|when did it happen|at about what time)')")
        assert c.fetchall() == []
    start(http)
    step(http, "/report/type", {"type": "noise"})
    nxt = step(http, "/report/subtype", {"type": "noise-music-parties"})
    seen = []
    while nxt.startswith("/report/questions/"):
        page = get(http, nxt).text
        seen.append(re.search(r"<h1[^>]*>(?:<label[^>]*>)?([^<]+)", page).group(1))
        nxt = step(http, nxt, {"answer": "no"} if 'value="yes"' in page else {})
    assert not any(q.startswith(("Where is", "How often")) for q in seen), seen
    assert nxt == "/report/description"
    triage = get(http, "/report/triage").text
    for q in ("Is it happening now?", "Is anyone in your household vulnerable?",
              "targeted because of who you are", "Has this happened before?"):
        assert q in triage


def test_number_and_checkbox_questions(http):
    start(http)
    step(http, "/report/type", {"type": "nuisance-gatherings"})
    r = post(http, "/report/questions/1", {"answer": "lots"}, status=400)
    assert "whole number" in r.text and 'value="lots"' in r.text
    step(http, "/report/questions/1", {"answer": "12"})
    step(http, "/report/questions/2", {"answer": "no"})
    q3 = get(http, "/report/questions/3").text
    assert 'type="checkbox"' in q3
    r = post(http, "/report/questions/3", {}, status=400)
    assert "Select at least one option" in r.text
    r = post(http, "/report/questions/3", {"answer": ["shouting", "nonsense"]}, status=400)
    step(http, "/report/questions/3", {"answer": ["shouting", "drinking"]})
    page = get(http, "/report/questions/3").text
    assert re.search(r'value="shouting" checked', page)
    assert re.search(r'value="drinking" checked', page)
    assert not re.search(r'value="fighting" checked', page)


def test_a_skipped_required_question_is_asked_before_sending(http):
    start(http)
    step(http, "/report/type", {"type": "vandalism"})
    # Straight past the questions, by typing the addresses.
    step(http, "/report/description", DESCRIPTION)
    step(http, "/report/triage", {"happening-now": "no", "vulnerable": "no",
                                  "targeted": "no", "happened-before": "no"})
    step(http, "/report/when", WHEN_ONCE)
    step(http, "/report/where", WHERE)
    step(http, "/report/impact", IMPACT)
    step(http, "/report/about-you", ABOUT)
    r = get(http, "/report/check", status=303)
    assert r.headers["Location"] == "/report/questions/1"
    step(http, "/report/questions/1", {"answer": "street"})
    assert "Street furniture" in get(http, "/report/check").text


def test_a_notice_is_shown_with_the_answer_that_calls_for_it(http):
    start(http)
    step(http, "/report/type", {"type": "noise"})
    step(http, "/report/subtype", {"type": "noise-shouting-banging"})
    page = get(http, "/report/questions/1").text
    # In the yes option's conditional reveal, on the same page, for a
    # screen reader as an alert; nothing on the next page.
    reveal = re.search(r'id="conditional-answer">(.*?)</div>\s*</div>', page, re.S)
    assert reveal and "If you think someone is being hurt right now, call 999." \
        in reveal.group(1)
    assert 'role="alert"' in reveal.group(1)
    assert 'value="yes" data-aria-controls="conditional-answer"' in page
    step(http, "/report/questions/1", {"answer": "yes"})
    assert "being hurt right now" not in get(http, "/report/questions/2").text


def test_when_where_impact_and_about_you_refuse_bad_input_and_keep_it(http):
    vandalism_to_when(http)
    # when
    r = post(http, "/report/when", {}, status=400)
    assert "Select whether it happened once" in r.text
    r = post(http, "/report/when", {"when": "once", "occurred-day": "40",
             "occurred-month": "1", "occurred-year": "2026",
             "occurred-time": "noon-ish"}, status=400)
    assert [f for f, _ in errors_of(r.text)] == ["occurred-day", "occurred-time"]
    assert 'value="40"' in r.text and 'value="noon-ish"' in r.text
    r = post(http, "/report/when", {"when": "ongoing"}, status=400)
    assert [f for f, _ in errors_of(r.text)] == ["how-often", "times"]
    r = post(http, "/report/when", {"when": "ongoing", "how-often": "weekly",
             "times": ["evening", "night"]}, status=303)
    # where
    r = post(http, "/report/where", {"address-line-1": "", "address-postcode": "NOT A PC"},
             status=400)
    assert [f for f, _ in errors_of(r.text)] == ["address-line-1", "address-postcode"]
    assert 'value="NOT A PC"' in r.text
    r = post(http, "/report/where", {"address-line-1": "y" * 201}, status=400)
    assert "200 characters or fewer" in r.text
    r = post(http, "/report/where", {"address-line-1": "", "lon": "200", "lat": "51.5"},
             status=400)
    assert "is not a point on the map" in r.text
    step(http, "/report/where", {"address-line-1": "Guildhall", "address-postcode": "EC2V7HH"})
    assert 'value="EC2V 7HH"' in get(http, "/report/where").text
    # impact
    r = post(http, "/report/impact", {"impact": "z" * 2001, "feels-unsafe": "yes"},
             status=400)
    assert [f for f, _ in errors_of(r.text)] == ["impact"]
    assert "2000 characters or fewer (you have 1 character too many)" in r.text
    assert re.search(r'name="feels-unsafe" type="radio" value="yes" checked', r.text)
    assert 'aria-describedby="impact-info impact-hint' in r.text
    step(http, "/report/impact", IMPACT)
    # about you
    r = post(http, "/report/about-you", {}, status=400)
    assert [f for f, _ in errors_of(r.text)] == ["identity", "for-someone-else", "share"]
    r = post(http, "/report/about-you", {"identity": "named", "given-name": "Ada",
             "email": "not-an-email", "contact": "phone", "updates": "yes",
             "for-someone-else": "no", "share": "yes"}, status=400)
    fields = [f for f, _ in errors_of(r.text)]
    assert fields == ["family-name", "email", "phone"], fields
    assert 'value="not-an-email"' in r.text and 'value="Ada"' in r.text
    r = post(http, "/report/about-you", dict(ABOUT, email="", contact="none"), status=400)
    assert "to get updates by email" in r.text
    # No way of contact offered that the form cannot use; a follow-up for
    # someone else.
    assert 'value="post"' not in r.text
    r = post(http, "/report/about-you", dict(ABOUT, **{"for-someone-else": "yes"}),
             status=400)
    assert ("other-name", "Enter the name of the person you are reporting for") \
        in errors_of(r.text)
    assert step(http, "/report/about-you", ABOUT) == "/report/evidence"


def test_a_map_point_outside_the_partnership_names_the_council(http):
    # The demo geography ships with the project (sql/demo/): no skip.
    vandalism_to_when(http)
    step(http, "/report/when", WHEN_ONCE)
    r = post(http, "/report/where", {"address-line-1": "", "lon": "-0.0553",
             "lat": "51.5450"}, status=400)
    assert "This is in Hackney. Report it to Hackney Council instead." in r.text
    assert step(http, "/report/where", {"address-line-1": "", "lon": "-0.0917",
                "lat": "51.5155"}) == "/report/impact"


def test_a_lost_draft_sends_you_back_to_the_start(http, rds):
    start(http)
    step(http, "/report/type", {"type": "vandalism"})
    token = http.cookies.get("concord_draft") or http.cookies.get("__Host-concord_draft")
    key = "concord:draft:" + hashlib.sha256(token.encode()).hexdigest()
    assert rds.exists(key) and 80000 < rds.ttl(key) <= 86400
    rds.delete(key)
    for path in ("/report/when", "/report/questions/1", "/report/check"):
        r = get(http, path, status=303)
        assert r.headers["Location"] == "/report"
    page = http.get(URL + "/report/when")
    assert page.url.endswith("/report")
    assert "Please start again" in page.text


def test_no_draft_at_all_on_a_later_step(http):
    r = get(http, "/report/impact", status=303)
    assert r.headers["Location"] == "/report"


def test_check_page_change_links_come_back_to_check(http):
    to_check(http)
    check = get(http, "/report/check").text
    for href in ("/report/type?change=1", "/report/subtype?change=1",
                 "/report/questions/1?change=1", "/report/description?change=1",
                 "/report/triage?change=1",
                 "/report/when?change=1", "/report/where?change=1",
                 "/report/impact?change=1", "/report/about-you?change=1"):
        assert f'href="{href}"' in check, href
    assert "Shouting and banging from the flat above" in check and "EC2V 7AA" in check
    # A question changed returns to the check page at once.
    assert step(http, "/report/questions/1", {"answer": "no", "change": "1"}) \
        == "/report/check"
    assert "govuk-summary-list" in check
    page = get(http, "/report/where?change=1").text
    assert 'name="change" value="1"' in page and 'href="/report/check"' in page
    assert step(http, "/report/where", dict(WHERE, **{"change": "1",
                "address-line-1": "12 Wood Street"})) == "/report/check"
    assert "12 Wood Street" in get(http, "/report/check").text
    # Changing the type warns before its answers go, then asks the new
    # type's questions, each, then returns.
    r = post(http, "/report/type", {"type": "fireworks", "change": "1"}, status=200)
    assert "your answers to these questions will be removed" in r.text
    assert "Does it sound as if someone is being hurt" in r.text
    assert "Shouting" in get(http, "/report/check").text      # nothing dropped yet
    nxt = step(http, "/report/type", {"type": "fireworks", "change": "1", "confirm": "yes"})
    assert nxt == "/report/questions/1?change=all"
    nxt = step(http, "/report/questions/1", {"answer": "no", "change": "all"})
    assert nxt == "/report/questions/2?change=all"
    assert step(http, "/report/questions/2", {"answer": "no", "change": "all"}) \
        == "/report/check"


# ---------------------------------------------------------------------------
# Sending (needs fcgi/domain/report.c)

def test_whole_flow_gives_a_reference_and_a_tracking_link(http, db):
    to_check(http)
    r, key, _ = submit(http)
    assert r.status_code == 303 and r.headers["Location"] == "/report/done"
    ref, track, page = done(http)
    assert "govuk-panel--confirmation" in page.text
    assert track is not None and track in page.text
    # The link is shown in full, on this site, so it can be copied.
    host = re.search(r'id="tracking-link" href="([^"]+)"', page.text).group(1)
    assert host == URL.rstrip("/") + track, (host, URL)
    with db.cursor() as c:
        c.execute("SELECT r.answers, i.status FROM report r JOIN incident i "
                  "ON i.id = r.incident_id WHERE r.reference = %s", (ref,))
        answers, status = c.fetchone()
    assert answers["someone_hurt"]["question"].startswith("Does it sound as if")
    assert answers["someone_hurt"]["answer"] == "yes"
    assert answers["someone_hurt"]["version"] >= 1
    with db.cursor() as c:
        c.execute("SELECT i.description, i.urgent FROM report r JOIN incident i "
                  "ON i.id = r.incident_id WHERE r.reference = %s", (ref,))
        description, urgent = c.fetchone()
    assert description == DESCRIPTION["description"]
    assert urgent            # the answer's 999 notice
    t = requests.get(URL + track)
    assert t.status_code == 200 and ref in t.text
    assert "Received" in t.text


def test_sending_twice_makes_one_report(http, db):
    to_check(http, noise=False)
    r1, key, csrf = submit(http)
    assert r1.status_code == 303
    r2 = http.post(URL + "/report/submit", data={"csrf": csrf, "idempotency-key": key},
                   allow_redirects=False)
    assert r2.status_code == 303 and r2.headers["Location"] == "/report/done"
    ref, track, _ = done(http)
    # And again, after the confirmation has been shown.
    r3 = http.post(URL + "/report/submit", data={"csrf": csrf, "idempotency-key": key},
                   allow_redirects=False)
    assert r3.headers["Location"] == "/report/done"
    ref2, track2, _ = done(http)
    assert (ref2, track2) == (ref, track)
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM report WHERE idempotency_key = %s", (key,))
        assert c.fetchone()[0] == 1
    # The check page now leads to the confirmation, not a second report.
    assert get(http, "/report/check", status=303).headers["Location"] == "/report/done"


@pytest.mark.parametrize("vulnerable, targeted, before", [
    ("no", "no", "yes"), ("yes", "no", "no"), ("no", "yes", "no"), ("no", "no", "no")])
def test_the_incident_is_flagged_from_the_reporters_answers(http, db, vulnerable,
                                                            targeted, before):
    """domain/flags.c: someone vulnerable, or targeted for who they are, makes a
    vulnerable victim; "it happened before" a repeat victim."""
    to_check(http, impact=dict(IMPACT, vulnerable=vulnerable, targeted=targeted,
                               **{"happened-before": before}))
    r, _, _ = submit(http)
    assert r.status_code == 303
    ref, _, _ = done(http)
    with db.cursor() as c:
        c.execute("SELECT i.vulnerable, i.repeat_victim FROM report r JOIN incident i "
                  "ON i.id = r.incident_id WHERE r.reference = %s", (ref,))
        assert c.fetchone() == ("yes" in (vulnerable, targeted), before == "yes")


def test_anonymous_report_needs_no_contact_details(http, db):
    to_check(http, about={"identity": "anonymous", "given-name": "", "family-name": "",
                          "email": "", "for-someone-else": "yes", "other-name": "Sam Smith",
                          "other-relation": "my neighbour", "share": "no"})
    check = get(http, "/report/check").text
    assert "You are reporting anonymously" in check
    assert "Yes, for Sam Smith (my neighbour)" in check
    r, key, _ = submit(http)
    ref, track, _ = done(http)
    with db.cursor() as c:
        c.execute("SELECT reporter_id FROM report WHERE reference = %s", (ref,))
        assert c.fetchone()[0] is None


def test_the_honeypot_pretends_and_saves_nothing(http, db):
    to_check(http, about=dict(ABOUT, website="http://spam.example"))
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM report")
        before = c.fetchone()[0]
    r, key, _ = submit(http)
    assert r.status_code == 303
    ref, track, _ = done(http)
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM report")
        assert c.fetchone()[0] == before
        c.execute("SELECT count(*) FROM report WHERE reference = %s", (ref,))
        assert c.fetchone()[0] == 0
    assert requests.get(URL + track).status_code == 404


SUBMIT_LIMIT = 10   # reports an hour from one address (README)


def test_too_many_reports_from_one_address(http):
    # An address of its own (fresh each run, so nothing counted before
    # matters): the first SUBMIT_LIMIT reports go through, the next is refused.
    addr = fresh_address()
    for n in range(SUBMIT_LIMIT):
        s = session_from(addr)
        to_check(s)
        r, _, _ = submit(s)
        assert r.status_code == 303, (n, r.status_code, r.text[:500])
        assert done(s)[0]
        s.close()
    s = session_from(addr)
    to_check(s)
    r, _, _ = submit(s)
    assert r.status_code == 429, (r.status_code, r.text[:500])
    assert "answers are saved" in r.text
    # ... and they are: the check page still has them.
    check = get(s, "/report/check").text
    assert "10 Wood Street" in check and "I cannot sleep." in check
    s.close()
    # Someone else, at another address, is not held back.
    to_check(http)
    assert submit(http)[0].status_code == 303


def test_a_wrong_tracking_token_is_not_found(http):
    to_check(http)
    submit(http)
    ref, track, _ = done(http)
    wrong = re.sub(r"t=[0-9a-f]{64}", "t=" + "0" * 64, track)
    a = requests.get(URL + wrong)
    b = requests.get(URL + "/track/ASB-1999-999999?t=" + "0" * 64)
    c = requests.get(URL + "/track/" + ref)
    for resp in (a, b, c):
        assert resp.status_code == 404
        assert "We could not find that report" in resp.text
    # The same page for a wrong token and an unknown reference.
    strip = lambda t: re.sub(r"Reference: [^<]*", "", t)  # noqa: E731
    assert strip(a.text) == strip(b.text)


def test_what_happened_is_asked_for_every_type_and_counted_in_characters(http):
    """The description step: required, its limit in characters as the
    character count shows it (2,000 accented letters are 4,000 bytes)."""
    start(http)
    assert step(http, "/report/type", {"type": "begging"}).startswith("/report/questions/")
    page = get(http, "/report/description").text
    assert 'data-module="govuk-character-count" data-maxlength="2000"' in page
    assert 'aria-describedby="description-info description-hint"' in page
    r = post(http, "/report/description", {"description": "  "}, status=400)
    assert ("description", "Enter what happened") in errors_of(r.text)
    r = post(http, "/report/description", {"description": "\u00e9" * 2001}, status=400)
    assert "What happened must be 2000 characters or fewer (you have 1 character too many)" \
        in html.unescape(r.text)
    assert step(http, "/report/description", {"description": "\u00e9" * 2000}) \
        == "/report/triage"


def test_only_the_parts_of_a_date_in_error_are_marked(http):
    """GOV.UK's date input: a two-figure year marks the year alone, a day
    the month does not have the day, a date still to come all three."""
    vandalism_to_when(http)

    def marked(r):
        return [p for p in ("day", "month", "year") if re.search(
            r'govuk-input--error" id="occurred-%s"' % p, r.text)]

    r = post(http, "/report/when", {"when": "once", "occurred-day": "2",
             "occurred-month": "12", "occurred-year": "26"}, status=400)
    assert marked(r) == ["year"]
    assert errors_of(r.text) == [("occurred-year", "Year must include 4 numbers")]
    r = post(http, "/report/when", {"when": "once", "occurred-day": "31",
             "occurred-month": "2", "occurred-year": "2026"}, status=400)
    assert marked(r) == ["day"]             # February has no 31st
    later = datetime.date.today() + datetime.timedelta(days=40)
    r = post(http, "/report/when", {"when": "once", "occurred-day": str(later.day),
             "occurred-month": str(later.month), "occurred-year": str(later.year)},
             status=400)
    assert marked(r) == ["day", "month", "year"]    # the date as a whole
    r = post(http, "/report/when", {"when": "once", "occurred-day": "3",
             "occurred-month": "", "occurred-year": ""}, status=400)
    assert marked(r) == ["month", "year"]
