"""A police officer records an incident on /staff/incidents/new: the force's
mandatory fields are enforced by the server and named in the error summary,
nothing typed is lost and nothing is saved when anything is wrong; a good
submission creates the incident with its people, their roles and its risk
assessment; similar open incidents are shown and the officer links to one
or confirms the incident is new."""
import html
import random
import re
import uuid

import pytest

from stack import URL
from staff import as_role, csrf_of

PAGE = URL + "/staff/incidents/new" if URL else None


def officer():
    return as_role("police_officer")


def blank_form(s):
    """The empty form's hidden fields, as the browser would send them."""
    page = s.get(PAGE)
    assert page.status_code == 200, page.text[:300]
    idem = re.search(r'name="idempotency_key" value="([0-9a-f]{32})"', page.text)
    version = re.search(r'name="risk_version" value="(\d+)"', page.text)
    officer_in_charge = re.search(r'<select[^>]*id="officer".*?<option value="(\d+)" selected>',
                                  page.text, re.S)
    assert idem and version and officer_in_charge, "the form lacks its defaults"
    return {"csrf": csrf_of(page.text), "idempotency_key": idem.group(1),
            "risk_version": version.group(1), "people": "3",
            "officer": officer_in_charge.group(1)}


def incident_count(db):
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM incident")
        return cur.fetchone()[0]


def summary_links(text):
    """The fields the error summary links to."""
    m = re.search(r'govuk-error-summary__list">(.*?)</ul>', text, re.S)
    assert m, "no error summary"
    return re.findall(r'<a href="#([^"]+)">', m.group(1))


def summary_text(text):
    m = re.search(r'govuk-error-summary__list">(.*?)</ul>', text, re.S)
    assert m, "no error summary"
    return html.unescape(re.sub(r"<[^>]+>", " ", m.group(1)))


def city_point():
    """A point inside the City of London (the demo partnership) away from
    the demo incidents, different on every call."""
    return ("%.6f" % random.uniform(-0.0860, -0.0800),
            "%.6f" % random.uniform(51.5130, 51.5160))


def questionnaire(db):
    """The active questionnaire's questions: key, the risky answer, weight,
    the level an answer forces; and the score bands."""
    with db.cursor() as cur:
        cur.execute("SELECT q.key, q.risky::text, q.weight, q.forces_level::text "
                    "FROM risk_question q JOIN risk_questionnaire v USING (version) "
                    "WHERE v.active ORDER BY q.position")
        questions = cur.fetchall()
        cur.execute("SELECT b.level::text, b.min_score FROM risk_band b "
                    "JOIN risk_questionnaire v USING (version) WHERE v.active")
        bands = dict(cur.fetchall())
    return questions, bands


def safe_answers(db):
    """Every question answered the way that adds nothing: standard risk."""
    questions, _ = questionnaire(db)
    return {"risk-" + k: ("no" if risky == "yes" else "yes")
            for k, risky, _w, _f in questions}


def log_rules(db):
    with db.cursor() as cur:
        cur.execute("SELECT log_number_pattern, log_number_example, police_mandatory "
                    "FROM agency WHERE code = 'city-police'")
        return cur.fetchone()


def good_form(s, db, **extra):
    """Everything a force could ask for, valid."""
    pattern, example, _ = log_rules(db)
    lon, lat = city_point()
    tag = uuid.uuid4().hex[:8]
    f = blank_form(s)
    f.update({
        "action": "create", "type": "noise", "nsir": "personal",
        "description": "Loud music every night from the flat above (%s)" % tag,
        "when": "3", "when-month": "11", "when-year": "2026", "when-time": "22:15",
        "where": "12 Wood Street", "postcode": "EC2V 7AN", "lon": lon, "lat": lat,
        "log_number": example if example else "CAD-%s" % tag,
        "person-1-role": "victim", "person-1-given-name": "Vera",
        "person-1-family-name": "Victim-%s" % tag,
        "person-1-dob": "4", "person-1-dob-month": "5", "person-1-dob-year": "1950",
        "person-1-phone": "07700 9%05d" % random.randint(0, 99999),
        "person-1-vulnerable": "yes",
        "person-2-role": "subject", "person-2-given-name": "Sid",
        "person-2-family-name": "Subject-%s" % tag,
        "person-3-role": "witness", "person-3-given-name": "Wendy",
        "person-3-family-name": "Witness-%s" % tag,
        "link": "new",
    })
    f.update(safe_answers(db))
    f.update(extra)
    return f


@pytest.fixture
def log_format(db):
    """The demo force's log number format as a regular expression with an
    example (the demo sets one; if not, this test sets its own), put back
    afterwards."""
    pattern, example, _ = log_rules(db)
    if not pattern:
        with db.cursor() as cur:
            cur.execute("UPDATE agency SET log_number_pattern = %s, "
                        "log_number_example = %s WHERE code = 'city-police'",
                        (r"^CAD-[0-9]{4}$", "CAD-1234"))
    yield log_rules(db)
    if not pattern:
        with db.cursor() as cur:
            cur.execute("UPDATE agency SET log_number_pattern = %s, "
                        "log_number_example = %s WHERE code = 'city-police'",
                        (pattern, example))


def test_the_staff_home_links_to_the_page():
    page = officer().get(URL + "/staff")
    assert 'href="/staff/incidents/new"' in page.text
    assert "Record an incident" in page.text


def test_a_role_without_incident_create_cannot_open_it():
    page = as_role("analyst").get(PAGE, allow_redirects=False)
    assert page.status_code == 403


def test_empty_form_names_every_mandatory_field_and_saves_nothing(db):
    s = officer()
    mandatory = log_rules(db)[2]
    before = incident_count(db)
    r = s.post(PAGE, data=blank_form(s), allow_redirects=False)
    assert r.status_code == 400
    assert "<title>Error:" in r.text
    links = summary_links(r.text)
    for field in mandatory:
        if field == "risk":
            # Unanswered questions are named one by one or as a whole.
            assert "risk" in links or any(l.startswith("risk-") for l in links), links
        else:
            assert field in links, (field, links)
        # Every link lands on an element of the page.
        for l in links:
            assert 'id="%s"' % l in r.text, l
    assert incident_count(db) == before


def test_a_log_number_in_the_wrong_format_shows_the_example(db, log_format):
    s = officer()
    _pattern, example, _ = log_format
    before = incident_count(db)
    r = s.post(PAGE, data=good_form(s, db, log_number="not a log number"),
               allow_redirects=False)
    assert r.status_code == 400
    assert "log_number" in summary_links(r.text)
    assert example in summary_text(r.text)
    # The hint shows the example before anyone gets it wrong.
    assert "for example " + example in html.unescape(s.get(PAGE).text)
    assert incident_count(db) == before


@pytest.mark.parametrize("day,month,year", [("31", "2", "1990"), ("1", "1", "2999")])
def test_an_impossible_date_of_birth_is_refused(db, day, month, year):
    s = officer()
    before = incident_count(db)
    r = s.post(PAGE, data=good_form(s, db, **{
        "person-1-dob": day, "person-1-dob-month": month, "person-1-dob-year": year}),
        allow_redirects=False)
    assert r.status_code == 400
    assert "person-1-dob" in summary_links(r.text)
    assert re.search(r'id="person-1-dob-error"', r.text)
    assert incident_count(db) == before


def test_a_person_error_names_the_block_it_was_typed_in(db):
    """With person 2 left empty, the third block's bad date is person 3's."""
    s = officer()
    f = good_form(s, db, **{"person-3-dob": "31", "person-3-dob-month": "2",
                            "person-3-dob-year": "1990"})
    for k in [k for k in f if k.startswith("person-2-")]:
        f[k] = ""
    r = s.post(PAGE, data=f, allow_redirects=False)
    assert r.status_code == 400
    assert "person-3-dob" in summary_links(r.text)


def test_a_place_outside_the_force_area_is_refused(db):
    s = officer()
    before = incident_count(db)
    r = s.post(PAGE, data=good_form(s, db, lon="-2.2426", lat="53.4808"),
               allow_redirects=False)
    assert r.status_code == 400
    assert "where" in summary_links(r.text)
    assert incident_count(db) == before


def test_everything_typed_is_kept_after_an_error(db):
    s = officer()
    f = good_form(s, db, description="", **{"person-2-email": "not-an-email"})
    f["risk-targeted"] = "yes"
    r = s.post(PAGE, data=f, allow_redirects=False)
    assert r.status_code == 400
    text = r.text
    for name in ("when", "when-month", "when-year", "when-time", "where", "postcode",
                 "lon", "lat", "log_number", "person-1-given-name",
                 "person-1-family-name", "person-1-dob", "person-1-dob-month",
                 "person-1-dob-year", "person-1-phone", "person-2-given-name",
                 "person-2-email", "person-3-family-name", "idempotency_key"):
        m = re.search(r'<input[^>]*name="%s"[^>]*value="([^"]*)"' % re.escape(name), text)
        assert m and html.unescape(m.group(1)) == f[name], (name, m and m.group(1))
    assert re.search(r'<option value="noise" selected>', text)
    assert re.search(r'id="nsir" name="nsir" type="radio" value="personal" checked', text)
    assert re.search(r'name="person-1-vulnerable" type="checkbox" value="yes" checked', text)
    assert re.search(r'<select[^>]*id="person-2-role".*?<option value="subject" selected>',
                     text, re.S)
    assert re.search(r'id="risk-targeted" name="risk-targeted" type="radio" value="yes" '
                     r'checked', text)
    assert "description" in summary_links(text)


def test_add_another_person_shows_one_more_block_and_keeps_what_was_typed(db):
    s = officer()
    f = good_form(s, db, action="add-person")
    r = s.post(PAGE, data=f, allow_redirects=False)
    assert r.status_code == 200
    assert 'id="person-4-given-name"' in r.text
    assert 'name="people" value="4"' in r.text
    assert 'value="%s"' % f["person-2-family-name"] in r.text


def test_a_person_on_record_is_found_and_picked(db):
    s = officer()
    first = good_form(s, db)
    assert s.post(PAGE, data=first, allow_redirects=False).status_code == 303
    f = good_form(s, db, action="search", **{
        "person-2-search": first["person-1-phone"]})
    r = s.post(PAGE, data=f, allow_redirects=False)
    assert r.status_code == 200
    with db.cursor() as cur:
        cur.execute("SELECT id FROM person WHERE family_name = %s",
                    (first["person-1-family-name"],))
        pid = cur.fetchone()[0]
    assert re.search(r'name="person-2-existing" type="radio" value="%d"' % pid, r.text)
    assert first["person-1-family-name"] in r.text
    # Picked, then the search cleared: still picked after "Add another person".
    for k in [k for k in f if k.startswith("person-2-")]:
        f[k] = ""
    f.update({"person-2-role": "witness", "person-2-existing": str(pid),
              "action": "add-person"})
    r = s.post(PAGE, data=f, allow_redirects=False)
    assert r.status_code == 200
    assert re.search(r'name="person-2-existing" type="radio" value="%d" checked' % pid, r.text)
    # Created with the existing person as a witness, not a new one.
    f["action"] = "create"
    r = s.post(PAGE, data=f, allow_redirects=False)
    assert r.status_code == 303, summary_text(r.text)
    ref = r.headers["Location"].rsplit("/", 1)[1]
    with db.cursor() as cur:
        cur.execute("SELECT ip.role::text FROM incident_person ip JOIN incident i "
                    "ON i.id = ip.incident_id WHERE i.reference = %s AND ip.person_id = %s",
                    (ref, pid))
        assert [row[0] for row in cur.fetchall()] == ["witness"]


def test_an_officer_creates_an_incident_with_its_people_and_risk(db):
    s = officer()
    f = good_form(s, db)
    before = incident_count(db)
    r = s.post(PAGE, data=f, allow_redirects=False)
    assert r.status_code == 303, summary_text(r.text) if "error-summary" in r.text else r.text[:500]
    ref = r.headers["Location"].rsplit("/", 1)[1]
    assert re.fullmatch(r"ASB-\d{4}-\d{6,}", ref)
    assert incident_count(db) == before + 1
    with db.cursor() as cur:
        cur.execute("SELECT i.channel::text, i.nsir::text, i.log_number, i.officer_id, "
                    "u.email, i.risk_level::text FROM incident i "
                    "LEFT JOIN app_user u ON u.id = i.officer_id WHERE i.reference = %s",
                    (ref,))
        channel, nsir, log, _oid, officer_email, level = cur.fetchone()
        cur.execute("SELECT p.family_name, ip.role::text, p.vulnerable FROM incident_person ip "
                    "JOIN person p ON p.id = ip.person_id JOIN incident i "
                    "ON i.id = ip.incident_id WHERE i.reference = %s", (ref,))
        people = {row[0]: (row[1], row[2]) for row in cur.fetchall()}
        cur.execute("SELECT count(*) FROM risk_assessment a JOIN incident i "
                    "ON i.id = a.incident_id WHERE i.reference = %s", (ref,))
        assessments = cur.fetchone()[0]
    assert (channel, nsir, log) == ("police", "personal", f["log_number"])
    # The officer in charge defaults to the one recording it.
    assert officer_email == "officer@police.example"
    assert people == {f["person-1-family-name"]: ("victim", True),
                      f["person-2-family-name"]: ("subject", False),
                      f["person-3-family-name"]: ("witness", False)}
    assert assessments == 1 and level == "standard"
    page = s.get(URL + r.headers["Location"])
    assert page.status_code == 200
    assert "Incident %s recorded" % ref in page.text
    for name in people:
        assert name in page.text
    assert "Standard" in page.text


def test_a_double_submit_creates_one_incident(db):
    s = officer()
    f = good_form(s, db)
    before = incident_count(db)
    first = s.post(PAGE, data=f, allow_redirects=False)
    again = s.post(PAGE, data=f, allow_redirects=False)
    assert first.status_code == 303 and again.status_code == 303
    assert again.headers["Location"] == first.headers["Location"]
    assert incident_count(db) == before + 1


def test_a_similar_incident_is_shown_and_linked(db):
    s = officer()
    lon, lat = city_point()
    first = s.post(PAGE, data=good_form(s, db, lon=lon, lat=lat), allow_redirects=False)
    assert first.status_code == 303
    near = first.headers["Location"].rsplit("/", 1)[1]

    # "Check for similar incidents" shows it, keeping what was typed.
    f = good_form(s, db, lon=lon, lat=lat, link="", action="similar")
    r = s.post(PAGE, data=f, allow_redirects=False)
    assert r.status_code == 200
    assert re.search(r'name="link" type="radio" value="%s"' % near, r.text)
    assert "Nearby" in r.text
    # Creating without a choice asks for one, and saves nothing.
    before = incident_count(db)
    f["action"] = "create"
    r = s.post(PAGE, data=f, allow_redirects=False)
    assert r.status_code == 400
    assert "link" in summary_links(r.text)
    assert near in r.text
    assert incident_count(db) == before
    # Linking to it creates the new incident linked to the old one.
    f["link"] = near
    r = s.post(PAGE, data=f, allow_redirects=False)
    assert r.status_code == 303
    new = r.headers["Location"].rsplit("/", 1)[1]
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM incident_link l JOIN incident a "
                    "ON a.id = l.incident_id JOIN incident b ON b.id = l.linked_id "
                    "WHERE (a.reference, b.reference) IN ((%s, %s), (%s, %s))",
                    (near, new, new, near))
        assert cur.fetchone()[0] == 1


def test_an_incident_involving_the_same_person_is_shown(db):
    """Far from the first one, but the victim's phone is the same."""
    s = officer()
    first_form = good_form(s, db)
    first = s.post(PAGE, data=first_form, allow_redirects=False)
    assert first.status_code == 303
    ref = first.headers["Location"].rsplit("/", 1)[1]
    f = good_form(s, db, action="similar", lon="", lat="", link="", **{
        "person-1-phone": first_form["person-1-phone"]})
    r = s.post(PAGE, data=f, allow_redirects=False)
    assert r.status_code == 200
    assert re.search(r'name="link" type="radio" value="%s"' % ref, r.text)
    assert "Involves the same person" in r.text


def test_every_problem_is_named_at_once(db):
    """A person without a part, similar incidents without a choice, and the
    mandatory fields missing: all in one error summary, nothing saved."""
    s = officer()
    lon, lat = city_point()
    first = s.post(PAGE, data=good_form(s, db, lon=lon, lat=lat), allow_redirects=False)
    assert first.status_code == 303
    before = incident_count(db)
    f = blank_form(s)
    f.update({"lon": lon, "lat": lat, "person-2-given-name": "Nobody",
              "person-1-role": "", "action": "create"})
    r = s.post(PAGE, data=f, allow_redirects=False)
    assert r.status_code == 400
    links = summary_links(r.text)
    for field in ("type", "description", "person-2-role", "link"):
        assert field in links, (field, links)
    assert links.count("link") == 1
    assert incident_count(db) == before


def test_the_similar_incidents_as_json(db):
    """The page's script asks GET /staff/incidents/similar while the officer
    types: the same look-up, as JSON."""
    s = officer()
    lon, lat = city_point()
    f = good_form(s, db, lon=lon, lat=lat)
    first = s.post(PAGE, data=f, allow_redirects=False)
    assert first.status_code == 303
    ref = first.headers["Location"].rsplit("/", 1)[1]
    r = s.get(URL + "/staff/incidents/similar", params={"lon": lon, "lat": lat})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    hit = [i for i in r.json()["incidents"] if i["reference"] == ref]
    assert hit and hit[0]["near"] is True and hit[0]["metres"] == 0
    r = s.get(URL + "/staff/incidents/similar", params={"phone": f["person-1-phone"]})
    hit = [i for i in r.json()["incidents"] if i["reference"] == ref]
    assert hit and hit[0]["same_person"] is True and hit[0]["metres"] is None
    # Nothing to look for: nothing found.
    assert s.get(URL + "/staff/incidents/similar").json() == {"incidents": []}
    bad = s.get(URL + "/staff/incidents/similar", params={"lon": "east", "lat": "51.5"})
    assert bad.status_code == 400 and bad.json()["error"] == "bad_query"
    assert as_role("analyst").get(URL + "/staff/incidents/similar",
                                  params={"lon": lon, "lat": lat}).status_code == 403
