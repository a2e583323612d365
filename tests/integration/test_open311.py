"""Open311 GeoReport v2 at /open311/v2/: the ASB types as services, their
questions as attributes, reports posted by a registered client (the demo's
key from demo-clients.json, or one made with concordctl api-client add),
and the public read of requests — which shows no personal data and never a
partner's or the police's records. Every endpoint in JSON and in XML.
Posts sent again (the same Idempotency-Key, or the same bytes) make one
report and get the first answer."""
import concurrent.futures
import glob
import json
import os
import time
import uuid
import xml.etree.ElementTree as ET

import pytest
import requests

from stack import CONF, URL, VAR, ctl, wait_for

API = URL + "/open311/v2"
PERSONAL = ["Zebedee", "Quixotic-Surname", "zeb.open311@example.org", "07700900123"]


def spot(i):
    """The i-th test point in the City (-4 to 9), each about 170 m from the
    next, so that reports of one type do not join each other's incidents."""
    return {"long": f"{-0.0980 + 0.0025 * i:.4f}", "lat": "51.5150"}


@pytest.fixture(scope="module")
def api_key():
    path = os.path.join(os.path.dirname(CONF), "demo-clients.json")
    with open(path) as f:
        key = json.load(f)["open311"]["api_key"]
    assert os.stat(path).st_mode & 0o077 == 0, "demo-clients.json must be 0600"
    return key


@pytest.fixture(autouse=True)
def no_rate_count(rds):
    for k in rds.scan_iter("concord:open311:rate:*"):
        rds.delete(k)
    yield
    for k in rds.scan_iter("concord:open311:rate:*"):
        rds.delete(k)


def xml_of(r):
    assert r.headers["Content-Type"].startswith("text/xml"), r.headers["Content-Type"]
    return ET.fromstring(r.content)


def json_of(r):
    assert r.headers["Content-Type"].startswith("application/json"), r.headers["Content-Type"]
    return r.json()


def vehicle(key, i, **extra):
    """A valid abandoned-vehicle request at spot i. Its device_id (which
    Concord ignores) makes each one new: a byte-identical post is a retry."""
    data = {"api_key": key, "service_code": "abandoned-vehicles",
            "attribute[make_and_colour]": "a silver Ford Focus",
            "attribute[days_there]": "12", "device_id": uuid.uuid4().hex,
            "description": "Left on the corner for two weeks", **spot(i)}
    data.update(extra)
    return data


def post(data, fmt="json", status=200, headers=None):
    r = requests.post(f"{API}/requests.{fmt}", data=data, headers=headers)
    assert r.status_code == status, (r.status_code, r.text[:800])
    return r


def error_of(r, fmt):
    """(code, description) of a spec-shaped error."""
    if fmt == "json":
        body = json_of(r)
        assert isinstance(body, list) and len(body) == 1
        return body[0]["code"], body[0]["description"]
    root = xml_of(r)
    assert root.tag == "errors"
    err = root.find("error")
    return int(err.findtext("code")), err.findtext("description")


# --------------------------------------------------------------------------
# discovery and services

@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("host", [None, "127.0.0.1", "elsewhere.example"])
def test_discovery_names_the_endpoint_and_formats(fmt, host):
    """The endpoint is public_url's, whatever Host the request named (one
    without the port, as a proxy may pass it, or someone else's)."""
    r = requests.get(f"{API}/discovery.{fmt}", headers={"Host": host} if host else None)
    assert r.status_code == 200
    if fmt == "json":
        d = json_of(r)
        ep = d["endpoints"][0]
        assert ep["specification"] == "http://wiki.open311.org/GeoReport_v2"
        # public_url, port and all: a client follows it as it is.
        assert ep["url"] == URL.rstrip("/") + "/open311/v2"
        assert set(ep["formats"]) == {"application/json", "text/xml"}
    else:
        root = xml_of(r)
        assert root.tag == "discovery"
        ep = root.find("endpoints/endpoint")
        assert ep.findtext("url") == URL.rstrip("/") + "/open311/v2"
        assert {f.text for f in ep.findall("formats/format")} == {"application/json", "text/xml"}


def test_services_list_every_active_type_in_json(db):
    r = requests.get(f"{API}/services.json")
    assert r.status_code == 200
    services = {s["service_code"]: s for s in json_of(r)}
    with db.cursor() as c:
        c.execute("SELECT code FROM asb_type WHERE active")
        codes = {row[0] for row in c.fetchall()}
    assert codes <= set(services)
    noise = services["noise"]
    assert noise["service_name"] == "Noise"
    assert noise["metadata"] is True and noise["type"] == "realtime"
    assert noise["group"] == "Nuisance" and "nuisance" in noise["keywords"]
    assert noise["description"].startswith("Noise that is unreasonable")
    assert services["harassment"]["group"] == "Personal"


def test_services_list_in_xml():
    root = xml_of(requests.get(f"{API}/services.xml"))
    assert root.tag == "services"
    byc = {s.findtext("service_code"): s for s in root.findall("service")}
    assert byc["vandalism"].findtext("group") == "Environmental"
    assert byc["vandalism"].findtext("metadata") == "true"
    assert byc["vandalism"].findtext("type") == "realtime"


def test_service_definition_maps_each_question_kind_in_json():
    d = json_of(requests.get(f"{API}/services/abandoned-vehicles.json"))
    assert d["service_code"] == "abandoned-vehicles"
    attrs = {a["code"]: a for a in d["attributes"]}
    assert [a["order"] for a in d["attributes"]] == list(range(1, len(attrs) + 1))
    mc = attrs["make_and_colour"]
    assert mc["variable"] is True and mc["datatype"] == "string" and mc["required"] is True
    assert mc["description"] == "What make and colour is the vehicle?"
    assert mc["datatype_description"] == "For example, a silver Ford Focus."
    assert attrs["days_there"]["datatype"] == "number"
    cond = attrs["condition"]
    assert cond["datatype"] == "multivaluelist" and cond["required"] is False
    assert {"key": "burnt_out", "name": "Burnt out"} in cond["values"]
    yn = attrs["causing_danger"]
    assert yn["datatype"] == "singlevaluelist"
    assert yn["values"] == [{"key": "true", "name": "Yes"}, {"key": "false", "name": "No"}]


def test_service_definition_in_xml_with_dates_and_choices():
    root = xml_of(requests.get(f"{API}/services/nuisance-neighbours.xml"))
    assert root.tag == "service_definition"
    attrs = {a.findtext("code"): a for a in root.findall("attributes/attribute")}
    assert attrs["started"].findtext("datatype") == "datetime"
    assert attrs["what_happens"].findtext("required") == "true"
    # A question retired because the form asks it once elsewhere is not offered.
    assert "vulnerable" not in attrs
    noise = xml_of(requests.get(f"{API}/services/noise.xml"))
    src = [a for a in noise.findall("attributes/attribute") if a.findtext("code") == "source"][0]
    assert src.findtext("datatype") == "singlevaluelist"
    assert ("home", "A home") in [(v.findtext("key"), v.findtext("name"))
                                  for v in src.findall("values/value")]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_unknown_service_is_404(fmt):
    r = requests.get(f"{API}/services/no-such-thing.{fmt}")
    assert r.status_code == 404
    code, desc = error_of(r, fmt)
    assert code == 404 and "no-such-thing" in desc


def test_an_unknown_format_is_404():
    assert requests.get(f"{API}/services/noise.html").status_code == 404


# --------------------------------------------------------------------------
# posting, and reading back

def test_post_then_get_round_trip_in_json(api_key, db):
    data = vehicle(api_key, 0, **{
        "attribute[condition][]": ["tyres", "windows"],
        "attribute[causing_danger]": "false",
        "address_string": "Wood Street, EC2",
        "first_name": PERSONAL[0], "last_name": PERSONAL[1],
        "email": PERSONAL[2], "phone": PERSONAL[3],
        "media_url": "https://example.org/photo.jpg",
        "device_id": "abc-" + uuid.uuid4().hex, "account_id": "42",
        "request_id": "fms-1001"})
    created = json_of(post(data))
    assert len(created) == 1
    ref = created[0]["service_request_id"]
    assert ref.startswith("ASB-") and created[0]["service_notice"]

    got = json_of(requests.get(f"{API}/requests/{ref}.json"))
    assert len(got) == 1
    g = got[0]
    assert g["service_request_id"] == ref and g["status"] == "open"
    assert g["service_code"] == "abandoned-vehicles"
    assert g["service_name"] == "Abandoned vehicles"
    assert g["description"] == "Left on the corner for two weeks"
    assert g["agency_responsible"] == "the partnership"
    assert g["address"] == "Wood Street, EC2"
    assert abs(g["lat"] - 51.515) < 1e-6 and abs(g["long"] - (-0.098)) < 1e-6
    assert g["requested_datetime"].endswith("Z") and g["updated_datetime"]
    assert g["status_notes"] is None

    with db.cursor() as c:
        c.execute("SELECT r.channel, r.client_ref, r.answers, p.email, p.given_name "
                  "FROM report r LEFT JOIN person p ON p.id = r.reporter_id "
                  "WHERE r.reference = %s", (ref,))
        channel, client_ref, answers, email, given = c.fetchone()
    assert channel == "open311" and client_ref == "demo-open311:fms-1001"
    assert answers["condition"]["answer"] == ["tyres", "windows"]
    assert answers["causing_danger"]["answer"] == "no"
    assert answers["days_there"]["answer"] == "12"
    assert answers["media_url"]["answer"] == "https://example.org/photo.jpg"
    # The reporter's details are kept, privately.
    assert email == PERSONAL[2] and given == PERSONAL[0]

    # A public update shows as status_notes; closing shows as closed.
    with db.cursor() as c:
        c.execute("INSERT INTO incident_update (incident_id, text, public) "
                  "SELECT incident_id, 'Removed by the council', true FROM report "
                  "WHERE reference = %s", (ref,))
        c.execute("INSERT INTO incident_update (incident_id, text, public) "
                  "SELECT incident_id, 'Officer notes: owner known to police', false "
                  "FROM report WHERE reference = %s", (ref,))
        c.execute("UPDATE incident SET status = 'closed' WHERE id = "
                  "(SELECT incident_id FROM report WHERE reference = %s)", (ref,))
    g = json_of(requests.get(f"{API}/requests/{ref}.json"))[0]
    assert g["status"] == "closed" and g["status_notes"] == "Removed by the council"
    closed = json_of(requests.get(f"{API}/requests.json", params={"status": "closed"}))
    assert ref in [x["service_request_id"] for x in closed]
    opened = json_of(requests.get(f"{API}/requests.json", params={"status": "open"}))
    assert ref not in [x["service_request_id"] for x in opened]


def test_post_and_read_in_xml_with_escaping(api_key):
    nasty = "Bins <b>&amp;</b> \"cans\" & 'bottles' > 3"
    root = xml_of(post(vehicle(api_key, 1, description=nasty), fmt="xml"))
    assert root.tag == "service_requests"
    ref = root.findtext("request/service_request_id")
    assert ref.startswith("ASB-") and root.findtext("request/service_notice")
    one = xml_of(requests.get(f"{API}/requests/{ref}.xml"))
    req = one.find("request")
    assert req.findtext("service_request_id") == ref
    assert req.findtext("description") == nasty
    assert req.findtext("status") == "open"
    assert req.findtext("service_code") == "abandoned-vehicles"
    assert float(req.findtext("lat")) == pytest.approx(51.515)
    assert float(req.findtext("long")) == pytest.approx(-0.0955)
    listed = xml_of(requests.get(f"{API}/requests.xml",
                                 params={"service_code": "abandoned-vehicles"}))
    assert ref in [x.findtext("service_request_id") for x in listed.findall("request")]


def test_request_list_filters(api_key):
    a = json_of(post(vehicle(api_key, 2)))[0]["service_request_id"]
    b = json_of(post(vehicle(api_key, 3)))[0]["service_request_id"]
    both = json_of(requests.get(f"{API}/requests.json",
                                params={"service_request_id": f"{a}, {b}"}))
    assert sorted(x["service_request_id"] for x in both) == sorted([a, b])
    listed = json_of(requests.get(f"{API}/requests.json"))
    assert len(listed) <= 1000 and {a, b} <= {x["service_request_id"] for x in listed}
    other = json_of(requests.get(f"{API}/requests.json", params={"service_code": "noise"}))
    assert a not in [x["service_request_id"] for x in other]
    future = json_of(requests.get(f"{API}/requests.json",
                                  params={"start_date": "2099-01-01T00:00:00+00:00"}))
    assert future == []
    past = json_of(requests.get(f"{API}/requests.json", params={
        "start_date": "2000-01-01T00:00:00Z", "end_date": "2000-02-01"}))
    assert past == []
    r = requests.get(f"{API}/requests.json", params={"start_date": "yesterday"})
    assert r.status_code == 400 and error_of(r, "json")[0] == 400
    r = requests.get(f"{API}/requests.xml", params={"status": "pending"})
    assert r.status_code == 400 and error_of(r, "xml")[0] == 400


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_tokens_resolve_to_the_request_id(api_key, fmt):
    ref = json_of(post(vehicle(api_key, 4)))[0]["service_request_id"]
    r = requests.get(f"{API}/tokens/{ref}.{fmt}")
    assert r.status_code == 200
    if fmt == "json":
        assert json_of(r) == [{"service_request_id": ref, "token": ref}]
    else:
        assert xml_of(r).findtext("request/service_request_id") == ref
    r = requests.get(f"{API}/tokens/not-a-token.{fmt}")
    assert r.status_code == 404 and error_of(r, fmt)[0] == 404


# --------------------------------------------------------------------------
# what the public read never shows

def test_no_personal_data_in_any_read(api_key):
    ref = json_of(post(vehicle(api_key, 5, first_name=PERSONAL[0], last_name=PERSONAL[1],
                                email=PERSONAL[2], phone=PERSONAL[3])))[0]["service_request_id"]
    for path in (f"/requests/{ref}.json", f"/requests/{ref}.xml", "/requests.json",
                 "/requests.xml", f"/tokens/{ref}.json"):
        text = requests.get(API + path).text
        assert ref in text, path
        for p in PERSONAL:
            assert p not in text, (path, p)
    keys = set(json_of(requests.get(f"{API}/requests/{ref}.json"))[0])
    assert not keys & {"email", "first_name", "last_name", "phone", "name", "account_id"}


def test_personal_asb_is_never_published(api_key):
    """Harassment is aimed at someone: even a rough point can lead to a
    victim's door, so personal types are left out of the public read."""
    data = {"api_key": api_key, "service_code": "harassment",
            "attribute[happening_now]": "false", "attribute[threats_made]": "true",
            "attribute[how_long]": "weeks", "address_string": "12 Example Court",
            "long": "-0.09234", "lat": "51.51789"}
    ref = json_of(post(data))[0]["service_request_id"]
    for fmt in ("json", "xml"):
        r = requests.get(f"{API}/requests/{ref}.{fmt}")
        assert r.status_code == 404 and error_of(r, fmt)[0] == 404
    for params in ({}, {"service_code": "harassment"}, {"service_request_id": ref}):
        text = requests.get(f"{API}/requests.json", params=params).text
        assert ref not in text and "Example Court" not in text, params
    assert json_of(requests.get(f"{API}/requests.json",
                                params={"service_code": "harassment,nuisance-neighbours"})) == []


def test_an_address_typed_into_the_public_form_is_not_published(api_key, db):
    """The web form's address is often the reporter's own (browsers fill it
    in): the public read gives the point on the map and no address."""
    ref = json_of(post(vehicle(api_key, 8, address_string="Flat 3, 9 Milk Street")))[0][
        "service_request_id"]
    with db.cursor() as c:
        c.execute("UPDATE report SET channel = 'public' WHERE reference = %s", (ref,))
    g = json_of(requests.get(f"{API}/requests/{ref}.json"))[0]
    assert g["address"] is None
    assert g["lat"] == pytest.approx(51.515) and g["long"] == pytest.approx(-0.078)
    assert "Milk Street" not in requests.get(f"{API}/requests.xml").text


def test_a_report_that_joined_a_police_incident_shows_none_of_its_updates(api_key, db):
    """A public report that joined a police-only incident: the public read
    shows whether it is open or closed, and none of the police's updates,
    not even those they shared with the incident's own reporters."""
    ref = json_of(post(vehicle(api_key, -1)))[0]["service_request_id"]
    police_ref = f"ASB-2026-{800000 + uuid.uuid4().int % 99999:06d}"
    with db.cursor() as c:
        c.execute("SELECT incident_id FROM report WHERE reference = %s", (ref,))
        own = c.fetchone()[0]
        c.execute("INSERT INTO incident (reference, channel, asb_type_id, location, "
                  "owning_agency_id, sharing, status, updated_at) "
                  "SELECT %s, 'police', i.asb_type_id, i.location, a.id, 'agency', "
                  "'closed', now() + interval '1 hour' FROM incident i, agency a "
                  "WHERE i.id = %s AND a.id = (SELECT owning_agency_id FROM incident "
                  "WHERE channel = 'police' LIMIT 1) RETURNING id", (police_ref, own))
        police = c.fetchone()[0]
        c.execute("INSERT INTO incident_update (incident_id, text, public) VALUES "
                  "(%s, 'Police: Mr Suspect of 4 Hidden Row was spoken to', true), "
                  "(%s, 'Police only: vehicle linked to an arrest', false)",
                  (police, police))
        c.execute("UPDATE report SET incident_id = %s WHERE reference = %s", (police, ref))
    try:
        g = json_of(requests.get(f"{API}/requests/{ref}.json"))[0]
        assert g["status"] == "closed"
        assert g["status_notes"] is None
        assert g["updated_datetime"] == g["requested_datetime"]
        listed = (requests.get(f"{API}/requests.json").text +
                  requests.get(f"{API}/requests.xml").text)
        assert ref in listed and "Suspect" not in listed and "arrest" not in listed
    finally:
        with db.cursor() as c:
            c.execute("UPDATE report SET incident_id = %s WHERE reference = %s", (own, ref))


def test_partner_and_police_records_are_never_listed(db):
    """The demo's police and partner incidents, and a report that came in
    through a partner, stay out of the public read."""
    with db.cursor() as c:
        c.execute("SELECT reference, channel::text FROM incident "
                  "WHERE channel IN ('police', 'partner', 'call_handler', 'cad')")
        private = c.fetchall()
        assert private, "the demo has police and partner incidents"
        ref = f"ASB-2026-{900000 + uuid.uuid4().int % 99999:06d}"
        c.execute("INSERT INTO report (reference, incident_id, channel, tracking_hash, "
                  "description, owning_agency_id, sharing) "
                  "SELECT %s, i.id, 'partner', repeat('a', 64), 'Partner report: tenant X', "
                  "i.owning_agency_id, 'agency' FROM incident i WHERE i.channel = 'partner' "
                  "LIMIT 1", (ref,))
    try:
        listed = (requests.get(f"{API}/requests.json").text +
                  requests.get(f"{API}/requests.xml").text)
        for reference, _ in private + [(ref, "partner")]:
            assert reference not in listed
            r = requests.get(f"{API}/requests/{reference}.json")
            assert r.status_code == 404, reference
        assert "Demo:" not in listed and "Partner report" not in listed
    finally:
        with db.cursor() as c:
            c.execute("DELETE FROM report WHERE reference = %s", (ref,))


# --------------------------------------------------------------------------
# errors

@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_missing_or_wrong_api_key_is_403(api_key, fmt):
    data = vehicle(api_key, 6)
    del data["api_key"]
    code, desc = error_of(post(data, fmt, 403), fmt)
    assert code == 403 and "api_key" in desc
    data["api_key"] = "0" * 64
    assert error_of(post(data, fmt, 403), fmt)[0] == 403


def test_a_body_that_is_not_form_encoded_is_400(api_key):
    r = requests.post(f"{API}/requests.json", json=vehicle(api_key, 6))
    assert r.status_code == 400
    assert "form-encoded" in error_of(r, "json")[1]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_posting_to_an_unknown_service_is_404(api_key, fmt):
    code, _ = error_of(post(vehicle(api_key, 6, service_code="no-such-thing"), fmt, 404), fmt)
    assert code == 404


@pytest.mark.parametrize("lat,lon", [("abc", "-0.09"), ("51.5", ""), ("200", "-0.09"),
                                     ("51.5", "-500"), ("nan", "-0.09")])
def test_bad_coordinates_are_400(api_key, lat, lon):
    data = vehicle(api_key, 6, lat=lat)
    data["long"] = lon
    code, desc = error_of(post(data, "json", 400), "json")
    assert code == 400 and "lat" in desc


def test_no_location_at_all_is_400(api_key):
    data = vehicle(api_key, 6)
    del data["lat"], data["long"]
    assert "location" in error_of(post(data, "json", 400), "json")[1]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_point_outside_the_partnership_names_the_council(api_key, db, fmt):
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM la_area WHERE name = 'Hackney'")
        if c.fetchone()[0] == 0:
            pytest.skip("the demo imported no council areas")
    data = vehicle(api_key, 0, lat="51.5450")
    data["long"] = "-0.0553"
    code, desc = error_of(post(data, fmt, 400), fmt)
    assert code == 400 and "Hackney Council" in desc


def test_a_missing_required_attribute_is_400(api_key):
    data = vehicle(api_key, 6)
    del data["attribute[days_there]"]
    code, desc = error_of(post(data, "json", 400), "json")
    assert code == 400 and desc == ('attribute[days_there]: Enter a number for '
                                    '"For about how many days has it been there?"')


@pytest.mark.parametrize("name,value", [
    ("attribute[condition][]", "painted-pink"),
    ("attribute[causing_danger]", "maybe"),
    ("attribute[days_there]", "twelve"),
])
def test_an_invalid_attribute_value_is_400(api_key, name, value):
    code, desc = error_of(post(vehicle(api_key, 6, **{name: value}), "xml", 400), "xml")
    assert code == 400 and name.split("]")[0] + "]" in desc


def test_an_invalid_single_choice_is_400(api_key):
    data = {"api_key": api_key, "service_code": "noise", "attribute[source]": "the moon",
            "attribute[when_heard]": "night", **spot(6)}
    code, desc = error_of(post(data, "json", 400), "json")
    assert code == 400 and "attribute[source]" in desc


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_request_is_404(fmt):
    r = requests.get(f"{API}/requests/ASB-2026-999999.{fmt}")
    assert r.status_code == 404
    assert error_of(r, fmt)[0] == 404


def test_posts_are_rate_limited_per_key(api_key, db, rds):
    with db.cursor() as c:
        c.execute("SELECT id FROM api_client WHERE name = 'demo-open311'")
        cid = c.fetchone()[0]
    minute = int(time.time()) // 60
    for m in (minute, minute + 1):
        rds.set(f"concord:open311:rate:{cid}:{m}", 60, ex=120)
    code, desc = error_of(post(vehicle(api_key, 6), "json", 429), "json")
    assert code == 429


# --------------------------------------------------------------------------
# clients

def test_the_demo_key_is_registered_by_hash_only(api_key, db):
    import hashlib
    with db.cursor() as c:
        c.execute("SELECT key_hash, kind, active FROM api_client WHERE name = 'demo-open311'")
        key_hash, kind, active = c.fetchone()
    assert key_hash == hashlib.sha256(api_key.encode()).hexdigest()
    assert kind == "open311" and active


def test_concordctl_api_client_add_prints_a_working_key(db):
    name = f"Test App {uuid.uuid4().hex[:8]}"
    out = ctl("api-client", "add", "--name", name).stdout
    key = [line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("api_key:")][0]
    ref = json_of(post(vehicle(key, 7)))[0]["service_request_id"]
    with db.cursor() as c:
        c.execute("SELECT client_ref FROM report WHERE reference = %s", (ref,))
        assert c.fetchone()[0] == name
    again = ctl("api-client", "add", "--name", name, check=False)
    assert again.returncode != 0 and "already exists" in again.stderr
    with db.cursor() as c:
        c.execute("UPDATE api_client SET active = false WHERE name = %s", (name,))
    post(vehicle(key, 7), "json", 403)


# --------------------------------------------------------------------------
# what real clients need

def test_every_json_answer_names_utf8():
    for path, status in ((f"{API}/services.json", 200), (f"{API}/requests.json", 200),
                         (f"{API}/discovery.json", 200), (f"{API}/services/nope.json", 404),
                         (URL.rstrip("/") + "/healthz", 200)):
        r = requests.get(path)
        assert r.status_code == status, path
        assert r.headers["Content-Type"] == "application/json; charset=utf-8", path
        r.json()


def litter(key, i):
    return {"api_key": key, "service_code": "litter-fly-tipping",
            "attribute[what_dumped][]": "furniture", "attribute[amount]": "van",
            "device_id": uuid.uuid4().hex, **spot(i)}


def test_service_code_filters_by_every_code_given(api_key):
    """The spec: service_code "can be declared multiple times, comma
    delimited"."""
    a = json_of(post(vehicle(api_key, -4)))[0]["service_request_id"]
    b = json_of(post(litter(api_key, -4)))[0]["service_request_id"]

    def listed(params):
        return {x["service_request_id"] for x in
                json_of(requests.get(f"{API}/requests.json", params=params))}

    both = listed({"service_code": "abandoned-vehicles,litter-fly-tipping"})
    assert {a, b} <= both
    assert {a, b} <= listed({"service_code": "abandoned-vehicles, litter-fly-tipping"})
    assert {a, b} <= listed([("service_code", "abandoned-vehicles"),
                             ("service_code", "litter-fly-tipping")])
    assert {a, b} <= {x.findtext("service_request_id") for x in xml_of(requests.get(
        f"{API}/requests.xml", params="service_code=litter-fly-tipping&service_code="
        "abandoned-vehicles")).findall("request")}
    only = listed({"service_code": "litter-fly-tipping"})
    assert b in only and a not in only
    assert not {a, b} & listed({"service_code": "noise,graffiti-that-does-not-exist"})


def test_address_id_alone_locates_a_post(api_key, db):
    """The spec takes lat/long, address_string or address_id. address_id is
    the client's address reference (a UPRN): kept with the report for staff,
    like an address_string alone."""
    data = vehicle(api_key, 0, address_id="100023336956")
    del data["lat"], data["long"]
    ref = json_of(post(data))[0]["service_request_id"]
    with db.cursor() as c:
        c.execute("SELECT i.address FROM report r JOIN incident i ON i.id = r.incident_id "
                  "WHERE r.reference = %s", (ref,))
        assert "100023336956" in c.fetchone()[0]
    g = json_of(requests.get(f"{API}/requests/{ref}.json"))[0]
    assert g["lat"] is None and "100023336956" in g["address"]
    data["address_id"] = "10002 3336956<script>"
    code, desc = error_of(post(data, "json", 400), "json")
    assert code == 400 and "address_id" in desc


def test_an_api_key_in_the_address_is_refused_and_kept_out_of_the_logs(api_key, db):
    data = vehicle(api_key, 0, request_id=uuid.uuid4().hex[:16])
    del data["api_key"]
    r = requests.post(f"{API}/requests.json", params={"api_key": api_key}, data=data)
    assert r.status_code == 400
    code, desc = error_of(r, "json")
    assert code == 400 and "api_key" in desc and "body" in desc
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM report WHERE client_ref = %s",
                  ("demo-open311:" + data["request_id"],))
        assert c.fetchone()[0] == 0
    # nginx writes its access log in batches: wait for this request's line.
    rid = r.headers["X-Request-Id"]
    logs = os.path.join(VAR, "log")

    def logged():
        with open(os.path.join(logs, "nginx-access.log"), errors="replace") as f:
            return rid in f.read()
    wait_for(logged, timeout=10, what="the request in nginx's access log")
    for path in glob.glob(os.path.join(logs, "**", "*"), recursive=True):
        if os.path.isfile(path):
            with open(path, "rb") as f:
                assert api_key.encode() not in f.read(), path


def test_the_confirmation_mail_links_to_the_tracking_page_in_full(api_key):
    email = f"open311-{uuid.uuid4().hex[:8]}@example.org"
    ref = json_of(post(vehicle(api_key, 1, email=email)))[0]["service_request_id"]
    outbox = os.path.join(VAR, "mail")

    def mail():
        for path in glob.glob(os.path.join(outbox, "*.eml")):
            with open(path, errors="replace") as f:
                text = f.read()
            if email in text:
                return text
        return None
    text = wait_for(mail, timeout=20, what="the confirmation mail")
    assert f"{URL.rstrip('/')}/track/{ref}?t=" in text, text


# --------------------------------------------------------------------------
# retries

def count_reports(db, client_ref):
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM report WHERE client_ref = %s", (client_ref,))
        return c.fetchone()[0]


def test_a_retry_with_the_same_idempotency_key_gets_the_first_answer(api_key, db):
    data = vehicle(api_key, -2, request_id=uuid.uuid4().hex[:16])
    key = {"Idempotency-Key": uuid.uuid4().hex}
    first = requests.post(f"{API}/requests.json", data=data, headers=key)
    assert first.status_code == 200
    ref = json_of(first)[0]["service_request_id"]
    again = requests.post(f"{API}/requests.json", data=data, headers=key)
    assert (again.status_code, again.content) == (first.status_code, first.content)
    assert count_reports(db, "demo-open311:" + data["request_id"]) == 1
    # Kept in PostgreSQL with the report, not in Redis: a crash after the
    # commit, or a Redis restart, still leaves the retry its answer.
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM open311_request_key k JOIN report r "
                  "ON r.id = k.report_id WHERE r.reference = %s", (ref,))
        assert c.fetchone()[0] == 1
    # The same key for another request is an error, and saves nothing.
    other = dict(data, description="Another car, another day")
    r = requests.post(f"{API}/requests.json", data=other, headers=key)
    assert r.status_code == 422
    code, desc = error_of(r, "json")
    assert code == 422 and "Idempotency-Key" in desc
    assert count_reports(db, "demo-open311:" + data["request_id"]) == 1
    # A new key is a new request.
    r = post(other, headers={"Idempotency-Key": uuid.uuid4().hex})
    assert json_of(r)[0]["service_request_id"] != ref
    assert count_reports(db, "demo-open311:" + data["request_id"]) == 2


def test_a_byte_identical_retry_without_a_key_gets_the_first_answer(api_key, db):
    data = vehicle(api_key, -3, request_id=uuid.uuid4().hex[:16])
    first = post(data, fmt="xml")
    again = post(data, fmt="xml")
    assert again.content == first.content
    assert xml_of(first).findtext("request/service_request_id").startswith("ASB-")
    assert count_reports(db, "demo-open311:" + data["request_id"]) == 1


def test_the_same_post_sent_several_times_at_once_makes_one_report(api_key, db):
    data = vehicle(api_key, 9, request_id=uuid.uuid4().hex[:16])
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: requests.post(f"{API}/requests.json", data=data),
                                range(4)))
    assert [a.status_code for a in answers] == [200] * 4, [a.text for a in answers]
    assert len({a.content for a in answers}) == 1
    assert count_reports(db, "demo-open311:" + data["request_id"]) == 1


def test_the_report_form_says_what_becomes_public(http):
    """The "where" step of the public form says what the public list shows
    and what it never shows, before the person gives a place."""
    from test_report_form import WHEN_ONCE, get as form_get, start, step, to_when
    start(http)
    nxt = step(http, "/report/type", {"type": "nuisance-gatherings"})
    for a in ({"answer": "12"}, {"answer": "no"}, {"answer": ["shouting", "drinking"]},
              {"answer": "yes"}):
        nxt = step(http, nxt, a)
    to_when(http, nxt)
    assert step(http, "/report/when", WHEN_ONCE) == "/report/where"
    page = form_get(http, "/report/where").text
    inset = page[page.index('id="what-is-public"'):]
    inset = inset[:inset.index("</div>")]
    for said in ("We publish a list of reports", "the place you mark on the map",
                 "never the address you type", "never shows your name or contact details",
                 "harassment or of nuisance neighbours are not listed"):
        assert said in inset, said
