"""One check of a reporter's e-mail address and phone number
(domain/contact_check.c) and one reading of a map point
(domain/point_check.c) behind both channels: the same value sent through
the public form ("About you", "Where did it happen?") and through Open311
(email, phone, lat and long) gets the same verdict, and a refusal the same
words (the form beside the field, Open311 as the error's description after
the parameter's name)."""
import re
import uuid

import pytest
import requests

from stack import URL
from staff import csrf_of
# The demo Open311 client's key, and no rate limit in the way: the same
# fixtures as the answer checks' (an autouse fixture counts where imported).
from test_answer_checks import API, api_key, no_rate_limits  # noqa: F401

SERVICE = "nuisance-gatherings"	# a type with no subtype step on the form

EMAIL = "Enter an email address in the correct format, like name@example.com"
PHONE = "Enter a telephone number, like 01632 960 001 or +44 7700 900 982"
POINT = ("The place given is not a point on the map: its latitude must be from "
         "-90 to 90 and its longitude from -180 to 180, in decimal degrees")

# (value, the refusal or None when it passes). Each refused value was
# taken by at least one channel before the checks were shared.
EMAILS = [
    ("ada@example.com", None),
    ("a.b+c_d-9@mail.example.co.uk", None),
    ("not-an-email", EMAIL),
    ("ada@example", EMAIL),          # Open311 took it: it asked only for an @
    ("ada@@example.com", EMAIL),     # Open311 took it
    ("ada..b@example.com", EMAIL),   # both took it
    ("ada@example.com.", EMAIL),     # Open311 took it
]
PHONES = [
    ("07700 900 982", None),
    ("+44 7700 900 982", None),
    ("(020) 7946 0018", None),
    ("call me after six", PHONE),    # Open311 checked no phone number
    ("123", PHONE),                  # Open311 took it
    ("7700 900 982", PHONE),         # both took it: no trunk 0, no +
    ("07700.900.982", PHONE),        # Open311 took it
]
# (longitude, latitude; None: not sent)
POINTS = [
    (("-0.0980", "51.5150"), None),
    (("-0.0955", "51.515"), None),
    (("200", "51.5150"), POINT),      # Open311 took it, then refused it in other words
    (("-0.0980", "91"), POINT),       # the same
    (("-0.0980", "5.1515e1"), POINT),  # both took it (strtod reads exponents)
    (("-0.0980", None), POINT),       # half a point
    (("inf", "51.5150"), POINT),
]


def form_step(path, data):
    """Posts one step of a fresh draft whose type is chosen: None when the
    form moves on, else the one error it shows."""
    s = requests.Session()
    s.get(URL + "/report")
    page = s.get(URL + "/report/type")
    r = s.post(URL + "/report/type", data={"csrf": csrf_of(page.text), "type": SERVICE},
               allow_redirects=False)
    assert r.status_code == 303, r.text[:500]
    page = s.get(URL + path)
    assert page.status_code == 200, page.text[:500]
    r = s.post(URL + path, data=dict(data, csrf=csrf_of(page.text)), allow_redirects=False)
    if r.status_code == 303:
        return None
    assert r.status_code == 400, (r.status_code, r.text[:800])
    errors = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', r.text)
    assert len(errors) == 1, errors
    return errors[0][1]


def about(email="", phone=""):
    return {"identity": "named", "given-name": "Ada", "family-name": "Lovelace",
            "email": email, "phone": phone, "contact": "none",
            "for-someone-else": "no", "share": "yes", "website": ""}


def open311_verdict(api_key, name, i, **params):
    """None when Open311 takes the request, else its error's description
    after the parameter's name."""
    attrs = requests.get(f"{API}/services/{SERVICE}.json")
    assert attrs.status_code == 200, attrs.text[:500]
    data = {"api_key": api_key, "service_code": SERVICE, "device_id": uuid.uuid4().hex,
            "long": f"{-0.0980 + 0.0025 * (i % 10):.4f}", "lat": "51.5150",
            "address_string": "10 Wood Street", "first_name": "Ada",
            "description": "Checked the same way on the form"}
    for a in attrs.json()["attributes"]:
        if a["required"]:
            key = f"attribute[{a['code']}]"
            if a["datatype"] == "multivaluelist":
                data[key + "[]"] = a["values"][-1]["key"]
            elif a.get("values"):
                data[key] = a["values"][-1]["key"]
            else:
                data[key] = "3" if a["datatype"] == "number" else "yes"
    for k, v in params.items():
        if v is None:
            data.pop(k, None)
        else:
            data[k] = v
    r = requests.post(f"{API}/requests.json", data=data)
    if r.status_code == 200:
        return None
    assert r.status_code == 400, (r.status_code, r.text[:800])
    desc = r.json()[0]["description"]
    prefix = f"{name}: "
    assert desc.startswith(prefix), desc
    return desc[len(prefix):]


@pytest.mark.parametrize("i,value,refusal", [(i, *c) for i, c in enumerate(EMAILS)],
                         ids=[f"email-{i}" for i in range(len(EMAILS))])
def test_an_email_address_gets_the_same_verdict(api_key, i, value, refusal):
    assert form_step("/report/about-you", about(email=value)) == refusal
    assert open311_verdict(api_key, "email", i, email=value) == refusal


@pytest.mark.parametrize("i,value,refusal", [(i, *c) for i, c in enumerate(PHONES)],
                         ids=[f"phone-{i}" for i in range(len(PHONES))])
def test_a_phone_number_gets_the_same_verdict(api_key, i, value, refusal):
    assert form_step("/report/about-you", about(phone=value)) == refusal
    assert open311_verdict(api_key, "phone", 10 + i, phone=value) == refusal


@pytest.mark.parametrize("i,point,refusal", [(i, *c) for i, c in enumerate(POINTS)],
                         ids=[f"point-{i}" for i in range(len(POINTS))])
def test_a_map_point_gets_the_same_verdict(api_key, i, point, refusal):
    lon, lat = point
    where = {"address-line-1": "10 Wood Street", "address-town": "London",
             "address-postcode": "", "lon": lon or "", "lat": lat or ""}
    assert form_step("/report/where", where) == refusal
    assert open311_verdict(api_key, "lat and long", 20 + i, long=lon, lat=lat) == refusal
