"""A place with no map point is checked by its postcode. There is no
postcode look-up: the partnership's postcode districts are configuration
(postcode_districts; the test stack has the City's, as scripts/up writes
them). A postcode outside them gets the answer a point outside gets — at
once on the form's where step, on the postcode field; through the submit;
through Open311 — and nothing is saved. A place with a point is decided by
the point. An address with no postcode and no point is taken, and staff see
it marked "Location to confirm"."""
import json
import re
import uuid

import pytest

from staff import as_role, csrf_of
from stack import URL, read_conf
from test_open311 import api_key, error_of, json_of, no_rate_count, post, spot, vehicle  # noqa: F401
from test_report_consent import nothing_open_near
from test_report_form import (IMPACT, WHEN_ONCE, done, errors_of, get,  # noqa: F401
                              no_rate_limit, step, submit, to_check, upload,
                              vandalism_to_when)
from test_report_form import post as post_step

# What the form says of a point outside whose council is not known, and
# what the intake (Open311) says: the words each already gives a point.
FORM_WORDS = ("This is outside the area we cover. Report it to the local council "
              "for that place instead, or call 101 if you are not sure who to ask.")
INTAKE_WORDS = ("This location is outside the area the partnership covers. Report it "
                "to the local council for that place instead.")
MANCHESTER = {"address-line-1": "1 Piccadilly", "address-town": "Manchester",
              "address-postcode": "M1 1AE", "lon": "", "lat": ""}
GUILDHALL = (-0.0917, 51.5155)   # in the City


@pytest.fixture(autouse=True)
def nothing_open_at_the_points(db):
    """The reports sent at a point make incidents of their own."""
    for i in (3, 5):
        nothing_open_near(db, (spot(i)["long"], spot(i)["lat"]))


def unique(street):
    """An address no earlier report gave, so that nothing joins another."""
    return f"{uuid.uuid4().hex[:6]} {street}"


def at_where(s):
    vandalism_to_when(s)
    assert step(s, "/report/when", WHEN_ONCE) == "/report/where"


def reports_with(db, key):
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM report WHERE idempotency_key = %s", (key,))
        return c.fetchone()[0]


def test_the_stack_has_the_citys_districts():
    districts = read_conf()["postcode_districts"].split()
    assert "EC2V" in districts and "M1" not in districts


# ---------------------------------------------------------------------------
# The form's where step

def test_a_manchester_postcode_with_no_point_is_answered_on_the_postcode_field(http):
    at_where(http)
    r = post_step(http, "/report/where", MANCHESTER, status=400)
    assert errors_of(r.text) == [("address-postcode", FORM_WORDS)]
    assert 'id="address-postcode-error"' in r.text and 'value="M1 1AE"' in r.text
    # Nothing was kept: the step shows what was saved before, which is nothing.
    assert 'value="M1 1AE"' not in get(http, "/report/where").text
    # A postcode in the town's field is read as the intake reads it.
    r = post_step(http, "/report/where", dict(MANCHESTER, **{
        "address-town": "Manchester M1 1AE", "address-postcode": ""}), status=400)
    assert errors_of(r.text) == [("address-town", FORM_WORDS)]
    assert step(http, "/report/where", dict(MANCHESTER, **{
        "address-town": "London", "address-postcode": "ec2v 7hh"})) == "/report/impact"
    assert 'value="EC2V 7HH"' in get(http, "/report/where").text


def test_a_point_decides_by_itself(http):
    at_where(http)
    assert step(http, "/report/where", dict(MANCHESTER, lon=str(GUILDHALL[0]),
                lat=str(GUILDHALL[1]))) == "/report/impact"


def test_an_address_alone_is_taken_at_the_where_step(http):
    at_where(http)
    assert step(http, "/report/where", {"address-line-1": "Golden Lane Estate",
                "address-town": "London", "address-postcode": ""}) == "/report/impact"


# ---------------------------------------------------------------------------
# The submit: a draft that says Manchester (as if the districts changed
# after the where step took it) is sent back to the where step

def test_the_submit_sends_a_draft_outside_back_to_the_where_step(http, db, rds):
    to_check(http)
    check = get(http, "/report/check").text
    key = re.search(r'name="idempotency-key" value="([0-9a-f]+)"', check).group(1)
    for k in rds.scan_iter("concord:draft:*"):
        doc = json.loads(rds.get(k))
        if doc.get("idem") == key:
            doc["postcode"] = "M1 1AE"
            rds.set(k, json.dumps(doc), ex=3600)
            break
    else:
        pytest.fail("the draft is not in Redis")
    r, _, _ = submit(http)
    assert r.status_code == 303 and r.headers["Location"] == "/report/where?change=1"
    page = get(http, "/report/where?change=1", status=400).text
    assert FORM_WORDS in page
    assert reports_with(db, key) == 0
    # Corrected there, it is sent.
    r = http.post(URL + "/report/where", allow_redirects=False, data={
        "csrf": csrf_of(page), "change": "1", "address-line-1": "10 Wood Street",
        "address-town": "London", "address-postcode": "EC2V 7AA"})
    assert r.status_code == 303 and r.headers["Location"] == "/report/check"
    r, key2, _ = submit(http)
    assert r.status_code == 303 and r.headers["Location"] == "/report/done"
    assert key2 == key and reports_with(db, key) == 1


# ---------------------------------------------------------------------------
# Open311 has no postcode parameter: the postcode is the end of address_string

def without_point(key, **extra):
    data = vehicle(key, 0, **extra)
    del data["lat"], data["long"]
    return data


def test_open311_with_a_manchester_postcode_and_no_point_is_refused(api_key, db):  # noqa: F811
    data = without_point(api_key, address_string="1 Piccadilly, Manchester M1 1AE",
                         request_id=uuid.uuid4().hex[:16])
    for fmt in ("json", "xml"):
        code, desc = error_of(post(data, fmt, 400), fmt)
        assert (code, desc) == (400, INTAKE_WORDS)
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM report WHERE client_ref = %s",
                  ("demo-open311:" + data["request_id"],))
        assert c.fetchone()[0] == 0


def test_open311_with_a_city_postcode_and_no_point_is_taken(api_key, db):  # noqa: F811
    address = unique("Wood Street, London EC2V 7HH")
    ref = json_of(post(without_point(api_key, address_string=address)))[0]["service_request_id"]
    with db.cursor() as c:
        c.execute("SELECT i.address, i.location IS NULL FROM report r "
                  "JOIN incident i ON i.id = r.incident_id WHERE r.reference = %s", (ref,))
        assert c.fetchone() == (address, True)


def test_open311_with_a_point_is_decided_by_the_point(api_key):  # noqa: F811
    data = vehicle(api_key, 3, address_string=unique("Manchester M1 1AE"))
    assert json_of(post(data))[0]["service_request_id"].startswith("ASB-")


# ---------------------------------------------------------------------------
# Staff: an address with no postcode and no point is a location to confirm

TAG = "Location to confirm"


def listed_row(session, ref):
    page = get(session, "/staff/incidents?q=" + ref).text
    rows = [row for row in re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', page, re.S)
            if f">{ref}</a>" in row]
    assert len(rows) == 1, page[:2000]
    return rows[0]


def test_an_address_alone_is_taken_and_marked_location_to_confirm(http, db):
    at_where(http)
    address = unique("Golden Lane Estate")
    assert step(http, "/report/where", {"address-line-1": address, "address-town": "",
                "address-postcode": ""}) == "/report/impact"
    assert step(http, "/report/impact", IMPACT) == "/report/about-you"
    assert step(http, "/report/about-you", {
        "identity": "anonymous", "for-someone-else": "no", "share": "no"}) == "/report/evidence"
    assert upload(http).headers["Location"] == "/report/check"
    r, _, _ = submit(http)
    assert r.status_code == 303, r.text[:800]
    ref, _, _ = done(http)
    with db.cursor() as c:
        c.execute("SELECT address, postcode, location IS NULL FROM incident "
                  "WHERE reference = %s", (ref,))
        assert c.fetchone() == (address, None, True)

    staff = as_role("police_officer")
    assert TAG in listed_row(staff, ref)
    page = get(staff, "/staff/incidents/" + ref).text
    assert re.search(r'id="location-to-confirm">' + TAG + "<", page)


def test_an_incident_with_a_point_has_no_location_to_confirm(api_key):  # noqa: F811
    ref = json_of(post(vehicle(api_key, 5, address_string=unique("Gresham Street"))))[0][
        "service_request_id"]
    staff = as_role("police_officer")
    assert TAG not in listed_row(staff, ref)
    assert TAG not in get(staff, "/staff/incidents/" + ref).text


def test_open311_with_an_address_alone_is_a_location_to_confirm(api_key):  # noqa: F811
    ref = json_of(post(without_point(api_key, address_string=unique("Bakers Hall Court"))))[0][
        "service_request_id"]
    staff = as_role("police_officer")
    assert TAG in listed_row(staff, ref)
    assert TAG in get(staff, "/staff/incidents/" + ref).text
