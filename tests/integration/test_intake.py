"""The one intake (domain/intake.c): every channel's submission is checked
there, so the public form and Open311 give the same verdict on the same
value (trimming included); a staff submission (here through `concordctl
intake`, the police and call-handler pages' own tests cover those pages)
is checked field by field against the force's mandatory fields and log
number format, and either written whole -- the incident, its people, its
first call, its link, its risk assessment, the audit row -- or not at all."""
import json
import uuid

import pytest
import requests

from stack import ctl
# The same form and Open311 helpers, and the demo Open311 client's key with
# no rate limit in the way (an autouse fixture counts where imported).
from test_answer_checks import API, api_key, attributes, filler, no_rate_limits  # noqa: F401
from test_contact_checks import SERVICE, about, form_step, open311_verdict

OFFICER = "officer@police.example"
CALL_HANDLER = "call.handler@police.example"
INSIDE = ("-0.0915", "51.5155")     # Moorgate, in the partnership
OUTSIDE = ("-0.0553", "51.5450")    # Hackney
LOG = "CAD-20261202-0042"           # the demo force's format (ctl/demo.c)


def intake(submission, as_email=OFFICER):
    """The intake's answer to a submission, as concordctl prints it."""
    r = ctl("intake", "--as", as_email, input=json.dumps(submission), check=False)
    assert r.stdout.strip(), r.stderr
    out = json.loads(r.stdout)
    assert (r.returncode == 0) == (out["result"] == "ok"), (r.returncode, out)
    return out


def errors(out):
    return {e["field"]: e["message"] for e in out["errors"]}


def one(db, sql, *args):
    with db.cursor() as c:
        c.execute(sql, args)
        return c.fetchone()


def risk_answers(db, answer="no"):
    with db.cursor() as c:
        c.execute("SELECT q.key FROM risk_question q JOIN risk_questionnaire v "
                  "ON v.version = q.version WHERE v.active ORDER BY q.position")
        return {k: answer for (k,) in c.fetchall()}


def police(db, **changes):
    """A police submission with every default mandatory field."""
    tag = uuid.uuid4().hex[:8]
    s = {
        "channel": "police", "type": "noise", "nsir": "nuisance",
        "description": f"Music through the night {tag}",
        "date": "2026-11-30", "time": "23:15", "lon": INSIDE[0], "lat": INSIDE[1],
        "address": "Moorgate", "postcode": "ec2m 6sb", "log_number": LOG,
        "officer": one(db, "SELECT id FROM app_user WHERE email = %s", OFFICER)[0],
        "people": [{"role": "victim", "given_name": "Vera", "family_name": f"V{tag}",
                    "dob": "1961-04-02", "phone": "07700 900 111"}],
        "risk": risk_answers(db), "risk_version": 0, "confirmed_new": True,
    }
    s.update(changes)
    return s


def counts(db):
    """What an intake writes. Audit rows of incidents only: a sign-in or a
    view elsewhere on the stack may add others meanwhile."""
    return one(db, "SELECT (SELECT count(*) FROM incident), (SELECT count(*) FROM person), "
                   "(SELECT count(*) FROM incident_person), (SELECT count(*) FROM risk_assessment), "
                   "(SELECT count(*) FROM incident_call), (SELECT count(*) FROM incident_link), "
                   "(SELECT count(*) FROM audit_event WHERE entity = 'incident' "
                   "AND action IN ('create', 'risk_assessed', 'link'))")


# -- the public channels: one verdict -----------------------------------------

@pytest.mark.parametrize("field", ["email"])
def test_padded_contact_details_pass_on_the_form_and_open311_alike(api_key, field):
    """The form trimmed what it was sent; Open311 checked the text as sent
    and refused " ada@example.com " that the form took."""
    value = {"email": "  ada@example.com  "}[field]
    assert form_step("/report/about-you", about(**{field: value})) is None
    assert open311_verdict(api_key, field, 3, **{field: value}) is None


def test_bad_values_get_the_same_words_on_both_channels_after_trimming(api_key):
    refusal = form_step("/report/about-you", about(email="  ada@example  "))
    assert refusal == ("Enter an email address in the correct format, like "
                       "name@example.com")
    assert open311_verdict(api_key, "email", 4, email="  ada@example  ") == refusal


@pytest.mark.parametrize("postcode,refusal", [
    ("ec2y 5ea", None), ("EC2Y5EA", None), ("12345", "Enter a real postcode, like SW1A 1AA"),
    ("EC2Y-5EA", "Enter a real postcode, like SW1A 1AA"),
])
def test_a_postcode_gets_the_same_verdict_on_the_form_and_a_staff_entry(db, postcode,
                                                                        refusal):
    assert form_step("/report/where", {"address-line-1": "1 London Wall",
                                       "address-postcode": postcode}) == refusal
    out = intake(police(db, postcode=postcode))
    assert errors(out).get("postcode") == refusal


def open311_post(api_key, **params):
    """A request of SERVICE with every required attribute answered."""
    data = {"api_key": api_key, "service_code": SERVICE, "device_id": uuid.uuid4().hex}
    for a in attributes(SERVICE):
        if a["required"]:
            multi = "[]" if a["datatype"] == "multivaluelist" else ""
            data[f"attribute[{a['code']}]{multi}"] = filler(a)
    data.update(params)
    return requests.post(f"{API}/requests.json", data=data)


def test_open311_names_every_refused_field_at_once(api_key):
    r = open311_post(api_key, long="-0.0950", lat="51.5150", first_name="Ada",
                     email="ada@example", phone="123")
    assert r.status_code == 400, r.text[:500]
    assert r.json()[0]["description"] == (
        "email: Enter an email address in the correct format, like name@example.com; "
        "phone: Enter a telephone number, like 01632 960 001 or +44 7700 900 982")


def test_open311_saves_what_it_was_sent_trimmed(api_key, db):
    tag = uuid.uuid4().hex[:8]
    r = open311_post(api_key, long="-0.0930", lat="51.5170",
                     address_string="  10 Wood Street ", first_name="  Ann ",
                     last_name=f" T{tag}  ", email=f"  ann.{tag}@example.com ",
                     description=f"\n  Loud {tag}  \t")
    assert r.status_code == 200, r.text[:500]
    ref = r.json()[0]["service_request_id"]
    row = one(db, "SELECT r.description, r.address, p.given_name, p.family_name, p.email, "
                  "p.email_key FROM report r JOIN person p ON p.id = r.reporter_id "
                  "WHERE r.reference = %s", ref)
    assert row == (f"Loud {tag}", "10 Wood Street", "Ann", f"T{tag}",
                   f"ann.{tag}@example.com", f"ann.{tag}@example.com")
    # The reporter is one of the incident's people, as a staff entry's are.
    assert one(db, "SELECT ip.role::text FROM incident_person ip JOIN report r "
                   "ON r.incident_id = ip.incident_id AND r.reporter_id = ip.person_id "
                   "WHERE r.reference = %s", ref) == ("reporter",)


# -- staff channels --------------------------------------------------------------

def test_a_police_submission_writes_the_incident_its_people_and_its_risk(db):
    s = police(db, risk=dict(risk_answers(db), **{next(iter(risk_answers(db))): "yes"}))
    s["people"].append({"role": "subject", "given_name": "Sid", "family_name": "Subject"})
    out = intake(s)
    assert out["result"] == "ok", out
    ref = out["reference"]
    inc = one(db, "SELECT i.id, i.channel::text, i.nsir::text, i.log_number, i.postcode, "
                  "i.officer_id, i.occurred_at AT TIME ZONE 'Europe/London', "
                  "i.location IS NOT NULL, i.victim_id IS NOT NULL, i.risk_level::text "
                  "FROM incident i WHERE i.reference = %s", ref)
    assert inc[1:6] == ("police", "nuisance", LOG, "EC2M 6SB", s["officer"])
    assert str(inc[6]) == "2026-11-30 23:15:00"
    assert inc[7] and inc[8] and inc[9] is not None
    people = one(db, "SELECT array_agg(ip.role::text ORDER BY ip.role), "
                     "array_agg(p.date_of_birth::text ORDER BY ip.role) "
                     "FROM incident_person ip JOIN person p ON p.id = ip.person_id "
                     "WHERE ip.incident_id = %s", inc[0])
    assert people == (["victim", "subject"], ["1961-04-02", None])
    # The first assessment, with its history and the incident's level.
    assert one(db, "SELECT count(*), min(version) > 0 FROM risk_assessment "
                   "WHERE incident_id = %s", inc[0]) == (1, True)
    actions = one(db, "SELECT array_agg(action ORDER BY id) FROM audit_event "
                      "WHERE entity = 'incident' AND entity_id = %s", str(inc[0]))[0]
    assert actions == ["create", "risk_assessed", "allocate"]


def test_every_missing_mandatory_field_is_named_and_nothing_saved(db):
    before = counts(db)
    out = intake({"channel": "police"})
    assert out["result"] == "invalid"
    assert set(errors(out)) == {"type", "nsir", "description", "when", "where",
                                "log_number", "victim", "risk"}
    assert errors(out)["log_number"] == "Enter the incident log number"
    assert counts(db) == before


def test_the_same_page_sent_twice_makes_one_incident(db):
    s = police(db, idempotency_key=uuid.uuid4().hex)
    first = intake(s)
    before = counts(db)
    again = intake(s)
    assert again["reference"] == first["reference"]
    assert counts(db) == before
    # Another member of staff's key is theirs alone.
    other = dict(s, officer=one(db, "SELECT id FROM app_user WHERE email = %s",
                                "supervisor@police.example")[0])
    assert intake(other, "supervisor@police.example")["reference"] != first["reference"]


def test_a_log_number_in_the_wrong_format_names_the_example(db):
    out = intake(police(db, log_number="2026/42"))
    assert errors(out) == {"log_number": "Enter the log number in the force's "
                                         "format, like CAD-20261202-0042"}
    # Trimmed first: spaces around a good one are no error.
    assert intake(police(db, log_number=f"  {LOG} "))["result"] == "ok"


def test_an_impossible_date_of_birth_on_person_2_saves_nothing(db):
    s = police(db)
    s["people"].append({"role": "witness", "given_name": "Wanda", "dob": "1990-02-30"})
    before = counts(db)
    out = intake(s)
    assert out["result"] == "invalid"
    assert list(errors(out)) == ["person-2-dob"]
    assert "an impossible date of birth" in errors(out)["person-2-dob"]
    assert counts(db) == before


def test_when_must_be_past_to_the_minute(db):
    """The date alone may be tomorrow (a day starting before UTC's); with a
    time, the moment must have come."""
    soon = one(db, "SELECT to_char(now() AT TIME ZONE 'Europe/London' + interval '2 hours', "
                   "'YYYY-MM-DD HH24:MI')")[0].split()
    out = intake(police(db, date=soon[0], time=soon[1]))
    assert errors(out) == {"when": "The date and time it happened must be in the past"}
    assert list(errors(intake(police(db, date="2026-02-30")))) == ["when"]


def test_a_place_outside_the_partnership_says_whose_area_it_is(db):
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM la_area WHERE name = 'Hackney'")
        if c.fetchone()[0] == 0:
            pytest.fail("the demo imported no council areas")
    out = intake(police(db, lon=OUTSIDE[0], lat=OUTSIDE[1]))
    assert "Hackney Council" in errors(out)["where"]


def test_the_officer_in_charge_is_one_of_the_forces_active_staff(db):
    council = one(db, "SELECT u.id FROM app_user u JOIN agency a ON a.id = u.agency_id "
                      "WHERE a.kind = 'local_authority' LIMIT 1")[0]
    out = intake(police(db, officer=council))
    assert list(errors(out)) == ["officer"]


def test_linking_to_a_similar_incident_writes_the_pair_smaller_first(db):
    first = intake(police(db))["reference"]
    out = intake(police(db, link_to=first.lower(), confirmed_new=False))
    assert out["result"] == "ok", out
    a, b = (one(db, "SELECT id FROM incident WHERE reference = %s", r)[0]
            for r in (first, out["reference"]))
    assert one(db, "SELECT count(*) FROM incident_link WHERE incident_id = %s "
                   "AND linked_id = %s", min(a, b), max(a, b)) == (1,)
    # A reference that is no incident is the link field's error.
    assert list(errors(intake(police(db, link_to="ASB-1999-000001",
                                     confirmed_new=False)))) == ["link"]


def test_a_call_with_a_screening_yes_awaits_an_assessment_with_its_first_call(db):
    tag = uuid.uuid4().hex[:8]
    s = {"channel": "call_handler", "type": "noise", "description": f"Party {tag}",
         "at_caller_address": True, "log_number": LOG,
         "people": [{"role": "reporter", "given_name": "Cal", "family_name": f"C{tag}",
                     "phone": "07700 900 222", "address": "1 London Wall",
                     "postcode": "EC2Y 5EA"}],
         "screening": {"repeat": False, "vulnerable": True, "targeted": False,
                       "at_risk": False},
         "call_note": f"Party {tag}"}
    out = intake(s, CALL_HANDLER)
    assert out["result"] == "ok", out
    row = one(db, "SELECT i.channel::text, i.address, i.postcode, "
                  "round(extract(epoch FROM i.assessment_due - i.reported_at) / 3600), "
                  "i.screening ->> 'vulnerable', c.note, c.log_number, c.caller_id = p.id "
                  "FROM incident i JOIN incident_call c ON c.incident_id = i.id "
                  "JOIN incident_person ip ON ip.incident_id = i.id AND ip.role = 'reporter' "
                  "JOIN person p ON p.id = ip.person_id WHERE i.reference = %s",
              out["reference"])
    assert row == ("call_handler", "1 London Wall", "EC2Y 5EA", 24, "true",
                   f"Party {tag}", LOG, True)
    assert out["assessment_due"] > 0


def test_a_call_assessed_at_once_awaits_no_assessment(db):
    s = police(db, channel="call_handler",
               screening={"repeat": True, "vulnerable": False, "targeted": False,
                          "at_risk": False})
    s["people"].append({"role": "reporter", "given_name": "Cal", "phone": "07700 900 333"})
    out = intake(s, CALL_HANDLER)
    assert out["result"] == "ok", out
    assert out["assessment_due"] == 0 and out["risk_level"] >= 0
    assert one(db, "SELECT assessment_due, risk_level IS NOT NULL FROM incident "
                   "WHERE reference = %s", out["reference"]) == (None, True)


def test_a_call_without_screening_or_caller_names_both(db):
    # The page's caller block, left empty, is nobody: no error of its own.
    out = intake({"channel": "call_handler", "type": "noise", "description": "x",
                  "postcode": "EC2Y 5EA", "people": [{"role": "reporter", "given_name": " "}]},
                 CALL_HANDLER)
    assert errors(out) == {"caller": "Enter the caller's name or phone number",
                           "screening": "Answer all four screening questions"}
