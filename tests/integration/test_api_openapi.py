"""GET /api/v1/openapi.json: an OpenAPI 3.1 document of the whole CAD API,
public and unsigned, whose every $ref resolves, every operation answers
something documented, every schema is a valid JSON Schema 2020-12 schema,
and whose schemas hold for what the server really answers (validate() in
openapi.py, which the other endpoints' tests call too)."""
import json

import jsonschema
import pytest
import requests

from openapi import document, resolve, response_schema, validate
from stack import read_conf

METHODS = ("get", "put", "post", "delete", "patch")

# Every endpoint of the API's contract (README "CAD API").
CONTRACT = {
    ("get", "/api/v1/client"),
    ("post", "/api/v1/incidents"), ("get", "/api/v1/incidents"),
    ("get", "/api/v1/incidents/{ref}"), ("patch", "/api/v1/incidents/{ref}"),
    ("post", "/api/v1/incidents/{ref}/events"),
    ("put", "/api/v1/incidents/{ref}/subscription"),
    ("delete", "/api/v1/incidents/{ref}/subscription"),
    ("post", "/api/v1/eido"), ("get", "/api/v1/incidents/{ref}/eido"),
    ("get", "/api/v1/openapi.json"),
}
SIGNATURE_HEADERS = {"Concord-Key-Id", "Concord-Timestamp", "Concord-Nonce", "Concord-Signature"}


def operations(doc):
    for path, item in doc["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def refs(node, where="#"):
    """Every $ref in the document, with where it is."""
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield where, node["$ref"]
        for k, v in node.items():
            yield from refs(v, f"{where}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from refs(v, f"{where}/{i}")


def schemas_in(doc):
    """Every schema object of the document: components, parameters,
    request bodies and responses."""
    for name, s in doc["components"]["schemas"].items():
        yield f"components/schemas/{name}", s
    for name, p in doc["components"]["parameters"].items():
        yield f"components/parameters/{name}", p["schema"]
    for name, r in doc["components"]["responses"].items():
        for media, c in r.get("content", {}).items():
            yield f"components/responses/{name} {media}", c["schema"]
    for path, method, op in operations(doc):
        for media, c in op.get("requestBody", {}).get("content", {}).items():
            yield f"{method} {path} body", c["schema"]
        for status, r in op["responses"].items():
            for media, c in r.get("content", {}).items():
                yield f"{method} {path} {status}", c["schema"]


def test_served_document_is_openapi_3_1_with_this_sites_url(http, base_url):
    r = http.get(base_url + "/api/v1/openapi.json")
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"].startswith("application/json")
    served = r.json()
    assert served["openapi"].startswith("3.1.")
    assert served["jsonSchemaDialect"] == "https://json-schema.org/draft/2020-12/schema"
    assert served["servers"] == [{"url": read_conf()["public_url"]}]
    shipped = dict(document())
    shipped.pop("servers")
    served.pop("servers")
    assert served == shipped


def test_every_endpoint_of_the_contract_is_described():
    described = {(m, p) for p, m, _ in operations(document())}
    assert described == CONTRACT


def test_every_ref_resolves():
    doc = document()
    found = list(refs(doc))
    assert len(found) > 50
    for where, target in found:
        assert target.startswith("#/"), f"{where}: {target} is not local"
        resolve(doc, {"$ref": target})


def test_every_operation_has_documented_responses():
    doc = document()
    ids = set()
    for path, method, op in operations(doc):
        assert op["operationId"] not in ids
        ids.add(op["operationId"])
        assert op["responses"], f"{method} {path} has no responses"
        success = [s for s in op["responses"] if s.startswith("2")]
        assert success, f"{method} {path} has no success response"
        for status, r in op["responses"].items():
            r = resolve(doc, r)
            assert r["description"], f"{method} {path} {status}"
            if not status.startswith("2"):
                assert list(r["content"]) == ["application/problem+json"], \
                    f"{method} {path} {status} is not a problem"
        if path == "/api/v1/openapi.json":
            assert op["security"] == []
            continue
        # A signed call: the scheme and its four headers, and the gate's 401.
        names = {resolve(doc, p)["name"] for p in op["parameters"]}
        assert SIGNATURE_HEADERS <= names, f"{method} {path}"
        assert set(op["security"][0]) == {"ConcordKeyId", "ConcordTimestamp",
                                          "ConcordNonce", "ConcordSignature"}
        assert "401" in op["responses"] and "403" in op["responses"]
        if "requestBody" in op:
            for status in ("400", "413", "415", "422"):
                assert status in op["responses"], f"{method} {path} lacks {status}"
    schemes = doc["components"]["securitySchemes"]
    assert {s["name"] for s in schemes.values()} == SIGNATURE_HEADERS


def test_every_schema_is_a_valid_draft_2020_12_schema():
    checked = 0
    for where, schema in schemas_in(document()):
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as e:
            pytest.fail(f"{where}: {e.message}")
        checked += 1
    assert checked > 40


def body_validator(name):
    doc = document()
    return jsonschema.Draft202012Validator(doc["components"]["schemas"][name],
                                           resolver=jsonschema.RefResolver.from_schema(doc))


def test_request_bodies_take_the_contract_and_refuse_unknown_fields():
    create = body_validator("IncidentCreate")
    good = {"type": "R12", "status": "OPEN", "log_number": "CAD-20261201-0042",
            "external_id": "INC-42", "description": "Music", "occurred_at": "2026-12-01T21:40:00+00:00",
            "location": {"lat": 51.515, "lon": -0.092},
            "caller": {"given_name": "Ann", "phone": "07700900123"},
            "people": [{"role": "victim", "given_name": "Bea", "vulnerable": True}],
            "screening": {"repeat": False, "vulnerable": True, "targeted": False, "at_risk": False},
            "answers": {"how_often": "daily"}, "note": "call notes", "extensions": {"x": [1]}}
    assert list(create.iter_errors(good)) == []
    for bad in ({**good, "colour": "red"},
                {**good, "location": {"lat": 51.5, "lon": -0.1, "height": 3}},
                {**good, "location": {"lat": 51.5}},
                {**good, "location": {"lat": 51.5, "lon": -0.1, "easting": 1, "northing": 2}},
                {**good, "people": [{"given_name": "no role"}]},
                {**good, "people": [{"role": "victim"}] * 13},
                {**good, "caller": {"shoe_size": 9}}):
        assert list(create.iter_errors(bad)), bad
    patch = body_validator("IncidentPatch")
    assert list(patch.iter_errors({"description": "x", "location": {"easting": 532500, "northing": 181300}})) == []
    assert list(patch.iter_errors({"people": []}))
    assert list(patch.iter_errors({}))
    event = body_validator("EventInput")
    assert list(event.iter_errors({"kind": "log", "text": "Patrol sent"})) == []
    assert list(event.iter_errors({"kind": "status", "text": "x"}))
    assert list(event.iter_errors({"kind": "contact", "text": "x",
                                   "contact": {"method": "phone", "with": "victim"}})) == []


def test_openapi_answer_matches_its_own_schema(http, base_url):
    r = http.get(base_url + "/api/v1/openapi.json")
    validate(r, "/api/v1/openapi.json", "get")


def test_unsigned_client_call_is_the_documented_401(http, base_url):
    r = http.get(base_url + "/api/v1/client")
    assert r.status_code == 401
    body = validate(r, "/api/v1/client", "get")
    assert body["code"] == "signature_missing"


def fake_response(status, body, ctype):
    r = requests.Response()
    r.status_code = status
    r._content = json.dumps(body).encode()
    r.headers["Content-Type"] = ctype
    return r


def test_validate_finds_what_does_not_match():
    with pytest.raises(AssertionError, match="status"):
        validate(fake_response(401, {"type": "urn:concord:problem:x", "title": "t",
                                     "status": "401", "code": "x"}, "application/problem+json"),
                 "/api/v1/client", "get")
    with pytest.raises(AssertionError, match="documents no 418"):
        validate(fake_response(418, {}, "application/json"), "/api/v1/client", "get")
    with pytest.raises(AssertionError, match="documents no application/json"):
        validate(fake_response(401, {}, "application/json"), "/api/v1/client", "get")
    schema, media = response_schema("/api/v1/incidents", "post", 201)
    assert media == "application/json" and schema == {"$ref": "#/components/schemas/Receipt"}
