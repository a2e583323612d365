"""POST /api/v1/eido and GET /api/v1/incidents/{ref}/eido: an EIDO
document is refused by its EIDO paths when it cannot be taken (nothing
made), and NENA's own sample creates one incident, posting it again
updates that incident, and the EIDO Concord returns carries the same $id,
agencies, location and people."""
import json

import pytest

from cad import make_client, problem
from openapi import validate
from stack import shared_data

MAPPINGS = {"types": {"N1": "noise"}, "defaults": {"type": "N1"}}


def incidents_of(db, client):
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM incident WHERE created_by = %s", (client.user_id,))
        return cur.fetchone()[0]


def test_malformed_pidf_lo_is_refused_by_its_eido_path(db):
    c = make_client(db, mappings=MAPPINGS)
    doc = {"$id": "urn:emergency:uid:incidentid:bad1:cad.example.uk",
           "agencyComponent": [],
           "locationComponent": [{"$id": "l1", "locationTypeDescriptionRegistryText": "Incident",
                                  "locationByValue": "<presence><gml:pos>51.5</presence>"}]}
    r = c.post("/api/v1/eido", json=doc)
    assert r.status_code == 422, r.text
    body = validate(r, "/api/v1/eido", "post")
    assert body["code"] == "invalid_eido"
    assert [(e["field"], e["code"]) for e in body["errors"]] == \
        [("locationComponent[0].locationByValue", "invalid_pidf_lo")]
    assert incidents_of(db, c) == 0


def test_eido_without_an_id_is_refused(db):
    c = make_client(db, mappings=MAPPINGS)
    r = c.post("/api/v1/eido", json={"eidoVersion": "1.0", "agencyComponent": []})
    assert r.status_code == 422
    assert [(e["field"], e["code"]) for e in problem(r)["errors"]] == [("$id", "missing")]


def test_eido_needs_the_write_scope(db):
    c = make_client(db, scopes=("incidents.read",))
    r = c.post("/api/v1/eido", json={"$id": "x"})
    assert r.status_code == 403
    assert validate(r, "/api/v1/eido", "post")["code"] == "scope_missing"


def test_eido_of_an_unknown_incident_is_404(db):
    c = make_client(db)
    r = c.get("/api/v1/incidents/ASB-1999-999999/eido")
    assert r.status_code == 404
    assert validate(r, "/api/v1/incidents/{ref}/eido", "get")["code"] == "not_found"


def nena_sample():
    with open(shared_data("eido", "sample-call-transfer.json"), encoding="utf-8") as f:
        return json.load(f)


def us_state_police(db):
    """The sample's sender as a force of the partnership: its log numbers
    have no set format (the City's do: CAD-YYYYMMDD-NNNN)."""
    with db.cursor() as cur:
        cur.execute("INSERT INTO agency (code, name, kind) VALUES ('pa-state-police', "
                    "'Pennsylvania State Police', 'police') ON CONFLICT (code) DO NOTHING")
    return "pa-state-police"


def test_nena_sample_creates_then_updates_one_incident_and_comes_back_as_eido(db):
    doc = nena_sample()
    c = make_client(db, agency=us_state_police(db), mappings=MAPPINGS)
    first = c.post("/api/v1/eido", json=doc)
    assert first.status_code == 201, first.text
    receipt = validate(first, "/api/v1/eido", "post")
    ref = receipt["reference"]
    assert incidents_of(db, c) == 1

    doc["lastUpdateTimeStamp"] = "2021-04-30T14:50:00.0-04:00"
    doc["notesComponent"] = [{"$id": "n1", "lastUpdateTimeStamp": "2021-04-30T14:50:00.0-04:00",
                              "updatedByAgencyReference": {"$ref": "state.pa.us"},
                              "notesActionComments": "<p>Caller called back</p>"}]
    again = c.post("/api/v1/eido", json=doc)
    assert again.status_code == 200, again.text
    assert validate(again, "/api/v1/eido", "post")["reference"] == ref
    assert incidents_of(db, c) == 1

    rep = c.get(f"/api/v1/incidents/{ref}").json()
    assert "Caller called back" in rep["description"]
    assert rep["external"]["id"] == doc["$id"]

    out = c.get(f"/api/v1/incidents/{ref}/eido")
    assert out.status_code == 200, out.text
    eido = validate(out, "/api/v1/incidents/{ref}/eido", "get")
    assert eido["$id"] == doc["$id"]
    assert "state.pa.us" in [a["$id"] for a in eido["agencyComponent"]]
    location = [loc for loc in eido["locationComponent"] if "locationByValue" in loc]
    assert location and "Wilmington" in location[0]["locationByValue"]
    people = {p["$id"]: p for p in eido["personComponent"]}
    caller = people["123e4567-abcd-12d3-a456-426614174000"]
    assert caller["personIncidentRoleRegistryText"] == ["Caller"]
    # Its number (tel:8195551212, no +1) is one Concord's phone check
    # refuses: it comes back in the callback component, as sent.
    callbacks = {cb["$id"]: cb for cb in eido["callbackComponent"]}
    assert "tel:8195551212" in callbacks[caller["callBackReference"]["$ref"]][
        "callBackInformationUri"]
    assert [a["$id"] for a in eido["agentComponent"]] == ["tjones.atroop@state.pa.us"]
