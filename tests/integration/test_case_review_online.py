"""The public online ASB Case Review application at /case-review, walked as
a person would with no JavaScript: one question a page, bad input on each
step given back (400) with the error summary and what was typed, check
your answers with its Change links, the send through case_review_apply
(channel online) and the confirmation with the reference and the due
dates of the first two milestones, which skip weekends and bank holidays."""
import datetime
import html
import re

import requests

from stack import URL
from staff import csrf_of
# /report's walking helpers; its autouse fixture clears the count of sends
# from this address, which the application shares with /report.
from test_report_form import errors_of, get, no_rate_limit, post, step  # noqa: F401

REF = re.compile(r"^CR-\d{4}-\d{4}$")


def value_of(text, name):
    m = re.search(r'name="%s"[^>]*value="([^"]*)"' % re.escape(name), text)
    if m:
        return html.unescape(m.group(1))
    m = re.search(r'name="%s"[^>]*>([^<]*)</textarea>' % re.escape(name), text)
    return html.unescape(m.group(1)) if m else None


YOU = {"applicant-name": "Ada Lovelace", "applicant-email": "ada@example.com",
       "applicant-phone": "", "applicant-address": "1 Wood Street\nLondon",
       "applicant-postcode": "EC2V 7AA", "website": ""}
VICTIM = {"victim-name": "Vic Tim", "relationship": "I am her daughter"}
BEHAVIOUR = {"behaviour": "Shouting and banging at her door most nights since March."}
REPORTED = {"reported-agency": ["police", "council"], "reported-when": "three times since March",
            "reported-to": "PC Smith, reference 123"}


def walk(s, for_other=True, you=YOU):
    """From the first question to the check page."""
    assert step(s, "/case-review/who", {"on-behalf": "yes" if for_other else "no"}) == \
        "/case-review/your-details"
    nxt = step(s, "/case-review/your-details", you)
    if for_other:
        assert nxt == "/case-review/victim"
        nxt = step(s, nxt, VICTIM)
    assert nxt == "/case-review/behaviour"
    assert step(s, nxt, BEHAVIOUR) == "/case-review/reported"
    assert step(s, "/case-review/reported", REPORTED) == "/case-review/check"
    return get(s, "/case-review/check")


def send(s, check):
    key = re.search(r'name="idempotency-key" value="([^"]+)"', check.text).group(1)
    r = s.post(URL + "/case-review/submit", data={"csrf": csrf_of(check.text),
               "idempotency-key": key}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/case-review/done", \
        (r.status_code, r.text[:800])
    done = get(s, "/case-review/done")
    ref = re.search(r'id="reference">([^<]+)<', done.text).group(1)
    assert REF.match(ref), ref
    return ref, done


def working_days_after(db, start, n):
    """start + n working days: weekends and England and Wales bank
    holidays skipped, counted here by hand from the table."""
    with db.cursor() as c:
        c.execute("SELECT day FROM bank_holiday WHERE region = 'england-and-wales'")
        holidays = {r[0] for r in c.fetchall()}
    d = start
    while n > 0:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5 and d not in holidays:
            n -= 1
    return d


def words(d):
    return "%d %s %d" % (d.day, d.strftime("%B"), d.year)


def application(db, ref):
    with db.cursor() as c:
        c.execute("SELECT id, channel, applicant_name, applicant_email, applicant_phone, "
                  "applicant_address, applicant_postcode, on_behalf, victim_name, "
                  "relationship, behaviour, reported_to, received_by, "
                  "(received_at AT TIME ZONE 'Europe/London')::date, "
                  "(SELECT code FROM agency WHERE id = a.agency_id), "
                  "(SELECT code FROM team WHERE id = a.team_id) "
                  "FROM case_review_application a WHERE reference = %s", (ref,))
        rows = c.fetchall()
        assert len(rows) == 1, rows
        row = rows[0]
        c.execute("SELECT kind, due_on, done_at FROM case_review_milestone "
                  "WHERE application_id = %s ORDER BY kind", (row[0],))
        return row, c.fetchall()


def test_start_page_explains_the_case_review():
    s = requests.Session()
    page = get(s, "/case-review").text
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
    assert "Apply for an ASB Case Review" in text
    # The threshold from the config, in words (3 in 183 days by default).
    assert "3 times or more in the last 6 months" in text
    assert "for someone else" in text and "agree to it" in text
    assert "call 999" in text
    assert 'href="/case-review/who"' in page
    assert 'href="/case-review/figures"' in page


def test_an_online_application_end_to_end(db):
    s = requests.Session()
    check = walk(s)
    rows = re.findall(r'<dt class="govuk-summary-list__key">([^<]+)</dt>'
                      r'<dd class="govuk-summary-list__value">([^<]*)</dd>', check.text)
    answers = {k: html.unescape(v) for k, v in rows}
    assert answers["Applying for"] == "Someone else"
    assert answers["Name"] == "Ada Lovelace"
    assert answers["Phone number"] == "Not given"
    assert answers["Their name"] == "Vic Tim"
    assert answers["Reported to"] == "The police, The council"
    assert answers["Roughly when"] == "three times since March"

    ref, done = send(s, check)
    row, milestones = application(db, ref)
    (_, channel, name, email, phone, address, postcode, on_behalf, victim, relation,
     behaviour, reported, received_by, received_on, agency, team) = row
    assert channel == "online" and received_by is None
    assert (name, email, phone) == ("Ada Lovelace", "ada@example.com", "")
    assert address == "1 Wood Street\nLondon" and postcode == "EC2V 7AA"
    assert on_behalf and victim == "Vic Tim" and relation == "I am her daughter"
    assert behaviour == BEHAVIOUR["behaviour"]
    assert reported == ("Told: The police, The council. When: three times since March.\n"
                        "PC Smith, reference 123")
    # The receiving agency: the one with the co-ordinator team (config
    # case_review_agency empty, case_review_team community-safety).
    assert team == "community-safety" and agency is not None
    # Acknowledge in 3 working days, decide in 14 (the defaults).
    ack = working_days_after(db, received_on, 3)
    decide = working_days_after(db, received_on, 14)
    assert [(k, d, x) for k, d, x in milestones] == [("acknowledge", ack, None),
                                                     ("decide", decide, None)]
    text = html.unescape(done.text)
    assert "by %s" % words(ack) in text and "by %s" % words(decide) in text
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM audit_event WHERE entity = 'case_review' "
                  "AND entity_id = %s AND action = 'create'", (str(row[0]),))
        assert c.fetchone()[0] == 1


def test_for_yourself_skips_the_victim_question(db):
    s = requests.Session()
    check = walk(s, for_other=False, you=dict(YOU, **{"applicant-email": "",
                                                       "applicant-phone": "07700 900123"}))
    assert "The person you are applying for" not in check.text
    # The victim page is not asked; its Back link is not offered either.
    assert get(s, "/case-review/victim", 303).headers["Location"] == "/case-review/behaviour"
    assert 'href="/case-review/your-details"' in get(s, "/case-review/behaviour").text
    ref, _ = send(s, check)
    row, _ = application(db, ref)
    assert row[7] is False and row[8] == "" and row[4] == "07700 900123"


def test_bad_input_on_each_step_is_given_back():
    s = requests.Session()
    r = post(s, "/case-review/who", {}, 400)
    assert errors_of(r.text) == [("on-behalf", "Select whether you are applying for "
                                  "yourself or for someone else")]
    assert "govuk-error-summary" in r.text and "<title>Error:" in r.text
    step(s, "/case-review/who", {"on-behalf": "yes"})

    r = post(s, "/case-review/your-details", dict(YOU, **{"applicant-name": "",
             "applicant-email": "not an email"}), 400)
    assert errors_of(r.text) == [
        ("applicant-name", "Enter your full name"),
        ("applicant-email", "Enter an email address in the correct format, like "
         "name@example.com")]
    assert value_of(r.text, "applicant-email") == "not an email"
    r = post(s, "/case-review/your-details", {"applicant-name": "Ada"}, 400)
    assert errors_of(r.text) == [("applicant-email", "Enter an email address, a phone "
                                  "number or an address, so that we can tell you what "
                                  "happens next")]
    r = post(s, "/case-review/your-details", dict(YOU, **{"applicant-name": "x" * 201}), 400)
    assert errors_of(r.text) == [("applicant-name", "Name must be 200 characters or fewer")]
    step(s, "/case-review/your-details", YOU)

    r = post(s, "/case-review/victim", {"victim-name": "", "relationship": "friend"}, 400)
    assert errors_of(r.text) == [("victim-name", "Enter the name of the person you are "
                                  "applying for")]
    assert value_of(r.text, "relationship") == "friend"
    step(s, "/case-review/victim", VICTIM)

    r = post(s, "/case-review/behaviour", {"behaviour": "   "}, 400)
    assert errors_of(r.text) == [("behaviour", "Enter what has been happening")]
    r = post(s, "/case-review/behaviour", {"behaviour": "é" * 10001}, 400)
    assert errors_of(r.text) == [("behaviour", "What has been happening must be 10,000 "
                                  "characters or fewer")]
    assert value_of(r.text, "behaviour") == "é" * 10001
    step(s, "/case-review/behaviour", BEHAVIOUR)

    r = post(s, "/case-review/reported", {"reported-agency": ["police", "nonsense"],
             "reported-when": "May", "reported-to": "y" * 2100}, 400)
    assert errors_of(r.text) == [("reported-to", "Who you reported it to must be 2,000 "
                                  "characters or fewer")]
    assert value_of(r.text, "reported-when") == "May"
    assert re.search(r'value="police" checked', r.text)
    assert not re.search(r'value="council" checked', r.text)
    # Nothing of a refused step was kept.
    check = get(s, "/case-review/reported", 200)
    assert value_of(check.text, "reported-when") == ""


def test_check_your_answers_change_links(db):
    s = requests.Session()
    check = walk(s, for_other=False)
    links = set(re.findall(r'href="(/case-review/[a-z-]+\?change=1)"', check.text))
    assert links == {"/case-review/who?change=1", "/case-review/your-details?change=1",
                     "/case-review/behaviour?change=1", "/case-review/reported?change=1"}
    # A change page goes back to the check page, its Back link too.
    page = get(s, "/case-review/behaviour?change=1")
    assert 'href="/case-review/check" class="govuk-back-link"' in page.text
    assert value_of(page.text, "behaviour") == BEHAVIOUR["behaviour"]
    nxt = step(s, "/case-review/behaviour?change=1", {"change": "1", "behaviour": "Now worse."})
    assert nxt == "/case-review/check"
    # Now for someone else: their name is asked before the check page.
    nxt = step(s, "/case-review/who?change=1", {"change": "1", "on-behalf": "yes"})
    assert nxt == "/case-review/victim?change=1"
    # Straight to the check page instead: it sends back to the question.
    assert get(s, "/case-review/check", 303).headers["Location"] == \
        "/case-review/victim?change=1"
    assert step(s, nxt, dict(VICTIM, change="1")) == "/case-review/check"
    check = get(s, "/case-review/check")
    assert "Now worse." in check.text and "Vic Tim" in check.text
    assert 'href="/case-review/victim?change=1"' in check.text
    ref, _ = send(s, check)
    row, _ = application(db, ref)
    assert row[10] == "Now worse." and row[8] == "Vic Tim"


def test_one_application_however_often_it_is_sent(db):
    s = requests.Session()
    check = walk(s)
    ref, _ = send(s, check)
    # The same page sent again: the confirmation, not a second application.
    key = re.search(r'name="idempotency-key" value="([^"]+)"', check.text).group(1)
    r = s.post(URL + "/case-review/submit", data={"csrf": csrf_of(check.text),
               "idempotency-key": key}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/case-review/done"
    assert re.search(r'id="reference">%s<' % ref, get(s, "/case-review/done").text)
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM case_review_application WHERE applicant_email = "
                  "'ada@example.com' AND behaviour = %s AND reference = %s",
                  (BEHAVIOUR["behaviour"], ref))
        assert c.fetchone()[0] == 1
    # A new start after it is a new application.
    assert "Ada Lovelace" not in get(s, "/case-review/who").text


def test_an_old_check_page_is_not_sent():
    s = requests.Session()
    check = walk(s)
    r = s.post(URL + "/case-review/submit", data={"csrf": csrf_of(check.text),
               "idempotency-key": "0" * 32}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/case-review/check"


def test_without_a_draft_or_a_token():
    s = requests.Session()
    r = get(s, "/case-review/your-details", 303)
    assert r.headers["Location"] == "/case-review"
    # A form without the CSRF token is refused.
    get(s, "/case-review/who")
    r = s.post(URL + "/case-review/who", data={"on-behalf": "no"}, allow_redirects=False)
    assert r.status_code == 403


def test_the_honeypot_saves_nothing(db):
    s = requests.Session()
    check = walk(s, you=dict(YOU, website="http://spam.example",
                             **{"applicant-name": "Robot Honeypot"}))
    ref, _ = send(s, check)
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM case_review_application WHERE applicant_name = "
                  "'Robot Honeypot'")
        assert c.fetchone()[0] == 0
