"""The call handler's quick entry (/staff/quick): a live call becomes an
incident at once through the one intake; the force's mandatory fields are
named in an error summary with everything typed kept; a screening "yes"
asks for a full risk assessment by a due time; and a repeat caller's
incident is found by phone (in any format), part of the reference or the
postcode, and their call is added to it instead of making a second one."""
import html
import random
import re
import uuid

import pytest

from stack import URL
from staff import as_role, csrf_of


@pytest.fixture
def handler():
    return as_role("call_handler")


def a_type(db):
    with db.cursor() as cur:
        cur.execute("SELECT code, name FROM asb_type WHERE active "
                    "ORDER BY parent_id IS NULL DESC, id LIMIT 1")
        return cur.fetchone()


def log_number(db):
    """A log number in the demo force's format (its example, when it has one)."""
    with db.cursor() as cur:
        cur.execute("SELECT log_number_example FROM agency WHERE code = 'city-police'")
        example = cur.fetchone()[0]
    return example or "CAD-%04d" % random.randrange(10000)


def phone():
    """A mobile number of the drama range nobody else uses in this run."""
    return "07700 9%05d" % random.randrange(100000)


def call(handler, **fields):
    page = handler.get(URL + "/staff/quick")
    assert page.status_code == 200, page.text[:300]
    data = {"csrf": csrf_of(page.text)}
    data.update(fields)
    return handler.post(URL + "/staff/quick", data=data, allow_redirects=False)


def typical(db, **over):
    code, name = a_type(db)
    f = {"type": name.upper(), "postcode": "WD1 3CD", "address": "12 Station Road",
         "when": "", "caller_name": "Sam Caller", "caller_phone": phone(),
         "description": "Youths kicking a ball at windows " + uuid.uuid4().hex[:8],
         "log_number": "", "s_repeat": "no", "s_vulnerable": "no",
         "s_targeted": "no", "s_at_risk": "no"}
    f.update(over)
    return f


def created(handler, r):
    """The reference of the incident a 303 made, from the success panel."""
    assert r.status_code == 303, (r.status_code, r.text[:2000])
    loc = r.headers["Location"]
    m = re.fullmatch(r"/staff/quick\?done=(ASB-\d{4}-\d{6,})", loc)
    assert m, loc
    page = handler.get(URL + loc)
    assert page.status_code == 200
    assert "Incident created" in page.text
    assert 'id="done-reference">%s<' % m.group(1) in page.text
    assert 'href="/staff/incidents/%s"' % m.group(1) in page.text
    # A fresh, empty form for the next call, focused on its first field.
    assert re.search(r'<input[^>]*id="type"[^>]*value=""[^>]*autofocus', page.text)
    return m.group(1), page


def incident_row(db, ref):
    with db.cursor() as cur:
        cur.execute("SELECT i.id, i.channel, t.code, i.description, i.postcode, "
                    "i.address, i.log_number, i.assessment_due, i.occurred_at "
                    "FROM incident i JOIN asb_type t ON t.id = i.asb_type_id "
                    "WHERE i.reference = %s", (ref,))
        return cur.fetchone()


def calls_of(db, incident_id):
    with db.cursor() as cur:
        cur.execute("SELECT c.note, c.log_number, p.given_name, p.family_name, p.phone "
                    "FROM incident_call c LEFT JOIN person p ON p.id = c.caller_id "
                    "WHERE c.incident_id = %s ORDER BY c.id", (incident_id,))
        return cur.fetchall()


def incidents_count(db):
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM incident")
        return cur.fetchone()[0]


def test_a_call_creates_the_incident_at_once(handler, db):
    code, _ = a_type(db)
    f = typical(db, log_number=log_number(db))
    ref, _ = created(handler, call(handler, **f))
    row = incident_row(db, ref)
    assert row is not None
    iid, channel, type_code, description, postcode, address, log, due, occurred = row
    assert channel == "call_handler"
    assert type_code == code          # typed as the name, in capitals
    assert description == f["description"]
    assert postcode.replace(" ", "") == "WD13CD"
    assert address == "12 Station Road"
    assert log == f["log_number"]
    assert occurred is not None       # blank "when" is now
    assert due is None                # every screening answer was no
    calls = calls_of(db, iid)
    assert len(calls) == 1
    assert calls[0][2:4] == ("Sam", "Caller")
    page = handler.get(URL + "/staff/incidents/" + ref)
    assert page.status_code == 200
    assert f["description"] in html.unescape(page.text)


def test_mandatory_fields_are_named_and_what_was_typed_is_kept(handler, db):
    before = incidents_count(db)
    r = call(handler, description="Shouting in the street", caller_phone="",
             caller_name="", type="", postcode="", address="", when="",
             log_number="LOG 1", s_repeat="yes")
    assert r.status_code == 400
    text = html.unescape(r.text)
    assert "There is a problem" in text
    summary = text.split('govuk-error-summary__list">', 1)[1].split("</ul>", 1)[0]
    linked = re.findall(r'href="#([a-z_]+)"', summary)
    for field in ("type", "where", "caller", "screening"):
        assert field in linked, (field, summary)
    assert "description" not in linked
    # In the order of the form, whatever order the intake found them in.
    order = ["type", "where", "postcode", "when", "caller", "caller_phone",
             "description", "log_number", "screening"]
    assert linked == sorted(linked, key=order.index)
    # No map on this page: the words say what it does have.
    assert "tick \"At the caller's address\"" in summary
    assert "<title>Error:" in r.text
    # Each link leads to an input of that id.
    for field in ("type", "where", "caller", "screening"):
        assert 'id="%s"' % field in r.text
    # The first field to fix has the focus, and only it.
    assert re.search(r'<input[^>]*id="type"[^>]*autofocus', r.text)
    assert r.text.count("autofocus") == 1
    assert 'value="Shouting in the street"' in text
    assert 'value="LOG 1"' in text
    assert re.search(r'id="screening" name="s_repeat" type="radio" value="yes" checked',
                     r.text)
    assert incidents_count(db) == before


def test_an_unknown_type_or_an_unreadable_time_says_what_to_fix(handler, db):
    before = incidents_count(db)
    r = call(handler, **typical(db, type="Not a kind of behaviour", when="half past"))
    assert r.status_code == 400
    summary = r.text.split('govuk-error-summary__list">', 1)[1].split("</ul>", 1)[0]
    assert 'href="#type"' in summary
    assert 'href="#when"' in summary
    assert "27/03/2026 14:05" in summary
    assert 'value="half past"' in r.text
    assert incidents_count(db) == before


def test_a_time_today_and_a_date_and_time_are_london_time(handler, db):
    code, _ = a_type(db)
    ref, _ = created(handler, call(handler, **typical(db, when="01/06/2026 14:05",
                                                      type=code.upper())))
    with db.cursor() as cur:
        cur.execute("SELECT to_char(occurred_at AT TIME ZONE 'Europe/London', "
                    "'YYYY-MM-DD HH24:MI') FROM incident WHERE reference = %s", (ref,))
        assert cur.fetchone()[0] == "2026-06-01 14:05"
    ref, _ = created(handler, call(handler, **typical(db, when="00:01")))
    with db.cursor() as cur:
        cur.execute("SELECT to_char(occurred_at AT TIME ZONE 'Europe/London', "
                    "'YYYY-MM-DD HH24:MI') = to_char(now() AT TIME ZONE "
                    "'Europe/London', 'YYYY-MM-DD') || ' 00:01' "
                    "FROM incident WHERE reference = %s", (ref,))
        assert cur.fetchone()[0]


def test_any_screening_yes_sets_the_assessment_due_and_shows_it(handler, db):
    for question in ("s_repeat", "s_vulnerable", "s_targeted", "s_at_risk"):
        r = call(handler, **typical(db, **{question: "yes"}))
        ref, page = created(handler, r)
        row = incident_row(db, ref)
        assert row[7] is not None, question
        with db.cursor() as cur:
            # The minute it falls in, or the next when it is seconds from it.
            cur.execute("SELECT to_char(t AT TIME ZONE 'Europe/London', "
                        "'FMDD Mon YYYY \"at\" HH24:MI'), assessment_due > now() "
                        "FROM incident, unnest(ARRAY[assessment_due, "
                        "assessment_due + interval '1 second']) t "
                        "WHERE reference = %s", (ref,))
            rows = cur.fetchall()
        assert rows[0][1]
        assert any("Awaiting risk assessment by " + words in page.text
                   for words, _ in rows), (question, rows)


def test_all_screening_no_sets_no_assessment_due(handler, db):
    ref, page = created(handler, call(handler, **typical(db)))
    assert incident_row(db, ref)[7] is None
    assert "Awaiting risk assessment" not in page.text


def found(handler, query):
    page = handler.get(URL + "/staff/quick", params={"find": query})
    assert page.status_code == 200
    return page.text


def test_a_repeat_caller_is_found_and_their_call_added(handler, db):
    number = phone()
    f = typical(db, caller_phone=number, caller_name="Robin Repeat",
                postcode="WD1 3NM")
    ref, _ = created(handler, call(handler, **f))
    iid = incident_row(db, ref)[0]
    before = incidents_count(db)

    # The number written another way: +44 and no spaces.
    international = "+44" + number.replace(" ", "")[1:]
    # The newest match comes first, and a search lists up to 20.
    for query in (international, ref[-6:], ref[4:], "wd13nm", "robin repeat",
                  "Repeat", "12 STATION road"):
        text = found(handler, query)
        assert 'href="/staff/incidents/%s"' % ref in text, query
        assert "/staff/quick?incident=%s" % ref in text, query
    assert "Robin Repeat" in found(handler, international)
    # Something that matches nothing finds nothing.
    assert 'href="/staff/incidents/%s"' % ref not in found(handler, "+447700000000")

    # "Add this call" after a search by number brings the number along.
    link = re.search(r'href="(/staff/quick\?incident=%s[^"]*)"' % ref,
                     found(handler, international)).group(1)
    page = handler.get(URL + html.unescape(link))
    assert page.status_code == 200
    assert re.search(r'id="caller_phone"[^>]*value="%s"' % re.escape(international),
                     page.text)
    assert 'name="incident" value="%s"' % ref in page.text
    assert "Add a call to " + ref in page.text
    # Only what the caller said is needed on a later call.
    assert "Caller's name (optional)" in html.unescape(page.text)
    assert "What happened (optional)" not in page.text
    r = handler.post(URL + "/staff/quick", data={
        "csrf": csrf_of(page.text), "incident": ref, "caller_name": "Robin Repeat",
        "caller_phone": international, "description": "They are back again tonight",
        "log_number": "", "s_repeat": "yes", "s_vulnerable": "no",
        "s_targeted": "no", "s_at_risk": "no"}, allow_redirects=False)
    assert r.status_code == 303, r.text[:1000]
    assert r.headers["Location"] == "/staff/quick?done=%s&call=1" % ref
    done = handler.get(URL + r.headers["Location"])
    assert "Call added" in done.text
    assert "Awaiting risk assessment by" in done.text

    calls = calls_of(db, iid)
    assert len(calls) == 2
    assert calls[1][0] == "They are back again tonight"
    assert incidents_count(db) == before
    with db.cursor() as cur:
        # The same caller, not a second person: the number matched.
        cur.execute("SELECT count(*) FROM incident_person WHERE incident_id = %s "
                    "AND role = 'reporter'", (iid,))
        assert cur.fetchone()[0] == 1
        cur.execute("SELECT assessment_due IS NOT NULL, version FROM incident "
                    "WHERE id = %s", (iid,))
        due, version = cur.fetchone()
        assert due and version >= 2
        cur.execute("SELECT count(*) FROM audit_event WHERE entity = 'incident' "
                    "AND entity_id = %s AND action = 'call_added'", (str(iid),))
        assert cur.fetchone()[0] == 1


def test_a_new_caller_on_a_later_call_becomes_a_reporter(handler, db):
    ref, _ = created(handler, call(handler, **typical(db)))
    iid = incident_row(db, ref)[0]
    page = handler.get(URL + "/staff/quick", params={"incident": ref})
    r = handler.post(URL + "/staff/quick", data={
        "csrf": csrf_of(page.text), "incident": ref, "caller_name": "Alex Neighbour",
        "caller_phone": phone(), "description": "Same again next door"},
        allow_redirects=False)
    assert r.status_code == 303, r.text[:1000]
    with db.cursor() as cur:
        cur.execute("SELECT p.given_name, p.family_name FROM incident_person ip "
                    "JOIN person p ON p.id = ip.person_id WHERE ip.incident_id = %s "
                    "AND ip.role = 'reporter' ORDER BY p.id", (iid,))
        assert cur.fetchall() == [("Sam", "Caller"), ("Alex", "Neighbour")]
        cur.execute("SELECT assessment_due FROM incident WHERE id = %s", (iid,))
        assert cur.fetchone()[0] is None    # no screening yes on either call


def test_a_later_call_needs_what_the_caller_said(handler, db):
    ref, _ = created(handler, call(handler, **typical(db)))
    iid = incident_row(db, ref)[0]
    page = handler.get(URL + "/staff/quick", params={"incident": ref})
    r = handler.post(URL + "/staff/quick", data={
        "csrf": csrf_of(page.text), "incident": ref, "caller_name": "Kept Name",
        "description": ""}, allow_redirects=False)
    assert r.status_code == 400
    assert 'href="#description"' in r.text
    assert 'value="Kept Name"' in r.text
    assert 'name="incident" value="%s"' % ref in r.text
    assert len(calls_of(db, iid)) == 1


def test_quick_entry_takes_permission_to_create_incidents(db):
    analyst = as_role("analyst")
    assert analyst.get(URL + "/staff/quick").status_code == 403


def test_staff_home_offers_take_a_call(handler):
    assert 'href="/staff/quick"' in handler.get(URL + "/staff").text


def later_call(handler, ref, **fields):
    page = handler.get(URL + "/staff/quick", params={"incident": ref})
    data = {"csrf": csrf_of(page.text), "incident": ref}
    data.update(fields)
    return handler.post(URL + "/staff/quick", data=data, allow_redirects=False)


def test_a_later_yes_stays_and_makes_the_incident_urgent(handler, db):
    ref, _ = created(handler, call(handler, **typical(db)))
    iid = incident_row(db, ref)[0]
    r = later_call(handler, ref, caller_name="Sam Caller", description="Threats now",
                   s_repeat="yes", s_vulnerable="no", s_targeted="no", s_at_risk="yes")
    assert r.status_code == 303, r.text[:1000]
    # A third call saying no does not undo the second's yes.
    r = later_call(handler, ref, caller_name="Sam Caller", description="Quiet now",
                   s_repeat="no", s_vulnerable="no", s_targeted="no", s_at_risk="no")
    assert r.status_code == 303, r.text[:1000]
    with db.cursor() as cur:
        cur.execute("SELECT screening, urgent FROM incident WHERE id = %s", (iid,))
        screening, urgent = cur.fetchone()
    assert screening == {"repeat": True, "vulnerable": False, "targeted": False,
                         "at_risk": True}
    assert urgent
    assert len(calls_of(db, iid)) == 3
    # The calls are on the incident's page.
    page = html.unescape(handler.get(URL + "/staff/incidents/" + ref).text)
    assert "Threats now" in page and "Quiet now" in page


def test_a_later_call_to_a_closed_incident_is_refused(handler, db):
    ref, _ = created(handler, call(handler, **typical(db)))
    iid = incident_row(db, ref)[0]
    with db.cursor() as cur:
        cur.execute("UPDATE incident SET status = 'closed' WHERE id = %s", (iid,))
    text = found(handler, ref)
    assert "No open incidents found" in text
    assert 'href="/staff/incidents/%s"' % ref not in text
    assert handler.get(URL + "/staff/quick", params={"incident": ref}).status_code == 409
    assert handler.get(URL + "/staff/quick",
                       params={"incident": "ASB-1999-999999"}).status_code == 404
    r = handler.post(URL + "/staff/quick", data={
        "csrf": csrf_of(handler.get(URL + "/staff/quick").text), "incident": ref,
        "caller_name": "Late Caller", "description": "Again"}, allow_redirects=False)
    assert r.status_code == 409
    assert "closed" in r.text
    assert len(calls_of(db, iid)) == 1


def test_a_bad_phone_number_is_named_on_a_new_and_a_later_call(handler, db):
    before = incidents_count(db)
    r = call(handler, **typical(db, caller_phone="call me maybe"))
    assert r.status_code == 400
    assert 'href="#caller_phone"' in r.text
    assert 'value="call me maybe"' in r.text
    assert incidents_count(db) == before
    ref, _ = created(handler, call(handler, **typical(db)))
    r = later_call(handler, ref, caller_name="Sam Caller", caller_phone="call me maybe",
                   description="Again tonight")
    assert r.status_code == 400
    assert 'href="#caller_phone"' in r.text
    assert 'value="Again tonight"' in r.text
    assert len(calls_of(db, incident_row(db, ref)[0])) == 1
